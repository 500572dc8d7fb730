// Reader: /d/{docId}?q=...&quote=...#{anchor}
import {
  apiGet, el, clear, highlight, copyButton, showMessage, langName, langLongName, langTag,
  isTyping, pathParam, fmt, announce, formatName, isPdf, yearOf, listKeys,
} from './common.js';

const $ = (id) => document.getElementById(id);
const passagesEl = $('passages');
const noticeEl = $('notice');
const messageEl = $('message');
const matchNav = $('match-nav');
const matchPos = $('match-pos');
const findInput = $('find');

const docId = pathParam('/d/');
const params = new URLSearchParams(location.search);
let q = params.get('q') || '';
const quote = params.get('quote') || '';

// A long document comes a page at a time (/api/docs/{id}?from=|before=|match=): the loaded
// passages are one run of positions [lo, hi) that grows while scrolling and is replaced when a
// jump (a match, a link) lands outside it. Matches are numbered over the whole document: each
// section knows the number of its first match (data-mstart) from the page's matches_before.
let doc = null;
let lo = 0, hi = 0;     // positions of the loaded passages
let matchTotal = 0;    // matches of q in the whole document
let current = -1;      // number (0-based, whole document) of the current match
let targetEl = null;
let loading = null;    // the page request in flight, if any
let generation = 0;    // bumped by every full load, so late pages of an older one are dropped

