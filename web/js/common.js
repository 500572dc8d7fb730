// Shared helpers for the policy-search web UI.
// Everything here builds DOM with text nodes; document text is never parsed as HTML.

/** Error raised for a failed API call; `message` is safe to show to the user. */
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Build a query string from an object, skipping null/undefined/'' values. */
export function queryString(params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === '') continue;
    usp.set(k, String(v));
  }
  const s = usp.toString();
  return s ? '?' + s : '';
}

/**
 * GET a JSON API route. Throws ApiError with the server's human readable message
 * on 4xx/5xx, or a generic message when the server cannot be reached.
 */
export async function apiGet(path, params, { signal } = {}) {
  const url = path + queryString(params);
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('Could not reach the search server. Is it running?', 0, 'network');
  }
  let body = null;
  const text = await res.text();
  if (text) {
    try { body = JSON.parse(text); } catch (_) { body = null; }
  }
  if (!res.ok) {
    const msg = (body && (body.message || body.error)) || `The server answered ${res.status} ${res.statusText || ''}`.trim();
    throw new ApiError(String(msg), res.status, body && body.error);
  }
  if (body === null) throw new ApiError('The server sent an unreadable answer.', res.status, 'bad_json');
  return body;
}

/**
 * Tiny DOM builder: el('a', {href: '/x', class: 'y', dataset: {id: 1}}, 'text', child).
 * Strings become text nodes. Attributes named on* are refused (CSP, safety).
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Same as el() for SVG elements. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k)) throw new Error('inline handlers are not allowed: ' + k);
    if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== null && dv !== undefined) node.dataset[dk] = String(dv);
    } else if (k === 'text') {
      node.textContent = String(v);
    } else if (v === true) {
      node.setAttribute(k, '');
    } else {
      node.setAttribute(k, String(v));
    }
  }
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Remove all children of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * Build a DocumentFragment from plain `text`, wrapping query `matches` in <mark>
 * and glossary `mentions` in <span class="mention">. Offsets are UTF-16 code unit
 * offsets into `text`. Overlapping ranges are handled by cutting the text at every
 * boundary and nesting <mark> inside the mention span for each segment.
 *
 * options:
 *   matches:   [{start, end}]
 *   mentions:  [{term, start, end}]
 *   termLabel: (termId) => label for the title tooltip
 *   onlyTerm:  if set, only mentions of this term id are shown
 *   matchId:   (index) => value stored as data-match on the marks of match #index
 *   mentionClass: extra class for mention spans
 */
export function highlight(text, options = {}) {
  text = text == null ? '' : String(text);
  const n = text.length;
  const clamp = (x) => Math.max(0, Math.min(n, Number(x) || 0));
  const matches = (options.matches || [])
    .map((m, i) => ({ start: clamp(m.start), end: clamp(m.end), i }))
    .filter((m) => m.end > m.start);
  const mentions = (options.mentions || [])
    .filter((m) => !options.onlyTerm || m.term === options.onlyTerm)
    .map((m) => ({ start: clamp(m.start), end: clamp(m.end), term: m.term }))
    .filter((m) => m.end > m.start);

  const cuts = new Set([0, n]);
  for (const r of matches) { cuts.add(r.start); cuts.add(r.end); }
  for (const r of mentions) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);

  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    if (b <= a) continue;
    const piece = text.slice(a, b);
    const match = matches.find((m) => m.start <= a && m.end >= b);
    const terms = mentions.filter((m) => m.start <= a && m.end >= b);
    let node = document.createTextNode(piece);
    if (match) {
      const mark = document.createElement('mark');
      if (options.matchId) mark.dataset.match = String(options.matchId(match.i));
      if (match.start === a) mark.classList.add('match-start');
      mark.appendChild(node);
      node = mark;
    }
    if (terms.length) {
      const span = document.createElement('span');
      span.className = 'mention' + (options.mentionClass ? ' ' + options.mentionClass : '');
      const ids = [...new Set(terms.map((t) => t.term))];
      span.dataset.term = ids.join(' ');
      const labels = ids.map((id) => (options.termLabel ? options.termLabel(id) : null) || id);
      span.title = labels.join('; ');
      span.appendChild(node);
      node = span;
    }
    frag.appendChild(node);
  }
  return frag;
}

