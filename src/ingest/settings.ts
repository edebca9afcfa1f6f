export interface ReadOptions {
  /** YYYY-MM-DD for articles that carry no date of their own */
  published?: string | null;
  /** a text article larger than this is refused (bytes) */
  maxTextBytes?: number;
  /** a JSONL record whose text is larger than this is refused (UTF-8 bytes) */
  maxRecordTextBytes?: number;
  stdin?: NodeJS.ReadableStream;
  /** told of the bytes of each file as they are read, for a progress bar */
  onBytes?: (bytes: number) => void;
}

export type Settings = Required<Omit<ReadOptions, 'stdin'>>;

const MB = 1024 * 1024;

export function settingsOf(options: ReadOptions): Settings {
  return {
    published: options.published ?? null,
    maxTextBytes: options.maxTextBytes ?? 10 * MB,
    maxRecordTextBytes: options.maxRecordTextBytes ?? 2 * MB,
    onBytes: options.onBytes ?? (() => {}),
  };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return bytes < MB ? `${Number((bytes / 1024).toFixed(1))} KB` : `${Number((bytes / MB).toFixed(1))} MB`;
}
