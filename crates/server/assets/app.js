// sitrep web UI. Every piece of data reaches the page as a DOM text node (el() below never
// parses markup), so article text, names and quotes are always shown as text, never run.
'use strict';

const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const QUAD_COLOR = { 1: '#2e9e5b', 2: '#1f6f43', 3: '#e08a1e', 4: '#c23b22' };

// ------------------------------------------------------------------ helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '' && v !== false) qs.set(k, v);
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

function errorBox(e) { return el('p', { class: 'error', role: 'alert' }, String(e.message || e)); }

function hashParams() {
  const h = location.hash.slice(1);
  const i = h.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : h.slice(i + 1));
}

function go(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '' && v !== false) qs.set(k, v);
  location.hash = path + (qs.toString() ? '?' + qs : '');
}

function articleLink(id, label, extra) {
  return el('a', { href: '#/article/' + encodeURIComponent(id) + (extra ? '?' + new URLSearchParams(extra) : ''), class: 'article-link' }, label || id);
}

function input(name, value, placeholder, type) {
  return el('label', {}, name, el('input', { name, value: value || '', placeholder: placeholder || '', type: type || 'text' }));
}

function formValues(form) {
  const out = {};
  for (const e of form.elements) {
    if (!e.name) continue;
    out[e.name] = e.type === 'checkbox' ? (e.checked ? 'true' : '') : e.value.trim();
  }
  return out;
}

function table(columns, rows, onRow) {
  const head = el('tr', {}, columns.map(c => el('th', {}, c[0])));
  const body = rows.map(r => el('tr', { class: onRow ? 'clickable' : null, onclick: onRow ? () => onRow(r) : null },
    columns.map(c => el('td', {}, c[1](r)))));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

function pager(page, onPage) {
  return el('div', { class: 'pager' },
    el('button', { class: 'plain', disabled: page.offset === 0, onclick: () => onPage(Math.max(0, page.offset - page.limit)) }, '‹ previous'),
    el('span', { class: 'muted' }, `${page.offset + 1}–${page.offset + page.items.length}`),
    el('button', { class: 'plain', disabled: page.next_offset === null, onclick: () => onPage(page.next_offset) }, 'next ›'));
}

// Snippets mark matches with U+E000 … U+E001: split there and build <mark> nodes.
function marked(snippet) {
  const out = [];
  const parts = String(snippet || '').split('\uE000');
  out.push(parts[0]);
  for (const p of parts.slice(1)) {
    const [hit, rest] = p.split('\uE001');
    out.push(el('mark', {}, hit), rest || '');
  }
  return out;
}

function quadLabel(q) { return el('span', { class: 'q' + q }, `${q} ${QUAD[q] || ''}`); }

// Byte offsets (UTF-8, as the store records them) to JavaScript string indices.
function byteIndex(text) {
  const map = new Int32Array(new TextEncoder().encode(text).length + 1);
  let b = 0, i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n; i += ch.length;
  }
  map[b] = i;
  return off => map[Math.max(0, Math.min(off, map.length - 1))];
}

// ------------------------------------------------------------------ views

const view = document.getElementById('view');
const routes = { '': articlesView, article: articleView, timeline: timelineView, network: networkView, quotes: quotesView, map: mapView };
let cleanup = null;

function route() {
  if (cleanup) { cleanup(); cleanup = null; }
  const h = location.hash.replace(/^#\/?/, '');
  const path = h.split('?')[0];
  const [name, ...rest] = path.split('/');
  const fn = routes[name] || articlesView;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === (name === 'article' || name === '' ? 'articles' : name));
  clear(view);
  fn(rest.map(decodeURIComponent).join('/'), hashParams()).catch(e => view.append(errorBox(e)));
}

// Articles list -----------------------------------------------------------

