// Response headers that keep article text inert in a browser: articles are untrusted input,
// and the policy below forbids every way a stray piece of markup could run (inline scripts,
// event handlers, javascript: URLs, plugins, framing, a rewritten <base>).
import type { FastifyInstance } from 'fastify';

const directives = (policy: Record<string, string>) => Object.entries(policy).map(([name, value]) => `${name} ${value}`).join('; ');

const DASHBOARD_POLICY = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

export const CONTENT_SECURITY_POLICY = directives(DASHBOARD_POLICY);

/** Swagger UI sets style attributes from its scripts and shows inline SVG as data: images;
 *  it shows no article text, so allowing inline styles on its own pages costs nothing. */
export const DOCS_CONTENT_SECURITY_POLICY = directives({ ...DASHBOARD_POLICY, 'style-src': "'self' 'unsafe-inline'" });

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** On every response, errors and 404s included; the docs pages under `docsPrefix` get the
 *  relaxed policy. */
export function addSecurityHeaders(app: FastifyInstance, docsPrefix: string): void {
  app.addHook('onSend', async (request, reply) => {
    const path = request.url.split('?')[0];
    const docs = path === docsPrefix || path.startsWith(`${docsPrefix}/`);
    reply.headers({ ...HEADERS, 'content-security-policy': docs ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY });
  });
}
