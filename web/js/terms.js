// Term explorer: /terms — table of concepts, term-by-document heatmap, use over time.
import { apiGet, el, svg, clear, showMessage, fmt, langTag, langName, yearOf } from './common.js';

const $ = (id) => document.getElementById(id);

const CELL = 26;
const GAP = 2;

function termHref(termId, docId) {
  return '/terms/' + encodeURIComponent(termId) + (docId ? '?doc=' + encodeURIComponent(docId) : '');
}

function truncate(s, n) {
  s = String(s || '');
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}

// Rough rendered width (px) of 12px text: CJK glyphs are square, Latin about 0.57em.
function textWidth(s) {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 12 : 6.9;
  return w;
}
function truncateWidth(s, max) {
  if (textWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) { if (textWidth(out + ch + '…') > max) break; out += ch; }
  return out + '…';
}

// Sequential colour scale from a pale blue to a deep blue (good contrast on white).
const LO = [222, 235, 247];
const HI = [8, 48, 107];
function colour(t) {
  const c = LO.map((lo, i) => Math.round(lo + (HI[i] - lo) * t));
  return 'rgb(' + c.join(',') + ')';
}
function scale(count, max) {
  if (max <= 1) return 1;
  return 0.15 + 0.85 * (Math.log(1 + count) - Math.log(2)) / (Math.log(1 + max) - Math.log(2));
}

function termName(t) {
  return t.label || t.label_zh || t.id;
}

async function start() {
  let data;
  try {
    data = await apiGet('/api/terms');
  } catch (err) {
    showMessage($('message'), 'error', el('p', null, err.message));
    return;
  }
  const docs = [...(data.docs || [])];
  // columns ordered by date (stable: keep the server's order for equal dates)
  docs.sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
  if (!docs.length) {
    showMessage($('message'), 'empty',
      el('h2', null, 'No documents indexed yet.'),
      el('p', null, 'Put documents (txt, md, html, docx, pdf, …) in the ', el('code', null, 'corpus/'),
        ' folder, or start with ', el('code', null, '--corpus DIR'), ', then run ', el('code', null, 'policy-search index'),
        '. The explorer then shows how often each document uses each policy term.'));
    // a table of zeros says nothing: show only the message
    for (const panel of document.querySelectorAll('main section.panel')) panel.hidden = true;
    return;
  }
  // rows: glossary concepts, most used first; then the documents cited by their title
  const byUse = (a, b) => (b.mentions || 0) - (a.mentions || 0) || termName(a).localeCompare(termName(b));
  const glossary = (data.terms || []).filter((t) => t.kind !== 'title').sort(byUse);
  const titles = (data.terms || []).filter((t) => t.kind === 'title' && (t.mentions || 0) > 0).sort(byUse);
  if (docs.length && !glossary.some((t) => t.mentions) && !titles.length) {
    showMessage($('message'), 'empty', el('p', null, 'No glossary terms occur in the indexed documents.'));
  }
  const groups = [{ name: null, terms: glossary }];
  if (titles.length) groups.push({ name: 'Documents cited by title', terms: titles });
  const draw = () => drawHeatmap(groups, docs);
  draw();
  fillTable(groups, docs);
  // label widths depend on the space available: redraw when it changes (phone rotation, window resize)
  let lastWidth = $('heatmap').clientWidth;
  let t;
  window.addEventListener('resize', () => {
    clearTimeout(t);
    t = setTimeout(() => {
      if ($('heatmap').clientWidth !== lastWidth) { lastWidth = $('heatmap').clientWidth; draw(); }
    }, 150);
  });
}

