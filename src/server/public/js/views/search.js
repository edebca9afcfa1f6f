// Full-text search (#/search?q=…): the API matches Arabic spelling variants and word forms;
// its snippets mark the hits between « and », shown here as <mark>.
import { api } from '../api.js';
import { el, externalLink, snippetNodes } from '../dom.js';
import { t } from '../i18n.js';
import { route } from '../router.js';
import { arabic, dateText, heading, labelled, metaLine, statusLine, submitsTo } from '../ui.js';

const FIELDS = ['q', 'from', 'to', 'source'];
const RESULTS = 50;

export async function render(root, { query }) {
  const values = Object.fromEntries(FIELDS.map((name) => [name, query.get(name) ?? '']));
  root.append(heading('search.title'), searchForm(values));
  if (!values.q.trim()) return;
  const { hits } = await api('/api/search', { ...values, limit: RESULTS });
  if (!hits.length) {
    root.append(statusLine(t('none')));
    return;
  }
  root.append(el('p', { class: 'note' }, t('search.results', { n: hits.length })),
    el('ol', { class: 'hits' }, hits.map((hit) => el('li', {},
      hit.title
        ? arabic('a', { href: route('document', [hit.key]), class: 'hit-title' }, hit.title)
        : el('a', { href: route('document', [hit.key]), class: 'hit-title', dir: 'ltr' }, hit.key),
      metaLine(hit.published && dateText(hit.published), hit.source, externalLink(hit.url, t('evidence.source'))),
      arabic('p', { class: 'snippet' }, snippetNodes(hit.snippet))))));
}

function searchForm(values) {
  const field = (name, key, attrs = {}) => labelled(key, el('input', { name, value: values[name], ...attrs }));
  return submitsTo(el('form', { class: 'filters', role: 'search' },
    field('q', 'search.q', { type: 'search', required: true, size: 30 }),
    field('from', 'filter.from', { placeholder: 'YYYY-MM-DD', size: 10 }),
    field('to', 'filter.to', { placeholder: 'YYYY-MM-DD', size: 10 }),
    field('source', 'search.source', { size: 14 }),
    el('button', { type: 'submit' }, t('search.go'))), 'search');
}
