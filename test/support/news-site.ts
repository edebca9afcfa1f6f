// The pages and feeds of the test news site: one short article on Russian–Chinese talks,
// rendered as a real site would (navigation, sidebar, footer around it), and RSS and Atom
// feeds listing pages.
import type { Handler } from './web-server.ts';

export const HEADLINE = 'لافروف يبحث مع وانغ يي العلاقات الثنائية';
export const PARAGRAPHS = [
  'موسكو - التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو يوم الأربعاء، وبحث الجانبان العلاقات الثنائية والتنسيق في المحافل الدولية.',
  'وقال لافروف إن العلاقات بين روسيا والصين تمر بأفضل مراحلها في التاريخ، وإن البلدين سيواصلان تعزيز التعاون في مجالات الطاقة والتجارة والاستثمار.',
  'من جانبه، أكد وانغ يي أن الصين مستعدة للعمل مع روسيا لتنفيذ التوافق الذي توصل إليه رئيسا البلدين، ودفع الشراكة الاستراتيجية الشاملة إلى مستوى أعلى.',
];

interface PageContent { headline?: string; paragraphs?: string[]; withHeadline?: boolean }

/** `head` goes into <head> (charset, dates, canonical link). */
export function page(head: string, { headline = HEADLINE, paragraphs = PARAGRAPHS, withHeadline = true }: PageContent = {}): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head>${head}<title>${headline} | وكالة الأنباء</title></head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a> <a href="/sport">رياضة</a></nav></header>
<main><article>${withHeadline ? `<h1>${headline}</h1>` : ''}${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر</a></li><li><a href="/b">خبر ثالث</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

export const html = (body: string | Buffer, contentType = 'text/html'): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }).end(body);
};

export function rss(links: string[]): string {
  const items = links.map((link, i) => `<item><title>خبر ${i}</title><link>${link}</link><pubDate>Wed, 20 Sep 2023 23:30:00 +0300</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title><link>/</link>${items.join('')}</channel></rss>`;
}

/** Links may be relative to the feed. */
export function atom(links: string[]): string {
  const entries = links.map((link, i) => `<entry><id>tag:test,${i}</id><title>خبر ${i}</title><link rel="alternate" href="${link}"/><updated>2023-09-21T08:00:00Z</updated></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title><id>tag:test</id><updated>2023-09-21T08:00:00Z</updated>${entries.join('')}</feed>`;
}

/** Answers 304 to a request that names the feed's current ETag. The feed is read at each
 *  request, so a test can change it between polls. */
export function withEtag(feed: { etag: string; body: string }, contentType: string): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === feed.etag) res.writeHead(304, { etag: feed.etag }).end();
    else res.writeHead(200, { 'content-type': contentType, etag: feed.etag }).end(feed.body);
  };
}
