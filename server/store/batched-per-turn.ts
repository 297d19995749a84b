interface Waiting<Q, R> {
  request: Q;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Reads asked for within one event-loop turn go to the database together: `many` answers them all in one query, in
 * the order asked; a turn with a single read runs `one`. A read whose key is already waiting in the turn runs alone
 * at once (`one`), so a key stands for at most one entry of a batch. A failing query fails every read of its batch.
 * On PostgreSQL each query is a round trip that wakes a server process; under load many requests arrive in a turn.
 */
export function batchedPerTurn<Q, R>(
  keyOf: (request: Q) => string,
  one: (request: Q) => Promise<R>,
  many: (requests: Q[]) => Promise<R[]>,
): (request: Q) => Promise<R> {
  let turn: Map<string, Waiting<Q, R>> | undefined;

  function flush(waiting: Map<string, Waiting<Q, R>>): void {
    const batch = [...waiting.values()];
    const results = batch.length === 1 ? one(batch[0]!.request).then((result) => [result]) : many(batch.map(({ request }) => request));
    results.then(
      (answers) => batch.forEach(({ resolve }, i) => resolve(answers[i]!)),
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  }

  return (request) => {
    const key = keyOf(request);
    if (turn?.has(key)) return one(request);
    if (!turn) {
      const waiting = (turn = new Map());
      setImmediate(() => {
        turn = undefined;
        flush(waiting);
      });
    }
    return new Promise<R>((resolve, reject) => turn!.set(key, { request, resolve, reject }));
  };
}
