import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKb } from '../src/kb/load.ts';
import { tokenize } from '../src/kb/normalize.ts';
import { findDates } from '../src/extract/dates.ts';

const kb = loadKb();
const dateOf = (text: string, ref: string | null, future = false) => {
  const tokens = tokenize(text);
  return findDates(kb, tokens, 0, tokens.length, ref, future)[0]?.value ?? null;
};

// 2023-09-20 is a Wednesday.
const WED = '2023-09-20';

test('today, yesterday and tomorrow resolve against the reference date', () => {
  assert.equal(dateOf('التقى الوزيران اليوم', WED), WED);
  assert.equal(dateOf('في اجتماع أمس', WED), '2023-09-19');
  assert.equal(dateOf('يصل غدا', WED), '2023-09-21');
});

test('a bare weekday is the latest such day on or before the reference', () => {
  assert.equal(dateOf('اجتمع الأربعاء', WED), WED);
  assert.equal(dateOf('اجتمع الاثنين', WED), '2023-09-18');
  assert.equal(dateOf('اجتمع يوم الخميس', WED), '2023-09-14');
  assert.equal(dateOf('اجتمع السبت', WED), '2023-09-16');
});

test('a weekday marked المقبل, or in a sentence about the future, is the next one', () => {
  assert.equal(dateOf('يلتقي الاثنين المقبل', WED), '2023-09-25');
  assert.equal(dateOf('سيلتقي الخميس', WED, true), '2023-09-21');
  assert.equal(dateOf('سيلتقي الأحد', '2015-08-01', true), '2015-08-02');
});

test('explicit dates win, with the year from the reference when omitted', () => {
  assert.equal(dateOf('سان بطرسبرج 20 سبتمبر 2023 (شينخوا)', null), '2023-09-20');
  assert.equal(dateOf('القمة في 12 حزيران/يونيو في سنغافورة', '2018-06-01', true), '2018-06-12');
  assert.equal(dateOf('منذ لقائه في الثاني عشر من حزيران/يونيو', '2018-07-07'), '2018-06-12');
  assert.equal(dateOf('قمة الحلف يومي 11 و12 يوليو', '2018-06-27', true), '2018-07-11');
  assert.equal(dateOf('يزور ماليزيا من 4 الى 6 اغسطس', '2015-08-01', true), '2015-08-04');
});

test('months, weeks and relative months give month precision', () => {
  assert.equal(dateOf('التقيا في نوفمبر الماضي', '2018-06-27'), '2017-11');
  assert.equal(dateOf('زيارته إلى روسيا في آذار الماضي', '2023-05-05'), '2023-03');
  assert.equal(dateOf('في مارس من هذا العام', '2023-09-20'), '2023-03');
  assert.equal(dateOf('اجتمع معه الأسبوع الماضي', '2018-04-18'), '2018-04');
  assert.equal(dateOf('نقلوا الدعوة هذا الشهر', '2018-03-18'), '2018-03');
  assert.equal(dateOf('الشهر الماضي', '2018-01-10'), '2017-12');
});

test('without a reference date nothing relative is resolved', () => {
  assert.equal(dateOf('اجتمع أمس', null), null);
  assert.equal(dateOf('اجتمع الاثنين', null), null);
  assert.equal(dateOf('في آذار الماضي', null), null);
});