function anchorFromHash() {
  const h = location.hash.replace(/^#/, '');
  if (!h) return '';
  try { return decodeURIComponent(h); } catch (_) { return h; }
}

function fileHref(page) {
  if (!doc || !doc.file) return null;
  const base = doc.file.split('#')[0];
  const pdf = isPdf(doc.format) || /\.pdf$/i.test(base);
  return pdf && page != null ? base + '#page=' + page : base;
}

function passageURL(anchor) {
  return location.origin + '/d/' + encodeURIComponent(docId) + (q ? '?q=' + encodeURIComponent(q) : '') + '#' + anchor;
}

async function load({ anchor = anchorFromHash(), withQuote = true, jumpToMatch = false } = {}) {
  if (!docId) {
    showMessage(messageEl, 'error', el('p', null, 'No document id in the address.'), el('p', null, el('a', { href: '/' }, 'Back to search')));
    $('doc-title').textContent = 'Document not found';
    return;
  }
  let data;
  const gen = ++generation;
  try {
    // without a link to a passage, a search opens the page holding the first match
    data = await apiGet('/api/docs/' + encodeURIComponent(docId),
      { q, anchor, quote: withQuote ? quote : '', match: q && !anchor ? 0 : '' });
  } catch (err) {
    if (gen !== generation) return;
    $('doc-title').textContent = err.status === 404 ? 'Document not found' : 'Could not load the document';
    document.title = $('doc-title').textContent + ' · policy-search';
    showMessage(messageEl, 'error', el('p', null, err.message),
      el('p', null, el('a', { href: '/' }, 'Back to search')));
    clear(passagesEl);
    return;
  }
  if (gen !== generation) return;
  doc = data;
  matchTotal = data.match_count || 0;
  renderHead();
  renderPage(data, 'replace');
  applyTarget(data, anchor, jumpToMatch);
}

function pageParams(extra) {
  return Object.assign({ q }, extra);
}

/** Loads the page after (down) or before (up) the loaded passages; resolves when it is shown. */
async function extend(down) {
  if (!doc || loading) return loading;
  if (down ? hi >= doc.passage_count : lo <= 0) return null;
  const gen = generation;
  loading = (async () => {
    try {
      const data = await apiGet('/api/docs/' + encodeURIComponent(docId), pageParams(down ? { from: hi } : { before: lo }));
      if (gen === generation) renderPage(data, down ? 'append' : 'prepend');
    } catch (err) {
      if (gen === generation) showMessage(messageEl, 'error', el('p', null, 'Could not load more of the document: ' + err.message));
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/** Replaces the loaded passages with the page holding match k (0-based over the document). */
async function loadMatch(k) {
  const gen = ++generation;
  const data = await apiGet('/api/docs/' + encodeURIComponent(docId), pageParams({ match: k }));
  if (gen !== generation) return;
  renderPage(data, 'replace');
}

function renderHead() {
  const title = doc.title || doc.title_en || doc.id;
  $('doc-title').textContent = title;
  $('doc-title').lang = langTag(doc.lang) || '';
  document.title = title + ' · policy-search';
  const en = $('doc-title-en');
  if (doc.title_en && doc.title_en !== title) { en.textContent = doc.title_en; en.hidden = false; } else en.hidden = true;

  const meta = clear($('doc-meta'));
  const bits = [];
  if (doc.date) {
    bits.push(el('time', { datetime: doc.date, title: doc.date_source ? 'Date from: ' + doc.date_source : '' }, doc.date));
  }
  if (doc.date_first) bits.push(el('span', null, 'first adopted ', el('time', { datetime: doc.date_first }, doc.date_first)));
  if (doc.issuer) bits.push(el('span', null, doc.issuer));
  if (doc.number) bits.push(el('span', { class: 'number' }, doc.number));
  bits.push(el('span', { class: 'badge lang-' + (doc.lang || 'x'), title: 'Language: ' + langLongName(doc.lang) }, langName(doc.lang)));
  if (doc.format) bits.push(el('span', null, formatName(doc.format)));
  if (doc.pages) bits.push(el('span', null, fmt(doc.pages) + (doc.pages === 1 ? ' page' : ' pages')));
  if (doc.ocr_pages) {
    bits.push(el('span', { class: 'ocr', title: 'Text recognised by OCR from scanned images: it may hold recognition errors' },
      doc.pages ? 'OCR on ' + fmt(doc.ocr_pages) + ' of ' + fmt(doc.pages) + ' pages' : 'OCR'));
  }
  const n = doc.passage_count != null ? doc.passage_count : (doc.passages || []).length;
  bits.push(el('span', null, fmt(n) + (n === 1 ? ' passage' : ' passages')));
  // copies: the leading file names the others ("also as TXT"); a copy says which file leads
  for (const c of doc.copies || []) {
    const lead = c.id === doc.copy_of;
    bits.push(el('span', { class: 'also' }, lead ? 'copy of the ' : 'also as ',
      el('a', { href: c.link, title: lead ? 'Search results show the ' + c.format + ' file of this document' : 'The same document as ' + c.format },
        lead ? c.format + ' file' : c.format)));
  }
  bits.forEach((b, i) => { if (i) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ')); meta.append(b); });

  const fl = $('file-link');
  const href = fileHref(null);
  if (href) {
    fl.href = href;
    fl.textContent = 'Original file' + (doc.format ? ' (' + formatName(doc.format) + ')' : '');
    fl.hidden = false;
  } else fl.hidden = true;

  $('back-to-search').href = q ? '/?q=' + encodeURIComponent(q) : '/';
  findInput.value = q;
}

const labels = new Map();
const termLabel = (id) => labels.get(id) || id;

function passageSection(p, position, mstart) {
  const docLang = langTag(doc.lang);
  const lang = langTag(p.lang);
  const section = el('section', {
    class: p.ocr ? 'passage ocr-text' : 'passage', id: p.anchor, title: p.ocr ? 'Recognised by OCR: may hold recognition errors' : null, 'data-ordinal': p.ordinal, 'data-page': p.page,
    'data-position': position, 'data-mstart': mstart, 'data-mcount': (p.matches || []).length,
    lang: lang && lang !== docLang ? lang : null,
  });
  const num = p.ordinal != null ? p.ordinal : position + 1;
  const tools = el('div', { class: 'passage-tools' },
    el('a', { class: 'anchor-link', href: '#' + p.anchor, 'aria-label': 'Link to passage ' + num, title: 'Link to this passage' }, '¶'),
    copyButton(passageURL(p.anchor), 'Copy link', 'Copy link to passage ' + num),
    shortLink(p.anchor, num));
  const text = el('div', { class: 'passage-text' });
  text.appendChild(highlight(p.text, {
    matches: p.matches, mentions: p.mentions, termLabel,
    matchId: (i) => position + '-' + i,
  }));
  if (p.ocr) tools.appendChild(el('span', { class: 'ocr', 'aria-label': 'Text recognised by OCR' }, 'OCR'));
  section.append(tools, text);
  return section;
}

/**
 * Shows a page of passages: replacing what is shown, or added below or above it (keeping what is
 * on screen where it is). Page markers are redrawn for the whole run.
 */
function renderPage(data, mode) {
  const passages = data.passages || [];
  for (const p of passages) for (const t of p.terms || []) labels.set(t.id, t.label || t.label_zh || t.id);
  if (mode === 'replace') {
    clear(passagesEl);
    current = -1;
    cursorAfter = -1;
  }
  const frag = document.createDocumentFragment();
  let mstart = data.matches_before || 0;
  passages.forEach((p, i) => {
    frag.appendChild(passageSection(p, data.from + i, mstart));
    mstart += (p.matches || []).length;
  });
  const from = data.from || 0;
  if (mode === 'prepend') {
    const before = document.documentElement.scrollHeight;
    passagesEl.insertBefore(frag, passagesEl.firstChild);
    window.scrollBy(0, document.documentElement.scrollHeight - before);
    lo = from;
  } else {
    passagesEl.appendChild(frag);
    if (mode === 'replace') lo = from;
    hi = from + passages.length;
  }
  drawPageMarkers();
  if (!passagesEl.querySelector('section.passage')) {
    passagesEl.appendChild(el('p', { class: 'muted' }, 'This document has no text passages.'));
  }
  $('load-before').hidden = lo <= 0;
  $('load-after').hidden = hi >= (doc.passage_count || 0);
  markCurrent();
  updateMatchNav();
}

/** A marker before the first passage of every page of the original file. */
function drawPageMarkers() {
  for (const m of passagesEl.querySelectorAll('.page-marker')) m.remove();
  let lastPage;
  for (const sec of passagesEl.querySelectorAll('section.passage')) {
    const page = sec.dataset.page ? Number(sec.dataset.page) : null;
    if (page != null && page !== lastPage) {
      const href = fileHref(page);
      sec.before(el('div', { class: 'page-marker', 'data-page': page, role: 'separator', 'aria-label': 'Page ' + page },
        el('span', null, href ? el('a', { href, title: 'Open page ' + page + ' of the original file' }, 'Page ' + page) : 'Page ' + page)));
    }
    if (page != null) lastPage = page;
  }
}

/** The short permanent link of a passage (/p/{anchor}), offered beside the long one. */
function shortLink(anchor, num) {
  const b = copyButton(location.origin + '/p/' + anchor, 'Short link', 'Copy the short permanent link to passage ' + num);
  b.classList.add('short-link');
  return b;
}

/**
 * "Where you are", in the sticky bar: the document's title, year and the page of the passage at
 * the top of the screen, so a deep link opened fresh (scrolled to the middle of a document) says
 * where it landed.
 */
function updateWhere() {
  const where = $('reader-where');
  if (!doc || !where) return;
  const bar = document.querySelector('.reader-sticky');
  const top = (bar ? bar.getBoundingClientRect().bottom : 0) + 8;
  let at = null;
  for (const sec of passagesEl.querySelectorAll('section.passage')) {
    if (sec.getBoundingClientRect().bottom > top) { at = sec; break; }
  }
  const page = at && at.dataset.page ? Number(at.dataset.page) : null;
  const title = doc.title || doc.title_en || doc.id;
  clear(where);
  // while the heading is on screen it says it already
  const head = $('doc-title').getBoundingClientRect();
  where.hidden = head.bottom > 0 && head.top < window.innerHeight;
  if (where.hidden) return;
  where.append(el('span', { class: 'where-title', lang: langTag(doc.lang) }, title));
  const bits = [yearOf(doc.date), formatName(doc.format), page != null ? 'p. ' + page : null,
    at && at.dataset.ordinal ? '¶ ' + at.dataset.ordinal + ' of ' + fmt(doc.passage_count || 0) : null].filter(Boolean);
  where.append(el('span', { class: 'where-meta' }, bits.join(' · ')));
}

let whereQueued = false;
window.addEventListener('scroll', () => {
  if (whereQueued) return;
  whereQueued = true;
  requestAnimationFrame(() => { whereQueued = false; updateWhere(); });
}, { passive: true });

function setTarget(section) {
  if (targetEl) targetEl.classList.remove('target');
  targetEl = section;
  if (section) {
    section.classList.add('target');
    const href = fileHref(section.dataset.page ? Number(section.dataset.page) : null);
    if (href) $('file-link').href = href;
  }
}

function showNotice(kind, text, extra) {
  clear(noticeEl);
  noticeEl.hidden = false;
  noticeEl.className = 'notice notice-' + kind;
  noticeEl.setAttribute('role', 'alert');
  noticeEl.append(el('strong', null, kind === 'missing' ? 'Passage not found. ' : 'Passage changed. '), text);
  if (extra) noticeEl.append(' ', extra);
  const close = el('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss this notice', title: 'Dismiss' }, '×');
  close.addEventListener('click', hideNotice);
  noticeEl.append(close);
}

function hideNotice() {
  clear(noticeEl);
  noticeEl.hidden = true;
  noticeEl.removeAttribute('role');
}

function applyTarget(data, anchor, jumpToMatch) {
  hideNotice();
  let section = null;
  const status = data.anchor_status;
  if (anchor) {
    if (status === 'changed' && data.resolved_anchor) {
      section = document.getElementById(data.resolved_anchor);
      showNotice('changed', data.notice || 'This passage has changed since the link was made; showing the closest passage.',
        section ? el('a', { href: '#' + data.resolved_anchor }, 'Show the closest passage') : null);
    } else if (status === 'missing' || status === 'changed') {
      showNotice('missing', data.notice || 'The linked passage no longer exists in this document.',
        q ? el('span', null, 'Use the match navigation to find your search terms.') : null);
    } else {
      section = document.getElementById(anchor);
      if (!section || !section.classList.contains('passage')) {
        section = null;
        showNotice('missing', data.notice || 'The linked passage (#' + anchor + ') was not found in this document.');
      }
    }
  }
  setTarget(section);
  if (section) {
    section.scrollIntoView({ block: 'center' });
    // the current match becomes the first match in the target passage, else the next one is first for "next"
    if (Number(section.dataset.mcount) > 0) setCurrent(Number(section.dataset.mstart), false);
    else { current = -1; cursorAfter = Number(section.dataset.mstart) || 0; markCurrent(); updateMatchNav(); }
    if (jumpToMatch && current < 0 && matchTotal) step(1);
  } else if (matchTotal && (jumpToMatch || !anchor)) {
    setCurrent(0, true);
  } else if (!anchor) {
    window.scrollTo(0, 0);
  }
  updateWhere();
}

let cursorAfter = -1;  // when no match is current: the number of the first match after the target

/** The loaded passage holding match k, if it is loaded. */
function sectionOfMatch(k) {
  for (const sec of passagesEl.querySelectorAll('section.passage')) {
    const first = Number(sec.dataset.mstart), n = Number(sec.dataset.mcount);
    if (k >= first && k < first + n) return sec;
  }
  return null;
}

/** The marks of match k (a match across mentions is several marks), if it is loaded. */
function marksOf(k) {
  const sec = sectionOfMatch(k);
  if (!sec) return [];
  const id = sec.dataset.position + '-' + (k - Number(sec.dataset.mstart));
  return [...sec.querySelectorAll('mark[data-match="' + CSS.escape(id) + '"]')];
}

function markCurrent() {
  for (const m of passagesEl.querySelectorAll('mark.current')) m.classList.remove('current');
  if (current >= 0) for (const m of marksOf(current)) m.classList.add('current');
}

/** Makes match k current, loading the page that holds it when it is not shown. */
async function setCurrent(k, scroll) {
  if (!sectionOfMatch(k)) {
    try {
      await loadMatch(k);
    } catch (err) {
      showMessage(messageEl, 'error', el('p', null, 'Could not load that match: ' + err.message));
      return;
    }
  }
  current = k;
  markCurrent();
  const first = marksOf(k)[0];
  if (first && scroll) first.scrollIntoView({ block: 'center', behavior: 'auto' });
  updateMatchNav();
}

async function step(delta) {
  const n = matchTotal;
  if (!n) return;
  let i;
  if (current < 0) {
    const after = cursorAfter >= 0 ? cursorAfter : (delta > 0 ? 0 : n);
    i = delta > 0 ? after : after - 1;
  } else i = current + delta;
  i = ((i % n) + n) % n;
  await setCurrent(i, true);
  announce('Match ' + (i + 1) + ' of ' + n);
}

function updateMatchNav() {
  if (!q) { matchNav.hidden = true; return; }
  matchNav.hidden = false;
  const n = matchTotal;
  $('match-prev').disabled = n === 0;
  $('match-next').disabled = n === 0;
  if (!n) matchPos.textContent = 'No matches';
  else matchPos.textContent = (current >= 0 ? fmt(current + 1) : '–') + ' of ' + fmt(n);
  matchPos.title = n ? n + ' matches of “' + q + '” in this document' : 'No matches of “' + q + '” in this document';
}

// more of a long document while scrolling: a sentinel above and below the loaded passages
const more = new IntersectionObserver((entries) => {
  for (const e of entries) if (e.isIntersecting) extend(e.target.id === 'load-after');
}, { rootMargin: '1200px 0px' });
for (const id of ['load-before', 'load-after']) {
  more.observe($(id));
  $(id).querySelector('button').addEventListener('click', () => extend(id === 'load-after'));
}
// a page shown may leave a sentinel on screen: keep loading until it is not
setInterval(() => {
  if (loading || !doc) return;
  for (const id of ['load-after', 'load-before']) {
    const r = $(id).getBoundingClientRect();
    if (!$(id).hidden && r.bottom > -1200 && r.top < window.innerHeight + 1200) { extend(id === 'load-after'); break; }
  }
}, 400);

$('match-prev').addEventListener('click', () => step(-1));
$('match-next').addEventListener('click', () => step(1));

document.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev)) return;
  if (ev.key === 'n') { ev.preventDefault(); step(1); }
  else if (ev.key === 'p') { ev.preventDefault(); step(-1); }
  else if (ev.key === '/') { ev.preventDefault(); findInput.focus(); findInput.select(); }
});
// j / k through the passages, Enter on a passage's link (its ¶) keeps it in the address
listKeys('#passages section.passage', null);

findInput.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') { findInput.blur(); }
});

$('find-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  // Enter again on the same words goes to the next match (as a browser's own find does)
  if (findInput.value.trim() === q && q && matchTotal) { step(1); return; }
  q = findInput.value.trim();
  const url = location.pathname + (q ? '?q=' + encodeURIComponent(q) : '') + location.hash;
  history.replaceState(null, '', url);
  load({ withQuote: false, jumpToMatch: true });
});

window.addEventListener('hashchange', () => {
  const anchor = anchorFromHash();
  if (!anchor) { setTarget(null); return; }
  const section = document.getElementById(anchor);
  if (section && section.classList.contains('passage')) {
    setTarget(section);
    section.scrollIntoView({ block: 'center' });
  } else {
    load({ anchor, withQuote: false });
  }
});

load();
