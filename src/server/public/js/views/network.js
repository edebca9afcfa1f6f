// Actor network (cytoscape, loaded as /vendor/cytoscape.min.js): who takes part in events with
// whom among the recent events. Nodes are actors (or their countries), edges weighted by the
// number of shared events; clicking either opens the events table filtered to it.
import { el } from '../dom.js';
import { actorFilter, actorLabel, countryLabel } from '../gloss.js';
import { t } from '../i18n.js';
import { countriesNamed, countryNode, interactions, recentClusters } from '../recent.js';
import { route } from '../router.js';
import { heading, statusLine } from '../ui.js';

const MAX_NODES = 40;
const NODE_KINDS = ['person', 'country', 'org'];

/** A participant as a node of its own: states by code, others by their names. */
const actorNode = (p) => ({ id: p.kind === 'country' && p.country ? p.country : `${p.kind}:${p.code ?? p.name_en ?? p.name_ar}`, actor: p });

export async function render(root, { query, onLeave }) {
  const byCountry = query.get('nodes') === 'countries';
  root.append(heading('network.title'), modeSwitch(byCountry), el('p', { class: 'note' }, t('network.hint')),
    el('p', { class: 'legend' }, NODE_KINDS.map((kind) => el('span', { class: `node-key node-${kind}` }, t(`legend.${kind}`)))));
  const clusters = await recentClusters();
  const named = countriesNamed(clusters);
  const graph = interactions(clusters, byCountry ? countryNode : actorNode);
  const nodes = graph.nodes.slice(0, MAX_NODES);
  if (!nodes.length) {
    root.append(statusLine(t('none')));
    return;
  }
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const container = el('div', { class: 'network' });
  root.append(container);
  const cy = globalThis.cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.actor ? actorLabel(n.actor) : countryLabel(n.id, named), events: n.events, kind: n.actor?.kind ?? 'country' } })),
      ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, weight: e.weight } })),
    ],
    style: graphStyle(Math.max(...nodes.map((n) => n.events)), Math.max(1, ...edges.map((e) => e.weight))),
    layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false },
  });
  const ends = new Map(nodes.map((n) => [n.id, { filter: n.actor ? actorFilter(n.actor) : { country: n.id }, country: n.actor?.country ?? n.id }]));
  const open = (filter) => { location.hash = route('events', [], filter); };
  cy.on('tap', 'node', (event) => open(ends.get(event.target.id()).filter));
  cy.on('tap', 'edge', (event) => open(pairFilter(ends.get(event.target.data('source')), ends.get(event.target.data('target')))));
  onLeave(() => cy.destroy());
}

/**
 * The events filter for an edge. The API filters by one actor name at most, so: two states
 * are a dyad; otherwise one named actor with a participant of the other end's state (a
 * person stands for their state here); two ends without states, the first actor alone.
 */
function pairFilter(a, b) {
  if (a.filter.country && b.filter.country) return { country: a.filter.country, with: b.filter.country };
  const [named, other] = a.filter.actor ? [a, b] : [b, a];
  return other.country ? { actor: named.filter.actor, country: other.country } : named.filter;
}

function modeSwitch(byCountry) {
  const link = (nodes, key, active) => el('a', { href: route('network', [], { nodes }), class: active ? 'active' : null, 'aria-current': active ? 'true' : null }, t(key));
  return el('p', { class: 'toggle' }, `${t('network.nodes')}: `, link(null, 'network.actors', !byCountry), ' · ', link('countries', 'network.countries', byCountry));
}

/** Node colours come from app.css (--node-person…), which also colours the legend. */
const kindColour = (kind) => getComputedStyle(document.documentElement).getPropertyValue(`--node-${kind}`).trim() || '#777';

function graphStyle(maxEvents, maxWeight) {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#222',
        'background-color': (node) => kindColour(node.data('kind')),
        width: `mapData(events, 1, ${Math.max(2, maxEvents)}, 14, 46)`, height: `mapData(events, 1, ${Math.max(2, maxEvents)}, 14, 46)`,
      },
    },
    {
      selector: 'edge',
      style: {
        width: `mapData(weight, 1, ${Math.max(2, maxWeight)}, 1, 10)`, 'line-color': '#9aa7b5', 'curve-style': 'haystack', opacity: 0.8,
      },
    },
  ];
}
