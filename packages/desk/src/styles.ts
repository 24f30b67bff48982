import { css } from 'lit';

/**
 * The desk's look, from the same --thutuc-* tokens and defaults as <thutuc-form>, so an
 * agency that themed its form gets a desk to match. Defaults meet WCAG 2.1 AA on white.
 */
export const deskStyles = css`
  :host {
    display: block;
    font-family: var(--thutuc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    font-size: var(--thutuc-font-size, 1rem);
    line-height: 1.5;
    color: var(--thutuc-color-text, #1b1b1b);
  }
  *, *::before, *::after { box-sizing: border-box; }
  h1 { font-size: 1.75rem; margin: 0 0 var(--thutuc-space, 1rem); line-height: 1.25; }
  h2 { font-size: 1.35rem; margin: 1.5rem 0 0.75rem; }
  h3 { font-size: 1.125rem; margin: 1rem 0 0.5rem; }
  p { margin: 0 0 var(--thutuc-space, 1rem); }
  a { color: var(--thutuc-color-link, #005ea5); }
  .panel { background: var(--thutuc-color-background, #ffffff); padding: 1.25rem 1.5rem; margin-bottom: 1.25rem; border: 1px solid #b1b4b6; }
  .hint { color: var(--thutuc-color-hint, #505a5f); }
  .error { color: var(--thutuc-color-error, #b00020); font-weight: 700; }
  .visually-hidden {
    position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
    padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; border: 0 !important; white-space: nowrap !important;
  }
  label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
  .field { margin: 0 0 1rem; }
  .check { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.25rem 0; }
  .check label { font-weight: 400; margin: 0; }
  .check input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; flex: none; }
  fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
  legend { font-weight: 700; padding: 0; margin-bottom: 0.25rem; }
  input[type='text'], input[type='password'], input[type='search'], input[type='number'], select, textarea {
    font: inherit; color: inherit; width: 100%; max-width: 30rem; padding: 0.4rem 0.5rem;
    border: 2px solid var(--thutuc-color-border, #505a5f); border-radius: var(--thutuc-radius, 0); background: #fff;
  }
  textarea { min-height: 5rem; max-width: 100%; }
  [aria-invalid='true'] { border-color: var(--thutuc-color-error, #b00020) !important; }
  :focus-visible { outline: 3px solid var(--thutuc-focus-color, #ffbf47); outline-offset: 0; box-shadow: inset 0 0 0 2px #1b1b1b; }
  button, .button {
    display: inline-block; font: inherit; font-weight: 700; cursor: pointer; padding: 0.45rem 1.1rem; border-radius: var(--thutuc-radius, 0);
    border: 2px solid var(--thutuc-color-primary, #005ea5); background: var(--thutuc-color-primary, #005ea5);
    color: var(--thutuc-color-on-primary, #ffffff); text-decoration: none;
  }
  button.secondary, .button.secondary { background: #fff; color: var(--thutuc-color-primary, #005ea5); }
  button.link { background: none; border: 0; padding: 0; color: var(--thutuc-color-link, #005ea5); text-decoration: underline; font-weight: 400; }
  button[disabled] { opacity: 0.6; cursor: progress; }
  .notice { border-left: 6px solid var(--thutuc-color-primary, #005ea5); background: var(--thutuc-color-notice, #eef4f9); padding: 0.75rem 1rem; margin-bottom: 1rem; }
  .notice.problem { border-color: var(--thutuc-color-error, #b00020); background: #fdf0f2; }
  .notice.success { border-color: var(--thutuc-color-success, #00703c); background: #eef7f1; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; background: #fff; }
  caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
  th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
  td.amount, th.amount { text-align: right; white-space: nowrap; }
  dl.review { display: grid; grid-template-columns: minmax(10rem, 1fr) 2fr; gap: 0.4rem 1rem; margin: 0 0 1rem; }
  dl.review dt { font-weight: 700; }
  dl.review dd { margin: 0; white-space: pre-wrap; }
  .tag { display: inline-block; padding: 0 0.4rem; font-weight: 700; font-size: 0.9rem; border: 2px solid currentColor; }
  .tag.overdue { color: var(--thutuc-color-error, #b00020); }
  .toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin-bottom: 1rem; }
  .toolbar .field { margin: 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
  nav.pages ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0; }
  nav.pages a[aria-current='page'] { font-weight: 700; text-decoration: none; color: var(--thutuc-color-text, #1b1b1b); }
  ul.plain { list-style: none; padding: 0; margin: 0; }
  input[type='date'] { font: inherit; padding: 0.35rem 0.5rem; border: 2px solid var(--thutuc-color-border, #505a5f); border-radius: var(--thutuc-radius, 0); }
  nav.desk-nav ul { list-style: none; display: flex; gap: 1.5rem; padding: 0; margin: 0.5rem 0 0; }
  nav.desk-nav a[aria-current='page'] { font-weight: 700; text-decoration: none; color: var(--thutuc-color-text, #1b1b1b); }
  ul.plain li { padding: 0.25rem 0; }
`;
