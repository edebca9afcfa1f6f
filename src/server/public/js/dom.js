// The only way the dashboard builds DOM: elements from createElement, text as text nodes.
// Article text and everything else from the API is untrusted, so no HTML string is ever parsed
// and no attribute can carry script (no on* handlers, no javascript: URLs).

/** `el('a', { href: '#/x', class: 'y' }, 'text', child)`: children are nodes or strings;
 *  null, false and undefined are skipped, arrays flattened. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name) || name === 'style') throw new Error(`el: attribute ${name} is not allowed`);
    if (name === 'href' && !isSafeHref(value)) throw new Error(`el: unsafe href ${value}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...nodes(children));
  return node;
}

function nodes(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

/** In-page routes, and web pages. */
const isSafeHref = (href) => String(href).startsWith('#') || httpUrl(href) !== null;

/** The URL when it is http(s), else null (javascript:, data:, relative junk…). */
function httpUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link to an article's original page, or nothing when its URL is not a web address. */
export function externalLink(url, label) {
  const safe = httpUrl(url);
  return safe ? el('a', { href: safe, rel: 'noopener noreferrer', target: '_blank', class: 'external' }, label) : null;
}

/** Search snippets mark hits between « and »: those become <mark>, the rest stays text. */
export function snippetNodes(snippet) {
  const out = [];
  let inHit = false;
  for (const part of snippet.split(/([«»])/)) {
    if (part === '«' || part === '»') inHit = part === '«';
    else if (part) out.push(inHit ? el('mark', {}, part) : document.createTextNode(part));
  }
  return out;
}
