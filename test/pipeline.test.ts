// Stage behaviour on small articles written for the purpose: people found from titles, later
// short mentions resolved, speakers carried over, events coded with their mode and date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKb } from '../src/kb/load.ts';
import { extractDoc } from '../src/extract/pipeline.ts';
import type { Actor, ContractDoc } from '../src/extract/types.ts';

const kb = loadKb();
const run = (text: string, published: string | null = '2023-09-20'): ContractDoc =>
  extractDoc({ id: 't', text, title: '', published }, kb);
const names = (actors: Actor[]) => actors.map((a) => a.name_ar);
const person = (doc: ContractDoc, name: string) => doc.entities.find((e) => e.kind === 'person' && e.name_ar === name);

test('a titled mention of an unknown person gives name, role and country', () => {
  const doc = run('التقى سكرتير مجلس الأمن القومي المنغولي جادامبا إنخبايار وزير الخارجية الصيني وانغ يي في بكين.');
  const p = person(doc, 'جادامبا إنخبايار');
  assert.ok(p, JSON.stringify(doc.entities));
  assert.equal(p.country, 'MNG');
  assert.match(p.role ?? '', /secretary/);
  assert.ok(doc.entities.some((e) => e.kind === 'country' && e.code === 'MNG'));
  assert.ok(!doc.entities.some((e) => e.kind === 'org'), 'a national security council is no international organisation');
});

test('a name followed by an appositive title is discovered too', () => {
  const doc = run('كما اجتمع الوزير مع ستيف بيغون، المبعوث الأمريكي الخاص إلى كوريا الشمالية.');
  const p = doc.entities.find((e) => e.kind === 'person' && e.name_ar.includes('بيغون'));
  assert.ok(p);
  assert.equal(p.country, 'USA');
});

test('later short mentions, even a wrong one, resolve to the person named in full', () => {
  const doc = run('قال الرئيس الصيني شي جين بينغ إن العلاقات قوية.\nوأضاف بينغ أن البلدين يتعاونان في مجالات كثيرة.');
  const xi = doc.entities.filter((e) => e.kind === 'person');
  assert.equal(xi.length, 1);
  assert.equal(xi[0].mentions.length, 2);
  for (const m of xi[0].mentions) assert.ok(['شي جين بينغ', 'بينغ'].includes(doc.text.slice(m.start, m.end)));
});

test('وأضاف and حسب قوله continue the last speaker; وفقا لـ names the speaker after the words', () => {
  const doc = run([
    'قال وزير الخارجية الروسي سيرغي لافروف إن روسيا مستعدة للعمل مع الصين.',
    'وأضاف أن التعاون بين البلدين يتعمق بشكل مستمر.',
    'والتجارة الثنائية انتعشت خلال العام الماضي بشكل ملحوظ، حسب قوله.',
    'والصين مستعدة للوقوف جنبا إلى جنب مع روسيا، وفقا لوانغ يي.',
  ].join('\n'));
  const speakers = doc.statements.map((s) => s.speaker.name_en);
  assert.deepEqual(speakers, ['Sergey Lavrov', 'Sergey Lavrov', 'Sergey Lavrov', 'Wang Yi']);
  assert.ok(doc.statements[2].text.startsWith('والتجارة الثنائية'));
  for (const s of doc.statements) assert.equal(doc.text.slice(s.start, s.end), s.text);
});

test('a phone call between two named ministers is one CONSULT/phone with both as actors', () => {
  const doc = run('وفي محادثة هاتفية مع وزير الخارجية الروسي سيرغي لافروف، هنأ وزير الخارجية الصيني وانغ يي الجانب الروسي على نجاح القمة.');
  const consult = doc.events.filter((e) => e.type === 'CONSULT');
  assert.equal(consult.length, 1);
  assert.equal(consult[0].mode, 'phone');
  assert.equal(consult[0].status, 'held');
  assert.deepEqual(new Set(consult[0].actors.map((a) => a.name_en)), new Set(['Sergey Lavrov', 'Wang Yi']));
  const support = doc.events.find((e) => e.type === 'SUPPORT');
  assert.deepEqual(names(support?.recipients ?? []), ['روسيا']);
});

test('a visit is directed, dated from a weekday, placed in the city named', () => {
  const doc = run('يزور وزير الخارجية الفرنسي جان إيف لودريان الاثنين طهران لمناقشة الاتفاق النووي مع نظيره الإيراني محمد جواد ظريف.', '2018-03-05');
  const visit = doc.events.find((e) => e.type === 'CONSULT' && e.mode === 'visit');
  assert.ok(visit, JSON.stringify(doc.events));
  assert.deepEqual(visit.actors.map((a) => a.name_en), ['Jean-Yves Le Drian']);
  assert.equal(visit.recipients[0].country, 'IRN');
  assert.equal(visit.date?.value, '2018-03-05');
  assert.equal(visit.place?.name_en, 'Tehran');
});

test('what will not happen is no event, and a planned meeting is planned', () => {
  const doc = run('قال بومبيو إنه لن يلتقي بالرئيس الصيني شي جين بينغ، لكنه سيجتمع مع وزير الخارجية وانغ يي.');
  const consult = doc.events.filter((e) => e.type === 'CONSULT');
  assert.equal(consult.length, 1);
  assert.equal(consult[0].status, 'planned');
  assert.ok(consult[0].actors.concat(consult[0].recipients).some((a) => a.name_en === 'Wang Yi'));
  assert.ok(!consult[0].actors.concat(consult[0].recipients).some((a) => a.name_en === 'Xi Jinping'));
});

test('no publication date: relative dates stay unresolved, explicit ones resolve', () => {
  const doc = run('التقى وزير الخارجية الروسي سيرغي لافروف أمس نظيره الصيني وانغ يي.', null);
  const consult = doc.events.find((e) => e.type === 'CONSULT');
  assert.ok(consult);
  assert.equal(consult.date?.value ?? null, null);
  const dated = run('سان بطرسبرج 20 سبتمبر 2023 (شينخوا) التقى الرئيس الروسي فلاديمير بوتين اليوم (الأربعاء) وزير الخارجية الصيني وانغ يي.', null);
  assert.equal(dated.events.find((e) => e.type === 'CONSULT')?.date?.value, '2023-09-20');
});

test('any text, however broken, gives a well-formed document', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى،.؛:!؟ \n0123456789«»"()-#_ًٌٍَُِّْـ\u200f\ufeffﻻabc';
  for (let k = 0; k < 300; k++) {
    const text = Array.from({ length: Math.floor(rand() * 400) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const doc = run(text);
    for (const e of doc.events) assert.equal(doc.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
    for (const e of doc.entities) for (const m of e.mentions) assert.ok(m.start >= 0 && m.end <= doc.text.length && m.start < m.end);
  }
});
