// The JSON API on the same origin. Errors come back as JSON with a message; anything else
// (a proxy's HTML error page) is reported by its status line.

export async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.message ?? body?.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/** Path segments from data (an article key may hold any character). */
export const segment = (value) => encodeURIComponent(String(value));
