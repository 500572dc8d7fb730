// Search page: /?q=&doc=&term=&lang=&offset=&expand=false&sort=&from=&to=&issuer=&format=&view=docs
import {
  apiGet, el, clear, highlight, excerpt, copyButton, showMessage, hideMessage,
  langName, langLongName, langTag, langBadge, debounce, isTyping, fmt, announce, formatName,
  docSuffix, queryString, listKeys, store, yearOf,
} from './common.js';

const $ = (id) => document.getElementById(id);
const input = $('q');
const form = $('search-form');
const expandBox = $('expand');
const resultsEl = $('results');
const countEl = $('count');
const messageEl = $('message');
const filtersEl = $('active-filters');
const expansionsEl = $('expansions');
const didYouMeanEl = $('didyoumean');
const pagerEl = $('pager');
const sugEl = $('suggestions');

const LIMIT = 20;
const FILTERS = [
  { key: 'doc', name: 'Document' },
  { key: 'term', name: 'Term' },
  { key: 'lang', name: 'Language' },
  { key: 'issuer', name: 'Issuer' },
  { key: 'format', name: 'Format' },
  { key: 'from', name: 'From year' },
  { key: 'to', name: 'To year' },
];
const SORT_NAMES = { date_desc: 'newest first', date_asc: 'oldest first', doc: 'by document' };
const HISTORY_KEY = 'policy-search.history';
const SAVED_KEY = 'policy-search.saved';

let state = readState();
let docs = null;            // /api/docs result (null until loaded, [] when index empty)
let docsError = null;
let docsReady = Promise.resolve(); // settles when the document list has been loaded (or failed)
const docTitles = new Map();   // doc id -> title with its year and format ("政府工作报告 · 2017 · HTML")
const docFormats = new Map(); // doc id -> format name
const termLabels = new Map();
let termsLoaded = false;
let searchSeq = 0;
let controller = null;
let typingSession = false;  // true after the first pushState of a typing burst
let lastData = null;

// ---------------------------------------------------------------- state / URL

function readState() {
  const p = new URLSearchParams(location.search);
  const offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  return {
    q: p.get('q') || '',
    doc: p.get('doc') || '',
    term: p.get('term') || '',
    lang: p.get('lang') || '',
    offset,
    expand: p.get('expand') !== 'false',
    sort: p.get('sort') || '',
    from: /^\d{4}$/.test(p.get('from') || '') ? p.get('from') : '',
    to: /^\d{4}$/.test(p.get('to') || '') ? p.get('to') : '',
    issuer: p.get('issuer') || '',
    format: p.get('format') || '',
    view: p.get('view') === 'docs' ? 'docs' : '',
  };
}

