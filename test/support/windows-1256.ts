/** windows-1256 has no encoder in Node; the decoder's table, inverted, is one. */
export function encode1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => {
    const b = byteOf.get(ch);
    if (b === undefined) throw new Error(`no windows-1256 byte for ${ch}`);
    return b;
  }));
}
