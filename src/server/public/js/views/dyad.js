// A pair of countries (#/dyad/CHN/RUS): events between them per month and type, the share of
// cooperation and conflict, and the latest of those events.
import { api, segment } from '../api.js';
import { shareChart, typeTimeline } from '../charts.js';
import { el } from '../dom.js';
import { countryLabel } from '../gloss.js';
import { t } from '../i18n.js';
import { route } from '../router.js';
import { chartBox, clusterCard, heading, statusLine } from '../ui.js';

const DEFAULT_PAIR = ['CHN', 'RUS'];
const EVENTS_SHOWN = 10;
/** Enough actors to list every country that takes part in events. */
const ACTORS_READ = 500;

export async function render(root, { args, onLeave }) {
  const [a, b] = args.length === 2 ? args.map((code) => code.toUpperCase()) : DEFAULT_PAIR;
  const [{ actors }, { buckets }, { clusters }] = await Promise.all([
    api('/api/actors', { limit: ACTORS_READ }),
    api(`/api/dyads/${segment(a)}/${segment(b)}`, { by: 'month' }),
    api('/api/events', { country: a, with: b, limit: EVENTS_SHOWN }),
  ]);
  const named = new Map(actors.filter((x) => x.kind === 'country' && x.country).map((x) => [x.country, x]));
  const codes = [...new Set([a, b, ...actors.map((x) => x.country).filter(Boolean)])].sort();
  root.append(el('h2', {}, `${t('dyad.title')}: `, el('bdi', {}, countryLabel(a, named)), ' – ', el('bdi', {}, countryLabel(b, named))),
    pairPicker(codes, named, a, b));
  root.append(buckets.length ? charts(buckets, onLeave) : statusLine(t('none')),
    el('div', { class: 'panel' },
      heading('dyad.events'),
      clusters.map(clusterCard),
      el('p', {}, el('a', { href: route('events', [], { country: a, with: b }) }, t('overview.allEvents')))));
}

/** The monthly timeline and the cooperation/conflict doughnut of the dated events. */
function charts(buckets, onLeave) {
  const timeline = chartBox();
  const share = chartBox('small');
  const total = (field) => buckets.reduce((n, bucket) => n + bucket[field], 0);
  const counts = { cooperative: total('cooperative'), conflictual: total('conflictual') };
  counts.other = total('count') - counts.cooperative - counts.conflictual;
  const row = el('div', { class: 'columns' },
    el('div', { class: 'panel' }, heading('dyad.timeline'), timeline.box),
    el('div', { class: 'panel' }, heading('dyad.share'), share.box, shareSummary(counts)));
  // Chart.js waits for a detached canvas to be attached before it measures and draws.
  const instances = [typeTimeline(timeline.canvas, buckets), shareChart(share.canvas, counts)];
  onLeave(() => instances.forEach((chart) => chart.destroy()));
  return row;
}

/** Two country menus; choosing one opens that pair. */
function pairPicker(codes, named, a, b) {
  const menu = (selected, label) => el('select', { 'aria-label': label }, codes.map((code) => el('option', { value: code, selected: code === selected }, countryLabel(code, named))));
  const first = menu(a, t('dyad.first'));
  const second = menu(b, t('dyad.second'));
  const go = () => { location.hash = route('dyad', [first.value, second.value]); };
  first.addEventListener('change', go);
  second.addEventListener('change', go);
  return el('p', { class: 'picker' }, first, ' – ', second);
}

function shareSummary({ cooperative, conflictual, other }) {
  const all = cooperative + conflictual + other;
  const percent = (n) => `${Math.round((100 * n) / all)}%`;
  return el('p', { class: 'note' },
    `${t('dyad.cooperative')} ${percent(cooperative)} · ${t('dyad.conflictual')} ${percent(conflictual)} · ${t('dyad.other')} ${percent(other)}`);
}
