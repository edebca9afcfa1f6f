// Web pages and feeds say which encoding they use, in the order browsers trust: a byte-order
// mark, the HTTP Content-Type header, then a declaration in the document itself (`<meta
// charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding?>`). Older Arabic sites
// declare windows-1256 (or its aliases cp1256, iso-8859-6); pages that declare nothing, or
// something unknown, are detected the way local files are.
import { decodeBytes } from './decode.ts';

// Browsers look for the declaration in the first 1024 bytes; some pages put a long <head>
// first, so a little more is searched.
const SNIFF_BYTES = 4096;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/i;

export function decodeDocument(bytes: Buffer, contentType: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const declared = [charsetParam(contentType), META_CHARSET.exec(head)?.[1], XML_ENCODING.exec(head)?.[1]];
  for (const label of declared) {
    const decoder = label ? decoderFor(label) : null;
    if (decoder) return decoder.decode(bytes);
  }
  return decodeBytes(bytes).text;
}

function charsetParam(contentType: string | null): string | undefined {
  return contentType ? /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] : undefined;
}

function bomEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A decoder for a WHATWG encoding label, or null for a label it does not know. A declared
 *  UTF-16 is left to detection: a declaration readable as ASCII cannot be right, and real
 *  UTF-16 without a byte-order mark is recognised by its NUL bytes. */
function decoderFor(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding.startsWith('utf-16') ? null : decoder;
  } catch {
    return null;
  }
}