/** The query the API runs: what was typed, and the year and issuer filters as query syntax. */
function apiQuery(s) {
  const extra = [];
  if (s.from || s.to) extra.push(s.from && s.to && s.from === s.to ? 'year:' + s.from : 'year:[' + (s.from || '1000') + ' TO ' + (s.to || '9999') + ']');
  if (s.issuer) extra.push('issuer:"' + s.issuer.replace(/["\\]/g, ' ') + '"');
  const q = s.q.trim();
  if (!extra.length) return q;
  return (q ? '(' + q + ') ' : '') + extra.join(' ');
}

/** The API parameters of a state (without paging). */
function apiParams(s) {
  return {
    q: apiQuery(s), doc: s.doc, term: s.term, lang: s.lang, filetype: s.format, sort: s.sort,
    expand: s.expand ? null : 'false',
  };
}

function hasSearch(s) {
  return !!(s.q.trim() || FILTERS.some((f) => s[f.key]));
}

function stateURL(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.doc) p.set('doc', s.doc);
  if (s.term) p.set('term', s.term);
  if (s.lang) p.set('lang', s.lang);
  if (s.offset) p.set('offset', String(s.offset));
  if (!s.expand) p.set('expand', 'false');
  for (const k of ['sort', 'from', 'to', 'issuer', 'format', 'view']) if (s[k]) p.set(k, s[k]);
  const qs = p.toString();
  return '/' + (qs ? '?' + qs : '');
}

function commit(mode) {
  const url = stateURL(state);
  const current = location.pathname + location.search;
  if (mode === 'push' && url !== current) history.pushState(null, '', url);
  else if (url !== current) history.replaceState(null, '', url);
  updateTitle();
}

function updateTitle() {
  document.title = (state.q ? state.q + ' · ' : '') + 'Search · policy-search';
}

function syncInputs() {
  if (input.value !== state.q) input.value = state.q;
  expandBox.checked = state.expand;
  $('sort').value = state.sort;
  $('year-from').value = state.from;
  $('year-to').value = state.to;
  $('f-lang').value = state.lang;
  setSelect($('f-doc'), state.doc, docTitles.get(state.doc));
  setSelect($('f-issuer'), state.issuer, state.issuer);
  setSelect($('f-format'), state.format, formatName(state.format));
  $('show-passages').setAttribute('aria-pressed', state.view ? 'false' : 'true');
  $('show-docs').setAttribute('aria-pressed', state.view ? 'true' : 'false');
  $('refine').open = $('refine').open || !!(state.sort || state.from || state.to || state.issuer || state.format);
}

/** Select a value, adding it as an option when the list does not have it yet (the lists fill from /api/docs). */
function setSelect(sel, value, label) {
  if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(el('option', { value }, label || value));
  sel.value = value;
}

function fillFilterLists() {
  if (!docs) return;
  const byDate = [...docs].sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')));
  const docSel = $('f-doc');
  clear(docSel).appendChild(el('option', { value: '' }, 'Any'));
  for (const d of byDate) if (!d.copy_of) docSel.appendChild(el('option', { value: d.id }, docTitles.get(d.id) || d.id));
  // an issuer as the filter knows it: "国务院 (State Council; delivered by …)" is 国务院
  const issuers = [...new Set(docs.map((d) => String(d.issuer || '').replace(/\s*[(（].*$/, '').trim()).filter(Boolean))].sort();
  const issSel = $('f-issuer');
  clear(issSel).appendChild(el('option', { value: '' }, 'Any'));
  for (const i of issuers) issSel.appendChild(el('option', { value: i }, i));
  const formats = [...new Set(docs.map((d) => String(d.format || '').split(';')[0].trim()).filter(Boolean))].sort();
  const fmtSel = $('f-format');
  clear(fmtSel).appendChild(el('option', { value: '' }, 'Any'));
  for (const f of formats) fmtSel.appendChild(el('option', { value: f }, formatName(f)));
  const years = docs.map((d) => yearOf(d.date)).filter((y) => y != null);
  if (years.length) {
    for (const id of ['year-from', 'year-to']) { $(id).min = Math.min(...years); $(id).max = Math.max(...years); }
    $('year-from').placeholder = String(Math.min(...years));
    $('year-to').placeholder = String(Math.max(...years));
  }
  syncInputs();
}

/** Apply a user action: mutate state, push history, search. */
function act(change, { resetOffset = true, focusResults = false } = {}) {
  Object.assign(state, change);
  if (resetOffset && !('offset' in change)) state.offset = 0;
  typingSession = false;
  syncInputs();
  commit('push');
  runSearch().then(() => {
    if (focusResults) $('results-region').focus({ preventScroll: false });
  });
}

// ---------------------------------------------------------------- docs / labels

async function loadDocs() {
  try {
    docs = await apiGet('/api/docs');
    if (!Array.isArray(docs)) docs = [];
    for (const d of docs) {
      // documents of one title (three Government Work Reports, a PDF and its text) are told apart by year and format
      if (d.format) docFormats.set(d.id, formatName(d.format));
      docTitles.set(d.id, (d.title || d.title_en || d.id) + ' · ' + docSuffix(d));
    }
  } catch (err) {
    docs = null;
    docsError = err;
  }
}

async function loadTermLabels() {
  if (termsLoaded) return;
  termsLoaded = true;
  try {
    const data = await apiGet('/api/terms');
    for (const t of data.terms || []) termLabels.set(t.id, termText(t));
  } catch (_) { /* labels are a nicety */ }
}

function termText(t) {
  if (!t) return '';
  if (t.label && t.label_zh && t.label_zh !== t.label) return t.label + ' · ' + t.label_zh;
  return t.label || t.label_zh || t.id;
}

function filterLabel(key, value) {
  if (key === 'doc') return docTitles.get(value) || value;
  if (key === 'term') return (termLabels.get(value) || value) + (citedSuffix(value) ? ' · ' + citedSuffix(value) : '');
  if (key === 'lang') return langLongName(value);
  if (key === 'format') return formatName(value);
  return value;
}

// ---------------------------------------------------------------- search

async function runSearch() {
  const seq = ++searchSeq;
  if (controller) controller.abort();
  controller = null;
  renderFilters();

  if (docs && docs.length === 0) {
    renderEmptyIndex();
    return;
  }
  if (!hasSearch(state)) {
    renderIdle();
    return;
  }
  controller = new AbortController();
  document.body.classList.add('loading');
  resultsEl.setAttribute('aria-busy', 'true');
  let data;
  const grouped = state.view === 'docs';
  try {
    data = await apiGet('/api/search', {
      ...apiParams(state), limit: grouped ? 100 : LIMIT, offset: grouped ? null : (state.offset || null),
    }, { signal: controller.signal });
  } catch (err) {
    if (err.name === 'AbortError' || seq !== searchSeq) return;
    document.body.classList.remove('loading');
    resultsEl.removeAttribute('aria-busy');
    renderError(err);
    return;
  }
  await docsReady;
  if (seq !== searchSeq) return;
  document.body.classList.remove('loading');
  resultsEl.removeAttribute('aria-busy');
  if (docs && docs.length === 0) { renderEmptyIndex(); return; }
  lastData = data;
  document.querySelector('.results-tools').hidden = false;
  learnLabels(data);
  renderFilters();
  if (grouped) renderGroups(data); else renderResults(data);
  rememberSearch(data);
  renderExport(data);
  // a saved search run now is "visited": what it finds now is no longer new
  const here = stateURL({ ...state, offset: 0 });
  const saved = store.get(SAVED_KEY, []);
  const sv = saved.find((x) => x.url === here);
  if (sv) {
    // at once from this answer (a page's facets list up to 100 documents), then from a complete lookup when there may be more
    const ids = (data.facets && data.facets.docs || []).map((f) => f.id);
    Object.assign(sv, { total: data.total, docs: ids, seen: Date.now() });
    store.set(SAVED_KEY, saved);
    if (ids.length >= 100) markSeen(here).then(renderSaved); else renderSaved();
  }
}

function learnLabels(data) {
  const f = data.facets || {};
  for (const d of f.docs || []) if (d.title && !docTitles.has(d.id)) docTitles.set(d.id, d.title);
  for (const t of f.terms || []) if (t.label && !termLabels.has(t.id)) termLabels.set(t.id, t.label);
  for (const h of data.hits || []) {
    if (h.title && !docTitles.has(h.doc)) docTitles.set(h.doc, h.title);
    for (const t of h.terms || []) termLabels.set(t.id, termText(t));
  }
  if (state.term && !termLabels.has(state.term)) loadTermLabels().then(renderFilters);
}

// ---------------------------------------------------------------- rendering

function clearResults() {
  clear(resultsEl);
  document.querySelector('.results-tools').hidden = true;
  pagerEl.hidden = true;
  expansionsEl.hidden = true;
  didYouMeanEl.hidden = true;
  countEl.textContent = '';
  $('export-csv').hidden = true;
}

let folderAsked = false;
function renderEmptyIndex() {
  if (!folderAsked) { folderAsked = true; loadFolder().then(renderEmptyIndex); }
  clearResults();
  document.body.classList.add('empty-index');
  renderFacets({});
  const folder = watchedFolder || 'corpus';
  showMessage(messageEl, 'empty',
    el('h2', null, 'No documents indexed yet.'),
    el('p', null, 'Drop documents (PDF, Word, HTML, Markdown, text, scanned images) into ',
      el('code', { class: 'watched-folder' }, folder),
      ': the server watches this folder and indexes what you add there by itself, within seconds; reload this page then.'),
    el('p', { class: 'muted' }, 'To search another folder, restart the server with ', el('code', null, 'serve --corpus DIR'), '.'));
}

let watchedFolder = null;
async function loadFolder() {
  try { watchedFolder = (await apiGet('/health')).corpus || null; } catch (_) { watchedFolder = null; }
}

function renderIdle() {
  clearResults();
  renderFacets({});
  const parts = [];
  if (docsError) {
    showMessage(messageEl, 'error', el('p', null, docsError.message));
    return;
  }
  if (docs && docs.length) {
    const passages = docs.reduce((a, d) => a + (d.passages || 0), 0);
    parts.push(el('h2', null, 'Search ' + fmt(docs.length) + (docs.length === 1 ? ' document' : ' documents') +
      (passages ? ' · ' + fmt(passages) + ' passages' : '')));
    parts.push(el('p', null, 'Type a word or phrase in English or Chinese. Policy terms are matched across languages, so ',
      el('q', null, 'secure and controllable'), ' also finds ', el('span', { lang: 'zh-CN' }, '安全可控'), '.'));
    const sorted = [...docs].sort((a, b) => String(a.date || '').localeCompare(String(b.date || '')));
    parts.push(el('h3', null, 'Indexed documents'));
    parts.push(el('ul', { class: 'doc-list' }, sorted.map((d) => el('li', null,
      el('a', { href: '/d/' + encodeURIComponent(d.id), lang: langTag(d.lang) }, d.title || d.id),
      ' ', el('span', { class: 'doc-suffix' }, formatName(d.format)),
      d.title_en && d.title_en !== d.title ? el('span', { class: 'muted title-en', lang: 'en' }, ' ' + d.title_en) : null,
      ' ', el('span', { class: 'muted' }, [d.date, d.issuer].filter(Boolean).join(' · ')),
      ' ', langBadge(d.lang)))));
  } else {
    parts.push(el('p', null, 'Type a word or phrase to search.'));
  }
  parts.push(syntaxHelp());
  showMessage(messageEl, 'info', parts);
}

function syntaxHelp() {
  const row = (code, text) => el('li', null, el('code', null, code), ' — ', text);
  return el('details', { class: 'syntax-help' },
    el('summary', null, 'Query syntax'),
    el('ul', null,
      row('"critical information infrastructure"', 'quotes for an exact phrase'),
      row('data AND export', 'both words; OR for either; NOT to exclude'),
      row('doc:2016-cybersecurity-law', 'only one document'),
      row('lang:zh', 'only Chinese (zh) or English (en) passages'),
      row('year:2017', 'only documents from a year'),
      row('term:secure-and-controllable', 'passages that mention a policy term')));
}

function renderError(err) {
  clearResults();
  const parts = [el('p', { class: 'error-text' }, err.message)];
  if (err.status === 400) parts.push(syntaxHelp());
  showMessage(messageEl, 'error', parts);
  const details = messageEl.querySelector('details');
  if (details) details.open = true;
}

function renderResults(data) {
  const hits = data.hits || [];
  const total = Number(data.total) || 0;
  const offset = Number(data.offset) || 0;
  const limit = Number(data.limit) || LIMIT;

  countEl.textContent = total
    ? fmt(total) + (total === 1 ? ' passage' : ' passages') + ' in ' + fmt((data.facets && data.facets.docs || []).length)
      + ((data.facets && data.facets.docs || []).length === 1 ? ' document' : ' documents')
      + (state.sort ? ' · ' + SORT_NAMES[state.sort] : '') + (data.took_ms != null ? ' · ' + data.took_ms + ' ms' : '')
    : 'No results';

  renderExpansions(data.expansions || []);
  renderDidYouMean(data.suggestions || []);
  renderFacets(data.facets || {});

  clear(resultsEl);
  resultsEl.start = offset + 1;
  if (!hits.length) {
    renderNoResults(total, offset);
  } else {
    hideMessage(messageEl);
    for (const h of hits) resultsEl.appendChild(renderHit(h));
  }

  if (total > limit || offset > 0) {
    pagerEl.hidden = false;
    const from = hits.length ? offset + 1 : 0;
    const to = offset + hits.length;
    $('range').textContent = hits.length ? `${fmt(from)}–${fmt(to)} of ${fmt(total)}` : `0 of ${fmt(total)}`;
    $('prev').disabled = offset <= 0;
    $('next').disabled = offset + limit >= total;
  } else {
    pagerEl.hidden = true;
  }
}

function renderExpansions(expansions) {
  clear(expansionsEl);
  if (!expansions.length) { expansionsEl.hidden = true; return; }
  expansionsEl.hidden = false;
  expansionsEl.append('Also searched policy-term variants: ');
  expansions.forEach((x, i) => {
    if (i) expansionsEl.append('; ');
    expansionsEl.append(el('strong', null, x.label || x.concept));
    const v = (x.variants || []).filter((s) => s !== x.label);
    if (v.length) expansionsEl.append(' → ', el('span', { lang: 'zh-CN' }, v.join(', ')));
  });
}

/** "Did you mean" (issue 16): each corrected query as a link that searches it. */
function renderDidYouMean(suggestions) {
  clear(didYouMeanEl);
  if (!suggestions.length) { didYouMeanEl.hidden = true; return; }
  didYouMeanEl.hidden = false;
  didYouMeanEl.append('Did you mean ');
  suggestions.forEach((x, i) => {
    if (i) didYouMeanEl.append(' or ');
    const a = el('a', { href: stateURL({ ...state, q: x.query, offset: 0 }), class: 'suggestion' }, x.query);
    a.addEventListener('click', (e) => { e.preventDefault(); act({ q: x.query }); });
    didYouMeanEl.append(a, ' (' + fmt(x.total) + ')');
  });
  didYouMeanEl.append('?');
}

function renderNoResults(total, offset) {
  const parts = [];
  if (total > 0 && offset > 0) {
    parts.push(el('p', null, 'This page is past the last result.'));
    const b = el('button', { type: 'button', class: 'btn' }, 'Go to the first page');
    b.addEventListener('click', () => act({ offset: 0 }));
    parts.push(b);
    showMessage(messageEl, 'empty', parts);
    return;
  }
  parts.push(el('h2', null, 'No results for ', el('q', null, state.q)));
  const active = FILTERS.filter((f) => state[f.key]);
  if (active.length) {
    parts.push(el('p', null, 'Your filters may be excluding matches. Remove a filter:'));
    parts.push(el('div', { class: 'button-row' }, active.map((f) => {
      const b = el('button', { type: 'button', class: 'btn remove-filter', 'data-filter': f.key },
        'Remove ' + f.name.toLowerCase() + ': ' + filterLabel(f.key, state[f.key]) + ' ×');
      b.addEventListener('click', () => act({ [f.key]: '' }));
      return b;
    })));
  }
  if (!state.expand) {
    const b = el('button', { type: 'button', class: 'btn' }, 'Turn on cross-language expansion');
    b.addEventListener('click', () => act({ expand: true }));
    parts.push(el('p', null, 'Cross-language expansion is off, so English terms do not find their Chinese forms. ', b));
  }
  parts.push(el('ul', { class: 'tips' },
    el('li', null, 'Check the spelling, or try fewer or more general words.'),
    el('li', null, 'Chinese is matched as written: try a shorter word (e.g. ', el('span', { lang: 'zh-CN' }, '网络安全'), ') or the English term.'),
    el('li', null, 'Use quotes only for exact phrases; remove AND/NOT to widen the search.')));
  parts.push(syntaxHelp());
  showMessage(messageEl, 'empty', parts);
}

function renderHit(h) {
  const li = el('li', { class: 'hit', 'data-doc': h.doc, 'data-anchor': h.passage, lang: langTag(h.lang) });
  const link = h.link || ('/d/' + encodeURIComponent(h.doc) + '?q=' + encodeURIComponent(state.q) + '#' + h.passage);

  const head = el('div', { class: 'hit-head' },
    el('h3', { class: 'hit-title' }, el('a', { href: link }, h.title || h.title_en || h.doc)));
  li.appendChild(head);
  if (h.title_en && h.title && h.title_en !== h.title) {
    li.appendChild(el('p', { class: 'hit-title-en', lang: 'en' }, h.title_en));
  }

  const meta = el('p', { class: 'hit-meta' });
  if (h.date) meta.append(el('time', { datetime: h.date }, h.date));
  if (h.issuer) meta.append(el('span', { class: 'issuer' }, h.issuer));
  if (h.number) meta.append(el('span', { class: 'number' }, h.number));
  if (h.page != null) meta.append(el('span', { class: 'page' }, 'p. ' + h.page));
  if (docFormats.has(h.doc)) meta.append(el('span', { class: 'format' }, docFormats.get(h.doc)));
  meta.append(langBadge(h.lang));
  if (h.ocr) meta.append(el('span', { class: 'ocr', title: 'Text recognised by OCR from a scanned image: it may hold recognition errors' }, 'OCR'));
  // another file holding the same document: named under this one, its passages not repeated
  for (const c of h.also || []) {
    meta.append(el('span', { class: 'also' }, 'also as ', el('a', { href: c.link, title: 'The same document as ' + c.format }, c.format)));
  }
  if (h.via) meta.append(el('span', { class: 'via', title: 'Found through cross-language expansion of a policy term' },
    'via ', el('span', { lang: 'zh-CN' }, h.via)));
  li.appendChild(meta);

  li.appendChild(renderSnippet(h));

  const foot = el('div', { class: 'hit-foot' });
  if (h.terms && h.terms.length) {
    const chips = el('ul', { class: 'term-chips', 'aria-label': 'Policy terms in this passage' });
    for (const t of h.terms) {
      const active = state.term === t.id;
      const b = el('button', {
        type: 'button', class: 'term-chip' + (active ? ' active' : ''), 'data-term': t.id,
        'aria-pressed': active ? 'true' : 'false',
        'aria-label': (active ? 'Remove term filter: ' : 'Filter by term: ') + termText(t),
        title: active ? 'Remove this term filter' : 'Show only passages with this term',
      }, t.label || t.id, t.label_zh && t.label_zh !== t.label ? el('span', { lang: 'zh-CN', class: 'zh' }, t.label_zh) : null,
      citedSuffix(t.id) ? el('span', { class: 'chip-meta' }, ' · ' + citedSuffix(t.id)) : null);
      b.addEventListener('click', () => act({ term: active ? '' : t.id }, { focusResults: false }));
      chips.appendChild(el('li', null, b));
    }
    foot.appendChild(chips);
  }
  const actions = el('div', { class: 'hit-actions' });
  const title = h.title || h.doc;
  actions.appendChild(copyButton(location.origin + link, 'Copy link', 'Copy link to this passage of ' + title));
  if (h.permalink) {
    const short = copyButton(location.origin + h.permalink, 'Short link', 'Copy the short permanent link to this passage of ' + title);
    short.classList.add('short-link');
    actions.appendChild(short);
  }
  if (h.file) actions.appendChild(el('a', { class: 'file-link', href: h.file, 'aria-label': 'Original file of ' + title + (h.page != null ? ', page ' + h.page : '') }, 'Original'));
  foot.appendChild(actions);
  li.appendChild(foot);
  return li;
}

function renderSnippet(h) {
  const div = el('div', { class: 'snippet' });
  const termLabel = (id) => {
    const t = (h.terms || []).find((x) => x.id === id);
    return t ? (t.label || t.label_zh || id) : (termLabels.get(id) || id);
  };
  if (h.text && h.matches && h.matches.length) {
    const ex = excerpt(h.text, h.matches, h.mentions, 300);
    if (ex.cutStart) div.append('…');
    div.appendChild(highlight(ex.text, { matches: ex.matches, mentions: ex.mentions, termLabel }));
    if (ex.cutEnd) div.append('…');
  } else if (h.snippet) {
    div.appendChild(safeSnippet(h.snippet));
  } else if (h.text) {
    const ex = excerpt(h.text, [], h.mentions, 300);
    div.appendChild(highlight(ex.text, { mentions: ex.mentions, termLabel }));
    if (ex.cutEnd) div.append('…');
  }
  return div;
}

/**
 * The server's snippet is escaped HTML with only <mark> tags. Rather than trusting
 * innerHTML, parse it in an inert document and copy over only text and <mark>.
 */
function safeSnippet(html) {
  const frag = document.createDocumentFragment();
  const doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
  const walk = (src, dst) => {
    for (const n of src.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) dst.appendChild(document.createTextNode(n.nodeValue));
      else if (n.nodeType === Node.ELEMENT_NODE) {
        if (n.tagName === 'MARK') { const m = document.createElement('mark'); walk(n, m); dst.appendChild(m); }
        else walk(n, dst);
      }
    }
  };
  walk(doc.body, frag);
  return frag;
}

function renderFacets(facets) {
  renderFacetList($('facet-docs'), 'doc', facets.docs || [], (f) => {
    const d = docs && docs.find((x) => x.id === f.id);
    return d ? [d.title || d.title_en || d.id, docSuffix(d)] : (docTitles.get(f.id) || f.title || f.id);
  });
  renderFacetList($('facet-terms'), 'term', facets.terms || [], (f) => {
    const label = f.label || termLabels.get(f.id) || f.id;
    const cited = citedSuffix(f.id);
    return cited ? [label, cited] : label;
  });
  renderFacetList($('facet-lang'), 'lang', facets.lang || [], (f) => langLongName(f.id) + (f.id === 'zh' ? ' 中文' : ''));
}

/** A concept made from a document's title (cites-{doc}) names that document's year and format, as documents do. */
function citedSuffix(termId) {
  if (!docs || !String(termId).startsWith('cites-')) return null;
  const d = docs.find((x) => 'cites-' + x.id === termId);
  return d ? docSuffix(d) : null;
}

function renderFacetList(ul, key, items, labelOf) {
  clear(ul);
  const list = [...items];
  if (state[key] && !list.some((f) => f.id === state[key])) list.unshift({ id: state[key], count: null });
  if (!list.length) {
    ul.appendChild(el('li', { class: 'facet-empty muted' }, state.q ? 'None' : '—'));
    return;
  }
  for (const f of list) {
    const active = state[key] === f.id;
    // a label is a string, or [title, "2017 · HTML"]: the part that tells documents apart is never cut
    const parts = Array.isArray(labelOf(f)) ? labelOf(f) : [labelOf(f), null];
    const label = parts.filter(Boolean).join(' · ');
    const b = el('button', {
      type: 'button', class: 'facet' + (active ? ' active' : ''), 'data-id': f.id,
      'aria-pressed': active ? 'true' : 'false', title: label + (f.count != null ? ': ' + fmt(f.count) + ' passages' : ''),
      'aria-label': label + (f.count != null ? ', ' + f.count + ' passages' : '') + (active ? ' (active filter, click to remove)' : ''),
    },
    el('span', { class: 'facet-text' }, el('span', { class: 'facet-label' }, parts[0]),
      parts[1] ? el('span', { class: 'facet-meta' }, parts[1]) : null),
    f.count != null ? el('span', { class: 'facet-count' }, fmt(f.count)) : null);
    b.addEventListener('click', () => act({ [key]: active ? '' : f.id }));
    ul.appendChild(el('li', null, b));
  }
}

function renderFilters() {
  clear(filtersEl);
  const active = FILTERS.filter((f) => state[f.key]);
  filtersEl.hidden = !active.length;
  if (!active.length) return;
  filtersEl.appendChild(el('span', { class: 'filters-label' }, 'Filters:'));
  for (const f of active) {
    const text = f.name + ': ' + filterLabel(f.key, state[f.key]);
    const b = el('button', {
      type: 'button', class: 'chip', 'data-filter': f.key, 'data-id': state[f.key],
      'aria-label': 'Remove filter ' + text,
    }, el('span', null, text), el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'));
    b.addEventListener('click', () => act({ [f.key]: '' }));
    filtersEl.appendChild(b);
  }
  if (active.length > 1) {
    const all = el('button', { type: 'button', class: 'link-button clear-filters' }, 'Clear all');
    all.addEventListener('click', () => act({ doc: '', term: '', lang: '', issuer: '', format: '', from: '', to: '' }));
    filtersEl.appendChild(all);
  }
}

// ---------------------------------------------------------------- documents view, export, history, saved searches

/** One row per document: its passage count, its best passage, the others on demand. */
function renderGroups(data) {
  const hits = data.hits || [];
  const total = Number(data.total) || 0;
  const facetDocs = (data.facets && data.facets.docs) || [];
  renderExpansions(data.expansions || []);
  renderDidYouMean(data.suggestions || []);
  renderFacets(data.facets || {});
  pagerEl.hidden = true;
  clear(resultsEl);
  resultsEl.start = 1;
  countEl.textContent = total
    ? fmt(facetDocs.length) + (facetDocs.length === 1 ? ' document' : ' documents') + ' · ' + fmt(total) + (total === 1 ? ' passage' : ' passages')
      + (state.sort ? ' · ' + SORT_NAMES[state.sort] : '')
    : 'No results';
  if (!total) { renderNoResults(total, 0); return; }
  hideMessage(messageEl);
  // documents in the order of their best passage; those without one on the first 100 hits follow by count
  const best = new Map();
  for (const h of hits) if (!best.has(h.doc)) best.set(h.doc, h);
  const counts = new Map(facetDocs.map((f) => [f.id, f.count]));
  const order = [...best.keys(), ...facetDocs.map((f) => f.id).filter((id) => !best.has(id))];
  for (const id of order) resultsEl.appendChild(renderGroup(id, counts.get(id) || 0, best.get(id)));
}

function renderGroup(id, count, hit) {
  const d = docs && docs.find((x) => x.id === id);
  const title = (d && (d.title || d.title_en)) || (hit && hit.title) || id;
  const li = el('li', { class: 'hit group', 'data-doc': id });
  li.appendChild(el('div', { class: 'hit-head' },
    el('h3', { class: 'hit-title' }, el('a', { href: '/d/' + encodeURIComponent(id) + (state.q ? '?q=' + encodeURIComponent(state.q) : ''),
      lang: langTag(d && d.lang) }, title)),
    el('span', { class: 'doc-suffix' }, d ? docSuffix(d) : ''),
    el('span', { class: 'count-badge passages-count' }, fmt(count) + (count === 1 ? ' passage' : ' passages'))));
  const meta = el('p', { class: 'hit-meta' });
  if (d && d.date) meta.append(el('time', { datetime: d.date }, d.date));
  if (d && d.issuer) meta.append(el('span', { class: 'issuer' }, d.issuer));
  if (d && d.number) meta.append(el('span', { class: 'number' }, d.number));
  li.appendChild(meta);
  const more = el('ol', { class: 'group-passages', hidden: true });
  if (hit) li.appendChild(el('div', { class: 'best' }, el('span', { class: 'muted best-label' }, 'Best passage' + (hit.page != null ? ', p. ' + hit.page : '') + ': '), renderSnippet(hit)));
  const btn = el('button', { type: 'button', class: 'btn expand-group', 'aria-expanded': 'false' },
    count > 1 || !hit ? 'Show ' + (count > 100 ? 'the first 100 of ' + fmt(count) : 'all ' + fmt(count)) + ' passages' : 'Show the passage');
  btn.addEventListener('click', async () => {
    const open = btn.getAttribute('aria-expanded') === 'true';
    btn.setAttribute('aria-expanded', open ? 'false' : 'true');
    more.hidden = open;
    btn.textContent = open ? 'Show ' + fmt(count) + (count === 1 ? ' passage' : ' passages') : 'Hide the passages';
    if (open || more.childElementCount) return;
    try {
      const data = await apiGet('/api/search', { ...apiParams(state), doc: id, limit: 100 });
      for (const h of data.hits || []) more.appendChild(renderHit(h));
    } catch (err) {
      more.appendChild(el('li', { class: 'error-text' }, err.message));
    }
  });
  li.appendChild(el('div', { class: 'hit-foot' }, btn));
  li.appendChild(more);
  return li;
}

/** The export link: every matching passage of the search, in its order, as a spreadsheet (CSV, UTF-8). */
function renderExport(data) {
  const a = $('export-csv');
  const docsView = state.view === 'docs';
  a.hidden = !(data && data.total);
  // in the documents view, one row per document (its passage count); else every passage
  a.href = '/api/search' + queryString({ ...apiParams(state), format: 'csv', group: docsView ? 'doc' : null });
  a.setAttribute('download', 'policy-search-' + (state.q.trim() || 'export').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)
    + (docsView ? '-documents' : '') + '.csv');
  a.textContent = docsView ? 'Export CSV (documents)' : 'Export CSV';
  const nDocs = (data && data.facets && data.facets.docs || []).length;
  a.title = docsView ? 'Download the ' + fmt(nDocs) + ' matching documents with their passage counts as CSV'
    : 'Download all ' + fmt(data && data.total) + ' passages as CSV (opens in a spreadsheet)';
}

let lastRemembered = null;
/** Recent searches (localStorage): a typing burst keeps one entry, the last form of the query. */
function rememberSearch(data) {
  if (!state.q.trim()) return;
  const url = stateURL({ ...state, offset: 0 });
  let list = store.get(HISTORY_KEY, []).filter((x) => x && x.url !== url);
  const now = Date.now();
  if (lastRemembered && now - lastRemembered.at < 8000 && list.length && list[0].url === lastRemembered.url
      && (state.q.startsWith(lastRemembered.q) || lastRemembered.q.startsWith(state.q))) list.shift();
  list.unshift({ url, q: state.q, total: data.total, at: now });
  list = list.slice(0, 20);
  store.set(HISTORY_KEY, list);
  lastRemembered = { url, q: state.q, at: now };
  renderHistory();
}

function describe(s) {
  const bits = [];
  for (const f of FILTERS) if (s[f.key]) bits.push(f.name.toLowerCase() + ' ' + filterLabel(f.key, s[f.key]));
  if (s.sort) bits.push(SORT_NAMES[s.sort]);
  return bits.join(', ');
}

function stateOf(url) {
  const u = new URL(url, location.origin);
  const p = new URLSearchParams(u.search);
  return { q: p.get('q') || '', doc: p.get('doc') || '', term: p.get('term') || '', lang: p.get('lang') || '',
    expand: p.get('expand') !== 'false', sort: p.get('sort') || '', from: p.get('from') || '', to: p.get('to') || '',
    issuer: p.get('issuer') || '', format: p.get('format') || '', view: p.get('view') || '', offset: 0 };
}

function renderHistory() {
  const list = store.get(HISTORY_KEY, []);
  const ul = clear($('history-list'));
  $('history-group').hidden = !list.length;
  for (const h of list.slice(0, 10)) {
    const s = stateOf(h.url);
    const a = el('a', { href: h.url, class: 'history-item', title: describe(s) || h.q }, h.q);
    ul.appendChild(el('li', null, a, describe(s) ? el('span', { class: 'muted small' }, ' ' + describe(s)) : null));
  }
  if (list.length) {
    const b = el('button', { type: 'button', class: 'link-button clear-history' }, 'Clear history');
    b.addEventListener('click', () => { store.set(HISTORY_KEY, []); renderHistory(); });
    ul.appendChild(el('li', null, b));
  }
}

/** Saved searches: a name, the search with its filters, and the counts seen at the last visit. */
function renderSaved() {
  const list = store.get(SAVED_KEY, []);
  const ul = clear($('saved-list'));
  $('saved-group').hidden = !list.length;
  for (const sv of list) {
    const a = el('a', { href: sv.url, class: 'saved-item', title: describe(stateOf(sv.url)) }, sv.name);
    const news = el('span', { class: 'new-count', hidden: true });
    const del = el('button', { type: 'button', class: 'link-button delete-saved', 'aria-label': 'Delete saved search ' + sv.name, title: 'Delete' }, '×');
    del.addEventListener('click', () => { store.set(SAVED_KEY, store.get(SAVED_KEY, []).filter((x) => x.url !== sv.url)); renderSaved(); });
    ul.appendChild(el('li', { 'data-url': sv.url }, a, ' ', news, ' ', del));
    newSince(sv, news);
  }
}

/** What the corpus watcher added since the last visit of a saved search: documents and passages it finds now. */
async function newSince(sv, news) {
  try {
    const now = await apiGet('/api/search', { ...apiParams(stateOf(sv.url)), limit: 0 });
    const ids = (now.facets && now.facets.docs || []).map((f) => f.id);
    const newDocs = ids.filter((id) => !(sv.docs || []).includes(id)).length;
    const newPassages = Math.max(0, (now.total || 0) - (sv.total || 0));
    if (newDocs || newPassages) {
      news.hidden = false;
      news.textContent = newDocs ? fmt(newDocs) + ' new ' + (newDocs === 1 ? 'document' : 'documents') : fmt(newPassages) + ' new passages';
      news.title = 'New since your last visit: ' + fmt(newDocs) + ' documents, ' + fmt(newPassages) + ' passages';
    }
  } catch (_) { /* a saved search the index cannot run any more shows no count */ }
  news.dataset.checked = 'true';
}

async function markSeen(url) {
  const list = store.get(SAVED_KEY, []);
  const sv = list.find((x) => x.url === url);
  if (!sv) return;
  try {
    const now = await apiGet('/api/search', { ...apiParams(stateOf(url)), limit: 0 });
    sv.total = now.total;
    sv.docs = (now.facets && now.facets.docs || []).map((f) => f.id);
    sv.seen = Date.now();
    store.set(SAVED_KEY, list);
  } catch (_) { /* keep the old counts */ }
}

async function saveSearch() {
  if (!hasSearch(state)) { announce('Search for something first'); return; }
  const name = window.prompt('Name this search', state.q.trim() || describe(state) || 'search');
  if (name === null || !name.trim()) return;
  const url = stateURL({ ...state, offset: 0 });
  const list = store.get(SAVED_KEY, []).filter((x) => x.url !== url && x.name !== name.trim());
  list.unshift({ name: name.trim(), url, saved: Date.now(), total: lastData ? lastData.total : 0, docs: [] });
  store.set(SAVED_KEY, list);
  await markSeen(url);
  renderSaved();
  announce('Saved as ' + name.trim());
}

// ---------------------------------------------------------------- suggestions

let sugItems = [];
let sugActive = -1;
let sugSeq = 0;

const fetchSuggestions = debounce(async () => {
  const q = input.value.trim();
  const seq = ++sugSeq;
  if (!q) { closeSuggestions(); return; }
  let data;
  try { data = await apiGet('/api/suggest', { q }); } catch (_) { return; }
  if (seq !== sugSeq || document.activeElement !== input || input.value.trim() !== q) return;
  showSuggestions((data.suggestions || []).slice(0, 10));
}, 120);

const KIND = { title: 'document', term: 'term', phrase: 'phrase' };

function showSuggestions(items) {
  sugItems = items;
  sugActive = -1;
  clear(sugEl);
  if (!items.length) { closeSuggestions(); return; }
  items.forEach((s, i) => {
    const li = el('li', { id: 'sug-' + i, role: 'option', class: 'suggestion kind-' + s.kind, 'aria-selected': 'false' },
      el('span', { class: 'sug-text' }, s.text),
      el('span', { class: 'sug-kind' }, KIND[s.kind] || s.kind || ''));
    li.addEventListener('mousedown', (ev) => ev.preventDefault());
    li.addEventListener('click', () => chooseSuggestion(i));
    sugEl.appendChild(li);
  });
  sugEl.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  input.removeAttribute('aria-activedescendant');
}

function closeSuggestions() {
  sugSeq++;
  sugItems = [];
  sugActive = -1;
  sugEl.hidden = true;
  clear(sugEl);
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function moveSuggestion(delta) {
  if (!sugItems.length) return;
  sugActive = (sugActive + delta + sugItems.length + 1) % (sugItems.length + 1);
  if (sugActive === sugItems.length) sugActive = -1;
  [...sugEl.children].forEach((li, i) => {
    li.setAttribute('aria-selected', i === sugActive ? 'true' : 'false');
    li.classList.toggle('active', i === sugActive);
  });
  if (sugActive >= 0) {
    input.setAttribute('aria-activedescendant', 'sug-' + sugActive);
    sugEl.children[sugActive].scrollIntoView({ block: 'nearest' });
  } else {
    input.removeAttribute('aria-activedescendant');
  }
}

function chooseSuggestion(i) {
  const s = sugItems[i];
  closeSuggestions();
  if (!s) return;
  if (s.kind === 'title' && s.id) {
    location.href = '/d/' + encodeURIComponent(s.id) + (state.q ? '?q=' + encodeURIComponent(state.q) : '');
    return;
  }
  searchTyped.cancel();
  input.value = s.text;
  act({ q: s.text });
}

// ---------------------------------------------------------------- events

const searchTyped = debounce(() => {
  state.q = input.value;
  state.offset = 0;
  if (!typingSession) { commit('push'); typingSession = true; } else commit('replace');
  runSearch();
}, 250);

input.addEventListener('input', () => {
  searchTyped();
  fetchSuggestions();
});

input.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown') {
    if (sugEl.hidden) fetchSuggestions(); else moveSuggestion(1);
    ev.preventDefault();
  } else if (ev.key === 'ArrowUp') {
    if (!sugEl.hidden) { moveSuggestion(-1); ev.preventDefault(); }
  } else if (ev.key === 'Escape') {
    ev.preventDefault();
    if (!sugEl.hidden) { closeSuggestions(); return; }
    if (input.value) {
      searchTyped.cancel();
      fetchSuggestions.cancel();
      input.value = '';
      act({ q: '' });
      announce('Search cleared');
    }
  } else if (ev.key === 'Enter' && !sugEl.hidden && sugActive >= 0) {
    ev.preventDefault();
    chooseSuggestion(sugActive);
  } else if (ev.key === 'Tab') {
    closeSuggestions();
  }
});

