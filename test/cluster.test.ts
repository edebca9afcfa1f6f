import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterEvents, type ClusterEvent } from '../src/cluster/cluster.ts';
import { participantKeys } from '../src/cluster/keys.ts';
import type { Actor } from '../src/extract/types.ts';

const putin: Actor = { kind: 'person', name_ar: 'فلاديمير بوتين', name_en: 'Vladimir Putin', country: 'RUS', code: null };
const xi: Actor = { kind: 'person', name_ar: 'شي جين بينغ', name_en: 'Xi Jinping', country: 'CHN', code: null };
const russia: Actor = { kind: 'country', name_ar: 'روسيا', name_en: 'Russia', country: 'RUS', code: 'RUS' };
const china: Actor = { kind: 'country', name_ar: 'الصين', name_en: 'China', country: 'CHN', code: 'CHN' };
const lavrov: Actor = { kind: 'person', name_ar: 'سيرغي لافروف', name_en: 'Sergey Lavrov', country: 'RUS', code: null };
const wang: Actor = { kind: 'person', name_ar: 'وانغ يي', name_en: 'Wang Yi', country: 'CHN', code: null };

const leaders = participantKeys('CONSULT', [putin, xi], []);
const states = participantKeys('CONSULT', [russia, china], []);

let nextId = 1;
function report(over: Partial<ClusterEvent>): ClusterEvent {
  const id = nextId++;
  return { id, type: 'CONSULT', participants: leaders, date: null, place: null, docId: 100 + id, source: null, published: null, evidence: '', ...over };
}

// Five outlets on the Putin–Xi phone call of 2022-06-15, each dating and wording it its own way.
const call = [
  report({ source: 'RT Arabic', date: '2022-06-15', published: '2022-06-15', evidence: 'أجرى الرئيس الروسي فلاديمير بوتين اليوم الأربعاء اتصالا هاتفيا مع نظيره الصيني شي جين بينغ' }),
  report({ source: 'Xinhua Arabic', date: '2022-06-15', published: '2022-06-16', evidence: 'تحدث الرئيس الصيني شي جين بينغ هاتفيا مع الرئيس الروسي فلاديمير بوتين يوم الأربعاء' }),
  report({ source: 'Al Jazeera', date: '2022-06-16', published: '2022-06-16', evidence: 'قال الكرملين إن بوتين وشي بحثا في اتصال هاتفي أمس العلاقات الثنائية' }),
  report({ source: 'Sky News Arabia', date: '2022-06', published: '2022-06-17', evidence: 'بحث الرئيسان الروسي والصيني في مكالمة هاتفية خلال يونيو الوضع في أوكرانيا' }),
  report({ source: 'Asharq Al-Awsat', participants: states, published: '2022-06-18', evidence: 'أكدت روسيا والصين في اتصال هاتفي بين رئيسيهما تعزيز التعاون' }),
];
const callIds = call.map((e) => e.id);

