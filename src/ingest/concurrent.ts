/** `task` over `inputs` with at most `limit` running at once, results in input order, so
 *  network waits overlap while the output stays reproducible. `task` must not reject. */
export async function* mapConcurrent<T, R>(inputs: Iterable<T>, limit: number, task: (input: T) => Promise<R>): AsyncGenerator<R> {
  const iterator = inputs[Symbol.iterator]();
  const running: Promise<R>[] = [];
  const startNext = (): void => {
    const next = iterator.next();
    if (!next.done) running.push(task(next.value));
  };
  for (let i = 0; i < limit; i++) startNext();
  while (running.length) {
    const result = await running.shift()!;
    startNext();
    yield result;
  }
}
