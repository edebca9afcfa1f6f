// Overview: the latest events, how many of each type per month, and which pairs of countries
// appear together most often.
import { el } from '../dom.js';
import { countryLabel } from '../gloss.js';
import { t } from '../i18n.js';
import { countriesNamed, countryNode, countsByMonth, interactions, recentClusters } from '../recent.js';
import { route } from '../router.js';
import { typeTimeline } from '../charts.js';
import { chartBox, clusterCard, heading, statusLine } from '../ui.js';

const RECENT_SHOWN = 8;
const DYADS_SHOWN = 10;

export async function render(root, { onLeave }) {
  const clusters = await recentClusters();
  if (!clusters.length) {
    root.append(statusLine(t('none')));
    return;
  }
  const chart = chartBox();
  root.append(el('div', { class: 'columns' },
    el('div', { class: 'panel' },
      heading('overview.recent'),
      clusters.slice(0, RECENT_SHOWN).map(clusterCard),
      el('p', {}, el('a', { href: route('events') }, t('overview.allEvents')))),
    el('div', { class: 'panel' },
      heading('overview.byType'),
      chart.box,
      el('p', { class: 'note' }, t('overview.sample', { n: clusters.length })),
      heading('overview.dyads'),
      dyadList(clusters))));
  const instance = typeTimeline(chart.canvas, countsByMonth(clusters));
  onLeave(() => instance.destroy());
}

function dyadList(clusters) {
  const named = countriesNamed(clusters);
  const { edges } = interactions(clusters, countryNode);
  return el('ol', { class: 'dyads' }, edges.slice(0, DYADS_SHOWN).map((e) =>
    el('li', {},
      el('a', { href: route('dyad', [e.source, e.target]) }, el('bdi', {}, countryLabel(e.source, named)), ' – ', el('bdi', {}, countryLabel(e.target, named))),
      el('span', { class: 'count' }, String(e.weight)))));
}
