import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, ContractDoc, ContractEvent } from '../src/extract/types.ts';
import { formatReport, glossEvent } from '../src/cli/report.ts';

const wang: Actor = { kind: 'person', name_ar: 'وانغ يي', name_en: 'Wang Yi', country: 'CHN', code: null };
const putin: Actor = { kind: 'person', name_ar: 'فلاديمير بوتين', name_en: 'Vladimir Putin', country: 'RUS', code: null };
const unnamed: Actor = { kind: 'person', name_ar: 'جادامبا إنخبايار', name_en: null, country: 'MNG', code: null };
const iran: Actor = { kind: 'country', name_ar: 'إيران', name_en: 'Iran', country: 'IRN', code: 'IRN' };
const countryName = (iso3: string) => ({ CHN: 'China', RUS: 'Russia' })[iso3] ?? iso3;

function event(fields: Partial<ContractEvent>): ContractEvent {
  return {
    type: 'CONSULT', mode: null, status: 'held', actors: [wang], recipients: [putin], date: null, place: null,
    evidence: { start: 0, end: 10, text: 'التقى وانغ يي\nبوتين' }, confidence: 0.9, ...fields,
  };
}

test('a visit reads as the design example', () => {
  const visit = event({
    mode: 'visit',
    date: { value: '2023-09-20', precision: 'day', text: 'الأربعاء' },
    place: { name_ar: 'سانت بطرسبورغ', name_en: 'Saint Petersburg', country: 'RUS' },
  });
  assert.equal(glossEvent(visit, countryName), '2023-09-20 — Wang Yi (China) visited Vladimir Putin (Russia) in Saint Petersburg [CONSULT/visit, held]');
});

test('modes, plans and types choose the verb', () => {
  const gloss = (fields: Partial<ContractEvent>) => glossEvent(event(fields), countryName);
  assert.match(gloss({ mode: 'phone' }), / spoke by phone with /);
  assert.match(gloss({ mode: 'third-party' }), /\(China\) met Vladimir/);
  assert.match(gloss({ mode: 'multilateral', status: 'planned' }), / will meet /);
  assert.match(gloss({ mode: 'visit', status: 'planned' }), / is to visit /);
  assert.match(gloss({ type: 'AGREE', mode: null }), / agreed with /);
  assert.match(gloss({ type: 'REQUEST', status: 'planned' }), / will call on /);
  assert.match(gloss({ type: 'ACCUSE', actors: [iran] }), /— Iran accused Vladimir/);
});

test('a missing date is "undated"; an unknown English name falls back to Arabic; actors are listed', () => {
  const line = glossEvent(event({ actors: [wang, putin, unnamed], recipients: [] }), countryName);
  assert.equal(line, 'undated — Wang Yi (China), Vladimir Putin (Russia) and جادامبا إنخبايار (MNG) met [CONSULT, held]');
});

test('the report shows the header, each event with its evidence, and statements', () => {
  const doc: ContractDoc = {
    id: 'n1', title: 'لقاء', published: null, text: '',
    entities: [{ kind: 'country', code: 'MNG', name_ar: 'منغوليا', name_en: 'Mongolia', mentions: [] }],
    events: [event({ actors: [unnamed] })],
    statements: [{ speaker: putin, start: 0, end: 5, text: 'العلاقات\nممتازة' }],
  };
  assert.equal(formatReport(doc, countryName), [
    'n1 — «لقاء» — undated',
    '  undated — جادامبا إنخبايار (Mongolia) met Vladimir Putin (Russia) [CONSULT, held]',
    '    «التقى وانغ يي بوتين»',
    '  Vladimir Putin (Russia): «العلاقات ممتازة»',
    '', '',
  ].join('\n'));
});
