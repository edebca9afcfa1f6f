// Progress for long runs at a terminal: a line every few seconds, and none at all for the
// small runs where it would only be noise.

export interface Progress {
  /** one more article done */
  tick(): void;
  /** the run is over: a final count if progress was shown and has moved since */
  done(): void;
}

export interface ProgressSettings {
  /** no progress before this many articles */
  after: number;
  everyMs: number;
  now: () => number;
}

const DEFAULTS: ProgressSettings = { after: 200, everyMs: 2000, now: () => performance.now() };

export function progressMeter(write: (line: string) => void, settings: Partial<ProgressSettings> = {}): Progress {
  const { after, everyMs, now } = { ...DEFAULTS, ...settings };
  const start = now();
  let count = 0;
  let lastShown = start;
  let shownCount = 0;
  const show = (): void => {
    lastShown = now();
    shownCount = count;
    const seconds = (lastShown - start) / 1000;
    write(`marsad: ${count} articles, ${seconds > 0 ? Math.round(count / seconds) : count}/s`);
  };
  return {
    tick() {
      count++;
      if (count >= after && now() - lastShown >= everyMs) show();
    },
    done() {
      if (shownCount && shownCount < count) show();
    },
  };
}
