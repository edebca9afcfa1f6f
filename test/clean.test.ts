import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTsv } from '../src/kb/tsv.ts';
import { compileBoilerplate, cleanArticle } from '../src/extract/clean.ts';

const rules = compileBoilerplate(readTsv(new URL('../data/lexicon/boilerplate.tsv', import.meta.url).pathname));
const clean = (raw: string, title?: string | null) => cleanArticle(raw, rules, title === undefined ? {} : { title });

// Fixtures are short excerpts of the seed articles (shared/seeds) and of the corpus outlets
// named beside them; paragraphs are shortened.

const P1 = 'قال عضو مجلس الدولة وزير الخارجية الصيني وانغ يي، يوم الأربعاء، إن الصين مستعدة لإثراء المضمون الاستراتيجي لعلاقاتها مع روسيا.';
const P2 = 'من جانبه، قال لافروف إنه على الرغم من تفشي الوباء، استمرت العلاقات الروسية – الصينية في التقدم بسرعة.';

test('headline: a plain first line', () => {
  const title = 'وزير الخارجية الصيني: الصين مستعدة لتعزيز التنسيق الاستراتيجي الشامل مع روسيا إلى مستوى أعلى';
  const r = clean(`${title}\n${P1}\n${P2}`);
  assert.equal(r.title, title);
  assert.equal(r.text, `${P1}\n${P2}`);
  assert.deepEqual(r.removed, []);
});

test('headline: a dateline first is kept in the text and is not the headline', () => {
  // seed 003 (SANA): dateline, then the lead sentence; the article has no headline
  const lead = 'تعهدت الصين وروسيا بمواصلة تطوير العلاقات الثنائية، وبناء منظمة شنغهاي للتعاون لتصبح منصة للتعاون متبادل المنفعة.';
  const r = clean(`غوا-سانا\n${lead}\n${P2}`);
  assert.equal(r.title, null);
  assert.equal(r.text, `غوا-سانا\n${lead}\n${P2}`);
});

test('headline: found after a standalone dateline; datelines of several shapes', () => {
  const title = 'الجبير يكشف ملابسات زيارة وفد حماس للسعودية';
  for (const dateline of ['عين اليوم – جدة', 'سان بطرسبرج 20 سبتمبر 2023 (شينخوا)', 'أحمد حجازي – عين اليوم']) {
    const r = clean(`${dateline}\n\n${title}\n\n${P1}`);
    assert.equal(r.title, title, dateline);
    assert.equal(r.text, `${dateline}\n\n${P1}`, dateline);
  }
});

test('headline: breadcrumb first; source line and the repeated headline removed (seed 004, Xinhua)', () => {
  const title = 'بوتين: روسيا تعمل مع الصين من أجل حماية النزاهة والعدالة الدوليتين';
  const lead = 'سان بطرسبرج 20 سبتمبر 2023 (شينخوا) قال الرئيس الروسي فلاديمير بوتين اليوم (الأربعاء) إن بلاده تتعاون مع الصين لمقاومة الهيمنة أحادية القطب.';
  const raw = `الصفحة الرئيسية >> التبادلات الدولية\n\n${title}\n\n/مصدر: شينخوا/\u00a0\u00a0\u00a02023:09:21.08:46\n${title}\n\n${lead}\n\n${P2}\n\nصور ساخنة`;
  const r = clean(raw);
  assert.equal(r.title, title);
  assert.equal(r.text, `${lead}\n\n${P2}`);
  for (const b of ['الصفحة الرئيسية >> التبادلات الدولية', 'صور ساخنة', '/مصدر: شينخوا/', '2023:09:21.08:46']) {
    assert.ok(!r.text.includes(b), b);
  }
  assert.ok(r.removed.includes(title), 'the repeated headline is reported as removed');
});

test('headline: a paragraph or a sentence is not a headline', () => {
  assert.equal(clean(`${P1}\nقصير بلا نقطة`).title, null);
  assert.equal(clean('وصل الوزير إلى موسكو. وبدأ محادثاته اليوم\nنص').title, null);
  assert.equal(clean('(CNN)-- عبر زعيم كوريا الشمالية الحدود إلى كوريا الجنوبية للمرة الأولى\nنص').title, null);
  assert.equal(clean('').title, null);
});