function drawHeatmap(groups, docs) {
  const box = clear($('heatmap'));
  const terms = groups.flatMap((g) => g.terms);
  if (!terms.length || !docs.length) { box.appendChild(el('p', { class: 'muted' }, 'Nothing to show yet.')); return; }
  let max = 0;
  const counts = new Map();
  for (const t of terms) for (const bd of t.by_doc || []) {
    counts.set(t.id + '\u0000' + bd.doc, bd.count);
    max = Math.max(max, bd.count || 0);
  }
  const labelMax = Math.max(100, Math.min(330, Math.floor((box.clientWidth || 800) * 0.4)));
  const fullName = (t) => termName(t) + (t.label_zh && t.label_zh !== t.label ? ' · ' + t.label_zh : '');
  const names = new Map(terms.map((t) => [t.id, truncateWidth(fullName(t), labelMax)]));
  const labelW = Math.max(120, Math.min(350, Math.max(...[...names.values()].map(textWidth)) + 14));
  // column labels are rotated 50°: their length decides the head's height and the width past the last column
  const colLabels = docs.map((d) => {
    const year = yearOf(d.date);
    return (year ? year + ' ' : '') + truncate(d.title || d.id, 20);
  });
  const colLen = Math.max(...colLabels.map((s) => textWidth(s) * 11 / 12));
  const headH = Math.ceil(colLen * Math.sin(50 * Math.PI / 180)) + 16;
  const GROUP_H = 30;
  const rows = terms.length * (CELL + GAP) + (groups.length - 1) * GROUP_H;
  const w = Math.ceil(labelW + docs.length * (CELL + GAP) + Math.max(40, colLen * Math.cos(50 * Math.PI / 180) - CELL));
  const h = headH + rows + 4;
  const root = svg('svg', {
    width: w, height: h, viewBox: `0 0 ${w} ${h}`, class: 'heatmap-svg',
    role: 'group', 'aria-label': 'Heatmap: mentions of each term (rows) in each document (columns, by date)',
  });

  // column labels (documents)
  docs.forEach((d, j) => {
    const x = labelW + j * (CELL + GAP) + CELL / 2;
    const g = svg('g', { transform: `translate(${x},${headH - 6}) rotate(-50)` },
      svg('text', { class: 'col-label', x: 0, y: 0, lang: langTag(d.lang) },
        svg('title', null, (d.title || d.id) + (d.date ? ' (' + d.date + ')' : '') + ' — ' + langName(d.lang)),
        colLabels[j]));
    root.appendChild(g);
  });

  let y = headH;
  groups.forEach((group, k) => {
    if (k > 0) {
      y += GROUP_H;
      root.appendChild(svg('text', { class: 'group-label', x: 0, y: y - 9 }, group.name));
    }
    for (const t of group.terms) {
      drawRow(root, t, y, docs, counts, max, labelW, fullName(t), names.get(t.id));
      y += CELL + GAP;
    }
  });
  box.appendChild(root);

  // legend
  const lg = clear($('heatmap-legend'));
  const steps = [...new Set([1, Math.round(Math.sqrt(max)), max].filter((v) => v >= 1))].sort((a, b) => a - b);
  const ls = svg('svg', { width: 60 + steps.length * 70, height: 26, 'aria-hidden': 'true', class: 'legend-svg' });
  ls.appendChild(svg('text', { x: 0, y: 17, class: 'legend-text' }, 'Mentions'));
  steps.forEach((v, k) => {
    const x = 64 + k * 70;
    ls.appendChild(svg('rect', { x, y: 4, width: 18, height: 18, rx: 3, fill: colour(scale(v, max)) }));
    ls.appendChild(svg('text', { x: x + 24, y: 17, class: 'legend-text' }, fmt(v)));
  });
  lg.appendChild(ls);
  lg.appendChild(el('span', { class: 'visually-hidden' }, 'Colour scale from 1 to ' + fmt(max) + ' mentions.'));
}

function drawRow(root, t, y, docs, counts, max, labelW, name, shortName) {
  const row = svg('g', { class: 'row', 'data-term': t.id });
  const a = svg('a', { href: termHref(t.id), class: 'row-label-link', 'aria-label': 'All passages using ' + name });
  a.appendChild(svg('text', { class: 'row-label', x: labelW - 8, y: y + CELL / 2 + 4, 'text-anchor': 'end' },
    svg('title', null, name + ': ' + fmt(t.mentions) + ' mentions in ' + fmt(t.docs) + ' documents'),
    shortName));
  row.appendChild(a);
  docs.forEach((d, j) => {
    const x = labelW + j * (CELL + GAP);
    const c = counts.get(t.id + '\u0000' + d.id) || 0;
    if (!c) {
      row.appendChild(svg('rect', { class: 'empty-cell', x, y, width: CELL, height: CELL, rx: 3, fill: '#f3f5f8' }));
      return;
    }
    const s = scale(c, max);
    const tip = `${name} — ${d.title || d.id}${d.date ? ' (' + d.date + ')' : ''}: ${fmt(c)} ${c === 1 ? 'mention' : 'mentions'}`;
    const link = svg('a', { href: termHref(t.id, d.id), class: 'cell-link', 'aria-label': tip });
    link.appendChild(svg('rect', {
      class: 'cell', x, y, width: CELL, height: CELL, rx: 3, fill: colour(s),
      'data-term': t.id, 'data-doc': d.id, 'data-count': c,
    }, svg('title', null, tip)));
    link.appendChild(svg('text', {
      class: 'cell-count', x: x + CELL / 2, y: y + CELL / 2 + 4, 'text-anchor': 'middle',
      fill: s > 0.62 ? '#ffffff' : '#0b2545', 'aria-hidden': 'true',
    }, c > 999 ? '1k+' : String(c)));
    row.appendChild(link);
  });
  root.appendChild(row);
}