input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) closeSuggestions(); }, 100));

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  searchTyped.cancel();
  fetchSuggestions.cancel();
  closeSuggestions();
  act({ q: input.value });
});

expandBox.addEventListener('change', () => act({ expand: expandBox.checked }));

$('refine-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const year = (id) => (/^\d{4}$/.test($(id).value.trim()) ? $(id).value.trim() : '');
  act({ sort: $('sort').value, from: year('year-from'), to: year('year-to'), lang: $('f-lang').value,
    doc: $('f-doc').value, issuer: $('f-issuer').value, format: $('f-format').value });
});
for (const id of ['sort', 'f-lang', 'f-doc', 'f-issuer', 'f-format']) {
  $(id).addEventListener('change', () => $('refine-form').requestSubmit());
}
$('show-passages').addEventListener('click', () => act({ view: '' }));
$('show-docs').addEventListener('click', () => act({ view: 'docs' }));
$('save-search').addEventListener('click', saveSearch);
listKeys('#results > li.hit', null);
document.addEventListener('keydown', (ev) => {
  // Enter on a result marked by j/k opens it (its title link has the focus; this covers focus moved elsewhere)
  if (ev.key !== 'Enter' || isTyping(ev)) return;
  const cur = document.querySelector('#results > li.hit.kbd-current');
  if (cur && !(document.activeElement && document.activeElement.closest && document.activeElement.closest('a, button'))) {
    const a = cur.querySelector('.hit-title a');
    if (a) { ev.preventDefault(); location.href = a.href; }
  }
});

$('prev').addEventListener('click', () => act({ offset: Math.max(0, state.offset - ((lastData && lastData.limit) || LIMIT)) }, { focusResults: true }));
$('next').addEventListener('click', () => act({ offset: state.offset + ((lastData && lastData.limit) || LIMIT) }, { focusResults: true }));

document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !isTyping(ev)) {
    ev.preventDefault();
    input.focus();
    input.select();
  }
});

window.addEventListener('popstate', () => {
  state = readState();
  typingSession = false;
  closeSuggestions();
  syncInputs();
  updateTitle();
  runSearch();
});

// Collapse facet groups on narrow screens so results come first into view.
if (window.matchMedia && window.matchMedia('(max-width: 760px)').matches) {
  for (const d of document.querySelectorAll('.facet-group')) d.open = false;
}

// ---------------------------------------------------------------- start

async function start() {
  syncInputs();
  updateTitle();
  renderFilters();
  // the document list (titles, empty-index detection) loads while the first search runs
  docsReady = loadDocs().then(fillFilterLists);
  renderHistory();
  renderSaved();
  if (!state.q) await docsReady;
  await runSearch();
  if (state.term && !termLabels.has(state.term)) loadTermLabels().then(renderFilters);
  if (!state.q) input.focus();
}

start();