test('headline: a given title key is the headline, the text is only cleaned', () => {
  const r = clean(`  سطر أول قصير\n${P1}\nاخترنا لك`, '  روسيا والصين تتفقان على تعزيز التعاون  ');
  assert.equal(r.title, 'روسيا والصين تتفقان على تعزيز التعاون');
  assert.equal(r.text, `سطر أول قصير\n${P1}`);
});

test('headline: an empty title key means no headline, and none is looked for', () => {
  const r = clean(`سطر أول قصير\n${P1}`, '');
  assert.equal(r.title, null);
  assert.equal(r.text, `سطر أول قصير\n${P1}`);
  assert.equal(clean(`سطر أول قصير\n${P1}`, null).title, null);
});

test('boilerplate: cookie notice, follow prompt, app promo, separators, agency credits', () => {
  const raw = [
    P1, '',
    'بيان الخصوصية وسياسة ملفات تعريف الارتباط', '',
    'من خلال الاستمرار في تصفح موقعنا ، فإنك توافق على استخدامنا لملفات تعريف الارتباط ، وسياسة الخصوصية المنقحة .يمكنك تغيير إعدادات ملفات تعريف الارتباط من خلال متصفحك .',
    'أوافق',
    'متابعة أخبار سانا على تلغرام https://t.me/SyrianArabNewsAgency',
    '-----------------------',
    'يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.',
    'فرانس24/ أ ف ب',
    '// انتهى //',
    'https://example.com/a/b',
    'لمراسلة الكاتب: someone@example.com',
  ].join('\n');
  const r = clean(raw, 'عنوان');
  assert.equal(r.text, P1);
  assert.equal(r.removed.length, 10);
});

test('boilerplate: read-also lines, and the linked headlines under a bare heading', () => {
  const raw = [
    P1,
    'إقرأ أيضاً: روسيا تتهم بريطانيا بالمشاركة في "فبركة" الهجوم',
    'اقرأ أيضاً:',
    'بلاك كيوب: "موساد خاص" لمن يدفع',
    'محاكمة هارفي واينستين: إطلاق سراح المنتج بكفالة',
    'وقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في العاصمة الروسية موسكو بحضور الوزيرين.',
    'للمزيد: أهم بنود الاتفاق النووي الإيراني ولماذا يريد ترامب الخروج منه؟',
    P2,
  ].join('\n');
  const r = clean(raw, 'عنوان');
  assert.equal(r.text, `${P1}\nوقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في العاصمة الروسية موسكو بحضور الوزيرين.\n${P2}`);
});

test('boilerplate: a "topic: headline" link between two paragraphs (BBC)', () => {
  const raw = `${P1}\nمقامرة القرن: هل خدع زعيم كوريا الشمالية ترامب ومون؟\n${P2}`;
  assert.equal(clean(raw, 'عنوان').text, `${P1}\n${P2}`);
  // a sentence wrapped across lines stays
  const wrapped = `${P1}\nأتذكر أن إحدى لجان الاستماع في الإذاعة المصرية كانت مكونة من\n${P2}`;
  assert.equal(clean(wrapped, 'عنوان').text, wrapped);
});

test('repeated captions: every copy of a caption shown twice goes', () => {
  // seed 001 (Anadolu): bulleted caption, then the same caption
  const cap = 'الرئيس الروسي فلاديمير بوتين ونظيره الصيني شي جين بينغ (أرشيف)';
  const r = clean(`روسيا والصين تتفقان على تعزيز التعاون الاقتصادي ومكافحة كورونا\n\n${P1}\n\n  • ${cap}\n    ${cap}\n\n${P2}\n\nاخترنا لك`);
  assert.equal(r.title, 'روسيا والصين تتفقان على تعزيز التعاون الاقتصادي ومكافحة كورونا');
  assert.equal(r.text, `${P1}\n\n${P2}`);
  // without a caption marker, a short line the page shows twice goes too
  const cap2 = 'جانب من اللقاء بين الوزيرين في موسكو';
  assert.equal(clean(`${P1}\n${cap2}\n${P2}\n${cap2}`, 'عنوان').text, `${P1}\n${P2}`);
  // a repeated sentence is not a caption
  assert.equal(clean(`${P1}\n${P1}`, 'عنوان').text, `${P1}\n${P1}`);
});

