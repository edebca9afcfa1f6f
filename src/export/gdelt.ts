// GDELT-style export: one tab-separated row per event in the GDELT 2.0 event table's 61
// columns, then our Evidence column, under a header row. What Marsad does not know (ethnic and
// religion codes, tone, coordinates, actor locations, the time GDELT added the row) is left
// empty rather than guessed. Deliberate differences from GDELT, documented in the README:
// country codes are ISO3 everywhere (GDELT's geographic columns use FIPS 10-4), an
// organisation's code is its own short code (SCO, BRICS) with Type1Code IGO, each row comes
// from one article (NumMentions, NumSources and NumArticles are 1), and an event with more
// than two participants keeps its first two as Actor1 and Actor2 (the CSV has them all).
import type { Actor, ContractDoc, ContractEvent } from '../extract/types.ts';
import { actorCode, actorName } from './actors.ts';
import { cameoOf } from './cameo.ts';
import type { Exporter } from './format.ts';

const ACTOR = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

export const GDELT_COLUMNS = [
  'GlobalEventID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR.map((c) => `Actor1${c}`), ...ACTOR.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO.map((c) => `Actor1Geo_${c}`), ...GEO.map((c) => `Actor2Geo_${c}`), ...GEO.map((c) => `ActionGeo_${c}`),
  'DATEADDED', 'SOURCEURL', 'Evidence',
];

type Cell = string | number | null | undefined;

/** Tabs and line breaks inside a value would break the row: they become spaces. */
const tsvRow = (cells: Cell[]) => `${cells.map((c) => (c == null ? '' : String(c).replace(/[\t\r\n]+/g, ' '))).join('\t')}\n`;

function actorCells(a: Actor | undefined): Cell[] {
  const cells: Cell[] = new Array(ACTOR.length).fill('');
  if (!a) return cells;
  cells[0] = actorCode(a);
  cells[1] = actorName(a);
  cells[2] = a.kind === 'org' ? '' : a.country ?? '';
  if (a.kind === 'org') cells[7] = 'IGO';
  return cells;
}

/** SQLDATE, MonthYear, Year, FractionDate from the event's date, or the article's when the
 *  event has none (GDELT dates events by their article); as many as the precision allows. */
function dateCells(e: ContractEvent, published: string | null): Cell[] {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(e.date?.value ?? published ?? '');
  if (!m) return ['', '', '', ''];
  const [, y, mo, d] = m;
  if (!mo) return ['', '', y, ''];
  if (!d) return ['', `${y}${mo}`, y, ''];
  const year = Number(y);
  const dayOfYear = (Date.UTC(year, Number(mo) - 1, Number(d)) - Date.UTC(year, 0, 0)) / 86_400_000;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return [`${y}${mo}${d}`, `${y}${mo}`, y, (year + dayOfYear / daysInYear).toFixed(4)];
}

/** GDELT's root event: one reported in the article's first paragraph. */
function isRoot(doc: ContractDoc, e: ContractEvent): number {
  const firstBreak = doc.text.indexOf('\n');
  return firstBreak < 0 || e.evidence.start < firstBreak ? 1 : 0;
}

function eventRow(id: number, doc: ContractDoc, e: ContractEvent): string {
  const cameo = cameoOf(e);
  // Symmetric events list every party as an actor; directed ones have recipients.
  const [first, second] = e.recipients.length ? [e.actors[0], e.recipients[0]] : [e.actors[0], e.actors[1]];
  const geo = (): Cell[] => new Array(GEO.length).fill('');
  const action = geo();
  if (e.place) { action[1] = e.place.name_en ?? e.place.name_ar; action[2] = e.place.country ?? ''; }
  return tsvRow([
    id, ...dateCells(e, doc.published),
    ...actorCells(first), ...actorCells(second),
    isRoot(doc, e), cameo?.code, cameo?.base, cameo?.root, cameo?.quad, cameo?.goldstein.toFixed(1),
    1, 1, 1, '',
    ...geo(), ...geo(), ...action,
    '', doc.url, e.evidence.text,
  ]);
}

/** GlobalEventID counts the rows of one export from 1. */
export function gdeltExporter(): Exporter {
  let id = 0;
  return {
    head: tsvRow(GDELT_COLUMNS),
    rows: (doc) => doc.events.map((e) => eventRow(++id, doc, e)).join(''),
  };
}
