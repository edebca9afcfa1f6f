// Hash routes, so every view can be linked and bookmarked: #/view/arg/arg?name=value.

/** { view, args, query } of the current location. */
export function currentRoute() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || 'overview', args: parts.slice(1), query: new URLSearchParams(search) };
}

/** `route('events', [], { actor: 'Lavrov' })` → '#/events?actor=Lavrov'; empty values are left out. */
export function route(view, args = [], query = {}) {
  const path = [view, ...args].map((part) => encodeURIComponent(part)).join('/');
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}