test('content kept: bullet lists, archive-photo credits, line structure', () => {
  const item = '• التضامن مع الشعب العراقي في تصديه لمنظمة داعش الإرهابية وتكثيف الدعم والتعاون مع الحكومة العراقية.';
  const credit = 'وسيضم الوفد التونسي إلى العراق رجال أعمال من قطاعات مختلفة ومن المنتظر تنظيم الزيارة من 6 إلى 9 مارس المقبل.';
  const raw = `  ${P1}   \n\n\n\n${item}\n${credit} (صورة أرشيفية)\n\n\n${P2}  \n`;
  const r = clean(raw, 'عنوان');
  assert.equal(r.text, `${P1}\n\n${item}\n${credit}\n\n${P2}`);
  assert.deepEqual(r.removed, ['(صورة أرشيفية)']);
});

test('content kept: a click-here prompt ending a paragraph is cut, the paragraph stays (Jawhara FM)', () => {
  const para = 'وأكد الجريء أن الجامعة تجري اتصالاتها مع وزارة الإشراف للخروج بحل للإشكالية .';
  const r = clean(`${para} * للإستماع لحصة "قوول" كاملة إضغط هنا\nلمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...\n${P2}`, 'عنوان');
  assert.equal(r.text, `${para}\n${P2}`);
  assert.deepEqual(r.removed, ['* للإستماع لحصة "قوول" كاملة إضغط هنا', 'لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...']);
});

test('content kept: the tags run of the 3alyoum family is cut from the last line only', () => {
  const last = 'وأكد الجبير ترحيب المملكة بأي اتفاق يضمن عدم قدرة إيران على حيازة سلاح نووي، داعياً طهران إلى الاستفادة من الاتفاق النووي لتعزيز وضع شعبها.';
  const body = 'وأوضح أن التنوع من سمات المجتمع السعودي منذ تأسيسه ولا يزال كذلك حتى اليوم';
  const r = clean(`عين اليوم – جدة\n${body}\n ${last} سمات الجبير الخارجية حماس سامح شكري وزير الخارجية`, 'الجبير يكشف ملابسات زيارة وفد حماس للسعودية');
  assert.equal(r.text, `عين اليوم – جدة\n${body}\n${last}`);
  assert.deepEqual(r.removed, ['سمات الجبير الخارجية حماس سامح شكري وزير الخارجية']);
});

test('related-stories leads after a CNN article are dropped, other articles keep their last lines', () => {
  const body = [
    '(CNN)-- تحدث وزير الخارجية الأمريكي، مايك بومبيو، عن زيارتيه إلى كوريا الشمالية والصين، والمحادثات الخاصة بهما.',
    'ووصل بومبيو، الإثنين، إلى الصين، في أعقاب جولة شملت كوريا الشمالية وجارتها الجنوبية.',
  ];
  const leads = [
    'تلقت منظمة الشرطة الجنائية الدولية (الإنتربول) استقالة رئيسها الموقوف رهن التحقيق في الصين، مينغ هونغوي، وذلك حسبما أعلنت الأحد',
    'كشفت لجنة الانضباط والتفتيش المركزي في الحزب الشيوعي الحاكم في الصين، الأحد، عن مصير رئيس منظمة الشرطة الدولية',
    'أكدت ميلانيا ترامب، زوجة الرئيس الأمريكي، أنها لا تتفق مع بعض تغريدات زوجها، وفقا لما قالته خلال زيارتها لمصر، السبت',
    'أكد مصدر مسؤول بالشرطة الفرنسية، الجمعة، أن الشرطة فتحت تحقيقاً بشأن اختفاء مينغ هونغوي',
    'أعلنت لجنة نوبل، الجمعة، منح جائزة نوبل للسلام لعام 2018، إلى نادية مراد ودينيس موكويغي.',
  ];
  const r = clean([...body, ...leads].join('\n'), 'ماذا قال بومبيو عن قمة "ترامب- كيم" وزيارته إلى الصين؟');
  assert.equal(r.text, body.join('\n'));
  assert.deepEqual(r.removed, leads);
  // the same lines without the outlet's mark are article text
  const plain = [body[1], P1, ...leads].join('\n');
  assert.equal(clean(plain, 'عنوان').text, plain);
});

test('compileBoilerplate rejects unknown kinds and bad expressions', () => {
  assert.throws(() => compileBoilerplate([{ kind: 'lines', pattern: 'x' }]), /unknown kind/);
  assert.throws(() => compileBoilerplate([{ kind: 'regex', pattern: '(' }]), /bad regular expression/);
  assert.throws(() => compileBoilerplate([{ kind: 'line', pattern: '' }]), /empty pattern/);
});
