/** One server-sent event: `id` only on message events (it is the message's seq). */
export interface SseEvent {
  event: string;
  data: unknown;
  id?: number;
}
