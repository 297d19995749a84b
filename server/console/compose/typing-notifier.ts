// Throttles "agent is typing" posts: one `true` when typing starts and again every repeatMs while it goes on
// (so the visitor's indicator does not expire), one `false` after idleMs of quiet or when the message is sent.
export interface TypingNotifier {
  input(): void;
  stop(): void;
}

export interface TypingTiming {
  repeatMs: number;
  idleMs: number;
}

export const DEFAULT_TYPING_TIMING: TypingTiming = { repeatMs: 3000, idleMs: 4000 };

export function createTypingNotifier(
  post: (typing: boolean) => void,
  timing: TypingTiming = DEFAULT_TYPING_TIMING,
  now: () => number = Date.now,
): TypingNotifier {
  let active = false;
  let lastPost = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!active) return;
    active = false;
    post(false);
  }

  return {
    input(): void {
      if (!active || now() - lastPost >= timing.repeatMs) {
        active = true;
        lastPost = now();
        post(true);
      }
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stop, timing.idleMs);
    },
    stop,
  };
}
