// Pieces several views share: headings, status lines, chart boxes, and how one event cluster
// and its reports are shown.
import { api, segment } from './api.js';
import { el, externalLink } from './dom.js';
import { dateOf, gloss, modeLabel, statusLabel, typeLabel } from './gloss.js';
import { t } from './i18n.js';
import { route } from './router.js';

export const heading = (key, level = 'h2') => el(level, {}, t(key));

export const statusLine = (text) => el('p', { class: 'status' }, text);

export const errorLine = (err) => el('p', { class: 'status error', role: 'alert' }, t('error'), err.message);

/** A date (2023-10-02, 2023-03) kept left to right: in Arabic text its parts would swap. */
export const dateText = (value) => (value ? el('bdi', { class: 'date', dir: 'ltr' }, value) : el('span', { class: 'date' }, t('undated')));

/** A muted line of the parts that are present, separated by middle dots. */
export function metaLine(...parts) {
  const present = parts.filter(Boolean);
  return el('p', { class: 'meta' }, present.map((part, i) => [i > 0 && ' · ', part]));
}

/** Arabic text from the articles: always right to left, whatever the interface language. */
export const arabic = (tag, attrs, ...children) => el(tag, { ...attrs, lang: 'ar', dir: 'rtl' }, ...children);

/** A canvas in a box of fixed height (Chart.js sizes itself to its container). */
export function chartBox(extraClass = '') {
  const canvas = el('canvas');
  return { box: el('div', { class: `chart-box ${extraClass}` }, canvas), canvas };
}

/** Type, mode and status as small labels. */
export function typeChips(event) {
  return el('span', { class: 'chips' },
    el('span', { class: `chip type-${event.type}` }, typeLabel(event.type)),
    event.mode && el('span', { class: 'chip' }, modeLabel(event.mode)),
    event.status && el('span', { class: 'chip' }, statusLabel(event.status)));
}

/** One cluster: gloss, date and labels, then the first report's Arabic evidence. */
export function clusterCard(cluster) {
  return el('article', { class: 'cluster' },
    el('p', { class: 'gloss' },
      dateText(dateOf(cluster)), ' ', gloss(cluster), ' ', typeChips(cluster)),
    arabic('blockquote', { class: 'evidence' }, cluster.evidence),
    metaLine(
      el('a', { href: route('document', [cluster.docKey]) }, t('evidence.document')),
      cluster.mentions > 1 && `${t('col.reports')}: ${cluster.mentions}`));
}

/** Every report of a cluster, with its evidence and the way to its article. */
export async function mentionsPanel(clusterId) {
  const { mentions } = await api(`/api/events/${segment(clusterId)}`);
  return el('div', { class: 'mentions' },
    el('h3', {}, t('evidence.title')),
    mentions.map((m) => el('div', { class: 'mention' },
      arabic('blockquote', { class: 'evidence' }, m.evidence),
      metaLine(
        m.published && dateText(m.published), m.source,
        el('a', { href: route('document', [m.docKey]) }, t('evidence.document')),
        externalLink(m.url, t('evidence.source')),
        `${t('evidence.confidence')}: ${m.confidence}`))));
}

/** A form control with its label above it. */
export const labelled = (key, control) => el('label', {}, el('span', {}, t(key)), control);

/** Submitting the form opens `view` with the form's values in the URL, so results are linkable. */
export function submitsTo(form, view) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = [...new FormData(form)].map(([name, value]) => [name, String(value).trim()]);
    location.hash = route(view, [], Object.fromEntries(values));
  });
  return form;
}