/**
 * Cut a window of at most `max` characters out of `text` around the ranges in
 * `matches`, shifting match and mention offsets. Returns {text, matches, mentions,
 * cutStart, cutEnd}.
 */
export function excerpt(text, matches, mentions, max = 320) {
  text = text == null ? '' : String(text);
  matches = matches || [];
  mentions = mentions || [];
  if (text.length <= max) return { text, matches, mentions, cutStart: false, cutEnd: false };
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  let start = 0;
  if (sorted.length) start = Math.max(0, sorted[0].start - Math.floor(max / 4));
  let end = Math.min(text.length, start + max);
  start = Math.max(0, end - max);
  // do not split a surrogate pair
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end++;
  // prefer to start at a word boundary for Latin text
  if (start > 0) {
    const sp = text.slice(start, Math.min(end, start + 20)).search(/\s/);
    if (sp > 0 && !sorted.some((m) => m.start < start + sp + 1 && m.end > start)) start += sp + 1;
  }
  const shift = (r) => ({ ...r, start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start });
  const inside = (r) => r.end > start && r.start < end;
  return {
    text: text.slice(start, end),
    matches: matches.filter(inside).map(shift),
    mentions: mentions.filter(inside).map(shift),
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}

/**
 * Copy text to the clipboard. Uses navigator.clipboard when available, falling back
 * to a temporary (visually hidden but selectable) input and document.execCommand('copy').
 * Resolves to true on success.
 */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) { /* fall through */ }
  }
  const input = document.createElement('input');
  input.type = 'text';
  input.value = text;
  input.setAttribute('readonly', '');
  input.setAttribute('aria-hidden', 'true');
  input.className = 'copy-buffer';
  document.body.appendChild(input);
  const active = document.activeElement;
  input.focus();
  input.select();
  input.setSelectionRange(0, text.length);
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
  input.remove();
  if (active && active.focus) active.focus();
  return ok;
}

/**
 * A copy-link button: <button class="copy-link" data-url="...">. Shows "Copied"
 * feedback on the button and announces it through the live region #live (if any).
 */
export function copyButton(url, label = 'Copy link', accessibleName = 'Copy link') {
  const btn = el('button', {
    type: 'button', class: 'copy-link', 'data-url': url,
    'aria-label': accessibleName, title: 'Copy link: ' + url,
  }, el('span', { class: 'copy-label' }, label));
  btn.addEventListener('click', async (ev) => {
    ev.preventDefault();
    ev.stopPropagation();
    const ok = await copyText(btn.dataset.url);
    const span = btn.querySelector('.copy-label');
    span.textContent = ok ? 'Copied' : 'Copy failed';
    btn.classList.toggle('copied', ok);
    announce(ok ? 'Link copied to the clipboard' : 'Could not copy the link; it is ' + btn.dataset.url);
    clearTimeout(btn._t);
    btn._t = setTimeout(() => { span.textContent = label; btn.classList.remove('copied'); }, 1800);
  });
  return btn;
}

/** Announce a message to screen readers through the polite live region #live. */
export function announce(msg) {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => { live.textContent = msg; }, 30);
}

/** Show a message (kind: 'error' | 'info' | 'empty') in a container; returns the container. */
export function showMessage(container, kind, ...content) {
  clear(container);
  container.hidden = false;
  container.className = 'message message-' + kind;
  container.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  append(container, content);
  return container;
}

export function hideMessage(container) {
  clear(container);
  container.hidden = true;
  container.removeAttribute('role');
}

const LANG_NAMES = { zh: '中文', en: 'English', mixed: 'Mixed' };
const LANG_LONG = { zh: 'Chinese', en: 'English', mixed: 'Mixed language' };

