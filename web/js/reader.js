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

let doc = null;
let matchEls = [];     // first <mark> of every match, in document order
let current = -1;      // index into matchEls of the current match
let targetEl = null;

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
  try {
    data = await apiGet('/api/docs/' + encodeURIComponent(docId), { q, anchor, quote: withQuote ? quote : '' });
  } catch (err) {
    $('doc-title').textContent = err.status === 404 ? 'Document not found' : 'Could not load the document';
    document.title = $('doc-title').textContent + ' · policy-search';
    showMessage(messageEl, 'error', el('p', null, err.message),
      el('p', null, el('a', { href: '/' }, 'Back to search')));
    clear(passagesEl);
    return;
  }
  doc = data;
  renderHead();
  renderPassages();
  applyTarget(data, anchor, jumpToMatch);
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
  const n = (doc.passages || []).length;
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

function renderPassages() {
  clear(passagesEl);
  const labels = new Map();
  for (const p of doc.passages || []) for (const t of p.terms || []) {
    labels.set(t.id, t.label || t.label_zh || t.id);
  }
  const termLabel = (id) => labels.get(id) || id;
  const docLang = langTag(doc.lang);
  let lastPage;
  const frag = document.createDocumentFragment();
  (doc.passages || []).forEach((p, idx) => {
    if (p.page != null && p.page !== lastPage) {
      const href = fileHref(p.page);
      frag.appendChild(el('div', { class: 'page-marker', 'data-page': p.page, role: 'separator', 'aria-label': 'Page ' + p.page },
        el('span', null, href ? el('a', { href, title: 'Open page ' + p.page + ' of the original file' }, 'Page ' + p.page) : 'Page ' + p.page)));
      lastPage = p.page;
    }
    const lang = langTag(p.lang);
    const section = el('section', {
      class: p.ocr ? 'passage ocr-text' : 'passage', id: p.anchor, title: p.ocr ? 'Recognised by OCR: may hold recognition errors' : null, 'data-ordinal': p.ordinal, 'data-page': p.page,
      lang: lang && lang !== docLang ? lang : null,
    });
    const num = p.ordinal != null ? p.ordinal : idx + 1;
    const tools = el('div', { class: 'passage-tools' },
      el('a', { class: 'anchor-link', href: '#' + p.anchor, 'aria-label': 'Link to passage ' + num, title: 'Link to this passage' }, '¶'),
      copyButton(passageURL(p.anchor), 'Copy link', 'Copy link to passage ' + num),
      shortLink(p.anchor, num));
    const text = el('div', { class: 'passage-text' });
    text.appendChild(highlight(p.text, {
      matches: p.matches, mentions: p.mentions, termLabel,
      matchId: (i) => idx + '-' + i,
    }));
    if (p.ocr) tools.appendChild(el('span', { class: 'ocr', 'aria-label': 'Text recognised by OCR' }, 'OCR'));
    section.append(tools, text);
    frag.appendChild(section);
  });
  passagesEl.appendChild(frag);
  if (!(doc.passages || []).length) {
    passagesEl.appendChild(el('p', { class: 'muted' }, 'This document has no text passages.'));
  }
  matchEls = [...passagesEl.querySelectorAll('mark.match-start')];
  current = -1;
  updateMatchNav();
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
    at && at.dataset.ordinal ? '¶ ' + at.dataset.ordinal + ' of ' + fmt((doc.passages || []).length) : null].filter(Boolean);
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
    // the current match becomes the first match in or after the target passage
    const idx = matchEls.findIndex((m) => section.contains(m) || (section.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING));
    if (idx >= 0 && section.contains(matchEls[idx])) setCurrent(idx, false);
    else { current = -1; cursorAfter = idx; updateMatchNav(); }
    if (jumpToMatch && current < 0 && matchEls.length) step(1);
  } else if (matchEls.length && (jumpToMatch || !anchor)) {
    setCurrent(0, true);
  } else if (!anchor) {
    window.scrollTo(0, 0);
  }
  updateWhere();
}

let cursorAfter = -1;  // when no match is current: index of the first match after the target

function setCurrent(i, scroll) {
  for (const m of passagesEl.querySelectorAll('mark.current')) m.classList.remove('current');
  current = i;
  const first = matchEls[i];
  if (first) {
    const id = first.dataset.match;
    for (const m of passagesEl.querySelectorAll('mark[data-match="' + CSS.escape(id) + '"]')) m.classList.add('current');
    if (scroll) first.scrollIntoView({ block: 'center', behavior: 'auto' });
  }
  updateMatchNav();
}

function step(delta) {
  const n = matchEls.length;
  if (!n) return;
  let i;
  if (current < 0) {
    const after = cursorAfter >= 0 ? cursorAfter : (delta > 0 ? 0 : n);
    i = delta > 0 ? after : after - 1;
  } else i = current + delta;
  i = ((i % n) + n) % n;
  setCurrent(i, true);
  announce('Match ' + (i + 1) + ' of ' + n);
}

function updateMatchNav() {
  if (!q) { matchNav.hidden = true; return; }
  matchNav.hidden = false;
  const n = matchEls.length;
  $('match-prev').disabled = n === 0;
  $('match-next').disabled = n === 0;
  if (!n) matchPos.textContent = 'No matches';
  else matchPos.textContent = (current >= 0 ? current + 1 : '–') + ' of ' + n;
  matchPos.title = n ? n + ' matches of “' + q + '” in this document' : 'No matches of “' + q + '” in this document';
}

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
  if (findInput.value.trim() === q && q && matchEls.length) { step(1); return; }
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
