// Spans of an article's text as marked-up DOM, built only from text nodes and <mark>: the text
// is cut at every span boundary, and each piece is marked with the classes of all the spans
// that cover it (an entity inside an event's evidence inside a statement shows all three).
import { el } from './dom.js';

/**
 * `spans`: { start, end, class, title, href? }. Spans with offsets outside the text are
 * ignored. A piece covered by a span with a link becomes a link to the innermost one.
 */
export function highlighted(text, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(from, to);
    const covering = valid.filter((s) => s.start <= from && s.end >= to);
    out.push(covering.length ? marked(piece, covering) : document.createTextNode(piece));
  }
  return out;
}

function marked(piece, covering) {
  const mark = el('mark', { class: covering.map((s) => s.class).join(' '), title: covering.map((s) => s.title).join('\n') }, piece);
  const linked = covering.filter((s) => s.href).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  return linked ? el('a', { href: linked.href, class: 'span-link' }, mark) : mark;
}
