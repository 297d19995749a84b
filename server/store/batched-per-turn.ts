interface Waiting<Q, R> {
  request: Q;
  resolve(result: R | Promise<R>): void;
  reject(error: unknown): void;
}

/**
 * Work asked for within one event-loop turn goes to the database together: `many` does it all in one query or
 * transaction and gives each request its own result (or its own rejected promise), in the order asked; a turn with a
 * single request runs `one`. A request whose key is already waiting in the turn waits for that one to finish, then
 * goes in a later turn, so requests with one key run in the order asked. A failing `many` fails its whole batch.
 * On PostgreSQL each query is a round trip that wakes a server process; under load many requests arrive in a turn.
 */
export function batchedPerTurn<Q, R>(
  keyOf: (request: Q) => string,
  one: (request: Q) => Promise<R>,
  many: (requests: Q[]) => Promise<(R | Promise<R>)[]>,
): (request: Q) => Promise<R> {
  let turn: Map<string, { waiting: Waiting<Q, R>; done: Promise<R> }> | undefined;

  function flush(batch: Waiting<Q, R>[]): void {
    let results: Promise<(R | Promise<R>)[]>;
    try {
      results = batch.length === 1 ? one(batch[0]!.request).then((result) => [result]) : many(batch.map(({ request }) => request));
    } catch (error) {
      results = Promise.reject(error);
    }
    results.then(
      (answers) => batch.forEach(({ resolve }, i) => resolve(answers[i]!)),
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  }

  function batched(request: Q): Promise<R> {
    const key = keyOf(request);
    const earlier = turn?.get(key);
    if (earlier) {
      const after = () => batched(request);
      return earlier.done.then(after, after);
    }
    if (!turn) {
      const waiting = (turn = new Map());
      setImmediate(() => {
        turn = undefined;
        flush([...waiting.values()].map((entry) => entry.waiting));
      });
    }
    let waiting!: Waiting<Q, R>;
    const done = new Promise<R>((resolve, reject) => (waiting = { request, resolve, reject }));
    turn!.set(key, { waiting, done });
    return done;
  }

  return batched;
}