async function articlesView(_, params) {
  const form = el('form', { class: 'filters' },
    input('q', params.get('q'), 'title words or id'), input('from', params.get('from'), 'YYYY-MM-DD'), input('to', params.get('to'), 'YYYY-MM-DD'),
    el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', ev => { ev.preventDefault(); go('/', formValues(form)); });
  const out = el('div');
  view.append(el('h1', {}, 'Articles'), form, out);
  const offset = Number(params.get('offset') || 0);
  const page = await api('articles', { q: params.get('q'), from: params.get('from'), to: params.get('to'), limit: 50, offset });
  out.append(table([
    ['date', r => r.date || ''], ['title', r => articleLink(r.id, r.title || r.id)], ['id', r => r.id],
    ['source', r => r.source || ''], ['events', r => r.events], ['quotes', r => r.quotes]], page.items),
  pager(page, o => go('/', { ...Object.fromEntries(params), offset: o })));
  if (!page.items.length) out.append(el('p', { class: 'muted' }, 'No article matches.'));
}

// Article view ------------------------------------------------------------

async function articleView(id, params) {
  const a = await api('articles/' + encodeURIComponent(id));
  const ann = a.annotations || {};
  const text = a.text || '';
  const idx = byteIndex(text);
  const entities = ann.entities || [], quotes = ann.quotes || [], events = ann.events || [], sentences = ann.sentences || [];

  // Every annotated span, kind by kind; the text is cut at every boundary.
  const spans = [];
  entities.forEach((e, ei) => (e.mentions || []).forEach(m => spans.push({ kind: 'ent', s: m.start, e: m.end, ref: ei })));
  quotes.forEach((q, qi) => {
    spans.push({ kind: 'quote', s: q.start, e: q.end, ref: qi });
    if (q.speaker) spans.push({ kind: 'speaker', s: q.speaker.start, e: q.speaker.end, ref: qi });
  });
  events.forEach((ev, i) => {
    spans.push({ kind: 'trigger', s: ev.trigger.start, e: ev.trigger.end, ref: i });
    for (const side of ['source', 'target']) if (ev[side]) spans.push({ kind: 'actor', s: ev[side].start, e: ev[side].end, ref: i });
  });
  const cuts = new Set([0, new TextEncoder().encode(text).length]);
  for (const s of spans) { cuts.add(s.s); cuts.add(s.e); }
  const points = [...cuts].sort((x, y) => x - y);
  const body = el('div', { class: 'article-text', id: 'article-text' });
  const pieces = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [s, e] = [points[k], points[k + 1]];
    const piece = text.slice(idx(s), idx(e));
    const over = spans.filter(x => x.s <= s && x.e >= e && x.s < x.e);
    if (!over.length) { body.append(piece); continue; }
    const kinds = new Set(over.map(x => x.kind));
    const node = el('span', { class: [...kinds].map(k => k === 'speaker' ? 'speaker quote' : k).join(' '), 'data-start': s });
    node.append(piece);
    // The most specific annotation answers a click: trigger, actor, entity, quote.
    const pick = ['trigger', 'actor', 'speaker', 'ent', 'quote'].map(k => over.find(x => x.kind === k)).find(Boolean);
    node.addEventListener('click', () => show(pick, node));
    pieces.push({ node, over });
    body.append(node);
  }

  const panel = el('aside', { class: 'panel', id: 'evidence' }, el('p', { class: 'muted' }, 'Click a highlighted word, or an event below, to see its evidence.'));
  const sentenceOf = off => sentences.findIndex(x => x.start <= off && off < x.end);
  const sentenceText = (i, mark) => {
    const sp = sentences[i];
    if (!sp) return el('span', { class: 'muted' }, '(no sentence)');
    const out = el('div', { class: 'evidence sentence' });
    if (mark && mark.start >= sp.start && mark.end <= sp.end) {
      out.append(text.slice(idx(sp.start), idx(mark.start)), el('mark', {}, text.slice(idx(mark.start), idx(mark.end))), text.slice(idx(mark.end), idx(sp.end)));
    } else out.append(text.slice(idx(sp.start), idx(sp.end)));
    return out;
  };
  const facts = pairs => el('dl', { class: 'facts' }, pairs.filter(p => p[1] !== undefined && p[1] !== null && p[1] !== '').flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const select = nodes => {
    for (const p of pieces) p.node.classList.remove('selected');
    for (const n of nodes) n.classList.add('selected');
  };

  function showEvent(i) {
    const ev = events[i];
    select(pieces.filter(p => p.over.some(x => (x.kind === 'trigger' || x.kind === 'actor') && x.ref === i)).map(p => p.node));
    const side = a => a ? `${a.text} (${a.actor_code || '—'})` : '—';
    const rule = ev.rule || ev.pattern || null;
    clear(panel).append(el('h2', {}, 'Event ', el('code', {}, ev.code), ' ', ev.base && ev.base !== ev.code ? `(base ${ev.base})` : ''),
      el('h3', { class: 'muted' }, 'Evidence sentence'), sentenceText(ev.sentence, ev.trigger),
      facts([['trigger', ev.trigger.text], ['source', side(ev.source)], ['target', side(ev.target)], ['root', ev.root],
        ['QuadClass', quadLabel(ev.quad_class)], ['Goldstein', Number(ev.goldstein).toFixed(1)], ['date', ev.date || ''], ['status', ev.status],
        ['rule', rule ? (typeof rule === 'string' ? rule : JSON.stringify(rule)) : `CAMEO ${ev.code} from the verb "${ev.trigger.text}" (${ev.is_root ? 'main' : 'embedded'} event; ${ev.status})`],
        ['place', ev.place !== null && ev.place !== undefined && entities[ev.place] ? entities[ev.place].name : ''],
        ['happening', ev.happening ? el('a', { href: '#/timeline?' + new URLSearchParams({ a: ev.source ? ev.source.actor_code : '', b: ev.target ? ev.target.actor_code : '' }) }, `#${ev.happening} — see dyad timeline`) : '']]));
  }
  function showQuote(i) {
    const q = quotes[i];
    select(pieces.filter(p => p.over.some(x => (x.kind === 'quote' || x.kind === 'speaker') && x.ref === i)).map(p => p.node));
    const name = q.speaker ? (q.speaker.name || q.speaker.text) : null;
    const si = sentenceOf(q.start);
    clear(panel).append(el('h2', {}, 'Quote'),
      el('blockquote', { class: 'evidence' }, q.text),
      facts([['speaker', name ? el('a', { href: '#/quotes?' + new URLSearchParams({ speaker: name }), class: 'speaker-link' }, name) : 'unknown'],
        ['cue', q.cue ? q.cue.text : ''], ['kind', q.kind]]),
      el('h3', { class: 'muted' }, 'Sentence'), sentenceText(si, q));
  }
  function showEntity(i) {
    const e = entities[i];
    select(pieces.filter(p => p.over.some(x => x.kind === 'ent' && x.ref === i)).map(p => p.node));
    clear(panel).append(el('h2', {}, e.name), facts([['kind', e.kind], ['actor code', e.actor_code || ''], ['key', e.key],
      ['mentions', (e.mentions || []).map(m => m.text).join(', ')], ['place', e.geo ? `${e.geo.name} (${e.geo.lat}, ${e.geo.lon})` : ''],
      ['more', e.actor_code ? el('a', { href: '#/network?' + new URLSearchParams({ actor: e.actor_code }) }, 'network of ' + e.actor_code) : '']]));
  }
  function show(x) {
    if (x.kind === 'trigger' || x.kind === 'actor') showEvent(x.ref);
    else if (x.kind === 'quote' || x.kind === 'speaker') showQuote(x.ref);
    else showEntity(x.ref);
  }

  const evTable = table([
    ['code', e => e.code], ['source', e => e.source ? e.source.actor_code : '—'], ['target', e => e.target ? e.target.actor_code : '—'],
    ['trigger', e => e.trigger.text], ['QuadClass', e => quadLabel(e.quad_class)], ['status', e => e.status]],
  events.map((e, i) => ({ ...e, _i: i })), e => showEvent(e._i));
  evTable.id = 'event-table';
  const quoteList = table([['speaker', q => q.speaker ? (q.speaker.name || q.speaker.text) : '—'], ['quote', q => q.text.length > 120 ? q.text.slice(0, 120) + '…' : q.text]],
    quotes.map((q, i) => ({ ...q, _i: i })), q => showQuote(q._i));
  quoteList.id = 'quote-table';

  view.append(el('h1', { id: 'article-title' }, a.title || a.id),
    el('p', { class: 'muted' }, [a.date, a.source, a.id].filter(Boolean).join(' · ')),
    el('div', { class: 'legend' }, el('span', { class: 'ent' }, 'entity'), el('span', { class: 'quote' }, 'quote'),
      el('span', { class: 'speaker quote' }, 'speaker'), el('span', { class: 'trigger' }, 'event trigger'), el('span', { class: 'actor' }, 'event source/target')),
    el('div', { class: 'split' }, el('div', {}, body, el('h2', {}, `Events (${events.length})`), evTable, el('h2', {}, `Quotes (${quotes.length})`), quoteList), panel));

  // Arriving from a quote search: show that quote.
  const at = params.get('quote');
  if (at !== null) {
    const qi = quotes.findIndex(q => String(q.start) === at);
    if (qi >= 0) { showQuote(qi); const n = pieces.find(p => p.over.some(x => x.kind === 'quote' && x.ref === qi)); if (n) n.node.scrollIntoView({ block: 'center' }); }
  }
  const ev = params.get('event');
  if (ev !== null && events[Number(ev)]) showEvent(Number(ev));
}

// Dyad timeline -----------------------------------------------------------

async function timelineView(_, params) {
  let a = params.get('a'), b = params.get('b');
  if (!a || !b) {
    const top = await api('dyads', { limit: 1 });
    if (top.items.length) { a = a || top.items[0].source; b = b || top.items[0].target; }
  }
  const both = params.get('both_directions') !== 'false';
  const form = el('form', { class: 'filters' }, input('a', a, 'USA or USA*'), input('b', b, 'RUS*'),
    input('from', params.get('from'), 'YYYY-MM-DD'), input('to', params.get('to'), 'YYYY-MM-DD'),
    el('label', {}, 'both directions', el('input', { type: 'checkbox', name: 'both_directions', checked: both })),
    el('button', { type: 'submit' }, 'Plot'));
  form.addEventListener('submit', ev => { ev.preventDefault(); const v = formValues(form); v.both_directions = v.both_directions ? 'true' : 'false'; go('/timeline', v); });
  const chart = el('div', { class: 'chart', id: 'timeline-chart' });
  const days = el('div', { id: 'day-events' });
  const top = el('div');
  view.append(el('h1', {}, 'Dyad timeline'), form, chart, el('h2', {}, 'Days'), top, days);
  if (!a || !b) { chart.append(el('p', { class: 'muted' }, 'No events with two actors in this store yet.')); return; }
  const d = await api('dyad', { a, b, both_directions: both ? 'true' : 'false', from: params.get('from'), to: params.get('to') });
  // Sum directions per day, then fill the days between (zeros) so the axis is time.
  const byDay = new Map();
  for (const r of d.series) {
    const x = byDay.get(r.date) || { date: r.date, q: [0, 0, 0, 0], events: 0, gsum: 0 };
    x.q[0] += r.verbal_coop; x.q[1] += r.material_coop; x.q[2] += r.verbal_conflict; x.q[3] += r.material_conflict;
    x.events += r.events; x.gsum += r.goldstein_sum;
    byDay.set(r.date, x);
  }
  const sorted = [...byDay.values()].sort((x, y) => x.date < y.date ? -1 : 1);
  if (!sorted.length) { chart.append(el('p', { class: 'muted' }, `No dated events between ${a} and ${b}.`)); return; }
  const t0 = Date.parse(sorted[0].date) / 1000, t1 = Date.parse(sorted[sorted.length - 1].date) / 1000;
  const dense = (t1 - t0) / 86400 <= 3660;
  const xs = [], cols = [[], [], [], []], gold = [];
  if (dense) {
    for (let t = t0 - 86400; t <= t1 + 86400; t += 86400) {
      const r = byDay.get(new Date(t * 1000).toISOString().slice(0, 10));
      xs.push(t); for (let k = 0; k < 4; k++) cols[k].push(r ? r.q[k] : 0); gold.push(r ? +(r.gsum / r.events).toFixed(2) : null);
    }
  } else {
    for (const r of sorted) { xs.push(Date.parse(r.date) / 1000); for (let k = 0; k < 4; k++) cols[k].push(r.q[k]); gold.push(+(r.gsum / r.events).toFixed(2)); }
  }
  const bars = uPlot.paths.bars({ size: [0.8, 40] });
  const opts = {
    width: Math.min(chart.clientWidth || 1000, 1300) - 20, height: 320,
    scales: { x: { time: true }, n: { range: (u, min, max) => [0, Math.max(1, max)] }, g: { range: [-10, 10] } },
    axes: [{}, { scale: 'n', label: 'events' }, { scale: 'g', side: 1, label: 'mean Goldstein', grid: { show: false } }],
    series: [{ label: 'day', value: (u, v) => v === null ? '' : new Date(v * 1000).toISOString().slice(0, 10) },
      ...[1, 2, 3, 4].map(q => ({ label: QUAD[q], scale: 'n', stroke: QUAD_COLOR[q], fill: QUAD_COLOR[q] + '99', paths: bars, points: { show: false } })),
      { label: 'mean Goldstein', scale: 'g', stroke: '#333', width: 1.5, spanGaps: true, points: { show: true, size: 5 } }],
  };
  const plot = new uPlot(opts, [xs, ...cols, gold], chart);
  plot.over.addEventListener('click', () => { const i = plot.cursor.idx; if (i !== null && i !== undefined) showDay(new Date(xs[i] * 1000).toISOString().slice(0, 10)); });
  cleanup = () => plot.destroy();
  top.append(table([['day', r => r.date], ['events', r => r.events], ...[1, 2, 3, 4].map(q => [QUAD[q], r => r.q[q - 1]]), ['mean Goldstein', r => (r.gsum / r.events).toFixed(2)]],
    sorted.slice(-60).reverse(), r => showDay(r.date)));
  top.firstChild.id = 'day-table';

  async function showDay(date) {
    clear(days).append(el('h2', {}, `Events on ${date}`));
    const evs = await api('events', { source: a, target: b, both_directions: both ? 'true' : '', date, limit: 200 });
    days.append(eventsTable(evs.items));
  }
}

function eventsTable(items) {
  const t = table([['date', e => e.date || ''], ['code', e => e.code], ['source', e => e.source_code || '—'], ['target', e => e.target_code || '—'],
    ['QuadClass', e => quadLabel(e.quad_class)], ['evidence', e => e.sentence_text || e.trigger], ['article', e => articleLink(e.article, e.article_title || e.article, { event: e.index_in_article })]], items);
  t.classList.add('events');
  return items.length ? t : el('p', { class: 'muted' }, 'No events.');
}

// Actor network -----------------------------------------------------------

async function networkView(_, params) {
  const form = el('form', { class: 'filters' }, input('actor', params.get('actor'), 'USA* (optional)'), input('root', params.get('root'), 'CAMEO root, e.g. 04'),
    input('from', params.get('from'), 'YYYY-MM-DD'), input('to', params.get('to'), 'YYYY-MM-DD'), input('limit', params.get('limit') || '80', 'edges'),
    el('button', { type: 'submit' }, 'Draw'));
  form.addEventListener('submit', ev => { ev.preventDefault(); go('/network', formValues(form)); });
  const box = el('div', { id: 'cy' });
  const below = el('div', { id: 'edge-events' });
  view.append(el('h1', {}, 'Actor network'), form,
    el('p', { class: 'muted' }, 'Nodes are CAMEO actor codes (size: events); an edge is source → target, its width the event count, its colour the most frequent QuadClass. Click an edge for its events, a node to centre on it.'),
    box, below);
  const net = await api('network', { actor: params.get('actor'), root: params.get('root'), from: params.get('from'), to: params.get('to'), limit: params.get('limit') || 80 });
  if (!net.edges.length) { box.append(el('p', { class: 'muted' }, 'No events with two actors match.')); return; }
  const maxN = Math.max(...net.nodes.map(n => n.events)), maxE = Math.max(...net.edges.map(e => e.events));
  const dominant = e => { const q = [e.verbal_coop, e.material_coop, e.verbal_conflict, e.material_conflict]; return q.indexOf(Math.max(...q)) + 1; };
  const cy = cytoscape({
    container: box,
    elements: [
      ...net.nodes.map(n => ({ data: { id: 'n:' + n.id, label: n.id, size: 18 + 42 * Math.sqrt(n.events / maxN) } })),
      ...net.edges.map((e, i) => ({ data: { id: 'e' + i, source: 'n:' + e.source, target: 'n:' + e.target, w: 1 + 7 * e.events / maxE, color: QUAD_COLOR[dominant(e)], edge: e } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#2357c6', color: '#1d2330', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8 } },
      { selector: ':selected', style: { 'overlay-opacity': 0.2 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
    wheelSensitivity: 0.3,
  });
  cleanup = () => cy.destroy();
  cy.on('tap', 'edge', async evt => {
    const e = evt.target.data('edge');
    clear(below).append(el('h2', {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.mean_goldstein}`));
    const evs = await api('events', { source: e.source, target: e.target, root: params.get('root'), from: params.get('from'), to: params.get('to'), limit: 100 });
    below.append(eventsTable(evs.items));
  });
  cy.on('tap', 'node', evt => go('/network', { ...Object.fromEntries(params), actor: evt.target.data('label') }));
  below.append(el('h2', {}, 'Heaviest edges'), table([['source', e => e.source], ['target', e => e.target], ['events', e => e.events],
    ...[1, 2, 3, 4].map(q => [QUAD[q], e => [e.verbal_coop, e.material_coop, e.verbal_conflict, e.material_conflict][q - 1]]), ['mean Goldstein', e => e.mean_goldstein]],
  net.edges.slice(0, 20)));
}

// Quote search ------------------------------------------------------------

async function quotesView(_, params) {
  const form = el('form', { class: 'filters', id: 'quote-form' }, input('q', params.get('q'), 'words, "a phrase", OR, prefix*'), input('speaker', params.get('speaker'), 'speaker name'),
    input('from', params.get('from'), 'YYYY-MM-DD'), input('to', params.get('to'), 'YYYY-MM-DD'), el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', ev => { ev.preventDefault(); go('/quotes', formValues(form)); });
  const out = el('div', { id: 'quote-results' });
  view.append(el('h1', {}, 'Quotes'), form, out);
  const offset = Number(params.get('offset') || 0);
  const page = await api('quotes', { q: params.get('q'), speaker: params.get('speaker'), from: params.get('from'), to: params.get('to'), limit: 50, offset });
  if (!page.items.length) { out.append(el('p', { class: 'muted' }, 'No quote matches.')); return; }
  for (const q of page.items) {
    out.append(el('div', { class: 'hit' },
      el('div', { class: 'snippet' }, '“', q.snippet ? marked(q.snippet) : q.text, '”'),
      el('div', { class: 'muted' }, q.speaker ? el('a', { href: '#/quotes?' + new URLSearchParams({ speaker: q.speaker }) }, q.speaker) : 'unknown speaker',
        ' · ', q.date || 'undated', ' · ', articleLink(q.article, q.article_title || q.article, { quote: q.start }))));
  }
  out.append(pager(page, o => go('/quotes', { ...Object.fromEntries(params), offset: o })));
}

// Map -----------------------------------------------------------------------

async function mapView(_, params) {
  const form = el('form', { class: 'filters' }, input('actor', params.get('actor'), 'USA* (optional)'), input('root', params.get('root'), 'CAMEO root'),
    input('from', params.get('from'), 'YYYY-MM-DD'), input('to', params.get('to'), 'YYYY-MM-DD'), el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', ev => { ev.preventDefault(); go('/map', formValues(form)); });
  const box = el('div', { id: 'map' });
  const list = el('div', { id: 'place-events' });
  const places = el('div');
  view.append(el('h1', {}, 'Event places'), form, box, list, el('h2', {}, 'Places'), places);
  const [topo, page] = await Promise.all([
    fetch('/assets/vendor/countries-110m.json').then(r => r.json()),
    api('places', { actor: params.get('actor'), root: params.get('root'), from: params.get('from'), to: params.get('to'), limit: 500 }),
  ]);
  // No tile server: the world is drawn from Natural Earth outlines embedded in the binary.
  const map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([30, 10], 2);
  map.attributionControl.setPrefix('Leaflet').addAttribution('Natural Earth');
  L.geoJSON(topojson.feature(topo, topo.objects.countries), { style: { color: '#9aa7b8', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 } }).addTo(map);
  cleanup = () => map.remove();
  const geo = page.items.filter(p => p.geo && typeof p.geo.lat === 'number');
  const maxN = Math.max(1, ...geo.map(p => p.events));
  for (const p of geo) {
    const color = p.conflict > p.cooperation ? '#c23b22' : '#2e9e5b';
    const m = L.circleMarker([p.geo.lat, p.geo.lon], { radius: 5 + 18 * Math.sqrt(p.events / maxN), color, weight: 1, fillColor: color, fillOpacity: 0.55 }).addTo(map);
    m.bindTooltip(el('span', {}, `${p.name || p.geo.name}: ${p.events} events`));
    m.on('click', () => showPlace(p));
  }
  if (geo.length) map.fitBounds(L.latLngBounds(geo.map(p => [p.geo.lat, p.geo.lon])).pad(0.5), { maxZoom: 5 });
  places.append(table([['place', p => p.name || p.place_key], ['country', p => p.geo ? p.geo.country_iso3 : ''], ['events', p => p.events],
    ['cooperation', p => p.cooperation], ['conflict', p => p.conflict], ['coordinates', p => p.geo ? `${p.geo.lat.toFixed(2)}, ${p.geo.lon.toFixed(2)}` : 'not geocoded']], page.items, showPlace));
  async function showPlace(p) {
    clear(list).append(el('h2', {}, `Events at ${p.name || p.place_key}`));
    const evs = await api('events', { place: p.place_key, actor: params.get('actor'), root: params.get('root'), from: params.get('from'), to: params.get('to'), limit: 100 });
    list.append(eventsTable(evs.items));
  }
}

// ------------------------------------------------------------------ start

window.addEventListener('hashchange', route);
api('stats').then(s => { document.getElementById('corpus').textContent = `${s.articles} articles · ${s.events} events · ${s.quotes} quotes`; }).catch(() => {});
route();
