// The document reader (#/document/KEY): the cleaned article with its entities, event evidence
// and statements highlighted, each linked to the events it concerns.
import { api, segment } from '../api.js';
import { el, externalLink } from '../dom.js';
import { actorFilter, actorLabel, dateOf, gloss, typeLabel } from '../gloss.js';
import { highlighted } from '../highlight.js';
import { t } from '../i18n.js';
import { route } from '../router.js';
import { arabic, dateText, heading, metaLine, typeChips } from '../ui.js';

const LEGEND = ['person', 'country', 'org', 'place', 'event', 'statement'];

export async function render(root, { args }) {
  const doc = await api(`/api/documents/${segment(args[0] ?? '')}`);
  root.append(
    doc.title ? arabic('h2', { class: 'doc-title' }, doc.title) : el('h2', {}, t('doc.noTitle')),
    metaLine(
      doc.published && [`${t('doc.published')}: `, dateText(doc.published)],
      doc.source && `${t('doc.source')}: ${doc.source}`,
      externalLink(doc.url, t('evidence.source'))),
    legend(),
    arabic('div', { class: 'doc-text' }, highlighted(doc.text, spansOf(doc))),
    heading('doc.events', 'h3'),
    el('ul', { class: 'doc-events' }, doc.events.map((event) => el('li', {},
      dateText(dateOf(event)), ' ', gloss(event), ' ', typeChips(event)))),
    heading('doc.statements', 'h3'),
    el('ul', { class: 'doc-statements' }, doc.statements.map((s) =>
      el('li', {}, el('a', { href: route('events', [], actorFilter(s.speaker)) }, actorLabel(s.speaker)), ': ', arabic('span', {}, s.text)))));
}

function legend() {
  return el('p', { class: 'legend' }, el('span', {}, `${t('doc.legend')}: `),
    LEGEND.map((key) => el('mark', { class: `hl-${key}` }, t(`legend.${key}`))));
}

/** Entities link to their events (places, which are not actors, to a search for them); event
 *  evidence to events of its first actor and type; statements to the speaker's events. */
function spansOf(doc) {
  const entities = doc.entities.flatMap((e) => e.mentions.map((m) => ({
    ...m,
    class: `hl-${e.kind}`,
    title: [actorLabel(e), t(`legend.${e.kind}`), e.role].filter(Boolean).join(' · '),
    href: e.kind === 'place' ? route('search', [], { q: e.name_ar }) : route('events', [], actorFilter(e)),
  })));
  const events = doc.events.map((e) => ({
    start: e.evidence.start, end: e.evidence.end, class: 'hl-event', title: `${typeLabel(e.type)}: ${gloss(e)}`,
    href: route('events', [], { ...(e.actors[0] ? actorFilter(e.actors[0]) : {}), type: e.type }),
  }));
  const statements = doc.statements.map((s) => ({
    start: s.start, end: s.end, class: 'hl-statement', title: `${t('legend.statement')}: ${actorLabel(s.speaker)}`,
    href: route('events', [], actorFilter(s.speaker)),
  }));
  return [...statements, ...events, ...entities];
}
