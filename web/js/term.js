// Concordance: /terms/{termId}[?doc={docId}] — every passage that uses a term.
import { apiGet, el, clear, highlight, showMessage, fmt, langTag, langBadge, pathParam, copyButton } from './common.js';

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
  if (t.note) { $('term-note').textContent = t.note; $('term-note').hidden = false; }
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
  $('term-summary').textContent = fmt(total) + (total === 1 ? ' mention' : ' mentions') + ' in ' + fmt(allDocs.length) + (allDocs.length === 1 ? ' document' : ' documents');

  const actions = clear($('term-actions'));
  actions.append(el('a', { class: 'btn', href: '/?term=' + encodeURIComponent(t.id) + '&q=' + encodeURIComponent(label) }, 'Search with this term'));

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
        ' ', el('span', { class: 'muted' }, [d.date, fmt(d.count) + '×'].filter(Boolean).join(' · '))))));
  }

  if (!allDocs.length) {
    box.appendChild(el('p', { class: 'muted' }, 'No indexed document uses this term yet.'));
    return;
  }

  docs.forEach((d) => {
    const i = allDocs.indexOf(d);
    const sec = el('section', { class: 'conc-doc', id: 'doc-' + i, 'data-doc': d.doc });
    sec.appendChild(el('h2', { class: 'conc-title' },
      el('a', { href: '/d/' + encodeURIComponent(d.doc) + '?q=' + encodeURIComponent(label), lang: langTag(d.lang) }, d.title || d.doc)));
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
    box.appendChild(sec);
  });
}

start();
