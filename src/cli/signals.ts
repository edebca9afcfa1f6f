// Ctrl-C (or a service manager's SIGTERM) during a long ingest asks for a clean stop: the
// batch in progress is committed, then the command ends. A second signal ends it at once,
// which is still safe: every batch is a transaction.

export interface StopSignal { signal: AbortSignal; dispose(): void }

export function stopOnSignals(onFirst: (name: string) => void): StopSignal {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    onFirst(name);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
