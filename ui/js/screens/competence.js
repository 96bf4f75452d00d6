// Kompetencekort: for the whole municipality or one unit, which skills its
// people hold at which levels (a heat map drawn as SVG, with the same
// numbers as a table), the key-person risks, the gaps, areas without a
// knowledge owner, the profession mix and stale entries. The map can be
// saved as SVG or PNG for a presentation.

import { call, inDesktopApp, saveTextFile, saveBlobFile } from '../api.js';
import { svgText, pngBlob } from '../components/chart-export.js';
import { t, formatDate } from '../i18n.js';
import { h, clear, announce, errorBox, errorMessage } from '../dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_ROWS = 25;
const CELL_W = 92;
const CELL_H = 26;
const LABEL_W = 260;
const HEAD_H = 120;

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children.flat()) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// Darker means more people at level 3 or above; the text colour keeps a
// contrast of at least 4.5:1 on every shade.
function shade(carrying, max) {
  if (!carrying) return { fill: '#f5f7fa', text: '#1b1f24' };
  const steps = ['#dbe6f5', '#b3c8e8', '#7f9fd0', '#3f64a3', '#173560'];
  const i = Math.min(steps.length - 1, Math.floor((carrying / Math.max(1, max)) * (steps.length - 1) + 0.0001));
  return { fill: steps[i], text: i >= 3 ? '#ffffff' : '#1b1f24' };
}

function shortUnit(column, scope) {
  return scope ? column.slice(scope.length + 3) || column : column;
}

function heatMap(map, rows) {
  // Room on the right for the last rotated column heading.
  const width = LABEL_W + map.columns.length * CELL_W + 150;
  const height = HEAD_H + rows.length * CELL_H + 10;
  const max = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.levels[2] + c.levels[3] + c.levels[4])));
  const title = t('map.svgTitle', map.unit || t('map.wholeMunicipality'));
  const root = svg('svg', {
    xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'map-svg-title map-svg-desc',
    'font-family': 'system-ui, sans-serif', 'font-size': 13,
  },
  svg('title', { id: 'map-svg-title' }, title),
  svg('desc', { id: 'map-svg-desc' }, t('map.svgDesc')),
  svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  map.columns.forEach((column, i) => {
    const x = LABEL_W + i * CELL_W + CELL_W / 2;
    root.append(svg('text', { x, y: HEAD_H - 8, transform: `rotate(-35 ${x} ${HEAD_H - 8})`, fill: '#1b1f24' },
      shortUnit(column, map.unit)));
  });
  rows.forEach((row, r) => {
    const y = HEAD_H + r * CELL_H;
    root.append(svg('text', { x: LABEL_W - 8, y: y + CELL_H / 2 + 4, 'text-anchor': 'end', fill: '#1b1f24' }, row.skill));
    row.cells.forEach((cell, c) => {
      const carrying = cell.levels[2] + cell.levels[3] + cell.levels[4];
      const { fill, text } = shade(carrying, max);
      const x = LABEL_W + c * CELL_W;
      root.append(svg('rect', { x: x + 1, y: y + 1, width: CELL_W - 2, height: CELL_H - 2, fill, rx: 3 }));
      if (cell.people) {
        root.append(svg('text', { x: x + CELL_W / 2, y: y + CELL_H / 2 + 4, 'text-anchor': 'middle', fill: text },
          `${carrying} / ${cell.people}`));
      }
    });
  });
  return root;
}

