// Term explorer: /terms — table of concepts, term-by-document heatmap, use over time.
import {
  apiGet, el, svg, clear, showMessage, fmt, langTag, langName, yearOf, docSuffix, formatName, listKeys,
} from './common.js';

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

const params = new URLSearchParams(location.search);
const view = {
  cols: params.get('cols') === 'mentions' ? 'mentions' : 'date',   // documents by date, or most mentions first
  rows: ['alpha', 'docs'].includes(params.get('rows')) ? params.get('rows') : 'mentions',
  allRows: params.get('all') === 'rows' || params.get('all') === 'both',
  allCols: params.get('all') === 'cols' || params.get('all') === 'both',
};
const TOP_ROWS = 30;
const TOP_COLS = 40;

function saveView() {
  const p = new URLSearchParams();
  if (view.cols !== 'date') p.set('cols', view.cols);
  if (view.rows !== 'mentions') p.set('rows', view.rows);
  const all = view.allRows && view.allCols ? 'both' : view.allRows ? 'rows' : view.allCols ? 'cols' : '';
  if (all) p.set('all', all);
  const qs = p.toString();
  history.replaceState(null, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
}

async function start() {
  let data, docList = [];
  try {
    [data, docList] = await Promise.all([apiGet('/api/terms'), apiGet('/api/docs').catch(() => [])]);
  } catch (err) {
    showMessage($('message'), 'error', el('p', null, err.message));
    return;
  }
  const formats = new Map((docList || []).map((d) => [d.id, d.format]));
  const docs = [...(data.docs || [])].map((d) => ({ ...d, format: formats.get(d.id) }));
  // columns ordered by date (stable: keep the server's order for equal dates)
  docs.sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
  if (!docs.length) {
    let folder = null;
    try { folder = (await apiGet('/health')).corpus; } catch (_) { folder = null; }
    showMessage($('message'), 'empty',
      el('h2', null, 'No documents indexed yet.'),
      el('p', null, 'Drop documents (PDF, Word, HTML, Markdown, text, scanned images) into ',
        el('code', { class: 'watched-folder' }, folder || 'corpus'),
        ': the server watches this folder and indexes what you add there by itself. The explorer then shows how often each document uses each policy term.'));
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
  // a cited document's row names its year and format as the columns do (three "Report on the Work of the Government")
  const citedLabel = new Map();
  for (const t of titles) {
    // a copy (the Chamber report's text file) is no column, yet is cited by its own title
    const d = (docList || []).find((x) => 'cites-' + x.id === t.id);
    if (d) citedLabel.set(t.id, docSuffix(d));
  }
  const groups = [{ name: null, terms: glossary }];
  if (titles.length) groups.push({ name: 'Documents cited by title', terms: titles });
  const draw = () => drawHeatmap(groups, docs, citedLabel);
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

function controls(groups, docs, shownRows, shownCols, redraw) {
  const bar = el('div', { class: 'heatmap-controls', role: 'group', 'aria-label': 'Heatmap view' });
  const select = (id, label, value, options, onChange) => {
    const s = el('select', { id }, options.map(([v, t]) => el('option', { value: v, selected: v === value }, t)));
    s.addEventListener('change', () => { onChange(s.value); saveView(); redraw(); });
    return el('label', null, label + ' ', s);
  };
  bar.append(
    select('hm-cols', 'Documents', view.cols, [['date', 'by date'], ['mentions', 'most mentions first']], (v) => { view.cols = v; }),
    select('hm-rows', 'Terms', view.rows, [['mentions', 'most mentions first'], ['docs', 'in most documents first'], ['alpha', 'A–Z']], (v) => { view.rows = v; }));
  const nTerms = groups.reduce((n, g) => n + g.terms.length, 0);
  const toggle = (id, all, shown, total, noun, onClick) => {
    if (total <= shown && !all) return null;
    const b = el('button', { type: 'button', class: 'btn show-all', id, 'aria-pressed': all ? 'true' : 'false' },
      all ? 'Show the top ' + shown + ' ' + noun : 'Show all ' + fmt(total) + ' ' + noun);
    b.addEventListener('click', () => { onClick(); saveView(); redraw(); });
    return b;
  };
  bar.append(
    el('span', { class: 'muted small hm-shown' }, fmt(shownRows) + ' of ' + fmt(nTerms) + ' terms · ' + fmt(shownCols) + ' of ' + fmt(docs.length) + ' documents'),
    toggle('hm-all-rows', view.allRows, TOP_ROWS, nTerms, 'terms', () => { view.allRows = !view.allRows; }) || '',
    toggle('hm-all-cols', view.allCols, TOP_COLS, docs.length, 'documents', () => { view.allCols = !view.allCols; }) || '');
  return bar;
}

function drawHeatmap(groups, allDocs, citedLabel) {
  const box = clear($('heatmap'));
  const redraw = () => drawHeatmap(groups, allDocs, citedLabel);
  const allTerms = groups.flatMap((g) => g.terms);
  if (!allTerms.length || !allDocs.length) { box.appendChild(el('p', { class: 'muted' }, 'Nothing to show yet.')); return; }
  const counts = new Map();
  const docTotal = new Map();
  for (const t of allTerms) for (const bd of t.by_doc || []) {
    counts.set(t.id + '\u0000' + bd.doc, bd.count);
    docTotal.set(bd.doc, (docTotal.get(bd.doc) || 0) + (bd.count || 0));
  }
  // rows: sorted in each group, the top N overall unless "show all"
  const rowOrder = (a, b) => view.rows === 'alpha' ? termName(a).localeCompare(termName(b))
    : view.rows === 'docs' ? (b.docs || 0) - (a.docs || 0) || (b.mentions || 0) - (a.mentions || 0)
      : (b.mentions || 0) - (a.mentions || 0) || termName(a).localeCompare(termName(b));
  let budget = view.allRows ? Infinity : TOP_ROWS;
  const shownGroups = [];
  for (const g of groups) {
    const terms = [...g.terms].sort(rowOrder).slice(0, Math.max(0, budget));
    budget -= terms.length;
    if (terms.length) shownGroups.push({ name: g.name, terms });
  }
  const terms = shownGroups.flatMap((g) => g.terms);
  // columns: the documents with the most mentions unless "show all"; shown by date or by mentions
  const byMentions = (a, b) => (docTotal.get(b.id) || 0) - (docTotal.get(a.id) || 0) || String(a.date || '').localeCompare(String(b.date || ''));
  let docs = view.allCols ? [...allDocs] : [...allDocs].sort(byMentions).slice(0, TOP_COLS);
  if (view.cols === 'date') docs.sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
  else docs.sort(byMentions);
  box.appendChild(controls(groups, allDocs, terms.length, docs.length, redraw));

  let max = 0;
  for (const t of terms) for (const d of docs) max = Math.max(max, counts.get(t.id + '\u0000' + d.id) || 0);
  const cell = docs.length > 120 ? 12 : CELL;          // thousands of documents: small cells, counts in tooltips
  const step = cell + GAP;
  const width = box.clientWidth || 800;
  const phone = width < 560;
  const labelMax = phone ? Math.max(96, Math.floor(width * 0.36)) : Math.max(140, Math.min(330, Math.floor(width * 0.3)));
  const fullName = (t) => termName(t) + (t.label_zh && t.label_zh !== t.label ? ' · ' + t.label_zh : '') + (citedLabel.has(t.id) ? ' · ' + citedLabel.get(t.id) : '');
  // the part that tells rows apart (year and format of a cited document) is kept whole; the name is cut before it
  const shortName = (t) => {
    const suffix = citedLabel.has(t.id) ? ' · ' + citedLabel.get(t.id) : '';
    const name = termName(t) + (!phone && t.label_zh && t.label_zh !== t.label ? ' · ' + t.label_zh : '');
    return truncateWidth(name, labelMax - textWidth(suffix) - 14) + suffix;
  };
  const names = new Map(terms.map((t) => [t.id, shortName(t)]));
  const labelW = Math.ceil(Math.min(labelMax, Math.max(80, ...[...names.values()].map(textWidth)) + 14));
  // column heads: a year axis (one label where the year changes) above labels rotated 60°, title cut before "· HTML"
  const colLabel = (d) => {
    const f = formatName(d.format);
    return truncate(d.title || d.id, cell < CELL ? 8 : 14) + (f ? ' · ' + f : '');
  };
  const colLabels = docs.map(colLabel);
  const ANGLE = 60 * Math.PI / 180;
  const colLen = Math.max(...colLabels.map((x) => textWidth(x) * 11 / 12));
  const YEAR_H = 20;
  const headH = Math.ceil(colLen * Math.sin(ANGLE)) + YEAR_H + 12;
  const GROUP_H = 30;
  const rowsH = terms.length * step + (shownGroups.length - 1) * GROUP_H + 4;
  const cellsW = docs.length * step + Math.ceil(colLen * Math.cos(ANGLE)) + 8;

  const scroller = el('div', { class: 'heatmap-scroll', tabindex: '0', 'aria-label': 'Heatmap (scrolls; term and document labels stay in view)' });
  const grid = el('div', { class: 'hm-grid' });
  grid.style.gridTemplateColumns = labelW + 'px ' + cellsW + 'px';
  grid.style.gridTemplateRows = headH + 'px ' + rowsH + 'px';
  const corner = el('div', { class: 'hm-corner' }, el('span', { class: 'muted small' }, view.cols === 'date' ? 'Documents by date →' : 'Most mentions first →'));

  // column heads
  const cols = svg('svg', { width: cellsW, height: headH, class: 'hm-cols', role: 'group', 'aria-label': 'Documents' });
  // the year axis: a tick where the year changes, the year written in full where its run of columns has room ('14 where not)
  const runs = [];
  docs.forEach((d, j) => {
    const year = yearOf(d.date);
    if (!runs.length || runs[runs.length - 1].year !== year) runs.push({ year, from: j, n: 0 });
    runs[runs.length - 1].n++;
  });
  for (const r of runs) {
    const x = r.from * step;
    const w = r.n * step;
    cols.appendChild(svg('line', { x1: x - GAP / 2, y1: 2, x2: x - GAP / 2, y2: headH, class: 'year-tick' }));
    const full = r.year == null ? 'undated' : String(r.year);
    const label = textWidth(full) * 11 / 12 + 4 <= w ? full : r.year == null ? '–' : w >= 20 ? "'" + full.slice(2) : '';
    if (label) cols.appendChild(svg('text', { x: x + 2, y: 14, class: 'year-label' }, svg('title', null, full), label));
  }
  docs.forEach((d, j) => {
    const x = j * step;
    const g = svg('g', { transform: `translate(${x + cell / 2 + 4},${headH - 4}) rotate(-60)` },
      svg('text', { class: 'col-label', x: 0, y: 0, lang: langTag(d.lang), 'data-doc': d.id },
        svg('title', null, (d.title || d.id) + ' — ' + [d.date || 'undated', formatName(d.format), langName(d.lang)].filter(Boolean).join(' · ')
          + ': ' + fmt(docTotal.get(d.id) || 0) + ' mentions'),
        colLabels[j]));
    cols.appendChild(g);
  });

  // row labels and cells
  const rowLabels = svg('svg', { width: labelW, height: rowsH, class: 'hm-rows', role: 'group', 'aria-label': 'Terms' });
  const root = svg('svg', {
    width: cellsW, height: rowsH, viewBox: `0 0 ${cellsW} ${rowsH}`, class: 'heatmap-svg',
    role: 'group', 'aria-label': 'Heatmap: mentions of each term (rows) in each document (columns)',
  });
  let y = 0;
  shownGroups.forEach((group, k) => {
    if (k > 0) {
      y += GROUP_H;
      rowLabels.appendChild(svg('text', { class: 'group-label', x: 4, y: y - 9 }, group.name));
    }
    for (const t of group.terms) {
      drawRow(root, rowLabels, t, y, docs, counts, max, labelW, fullName(t), names.get(t.id), cell);
      y += step;
    }
  });
  grid.append(corner, el('div', { class: 'hm-head' }, cols), el('div', { class: 'hm-side' }, rowLabels), el('div', { class: 'hm-body' }, root));
  scroller.appendChild(grid);
  box.appendChild(scroller);

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

function drawRow(root, labels, t, y, docs, counts, max, labelW, name, shortName, cell) {
  const a = svg('a', { href: termHref(t.id), class: 'row-label-link', 'aria-label': 'All passages using ' + name });
  a.appendChild(svg('text', { class: 'row-label', x: labelW - 8, y: y + cell / 2 + 4, 'text-anchor': 'end', 'data-term': t.id },
    svg('title', null, name + ': ' + fmt(t.mentions) + ' mentions in ' + fmt(t.docs) + ' documents'),
    shortName));
  labels.appendChild(a);
  const row = svg('g', { class: 'row', 'data-term': t.id });
  // a big map (thousands of documents) draws one band per row instead of a rectangle per empty cell
  const band = docs.length > 120;
  if (band) row.appendChild(svg('rect', { class: 'empty-band', x: 0, y, width: docs.length * (cell + GAP) - GAP, height: cell, fill: '#f3f5f8' }));
  docs.forEach((d, j) => {
    const x = j * (cell + GAP);
    const c = counts.get(t.id + '\u0000' + d.id) || 0;
    if (!c) {
      if (!band) row.appendChild(svg('rect', { class: 'empty-cell', x, y, width: cell, height: cell, rx: 2, fill: '#f3f5f8' }));
      return;
    }
    const s = scale(c, max);
    const tip = `${name} — ${d.title || d.id} (${[d.date || 'undated', formatName(d.format)].filter(Boolean).join(', ')}): ${fmt(c)} ${c === 1 ? 'mention' : 'mentions'}`;
    const link = svg('a', { href: termHref(t.id, d.id), class: 'cell-link', 'aria-label': tip });
    link.appendChild(svg('rect', {
      class: 'cell', x, y, width: cell, height: cell, rx: 2, fill: colour(s),
      'data-term': t.id, 'data-doc': d.id, 'data-count': c,
    }, svg('title', null, tip)));
    if (cell >= CELL) {
      link.appendChild(svg('text', {
        class: 'cell-count', x: x + cell / 2, y: y + cell / 2 + 4, 'text-anchor': 'middle',
        fill: s > 0.62 ? '#ffffff' : '#0b2545', 'aria-hidden': 'true',
      }, c > 999 ? '1k+' : String(c)));
    }
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
  const hasDocs = new Array(n).fill(false);
  for (const d of docs) { const y = yearOf(d.date); if (y != null) hasDocs[y - y0] = true; }
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
    if (!hasDocs[k]) {
      // no document of this year: a grey hatch, not an empty bar (which means "documents, but no use")
      root.appendChild(svg('rect', { class: 'spark-nodocs', x: 1 + k * bw, y: 2, width: bw - 1, height: H - 2 },
        svg('title', null, `${y0 + k}: no documents`)));
      return;
    }
    const bh = c ? Math.max(2, Math.round((c / max) * (H - 2))) : 0;
    const rect = svg('rect', {
      class: 'spark-bar', x: 1 + k * bw, y: H - bh, width: bw - 1, height: bh || 0.0001, fill: '#2f6db5',
    }, svg('title', null, `${y0 + k}: ${fmt(c)} ${c === 1 ? 'mention' : 'mentions'}`));
    if (!c) root.appendChild(svg('rect', { class: 'spark-zero', x: 1 + k * bw, y: H - 1, width: bw - 1, height: 1 },
      svg('title', null, `${y0 + k}: documents, no mentions`)));
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

listKeys('#terms-table tbody tr[data-term]', () => { location.href = '/'; });
start();
