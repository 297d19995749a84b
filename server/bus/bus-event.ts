import type { Message, TypingEvent } from '../../src/api/wire';

/**
 * What travels between writers and streams. Stored changes travel only as wake-up hints (`message` says "session S
 * has a message at seq N", `preview` "message M's preview changed"): subscribers read the truth from the database. Typing is not stored, so it carries itself.
 * `resync` is local: this instance may have missed hints (its LISTEN connection dropped), every subscriber re-reads.
 * A message event delivered within the instance that wrote it also carries the message, which saves its streams
 * the read when it is the next one they expect; it never travels between instances.
 */
export type BusEvent =
  | { kind: 'message'; appId: string; sessionId: string; seq: number; message?: Message }
  | { kind: 'session'; appId: string; sessionId: string }
  | { kind: 'preview'; appId: string; sessionId: string; messageId: string; seq: number }
  | { kind: 'typing'; appId: string; sessionId: string; typing: TypingEvent }
  | { kind: 'resync' };

/** A subscription: one session (visitor streams) or every session of an app (agent streams). */
export type BusTopic = { sessionId: string } | { appId: string };

export type BusListener = (event: BusEvent) => void;
