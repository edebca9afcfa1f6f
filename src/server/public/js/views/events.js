// The events table (#/events?actor=…&country=…): the API's filters as a form kept in the URL,
// one row per event cluster, "more" for the next page, and each row opening its reports.
import { api } from '../api.js';
import { el } from '../dom.js';
import { dateOf, gloss, modeLabel, typeLabel } from '../gloss.js';
import { t, table } from '../i18n.js';
import { route } from '../router.js';
import { arabic, dateText, errorLine, heading, labelled, mentionsPanel, statusLine, submitsTo, typeChips } from '../ui.js';

const FILTERS = ['actor', 'country', 'with', 'type', 'mode', 'from', 'to'];
const PAGE_SIZE = 50;
const COLUMNS = ['col.date', 'col.event', 'col.type', 'col.place', 'col.reports', 'col.sources'];

export async function render(root, { query }) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  const body = el('tbody');
  const more = el('button', { type: 'button', class: 'more', hidden: true }, t('more'));
  root.append(heading('events.title'), filterForm(filters),
    el('table', { class: 'events' }, el('thead', {}, el('tr', {}, el('th', {}), COLUMNS.map((key) => el('th', {}, t(key))))), body),
    more);
  let cursor = null;
  const loadPage = async () => {
    const page = await api('/api/events', { ...filters, limit: PAGE_SIZE, cursor });
    body.append(...page.clusters.flatMap(rows));
    cursor = page.next;
    more.hidden = !cursor;
    if (!body.childElementCount) root.append(statusLine(t('none')));
  };
  more.addEventListener('click', () => {
    more.disabled = true;
    loadPage().catch((err) => root.append(errorLine(err))).finally(() => { more.disabled = false; });
  });
  await loadPage();
}

function filterForm(values) {
  const input = (name, attrs = {}) => el('input', { name, value: values[name], ...attrs });
  const menu = (name, options, label) => el('select', { name },
    el('option', { value: '' }, t('filter.any')),
    options.map((value) => el('option', { value, selected: value === values[name] }, label(value))));
  return submitsTo(el('form', { class: 'filters' },
    labelled('filter.actor', input('actor', { type: 'search' })),
    labelled('filter.country', input('country', { size: 4, maxlength: 3, pattern: '[A-Za-z]{3}' })),
    labelled('filter.with', input('with', { size: 4, maxlength: 3, pattern: '[A-Za-z]{3}' })),
    labelled('filter.type', menu('type', Object.keys(table('types')), typeLabel)),
    labelled('filter.mode', menu('mode', Object.keys(table('modes')), modeLabel)),
    labelled('filter.from', input('from', { placeholder: 'YYYY-MM-DD', size: 10 })),
    labelled('filter.to', input('to', { placeholder: 'YYYY-MM-DD', size: 10 })),
    el('button', { type: 'submit' }, t('events.filter')),
    el('a', { href: route('events'), class: 'reset' }, t('events.reset'))), 'events');
}

/** The cluster's row, and a hidden row below it that shows its reports when opened. */
function rows(cluster) {
  const toggle = el('button', { type: 'button', class: 'disclosure', 'aria-expanded': 'false', title: t('evidence.title') }, '▸');
  const detail = el('td', { colspan: COLUMNS.length + 1 });
  const detailRow = el('tr', { class: 'detail', hidden: true }, detail);
  toggle.addEventListener('click', async () => {
    const open = detailRow.hidden;
    detailRow.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? '▾' : '▸';
    if (open && !detail.childElementCount) {
      detail.append(statusLine(t('loading')));
      detail.replaceChildren(await mentionsPanel(cluster.id).catch(errorLine));
    }
  });
  const row = el('tr', {},
    el('td', {}, toggle),
    el('td', {}, dateText(dateOf(cluster))),
    el('td', {}, el('div', {}, gloss(cluster)), arabic('div', { class: 'evidence short' }, cluster.evidence)),
    el('td', {}, typeChips(cluster)),
    el('td', {}, cluster.place ?? ''),
    el('td', { class: 'num' }, String(cluster.mentions)),
    el('td', { class: 'num' }, String(cluster.sources)));
  return [row, detailRow];
}
