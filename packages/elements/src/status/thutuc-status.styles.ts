import { css } from 'lit';
import { formStyles } from '../form/thutuc-form.styles.js';

/** The form's theme (same tokens) plus the status page's own pieces: status badge, facts, timeline. */
export const statusStyles = [
  formStyles,
  css`
    .code { font-weight: 700; letter-spacing: 0.02em; font-size: 1.125rem; }
    .status-badge { display: inline-block; font-weight: 700; padding: 0.25rem 0.75rem; border-left: 6px solid var(--thutuc-color-primary, #005ea5); background: var(--thutuc-color-notice, #eef4f9); }
    .status-badge .hint { font-weight: 400; }
    .status-badge.status-5, .status-badge.status-6 { border-color: var(--thutuc-color-focus-text, #8a4f00); }
    .status-badge.status-9, .status-badge.status-10 { border-color: var(--thutuc-color-success, #00703c); }
    .status-badge.status-3, .status-badge.status-8 { border-color: var(--thutuc-color-error, #b00020); }
    dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
    dl.facts dt { font-weight: 700; }
    dl.facts dd { margin: 0; }
    .time.overdue { color: var(--thutuc-color-error, #b00020); font-weight: 700; }
    ol.timeline { list-style: none; padding: 0; margin: 0 0 1.5rem; }
    ol.timeline li { display: grid; grid-template-columns: 1.5rem 1fr; gap: 0 0.75rem; padding: 0 0 1rem; position: relative; }
    ol.timeline li .marker { grid-row: span 2; width: 1rem; height: 1rem; margin-top: 0.3rem; border-radius: 50%; border: 3px solid var(--thutuc-color-border, #505a5f); background: #fff; }
    ol.timeline li.done .marker { background: var(--thutuc-color-success, #00703c); border-color: var(--thutuc-color-success, #00703c); }
    ol.timeline li.current .marker { border-color: var(--thutuc-color-primary, #005ea5); background: var(--thutuc-color-primary, #005ea5); box-shadow: 0 0 0 3px var(--thutuc-focus-color, #ffbf47); }
    ol.timeline li.current .step-title { font-weight: 700; }
    ol.timeline li.skipped .marker, ol.timeline li.if-needed .marker { border-style: dashed; }
    ol.timeline li.skipped .step-title { color: var(--thutuc-color-hint, #505a5f); }
    ol.timeline .step-state { color: var(--thutuc-color-hint, #505a5f); font-size: 0.95rem; }
    .item > h3:first-child { margin-top: 0; }
    figure.qr { margin: 0 0 1rem; }
    figure.qr svg { width: 12rem; height: 12rem; display: block; }
  `,
];
