// An article page → its main text and metadata. Readability finds the article among the
// navigation, ads and comments; the metadata (publication date, canonical URL) is read
// before it runs, because it rewrites the document.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { writtenDate } from './date.ts';

export interface WebArticle {
  /** null when the page names none: the extractor then finds the headline in the text */
  title: string | null;
  /** one paragraph per line */
  text: string;
  /** YYYY-MM-DD, the date as the page states it (its own time zone) */
  published: string | null;
  /** the canonical URL, so the same article reached by several links is one */
  url: string;
}

// linkedom implements the DOM without the DOM typings, which this Node project does not load.
type Element = {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: Element[];
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
};
type Document = { querySelectorAll(selector: string): Iterable<Element>; querySelector(selector: string): Element | null };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Throws an Error saying why no article was found. */
export function readArticle(html: string, pageUrl: string): WebArticle {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const metaTitle = metaContent(document, ['og:title', 'twitter:title']);
  const published = publishedDate(document);
  const url = canonicalUrl(document, pageUrl);
  // The serializer hands back the content element itself: its text is read with the
  // paragraph breaks the extractor splits sentences on.
  const article = new Readability(document as never, { serializer: (node) => node as unknown as Element }).parse();
  const content = article?.content;
  const text = content ? blockText(content) : '';
  if (!text) throw new Error('no article text found in the page');
  return { title: headline(content!, metaTitle ?? article?.title ?? null), text, published, url };
}

/** The page's first heading when the page title contains it (titles often add the site's
 *  name), so the extractor can drop the heading's repeat from the text; else the title. */
function headline(content: Element, pageTitle: string | null): string | null {
  const heading = firstHeading(content);
  const title = pageTitle?.trim() || null;
  if (heading && (!title || title.includes(heading))) return heading;
  return title;
}

function firstHeading(node: Element): string | null {
  for (const child of node.childNodes) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (/^H[1-3]$/i.test(child.tagName)) return collapse(child.textContent ?? '') || null;
    if (!BLOCK.has(child.tagName.toUpperCase())) continue;
    const inner = firstHeading(child);
    if (inner) return inner;
    // Only a heading that opens the article is its headline.
    if (collapse(child.textContent ?? '')) return null;
  }
  return null;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Text with a line break around every block element and spaces collapsed within lines. */
function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const block = BLOCK.has(node.tagName.toUpperCase());
    if (block) parts.push('\n');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts.join('').split('\n').map(collapse).filter(Boolean).join('\n');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `<meta property|name|itemprop="key" content>` values by lower-cased key, first one wins. */
function metaContent(document: Document, keys: string[]): string | null {
  const wanted = new Map(keys.map((key, rank) => [key, rank]));
  let best: { rank: number; value: string } | null = null;
  for (const meta of document.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const rank = wanted.get(key);
    const value = meta.getAttribute('content')?.trim();
    if (rank !== undefined && value && (!best || rank < best.rank)) best = { rank, value };
  }
  return best?.value ?? null;
}

// The tags news sites and their CMSs use for the publication time, most specific first.
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'publish-date', 'pubdate',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'date',
];

/** From meta tags, then JSON-LD, then a `<time>` marked as the publication time or inside the
 *  article. Any other date on the page (today's date in the header, a related story's) could
 *  be wrong, and a wrong date is worse than none. */
function publishedDate(document: Document): string | null {
  const candidates = [
    metaContent(document, DATE_META),
    jsonLdDate(document),
    ...[...document.querySelectorAll('time[pubdate], [itemprop="datePublished"], article time')]
      .map((el) => el.getAttribute('datetime') ?? el.getAttribute('content')),
  ];
  for (const value of candidates) {
    const date = value ? writtenDate(value) : null;
    if (date) return date;
  }
  return null;
}

function jsonLdDate(document: Document): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const date = findKey(JSON.parse(script.textContent ?? ''), 'datePublished');
      if (date) return date;
    } catch {
      // Hand-written JSON-LD is often invalid; the other sources of the date remain.
    }
  }
  return null;
}

/** The first string value of `key` anywhere in a JSON-LD value (`@graph`, arrays, nesting). */
function findKey(value: unknown, key: string): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findKey(item, key);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    const own = (value as Record<string, unknown>)[key];
    if (typeof own === 'string') return own;
    return findKey(Object.values(value), key);
  }
  return null;
}

function canonicalUrl(document: Document, pageUrl: string): string {
  const declared = [document.querySelector('link[rel="canonical"]')?.getAttribute('href'), metaContent(document, ['og:url'])];
  for (const href of declared) {
    if (!href) continue;
    try {
      const url = new URL(href, pageUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // A malformed canonical link is ignored: the page's own URL still identifies it.
    }
  }
  return pageUrl;
}
