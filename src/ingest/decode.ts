// Turns the bytes of one article into text. Arabic news arrives as UTF-8 (with or without a
// BOM), as UTF-16 from Windows tools, and as windows-1256 from older Arabic sites and
// archives; nothing here may crash on arbitrary bytes.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export interface Decoded { text: string; encoding: Encoding }

/** Raised for content that is not text in any supported encoding. */
export class BinaryContentError extends Error {
  constructor(detail: string) {
    super(`binary content (${detail})`);
    this.name = 'BinaryContentError';
  }
}

// In UTF-16 text of any script, spaces, digits and line breaks put NUL high bytes at one
// parity; a binary file's NULs fall on both. The share keeps a stray NUL or two in a short
// random buffer from passing for UTF-16.
const UTF16_NUL_PARITY_SHARE = 0.95;
const UTF16_MIN_NUL_PER_CHAR = 0.05;
// Text may carry a stray form feed or a DOS end-of-file mark; binary data, read as
// characters, is about one tenth controls.
const MAX_CONTROL_SHARE = 0.05;
// A UTF-8 file with a few corrupt bytes is still UTF-8: read as windows-1256 it would turn
// every Arabic letter into mojibake. windows-1256 Arabic forms valid UTF-8 pairs only by
// accident, far below this ratio.
const MIN_VALID_PER_INVALID_UTF8 = 20;

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const REPLACEMENT = /\uFFFD/g;
const NON_ASCII = /[^\x00-\x7F\uFFFD]/g;

export function decodeBytes(buf: Buffer): Decoded {
  const encoding = detectEncoding(buf);
  // TextDecoder drops a BOM matching the encoding and replaces malformed sequences.
  const text = new TextDecoder(encoding).decode(buf);
  const controls = count(text, CONTROL);
  if (controls > text.length * MAX_CONTROL_SHARE) {
    throw new BinaryContentError(`${Math.round((100 * controls) / text.length)}% control characters`);
  }
  // Lone CR is how classic Mac OS ended lines; treating it as a break too keeps paragraphs.
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}

function detectEncoding(buf: Buffer): Encoding {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  const utf16 = utf16ByNulPattern(buf);
  if (utf16) return utf16;
  if (buf.includes(0)) throw new BinaryContentError('NUL bytes');
  return looksLikeUtf8(buf) ? 'utf-8' : 'windows-1256';
}

function utf16ByNulPattern(buf: Buffer): Encoding | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const nuls = even + odd;
  const chars = buf.length / 2;
  if (nuls === 0 || nuls < chars * UTF16_MIN_NUL_PER_CHAR) return null;
  // A Latin letter is `41 00` in little-endian order: the NUL comes second, at odd offsets.
  if (odd >= nuls * UTF16_NUL_PARITY_SHARE) return 'utf-16le';
  if (even >= nuls * UTF16_NUL_PARITY_SHARE) return 'utf-16be';
  return null;
}

/** Valid UTF-8, or UTF-8 with damage: a sequence cut off at the end of the file (a
 *  truncated download) or rare corrupt bytes among many well-formed characters. */
function looksLikeUtf8(buf: Buffer): boolean {
  const text = new TextDecoder('utf-8').decode(buf);
  const invalid = count(text, REPLACEMENT);
  if (invalid === 0) return true;
  const valid = count(text, NON_ASCII);
  if (valid === 0) return false;
  const onlyTruncatedEnd = invalid === 1 && text.endsWith('\uFFFD');
  return onlyTruncatedEnd || valid >= invalid * MIN_VALID_PER_INVALID_UTF8;
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
