// Interface strings in Arabic and English, as data, and the current language. The choice is
// kept in localStorage and applied to <html lang dir> so the whole layout flips with it.

const STRINGS = {
  en: {
    appName: 'Marsad',
    switchLanguage: 'العربية',
    'nav.overview': 'Overview', 'nav.dyad': 'Dyads', 'nav.network': 'Network', 'nav.events': 'Events', 'nav.search': 'Search',
    loading: 'Loading…', error: 'Could not load: ', none: 'Nothing found.', undated: 'undated', noMonth: 'no month', more: 'More',
    'overview.recent': 'Recent events', 'overview.byType': 'Events by type and month',
    'overview.dyads': 'Most active country pairs', 'overview.sample': 'From the {n} most recent events.',
    'overview.allEvents': 'All events',
    'dyad.title': 'Dyad', 'dyad.timeline': 'Events per month by type', 'dyad.share': 'Cooperation and conflict',
    'dyad.cooperative': 'Cooperation', 'dyad.conflictual': 'Conflict', 'dyad.other': 'Neither',
    'dyad.events': 'Events between them', 'dyad.first': 'First country', 'dyad.second': 'Second country',
    'network.title': 'Actor network', 'network.hint': 'Click an actor or a link to see its events. Edge width: number of events together.',
    'network.nodes': 'Nodes', 'network.actors': 'Actors', 'network.countries': 'Countries',
    'events.title': 'Events', 'events.filter': 'Filter', 'events.reset': 'Clear',
    'filter.actor': 'Actor', 'filter.country': 'Country (ISO3)', 'filter.with': 'With (ISO3)', 'filter.type': 'Type',
    'filter.mode': 'Mode', 'filter.from': 'From', 'filter.to': 'To', 'filter.any': 'any',
    'col.date': 'Date', 'col.event': 'Event', 'col.type': 'Type', 'col.place': 'Place', 'col.reports': 'Reports', 'col.sources': 'Sources',
    'evidence.title': 'Reports of this event', 'evidence.document': 'Open the article', 'evidence.source': 'Original page',
    'evidence.confidence': 'confidence',
    'doc.published': 'Published', 'doc.source': 'Source', 'doc.legend': 'Legend', 'doc.events': 'Events in this article',
    'doc.statements': 'Statements', 'doc.noTitle': '(no title)',
    'legend.person': 'Person', 'legend.country': 'Country', 'legend.org': 'Organisation', 'legend.place': 'Place',
    'legend.event': 'Event evidence', 'legend.statement': 'Statement',
    'search.title': 'Search the articles', 'search.q': 'Words', 'search.source': 'Source', 'search.go': 'Search',
    'search.results': '{n} articles',
    status: { held: 'held', planned: 'planned' },
    types: {
      CONSULT: 'Consult', AGREE: 'Agree', SUPPORT: 'Support', CONCEDE: 'Concede', COOPERATE: 'Cooperate', AID: 'Aid',
      RETREAT: 'Retreat', REQUEST: 'Request', ACCUSE: 'Accuse', REJECT: 'Reject', THREATEN: 'Threaten', PROTEST: 'Protest',
      SANCTION: 'Sanction', MOBILIZE: 'Mobilize', COERCE: 'Coerce', ASSAULT: 'Assault',
    },
    modes: { phone: 'phone', visit: 'visit', 'third-party': 'third party', multilateral: 'multilateral' },
    // [with recipients, without]: "X and Y agreed" reads without the preposition.
    verbs: {
      'CONSULT/visit': ['visited', 'made a visit'], 'CONSULT/phone': ['spoke by phone with', 'spoke by phone'], CONSULT: ['met', 'met'],
      AGREE: ['agreed with', 'agreed'], SUPPORT: ['expressed support for', 'expressed support'],
      CONCEDE: ['made concessions to', 'made concessions'], COOPERATE: ['cooperated with', 'cooperated'],
      AID: ['gave aid to', 'gave aid'], RETREAT: ['backed down toward', 'backed down'], REQUEST: ['called on', 'made a request'],
      ACCUSE: ['accused', 'made accusations'], REJECT: ['rejected', 'rejected'], THREATEN: ['threatened', 'made threats'],
      PROTEST: ['protested against', 'protested'], SANCTION: ['sanctioned', 'imposed sanctions'],
      MOBILIZE: ['mobilized against', 'mobilized'], COERCE: ['coerced', 'used coercion'], ASSAULT: ['attacked', 'attacked'],
    },
    and: ' and ', in: ' in ', someone: 'someone',
  },
  ar: {
    appName: 'مرصد',
    switchLanguage: 'English',
    'nav.overview': 'نظرة عامة', 'nav.dyad': 'الثنائيات', 'nav.network': 'الشبكة', 'nav.events': 'الأحداث', 'nav.search': 'بحث',
    loading: 'جار التحميل…', error: 'تعذر التحميل: ', none: 'لا نتائج.', undated: 'بلا تاريخ', noMonth: 'بلا شهر', more: 'المزيد',
    'overview.recent': 'أحدث الأحداث', 'overview.byType': 'الأحداث حسب النوع والشهر',
    'overview.dyads': 'أنشط الثنائيات بين الدول', 'overview.sample': 'من أحدث {n} حدثا.',
    'overview.allEvents': 'كل الأحداث',
    'dyad.title': 'ثنائية', 'dyad.timeline': 'الأحداث شهريا حسب النوع', 'dyad.share': 'التعاون والنزاع',
    'dyad.cooperative': 'تعاون', 'dyad.conflictual': 'نزاع', 'dyad.other': 'غير ذلك',
    'dyad.events': 'الأحداث بينهما', 'dyad.first': 'الدولة الأولى', 'dyad.second': 'الدولة الثانية',
    'network.title': 'شبكة الفاعلين', 'network.hint': 'انقر فاعلا أو صلة لعرض أحداثها. سمك الصلة: عدد الأحداث المشتركة.',
    'network.nodes': 'العقد', 'network.actors': 'الفاعلون', 'network.countries': 'الدول',
    'events.title': 'الأحداث', 'events.filter': 'تصفية', 'events.reset': 'مسح',
    'filter.actor': 'الفاعل', 'filter.country': 'الدولة (ISO3)', 'filter.with': 'مع (ISO3)', 'filter.type': 'النوع',
    'filter.mode': 'الصيغة', 'filter.from': 'من', 'filter.to': 'إلى', 'filter.any': 'الكل',
    'col.date': 'التاريخ', 'col.event': 'الحدث', 'col.type': 'النوع', 'col.place': 'المكان', 'col.reports': 'التقارير', 'col.sources': 'المصادر',
    'evidence.title': 'تقارير هذا الحدث', 'evidence.document': 'فتح المقال', 'evidence.source': 'الصفحة الأصلية',
    'evidence.confidence': 'الثقة',
    'doc.published': 'تاريخ النشر', 'doc.source': 'المصدر', 'doc.legend': 'دليل الألوان', 'doc.events': 'الأحداث في هذا المقال',
    'doc.statements': 'التصريحات', 'doc.noTitle': '(بلا عنوان)',
    'legend.person': 'شخص', 'legend.country': 'دولة', 'legend.org': 'منظمة', 'legend.place': 'مكان',
    'legend.event': 'دليل حدث', 'legend.statement': 'تصريح',
    'search.title': 'البحث في المقالات', 'search.q': 'الكلمات', 'search.source': 'المصدر', 'search.go': 'ابحث',
    'search.results': '{n} مقالات',
    status: { held: 'جرى', planned: 'مقرر' },
    types: {
      CONSULT: 'تشاور', AGREE: 'اتفاق', SUPPORT: 'تأييد', CONCEDE: 'تنازل', COOPERATE: 'تعاون', AID: 'مساعدة',
      RETREAT: 'تراجع', REQUEST: 'مطالبة', ACCUSE: 'اتهام', REJECT: 'رفض', THREATEN: 'تهديد', PROTEST: 'احتجاج',
      SANCTION: 'عقوبات', MOBILIZE: 'حشد', COERCE: 'إكراه', ASSAULT: 'هجوم',
    },
    modes: { phone: 'هاتفي', visit: 'زيارة', 'third-party': 'على أرض ثالثة', multilateral: 'متعدد الأطراف' },
    verbs: {
      'CONSULT/visit': ['زار', 'قام بزيارة'], 'CONSULT/phone': ['تحادث هاتفيا مع', 'تحادثا هاتفيا'], CONSULT: ['التقى', 'التقيا'],
      AGREE: ['اتفق مع', 'اتفقا'], SUPPORT: ['أيّد', 'أبدى تأييده'], CONCEDE: ['قدّم تنازلات إلى', 'قدّم تنازلات'],
      COOPERATE: ['تعاون مع', 'تعاونا'], AID: ['قدّم مساعدات إلى', 'قدّم مساعدات'], RETREAT: ['تراجع أمام', 'تراجع'],
      REQUEST: ['طالب', 'طالب'], ACCUSE: ['اتهم', 'وجّه اتهامات'], REJECT: ['رفض', 'رفض'], THREATEN: ['هدّد', 'هدّد'],
      PROTEST: ['احتج على', 'احتج'], SANCTION: ['فرض عقوبات على', 'فرض عقوبات'], MOBILIZE: ['حشد ضد', 'حشد'],
      COERCE: ['ضغط على', 'مارس ضغوطا'], ASSAULT: ['هاجم', 'شن هجوما'],
    },
    and: ' و', in: ' في ', someone: 'جهة ما',
  },
};

const KEY = 'marsad.lang';
const listeners = new Set();

let current = STRINGS[localStorage.getItem(KEY)] ? localStorage.getItem(KEY) : 'ar';

export const lang = () => current;

/** The string for `key` in the current language, `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return String(s).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** A table of the current language (types, modes, verbs, status). */
export const table = (name) => STRINGS[current][name];

export function setLang(code) {
  if (!STRINGS[code]) return;
  current = code;
  localStorage.setItem(KEY, code);
  applyLang();
  for (const listener of listeners) listener(code);
}

export const onLangChange = (listener) => listeners.add(listener);

/** <html lang dir> and every element that names its string in data-i18n. */
export function applyLang() {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}
