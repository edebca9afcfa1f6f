// The overview and the network summarise the most recent events. The API has no aggregate for
// "every pair of actors", so the dashboard reads recent event pages and counts them itself,
// bounded so a large database still answers quickly.
import { api } from './api.js';

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** Up to PAGE_SIZE × MAX_PAGES clusters, newest first. */
export async function recentClusters() {
  const clusters = [];
  let cursor;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { clusters: batch, next } = await api('/api/events', { limit: PAGE_SIZE, cursor });
    clusters.push(...batch);
    if (!next) break;
    cursor = next;
  }
  return clusters;
}

/** { period: 'YYYY-MM' ('' for no month: undated or a year only), type, count } rows, as the
 *  dyad API gives them. */
export function countsByMonth(clusters) {
  const counts = new Map();
  for (const c of clusters) {
    const month = /^\d{4}-\d{2}/.test(c.date ?? '') ? c.date.slice(0, 7) : '';
    const key = `${month}|${c.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [period, type] = key.split('|');
    return { period, type, count };
  });
}

/** The participants of a cluster, actors and recipients alike. */
const participants = (cluster) => [...cluster.actors, ...cluster.recipients];

/**
 * Pairs of nodes that take part in the same events, most frequent first: `nodeOf` maps a
 * participant to { id, ... } or null to leave it out. Returns the nodes with their event
 * counts and the edges with their weights.
 */
export function interactions(clusters, nodeOf) {
  const nodes = new Map();
  const edges = new Map();
  for (const cluster of clusters) {
    const present = new Map();
    for (const p of participants(cluster)) {
      const node = nodeOf(p);
      if (node) present.set(node.id, node);
    }
    for (const node of present.values()) {
      const entry = nodes.get(node.id) ?? { ...node, events: 0 };
      entry.events += 1;
      nodes.set(node.id, entry);
    }
    const ids = [...present.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const id = `${ids[i]}~${ids[j]}`;
        const edge = edges.get(id) ?? { id, source: ids[i], target: ids[j], weight: 0 };
        edge.weight += 1;
        edges.set(id, edge);
      }
    }
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => b.events - a.events),
    edges: [...edges.values()].sort((a, b) => b.weight - a.weight),
  };
}

/** A participant as its country, for dyads between states. */
export const countryNode = (p) => (p.country ? { id: p.country, kind: 'country', country: p.country } : null);

/** code → the country as an actor (Arabic and English names), from the clusters that name it. */
export function countriesNamed(clusters) {
  const named = new Map();
  for (const p of clusters.flatMap(participants)) if (p.kind === 'country' && p.country) named.set(p.country, p);
  return named;
}
