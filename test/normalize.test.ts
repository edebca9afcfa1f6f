import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, normalizeArabic, stripClitics, tokenize } from '../src/kb/normalize.ts';
import { PhraseTrie } from '../src/kb/trie.ts';

test('alef, hamza, ya, ta marbuta, harakat and tatweel fold', () => {
  assert.equal(normalizeArabic('أإآٱ'), 'اااا');
  assert.equal(normalizeArabic('مصطفى'), 'مصطفي');
  assert.equal(normalizeArabic('مدرسة'), 'مدرسه');
  assert.equal(normalizeArabic('عَزّزا'), 'عززا');
  assert.equal(normalizeArabic('روســيا'), 'روسيا');
  assert.equal(normalizeArabic('ﻻ'), 'لا', 'presentation forms decompose');
});

test('transliteration variants of foreign names share a key', () => {
  assert.equal(nameKey('سيرغي'), nameKey('سيرجي'));
  assert.equal(nameKey('شنغهاي'), nameKey('شنجهاي'));
  assert.notEqual(nameKey('بوتين'), nameKey('بوتن'));
});

test('attached conjunctions and prepositions come off, most literal form first', () => {
  assert.deepEqual(stripClitics(nameKey('والصين')).slice(0, 2), ['والصين', 'الصين']);
  assert.ok(stripClitics(nameKey('للصين')).includes('الصين'));
  assert.ok(stripClitics(nameKey('بروسيا')).includes('روسيا'));
  assert.ok(stripClitics(nameKey('وبموسكو')).includes('موسكو'));
  assert.equal(stripClitics(nameKey('بوتين'))[0], 'بوتين');
});

test('tokens keep offsets into the original text', () => {
  const text = 'قال لافروف، أمس';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(tokenize(text)[2].gap, '، ');
});

test('the phrase trie finds the longest phrase, across clitics but not across punctuation', () => {
  const trie = new PhraseTrie<string>();
  trie.add('منظمة شنغهاي للتعاون', 'SCO');
  trie.add('شنغهاي', 'city');
  trie.add('اجتماع*', 'meeting');
  const tokens = tokenize('وبمنظمة شنجهاي للتعاون، شنغهاي. اجتماعات');
  const found = trie.scan(tokens).map((m) => [m.values[0], m.to - m.from]);
  assert.deepEqual(found, [['SCO', 3], ['city', 1], ['meeting', 1]]);
  assert.equal(trie.matchAt(tokenize('منظمة شنغهاي، للتعاون'), 0), null);
  assert.deepEqual(trie.matchAt(tokenize('اجتماعه'), 0)?.values, ['meeting']);
});