describe('clusterEvents', () => {
  it('groups one meeting reported by five outlets', () => {
    assert.deepEqual(clusterEvents(call), [callIds]);
  });

  it('keeps apart reports of another type', () => {
    const agree = report({ type: 'AGREE', date: '2022-06-15', evidence: 'اتفق بوتين وشي على توسيع التعاون الاقتصادي' });
    assert.deepEqual(clusterEvents([...call, agree]), [callIds, [agree.id]]);
  });

  it('keeps apart meetings of other participants', () => {
    const ministers = report({ participants: participantKeys('CONSULT', [lavrov, wang], []), date: '2022-06-15', evidence: 'بحث لافروف ووانغ يي هاتفيا العلاقات الثنائية' });
    assert.deepEqual(clusterEvents([...call, ministers]), [callIds, [ministers.id]]);
  });

  it('does not merge one participant with a pair', () => {
    const single = report({ participants: participantKeys('CONSULT', [china], []), date: '2022-06-15', evidence: 'أجرت الصين محادثات هاتفية' });
    assert.deepEqual(clusterEvents([...call, single]), [callIds, [single.id]]);
  });

  it('keeps apart the same pair a month later', () => {
    const later = report({ date: '2022-07-20', published: '2022-07-20', evidence: 'أجرى بوتين وشي اتصالا هاتفيا جديدا' });
    assert.deepEqual(clusterEvents([...call, later]), [callIds, [later.id]]);
  });

  it('allows three days between day dates, not four', () => {
    const [a] = call;
    const near = report({ date: '2022-06-18', evidence: 'x' });
    const far = report({ date: '2022-06-19', evidence: 'x' });
    assert.deepEqual(clusterEvents([a, near]), [[a.id, near.id]]);
    assert.deepEqual(clusterEvents([a, far]), [[a.id], [far.id]]);
  });

  it('keeps apart meetings in different places', () => {
    const moscow = report({ date: '2023-03-21', place: 'Moscow', evidence: 'التقى بوتين وشي في موسكو' });
    const beijing = report({ date: '2023-03-21', place: 'Beijing', evidence: 'التقى بوتين وشي في بكين' });
    assert.deepEqual(clusterEvents([moscow, beijing]), [[moscow.id], [beijing.id]]);
    // A report naming no place may join either; the evidence wording picks the closer one.
    const unplaced = report({ date: '2023-03-22', evidence: 'التقى بوتين وشي في العاصمة بكين' });
    assert.deepEqual(clusterEvents([moscow, beijing, unplaced]), [[moscow.id], [beijing.id, unplaced.id]]);
  });

  it('finds a pair inside a summit of many', () => {
    const summit = report({ type: 'CONSULT', participants: 'ABCDEFGHIJ'.split('').map((c) => `c:${c}A`), date: '2023-08-23', evidence: 'قمة' });
    const pair = report({ participants: ['c:IA', 'c:JA'], date: '2023-08-23', evidence: 'على هامش القمة' });
    assert.deepEqual(clusterEvents([summit, pair]), [[summit.id, pair.id]]);
  });

  it('never puts two reports of one document in one group', () => {
    const [a, b] = call;
    assert.deepEqual(clusterEvents([a, { ...b, docId: a.docId }]), [[a.id], [b.id]]);
  });

  it('leaves reports with neither date nor publication date alone', () => {
    const a = report({ evidence: 'بوتين وشي' });
    const b = report({ evidence: 'بوتين وشي' });
    assert.deepEqual(clusterEvents([a, b]), [[a.id], [b.id]]);
  });

  it('does not chain reports into a group longer than the window', () => {
    const days = ['2022-09-01', '2022-09-03', '2022-09-05', '2022-09-07'].map((date) => report({ date, evidence: 'بوتين وشي' }));
    const groups = clusterEvents(days);
    for (const g of groups) assert.ok(g.length <= 2, JSON.stringify(groups));
  });

  it('is deterministic whatever the input order', () => {
    const all = [...call, report({ type: 'AGREE', date: '2022-06-15', evidence: 'اتفق' }), report({ date: '2022-07-20', evidence: 'اتصال' })];
    const expected = clusterEvents(all);
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = [...all].sort((a, b) => ((a.id * 7919 * seed) % 101) - ((b.id * 7919 * seed) % 101));
      assert.deepEqual(clusterEvents(shuffled), expected);
    }
  });
});

describe('participantKeys', () => {
  it('gives a person and their country, sorted', () => {
    assert.deepEqual(leaders, ['c:CHN', 'c:RUS', 'p:vladimir putin', 'p:xi jinping']);
    assert.deepEqual(states, ['c:CHN', 'c:RUS']);
  });

  it('marks recipients of directed types only', () => {
    assert.deepEqual(participantKeys('ACCUSE', [russia], [china]), ['>c:CHN', 'c:RUS']);
    assert.deepEqual(participantKeys('AGREE', [russia], [china]), ['c:CHN', 'c:RUS']);
  });
});