function dataTable(map, rows) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table table--numbers' },
    h('caption', {}, t('map.tableCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('map.colSkill')),
      map.columns.map((c) => h('th', { scope: 'col', class: 'num' }, shortUnit(c, map.unit))))),
    h('tbody', {}, rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.skill),
      row.cells.map((cell) => h('td', { class: 'num' },
        cell.people ? `${cell.levels[2] + cell.levels[3] + cell.levels[4]} / ${cell.people}` : '–')))))));
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function render(main, ctx) {
  const unit = ctx.query.get('enhed') || '';
  const body = h('div', { class: 'stack' });
  const unitSelect = h('select', { id: 'map-unit', class: 'select' }, h('option', { value: '' }, t('map.wholeMunicipality')));
  const picker = h('div', { class: 'facet' }, h('label', { for: 'map-unit', class: 'facet__label' }, t('map.unit')), unitSelect);
  main.append(h('h1', { tabindex: '-1' }, t('map.title')), h('p', { class: 'lead' }, t('map.intro')), picker, body);

  let map;
  let forvaltninger;
  try {
    [map, forvaltninger] = await Promise.all([
      call('competence_map', unit ? { unit } : {}),
      unit ? call('competence_map', {}).then((m) => m.columns) : null,
    ]);
  } catch (err) {
    body.append(errorBox(err));
    return { title: t('map.title') };
  }
  for (const c of forvaltninger || map.columns) unitSelect.append(h('option', { value: c, selected: c === unit }, c));
  unitSelect.addEventListener('change', () => {
    window.location.hash = '#/kompetencekort' + (unitSelect.value ? '?enhed=' + encodeURIComponent(unitSelect.value) : '');
  });

  const rows = map.rows.slice(0, MAX_ROWS);
  const chart = heatMap(map, rows);
  const fileBase = 'kompetencekort-' + (map.unit || 'kommunen').toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
  const exportStatus = h('p', { 'aria-live': 'polite', class: 'muted' });
  // The desktop app saves through a native dialog, written by Rust.
  const desktopExports = () => h('div', { class: 'form__actions' },
    h('button', { type: 'button', class: 'btn', onclick: async () => {
      try {
        const path = await saveTextFile(fileBase + '.svg', svgText(chart));
        if (path) announce(t('map.saved', path));
      } catch (err) {
        exportStatus.textContent = errorMessage(err);
      }
    } }, t('map.saveSvg')),
    h('button', { type: 'button', class: 'btn', onclick: async () => {
      try {
        const path = await saveBlobFile(fileBase + '.png', await pngBlob(chart));
        if (path) announce(t('map.saved', path));
      } catch (err) {
        exportStatus.textContent = t('map.pngFailed');
      }
    } }, t('map.savePng')),
    exportStatus);
  const exports = inDesktopApp() ? desktopExports() : h('div', { class: 'form__actions' },
    h('button', { type: 'button', class: 'btn', onclick: () => {
      download(fileBase + '.svg', new Blob([svgText(chart)], { type: 'image/svg+xml' }));
      announce(t('map.saved', fileBase + '.svg'));
    } }, t('map.saveSvg')),
    h('button', { type: 'button', class: 'btn', onclick: async () => {
      try {
        download(fileBase + '.png', await pngBlob(chart));
        announce(t('map.saved', fileBase + '.png'));
      } catch (err) {
        exportStatus.textContent = t('map.pngFailed');
      }
    } }, t('map.savePng')),
    exportStatus);

  const person = (v) => h('a', { href: '#/person/' + encodeURIComponent(v.person_id) }, v.person_name);
  body.append(
    h('section', { class: 'panel', 'aria-labelledby': 'map-heat-h' },
      h('h2', { id: 'map-heat-h' }, t('map.heatHeading', rows.length, map.rows.length)),
      h('p', { class: 'muted' }, t('map.heatHint')),
      // Focusable, so that keyboard users can scroll a map wider than the screen.
      h('div', { class: 'map-chart', tabindex: '0', role: 'group', 'aria-label': t('map.chartLabel') }, chart),
      exports,
      h('details', {}, h('summary', {}, t('map.showTable')), dataTable(map, rows))),
    h('section', { class: 'panel', 'aria-labelledby': 'map-vuln-h' },
      h('h2', { id: 'map-vuln-h' }, t('map.vulnerableHeading', map.vulnerable.length)),
      h('p', { class: 'muted' }, t('map.vulnerableHint')),
      map.vulnerable.length
        ? h('ul', { class: 'plain-list' }, map.vulnerable.map((v) => h('li', {},
          h('strong', {}, v.skill), ' – ', person(v), ` (${t('map.level', v.level)})`, v.unit ? h('span', { class: 'muted' }, ' · ', v.unit) : null)))
        : h('p', {}, t('map.none'))),
    h('section', { class: 'panel', 'aria-labelledby': 'map-gap-h' },
      h('h2', { id: 'map-gap-h' }, t('map.uncoveredHeading', map.uncovered.length)),
      map.uncovered.length ? h('p', {}, map.uncovered.join(', ')) : h('p', {}, t('map.none'))),
    h('section', { class: 'panel', 'aria-labelledby': 'map-owner-h' },
      h('h2', { id: 'map-owner-h' }, t('map.unownedHeading', map.unowned_areas.length)),
      map.unowned_areas.length
        ? h('p', {}, map.unowned_areas.map((a) => `${a.label} (${a.people})`).join(', '))
        : h('p', {}, t('map.none')),
      h('p', {}, h('a', { href: '#/begreber' }, t('map.nameOwners')))),
    h('section', { class: 'panel', 'aria-labelledby': 'map-prof-h' },
      h('h2', { id: 'map-prof-h' }, t('map.professionsHeading')),
      h('ul', { class: 'plain-list' }, map.professions.map((m) => h('li', {},
        h('strong', {}, shortUnit(m.unit, map.unit)), ': ',
        m.professions.map(([p, n]) => `${p} ${n}`).join(', '))))),
    h('section', { class: 'panel', 'aria-labelledby': 'map-stale-h' },
      h('h2', { id: 'map-stale-h' }, t('map.staleHeading', map.stale.months)),
      h('p', {}, t('map.stale', map.stale.entries, map.stale.people, formatDate(map.stale.since)))));
  return { title: t('map.title') };
}