/** Short display name for a language code. */
export function langName(code) { return LANG_NAMES[code] || code || '?'; }
export function langLongName(code) { return LANG_LONG[code] || code || 'unknown'; }

/** BCP 47 tag to put on an element holding text of that language. */
export function langTag(code) {
  if (code === 'zh') return 'zh-CN';
  if (code === 'en') return 'en';
  return null;
}

/** A small language badge element. */
export function langBadge(code) {
  return el('span', { class: 'badge lang-' + (code || 'x'), title: 'Language: ' + langLongName(code) }, langName(code));
}

const FORMATS = [
  [/pdf/i, 'PDF'], [/wordprocessingml|msword|docx?$/i, 'DOCX'], [/markdown|^md$/i, 'Markdown'],
  [/html/i, 'HTML'], [/text\/plain|^txt$/i, 'Text'],
];

/** Short display name of a document format, given as a media type ("application/pdf") or a name ("pdf"). */
export function formatName(format) {
  const f = String(format || '').split(';')[0].trim();
  if (!f) return '';
  for (const [re, name] of FORMATS) if (re.test(f)) return name;
  return f.includes('/') ? f.split('/').pop().toUpperCase() : f.toUpperCase();
}

/** True when a format (media type or name) is PDF. */
export function isPdf(format) {
  return /pdf/i.test(String(format || ''));
}

/** Debounce a function. */
export function debounce(fn, ms) {
  let t;
  const d = (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
  d.cancel = () => clearTimeout(t);
  return d;
}

/** True when a key event comes from a text field (so single-key shortcuts must not fire). */
export function isTyping(ev) {
  const t = ev.target;
  if (!t || !t.closest) return false;
  return !!t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** Format a number with thousands separators. */
export function fmt(n) { return Number(n || 0).toLocaleString('en-US'); }

/** Read the last path segment after a prefix, e.g. pathParam('/d/') for /d/{id}. */
export function pathParam(prefix) {
  const p = location.pathname;
  const i = p.indexOf(prefix);
  if (i < 0) return null;
  const rest = p.slice(i + prefix.length).replace(/\/+$/, '');
  if (!rest) return null;
  try { return decodeURIComponent(rest); } catch (_) { return rest; }
}

/** Year (number) from an ISO-ish date string, or null. */
export function yearOf(date) {
  const m = /^(\d{4})/.exec(date || '');
  return m ? Number(m[1]) : null;
}

/** What tells a document apart from others of the same title: "2017 · HTML" (year, format). */
export function docSuffix(d) {
  if (!d) return '';
  return [yearOf(d.date) || 'undated', formatName(d.format)].filter(Boolean).join(' · ');
}

/** localStorage as JSON; a browser that refuses storage just forgets. */
export const store = {
  get(key, fallback) {
    try { const v = JSON.parse(localStorage.getItem(key)); return v == null ? fallback : v; } catch (_) { return fallback; }
  },
  set(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch (_) { return false; }
  },
};

/**
 * Keyboard through a list of results on any page: j / k move to the next / previous item (marked
 * .kbd-current, its first link focused, so Enter opens it); `/` runs onSlash (focus the search box).
 */
export function listKeys(itemSelector, onSlash) {
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev)) return;
    if (ev.key === '/' && onSlash) { ev.preventDefault(); onSlash(); return; }
    if (ev.key !== 'j' && ev.key !== 'k') return;
    const items = [...document.querySelectorAll(itemSelector)].filter((x) => x.offsetParent !== null);
    if (!items.length) return;
    ev.preventDefault();
    const at = items.findIndex((x) => x.classList.contains('kbd-current'));
    let i = at < 0 ? (ev.key === 'j' ? 0 : items.length - 1) : at + (ev.key === 'j' ? 1 : -1);
    i = Math.max(0, Math.min(items.length - 1, i));
    for (const x of items) x.classList.remove('kbd-current');
    const item = items[i];
    item.classList.add('kbd-current');
    const link = item.querySelector('a[href]');
    if (link) link.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'nearest' });
  });
}
