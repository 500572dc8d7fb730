// Concordance: /terms/{termId}[?doc={docId}] — every passage that uses a term.
import {
  apiGet, el, clear, highlight, showMessage, fmt, langTag, langBadge, pathParam, copyButton, docSuffix, listKeys, queryString,
} from './common.js';

const $ = (id) => document.getElementById(id);
const termId = pathParam('/terms/');
const onlyDoc = new URLSearchParams(location.search).get('doc') || '';

function passageLink(docId, p, label) {
  if (p.link) return p.link;
  return '/d/' + encodeURIComponent(docId) + '?q=' + encodeURIComponent(label) + '#' + p.anchor;
}

async function start() {
  if (!termId) {
    $('term-title').textContent = 'No term given';
    showMessage($('message'), 'error', el('p', null, 'No term id in the address. ', el('a', { href: '/terms' }, 'See all terms')));
    return;
  }
  let t;
  try {
    t = await apiGet('/api/terms/' + encodeURIComponent(termId));
  } catch (err) {
    $('term-title').textContent = err.status === 404 ? 'Term not found' : 'Could not load the term';
    document.title = $('term-title').textContent + ' · policy-search';
    showMessage($('message'), 'error', el('p', null, err.message), el('p', null, el('a', { href: '/terms' }, 'See all terms')));
    return;
  }
  render(t);
}

function render(t) {
  const label = t.label || t.label_zh || t.id;
  $('term-title').textContent = label;
  document.title = label + ' · Terms · policy-search';
  if (t.label_zh && t.label_zh !== t.label) { $('term-zh').textContent = t.label_zh; $('term-zh').hidden = false; }
  // the glossary's note is for its maintainers: kept apart, folded, never shown as if it were document text
  if (t.note) {
    const n = clear($('term-note'));
    n.append(el('summary', null, 'Glossary note'), el('p', { class: 'muted small' }, t.note));
    n.hidden = false;
  }
  const variants = (t.variants || []).filter((v) => v && v !== t.label && v !== t.label_zh);
  if (variants.length) {
    const vp = clear($('term-variants'));
    vp.append(el('span', { class: 'muted' }, 'Also matched as: '));
    variants.forEach((v, i) => {
      if (i) vp.append(', ');
      vp.append(el('a', { class: 'variant', href: '/?q=' + encodeURIComponent('"' + v + '"'), title: 'Search for “' + v + '”' }, v));
    });
    vp.hidden = false;
  }

  const allDocs = [...(t.docs || [])].sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
  const total = allDocs.reduce((s, d) => s + (d.count || 0), 0);
  const passages = allDocs.reduce((s, d) => s + (d.passages || []).length, 0);
  $('term-summary').textContent = fmt(total) + (total === 1 ? ' mention' : ' mentions') + ' in ' + fmt(passages)
    + (passages === 1 ? ' passage' : ' passages') + ' of ' + fmt(allDocs.length) + (allDocs.length === 1 ? ' document' : ' documents');
  $('term-summary').title = 'A mention is one occurrence of the term; a passage (a paragraph, heading or article) may hold several.';

  const actions = clear($('term-actions'));
  actions.append(el('a', { class: 'btn', href: '/?term=' + encodeURIComponent(t.id) + '&q=' + encodeURIComponent(label) }, 'Search with this term'));
  actions.append(' ', el('a', {
    class: 'btn', id: 'export-kwic', href: '/api/terms/' + encodeURIComponent(t.id) + queryString({ doc: onlyDoc, format: 'csv' }),
    download: 'term-' + t.id + '.csv', title: 'Every mention with its left and right context, by date, as CSV (opens in a spreadsheet)',
  }, 'Export CSV (keyword in context)'));
  const kwicOn = new URLSearchParams(location.search).get('view') === 'kwic';
  const kwicBox = el('label', { class: 'toggle kwic-toggle' }, el('input', { type: 'checkbox', id: 'kwic-mode', checked: kwicOn }), ' Keyword-in-context lines');
  document.body.classList.toggle('kwic-on', kwicOn);
  actions.append(' ', kwicBox);

  let docs = allDocs;
  const box = clear($('concordance'));
  if (onlyDoc) {
    docs = allDocs.filter((d) => d.doc === onlyDoc);
    const filterNote = el('p', { class: 'filter-note' });
    if (docs.length) {
      filterNote.append('Showing only ', el('strong', { lang: langTag(docs[0].lang) }, docs[0].title || docs[0].doc), '. ');
    } else {
      filterNote.append('This term does not occur in the document ', el('code', null, onlyDoc), '. ');
    }
    filterNote.append(el('a', { id: 'show-all', href: '/terms/' + encodeURIComponent(t.id) }, 'Show all ' + fmt(allDocs.length) + ' documents'));
    box.appendChild(filterNote);
  } else if (allDocs.length > 1) {
    const nav = clear($('term-docs-nav'));
    nav.hidden = false;
    nav.append(el('h2', { class: 'small-h' }, 'Documents'),
      el('ol', null, allDocs.map((d, i) => el('li', null,
        el('a', { href: '#doc-' + i, lang: langTag(d.lang) }, d.title || d.doc),
        ' ', el('span', { class: 'muted' }, [docSuffix({ date: d.date, format: formatOf(d.doc) }),
          fmt(d.count) + (d.count === 1 ? ' mention' : ' mentions')].filter(Boolean).join(' · '))))));
  }

  if (!allDocs.length) {
    box.appendChild(el('p', { class: 'muted' }, 'No indexed document uses this term yet.'));
    return;
  }

  docs.forEach((d) => {
    const i = allDocs.indexOf(d);
    const sec = el('section', { class: 'conc-doc', id: 'doc-' + i, 'data-doc': d.doc });
    sec.appendChild(el('h2', { class: 'conc-title' },
      el('a', { href: '/d/' + encodeURIComponent(d.doc) + '?q=' + encodeURIComponent(label), lang: langTag(d.lang) }, d.title || d.doc),
      ' ', el('span', { class: 'doc-suffix' }, docSuffix({ date: d.date, format: formatOf(d.doc) }))));
    const meta = el('p', { class: 'hit-meta' });
    if (d.date) meta.append(el('time', { datetime: d.date }, d.date));
    meta.append(langBadge(d.lang));
    meta.append(el('span', { class: 'count-badge' }, fmt(d.count) + (d.count === 1 ? ' mention' : ' mentions')));
    if (!onlyDoc) meta.append(el('a', { href: '/terms/' + encodeURIComponent(t.id) + '?doc=' + encodeURIComponent(d.doc) }, 'only this document'));
    sec.appendChild(meta);
    const ol = el('ol', { class: 'conc-passages' });
    for (const p of d.passages || []) {
      const link = passageLink(d.doc, p, label);
      const li = el('li', { class: 'conc-passage', 'data-anchor': p.anchor, lang: langTag(p.lang || d.lang) });
      const text = el('div', { class: 'passage-text' });
      text.appendChild(highlight(p.text, { mentions: p.mentions, onlyTerm: (p.mentions || []).some((m) => m.term === t.id) ? t.id : null, termLabel: () => label, mentionClass: 'this-term' }));
      li.appendChild(text);
      li.appendChild(el('p', { class: 'conc-foot' },
        p.page != null ? el('span', { class: 'page' }, 'p. ' + p.page) : null,
        el('a', { href: link, 'aria-label': 'Open passage ' + (p.ordinal != null ? p.ordinal : '') + ' in ' + (d.title || d.doc) }, 'Open in document →'),
        copyButton(location.origin + link, 'Copy link', 'Copy link to this passage')));
      ol.appendChild(li);
    }
    if (!(d.passages || []).length) ol.appendChild(el('li', { class: 'muted' }, 'No passages listed.'));
    sec.appendChild(ol);
    sec.appendChild(kwicTable(t, d, label));
    box.appendChild(sec);
  });
}