function yearRange(docs) {
  const years = docs.map((d) => yearOf(d.date)).filter((y) => y != null);
  if (!years.length) return null;
  return [Math.min(...years), Math.max(...years)];
}

function sparkline(t, docs, range) {
  if (!range) return el('span', { class: 'muted' }, 'no dates');
  const [y0, y1] = range;
  const n = y1 - y0 + 1;
  const byYear = new Array(n).fill(0);
  const docYear = new Map(docs.map((d) => [d.id, yearOf(d.date)]));
  for (const bd of t.by_doc || []) {
    const y = docYear.get(bd.doc);
    if (y != null) byYear[y - y0] += bd.count || 0;
  }
  const max = Math.max(1, ...byYear);
  const bw = Math.max(4, Math.min(14, Math.floor(150 / n)));
  const W = n * bw + 2;
  const H = 30;
  const summary = byYear.map((c, k) => `${y0 + k}: ${c}`).filter((s, k) => byYear[k] > 0).join(', ');
  const root = svg('svg', {
    width: W, height: H + 12, viewBox: `0 0 ${W} ${H + 12}`, class: 'spark', role: 'img',
    'aria-label': 'Mentions by year: ' + (summary || 'none'),
  });
  root.appendChild(svg('line', { x1: 0, y1: H + 0.5, x2: W, y2: H + 0.5, stroke: '#c5ccd6', 'stroke-width': 1 }));
  byYear.forEach((c, k) => {
    const bh = c ? Math.max(2, Math.round((c / max) * (H - 2))) : 0;
    const rect = svg('rect', {
      class: 'spark-bar', x: 1 + k * bw, y: H - bh, width: bw - 1, height: bh || 0.0001, fill: '#2f6db5',
    }, svg('title', null, `${y0 + k}: ${fmt(c)} ${c === 1 ? 'mention' : 'mentions'}`));
    root.appendChild(rect);
  });
  root.appendChild(svg('text', { x: 0, y: H + 11, class: 'spark-year' }, String(y0)));
  if (n > 1) root.appendChild(svg('text', { x: W, y: H + 11, class: 'spark-year', 'text-anchor': 'end' }, String(y1)));
  return root;
}

function fillTable(groups, docs) {
  const tbody = clear($('terms-table').querySelector('tbody'));
  const range = yearRange(docs);
  if (!groups.some((g) => g.terms.length)) {
    tbody.appendChild(el('tr', null, el('td', { colspan: 8, class: 'muted' }, 'No terms.')));
    return;
  }
  const num = (v) => el('td', { class: 'num' }, v == null ? '–' : fmt(v));
  for (const g of groups) {
    if (g.name) tbody.appendChild(el('tr', { class: 'group-row' }, el('th', { colspan: 8, scope: 'colgroup' }, g.name)));
    for (const t of g.terms) {
      tbody.appendChild(el('tr', { 'data-term': t.id },
        el('th', { scope: 'row' },
          el('a', { href: termHref(t.id) }, termName(t)),
          t.label_zh && t.label_zh !== t.label ? el('span', { class: 'zh', lang: 'zh-CN' }, t.label_zh) : null),
        num(t.docs), num(t.docs_en), num(t.docs_zh),
        num(t.mentions), num(t.mentions_en), num(t.mentions_zh),
        el('td', { class: 'spark-cell' }, sparkline(t, docs, range))));
    }
  }
}

start();
