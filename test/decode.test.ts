import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryContentError, decodeBytes } from '../src/ingest/decode.ts';
import { encode1256 } from './support/windows-1256.ts';

const ARABIC = 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني، وبحثا العلاقات الثنائية.';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** Deterministic, so a failure reproduces. */
function* randomBuffers(count: number): Generator<Buffer> {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16;
  for (let i = 0; i < count; i++) {
    const buf = Buffer.alloc(next() % 600);
    for (let j = 0; j < buf.length; j++) buf[j] = next() & 0xff;
    yield buf;
  }
}

test('UTF-8, with and without BOM', () => {
  assert.deepEqual(decodeBytes(Buffer.from(ARABIC)), { text: ARABIC, encoding: 'utf-8' });
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC)]);
  assert.deepEqual(decodeBytes(withBom), { text: ARABIC, encoding: 'utf-8' });
});

test('UTF-16 LE and BE with a BOM', () => {
  assert.deepEqual(decodeBytes(Buffer.from('\uFEFF' + ARABIC, 'utf16le')), { text: ARABIC, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(utf16be('\uFEFF' + ARABIC)), { text: ARABIC, encoding: 'utf-16be' });
});

test('UTF-16 LE and BE without a BOM, told apart by where the NUL bytes fall', () => {
  assert.deepEqual(decodeBytes(Buffer.from(ARABIC, 'utf16le')), { text: ARABIC, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(utf16be(ARABIC)), { text: ARABIC, encoding: 'utf-16be' });
  assert.deepEqual(decodeBytes(Buffer.from('Moscow, 5 May', 'utf16le')), { text: 'Moscow, 5 May', encoding: 'utf-16le' });
});

test('windows-1256 when the bytes are not UTF-8', () => {
  assert.deepEqual(decodeBytes(encode1256(ARABIC)), { text: ARABIC, encoding: 'windows-1256' });
});

test('CRLF and lone CR become LF', () => {
  assert.equal(decodeBytes(Buffer.from('سطر\r\nسطر\rسطر')).text, 'سطر\nسطر\nسطر');
  assert.equal(decodeBytes(encode1256('سطر\r\nسطر')).text, 'سطر\nسطر');
});

test('UTF-8 cut off mid-character at the end stays UTF-8', () => {
  const bytes = Buffer.from(ARABIC);
  const { text, encoding } = decodeBytes(bytes.subarray(0, bytes.length - 2));
  assert.equal(encoding, 'utf-8');
  assert.ok(text.startsWith(ARABIC.slice(0, 20)));
  assert.ok(text.endsWith('\uFFFD'));
});

test('a corrupt byte inside long UTF-8 text does not turn it into windows-1256', () => {
  const bytes = Buffer.from(ARABIC.repeat(3));
  bytes[40] = 0xff;
  assert.equal(decodeBytes(bytes).encoding, 'utf-8');
});

test('binary content is refused with a clear error', () => {
  assert.throws(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x00, 0x08, 0x00])), BinaryContentError);
  assert.throws(() => decodeBytes(Buffer.from('\x01\x02\x03\x04abc\x05\x06')), /binary content/);
});

test('empty input decodes to empty text', () => {
  assert.deepEqual(decodeBytes(Buffer.alloc(0)), { text: '', encoding: 'utf-8' });
});

test('random bytes decode or fail only with the binary-content error', () => {
  for (const buf of randomBuffers(2000)) {
    try {
      assert.equal(typeof decodeBytes(buf).text, 'string');
    } catch (err) {
      assert.ok(err instanceof BinaryContentError, `${(err as Error).message} on ${buf.toString('hex')}`);
    }
  }
});
