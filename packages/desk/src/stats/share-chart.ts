import { html, svg, nothing, type TemplateResult } from 'lit';
import { localize } from '@thutuc/runtime';
import type { Lang } from '../i18n.js';
import { statsStrings } from './stats-strings.js';
import type { FieldFigures } from './stats-types.js';

/**
 * Online share per field against the agency's target, as a plain SVG bar chart: one bar per
 * field, a dark tick where the target is, the figure written beside it. Drawn with SVG
 * attributes only (no inline styles), so it renders under the desk's strict CSP; the table
 * beside it carries the same figures for screen readers, and the words "đạt"/"chưa đạt" say
 * what the colour says.
 */

export const CHART = { width: 720, plot: 520, row: 56, top: 8, axis: 28 } as const;

export interface ChartRow {
  y: number;
  label: string;
  /** Width of the bar in px (0 without dossiers). */
  bar: number;
  /** Where the target's tick goes, in px; undefined without a target. */
  target?: number;
  tone: 'meets' | 'below' | 'none';
  value: string;
}

const x = (percent: number) => Math.round((CHART.plot * Math.min(100, Math.max(0, percent))) / 100);

/** Positions and words of every bar: the part of the chart worth testing without a browser. */
export function chartRows(fields: readonly FieldFigures[], lang: Lang): ChartRow[] {
  const s = statsStrings(lang);
  return fields.map((f, i) => ({
    y: CHART.top + i * CHART.row,
    label: localize(f.name, lang),
    bar: f.onlineSharePercent === null ? 0 : x(f.onlineSharePercent),
    ...(f.targetPercent !== null ? { target: x(f.targetPercent) } : {}),
    tone: f.meetsTarget === null ? 'none' : f.meetsTarget ? 'meets' : 'below',
    value: s.shareValue(f.onlineSharePercent, f.targetPercent, f.meetsTarget),
  }));
}

const FILL = { meets: '#00703c', below: '#b00020', none: '#005ea5' } as const;
const TICKS = [0, 25, 50, 75, 100];

export function renderShareChart(fields: readonly FieldFigures[], lang: Lang): TemplateResult {
  const s = statsStrings(lang);
  const rows = chartRows(fields, lang);
  const height = CHART.top + rows.length * CHART.row + CHART.axis;
  const axisY = height - CHART.axis + 4;
  return html`<svg class="share-chart" viewBox="0 0 ${CHART.width} ${height}" width="100%" role="img" aria-labelledby="share-chart-title share-chart-desc" part="chart">
    <title id="share-chart-title">${s.chartTitle}</title>
    <desc id="share-chart-desc">${rows.map((r) => `${r.label}: ${r.value}`).join('; ')}</desc>
    ${TICKS.map((t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${CHART.top} y2=${axisY} stroke="#b1b4b6" stroke-width="1"></line>
      <text x=${x(t)} y=${axisY + 16} font-size="12" text-anchor=${t === 0 ? 'start' : t === 100 ? 'end' : 'middle'} fill="#505a5f">${t} %</text>`)}
    ${rows.map((r) => svg`<g>
      <text x="0" y=${r.y + 14} font-size="14" fill="#1b1b1b">${r.label}</text>
      <rect x="0" y=${r.y + 20} width=${Math.max(r.bar, 1)} height="20" fill=${FILL[r.tone]}></rect>
      ${r.target !== undefined ? svg`<line x1=${r.target} x2=${r.target} y1=${r.y + 16} y2=${r.y + 44} stroke="#1b1b1b" stroke-width="3"></line>` : nothing}
      <text x=${CHART.plot + 8} y=${r.y + 35} font-size="13" fill="#1b1b1b">${r.value}</text>
    </g>`)}
  </svg>`;
}
