// The dashboard shell: language, navigation, and one view at a time chosen by the URL hash.
// Each view renders into a fresh section; whatever it set up (charts, the graph) it undoes
// through onLeave when another view replaces it.
import { el } from './dom.js';
import { applyLang, lang, onLangChange, setLang, t } from './i18n.js';
import { currentRoute } from './router.js';
import { errorLine, statusLine } from './ui.js';
import * as dyad from './views/dyad.js';
import * as documentView from './views/document.js';
import * as events from './views/events.js';
import * as network from './views/network.js';
import * as overview from './views/overview.js';
import * as search from './views/search.js';

const VIEWS = { overview, dyad, network, events, document: documentView, search };

const main = document.querySelector('main');
let generation = 0;
let cleanups = [];

async function show() {
  for (const cleanup of cleanups.splice(0)) cleanup();
  const mine = ++generation;
  const { view, args, query } = currentRoute();
  const name = VIEWS[view] ? view : 'overview';
  for (const link of document.querySelectorAll('nav a')) link.toggleAttribute('aria-current', link.dataset.view === name);
  document.title = `${t('appName')} · ${t(`nav.${name === 'document' ? 'events' : name}`)}`;
  const root = el('section', { class: `view view-${name}`, 'aria-busy': 'true' });
  const waiting = statusLine(t('loading'));
  root.append(waiting);
  main.replaceChildren(root);
  // A view still loading when the user moves on must not leave its charts behind.
  const onLeave = (cleanup) => (mine === generation ? cleanups.push(cleanup) : cleanup());
  try {
    await VIEWS[name].render(root, { args, query, onLeave });
  } catch (err) {
    root.append(errorLine(err));
  } finally {
    waiting.remove();
    root.removeAttribute('aria-busy');
    // Tests and screenshots wait for this: the view has all its data.
    root.dataset.ready = 'true';
  }
}

document.querySelector('#language').addEventListener('click', () => setLang(lang() === 'ar' ? 'en' : 'ar'));
onLangChange(show);
window.addEventListener('hashchange', show);
applyLang();
show();