/** Keyword in context: one line per mention, left context | the term | right context, aligned on the term. */
function kwicTable(t, d, label) {
  const table = el('table', { class: 'kwic', 'aria-label': 'Mentions of ' + label + ' in context' });
  const tbody = el('tbody');
  for (const p of d.passages || []) {
    const text = String(p.text || '');
    for (const m of p.mentions || []) {
      if (m.term !== t.id) continue;
      const chars = (a, b) => text.slice(Math.max(0, a), Math.max(0, b)).replace(/\s+/g, ' ');
      const link = passageLink(d.doc, p, label);
      tbody.appendChild(el('tr', { 'data-anchor': p.anchor, lang: langTag(p.lang || d.lang) },
        el('td', { class: 'kwic-left' }, el('span', null, chars(m.start - 60, m.start))),
        el('td', { class: 'kwic-match' }, el('a', { href: link, title: 'Open in the document' + (p.page != null ? ', page ' + p.page : '') }, text.slice(m.start, m.end))),
        el('td', { class: 'kwic-right' }, chars(m.end, m.end + 60)),
        el('td', { class: 'kwic-page muted' }, p.page != null ? 'p. ' + p.page : '')));
    }
  }
  table.appendChild(tbody);
  return table;
}

let formats = new Map();
function formatOf(id) { return formats.get(id) || ''; }

async function loadFormats() {
  try {
    for (const d of await apiGet('/api/docs')) formats.set(d.id, d.format);
  } catch (_) { formats = new Map(); }
}

document.addEventListener('change', (ev) => {
  if (!ev.target || ev.target.id !== 'kwic-mode') return;
  document.body.classList.toggle('kwic-on', ev.target.checked);
  // the view is in the address (view=kwic), so a link or a reload keeps it
  const p = new URLSearchParams(location.search);
  if (ev.target.checked) p.set('view', 'kwic'); else p.delete('view');
  const qs = p.toString();
  history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
});
listKeys('#concordance li.conc-passage, #concordance table.kwic tr', () => { location.href = '/'; });

loadFormats().then(start);
