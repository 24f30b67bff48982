import { css } from 'lit';

/**
 * The default theme. Components read only --thutuc-* custom properties, so a site themes the
 * form by setting them on the element or any ancestor. Default colours meet WCAG 2.1 AA on
 * white (text #1b1b1b 16.8:1, primary #005ea5 6.8:1, error #b00020 7.1:1, hint #505a5f 7.0:1).
 */
export const formStyles = css`
  :host {
    display: block;
    font-family: var(--thutuc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    font-size: var(--thutuc-font-size, 1rem);
    line-height: 1.5;
    color: var(--thutuc-color-text, #1b1b1b);
    background: var(--thutuc-color-background, #ffffff);
    max-width: var(--thutuc-max-width, 48rem);
  }
  *, *::before, *::after { box-sizing: border-box; }
  h2 { font-size: 1.5rem; margin: 0 0 var(--thutuc-space, 1rem); line-height: 1.25; }
  h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
  p { margin: 0 0 var(--thutuc-space, 1rem); }
  .progress { color: var(--thutuc-color-hint, #505a5f); margin: 0 0 0.25rem; font-size: 0.95rem; }
  .group { margin: 0 0 1.5rem; }
  .group.invalid { border-left: 4px solid var(--thutuc-color-error, #b00020); padding-left: 0.75rem; }
  fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; min-width: 0; }
  legend { font-weight: 700; padding: 0; margin-bottom: 0.25rem; }
  label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
  .option label, .checkbox label { display: inline; font-weight: 400; margin-left: 0.5rem; }
  .option, .checkbox { display: flex; align-items: flex-start; margin: 0.25rem 0; }
  .option input, .checkbox input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; flex: none; }
  .hint { color: var(--thutuc-color-hint, #505a5f); margin: 0 0 0.25rem; }
  .error { color: var(--thutuc-color-error, #b00020); font-weight: 700; margin: 0 0 0.25rem; }
  .visually-hidden {
    position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
    padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; border: 0 !important; white-space: nowrap !important;
  }
  input[type='text'], input[type='email'], input[type='tel'], input[type='number'], input[type='date'], select, textarea {
    font: inherit; color: inherit; width: 100%; max-width: 30rem; padding: 0.4rem 0.5rem;
    border: 2px solid var(--thutuc-color-border, #505a5f); border-radius: var(--thutuc-radius, 0); background: #fff;
  }
  textarea { min-height: 6rem; max-width: 100%; }
  input.short { max-width: 8rem; }
  [aria-invalid='true'] { border-color: var(--thutuc-color-error, #b00020) !important; }
  :focus-visible { outline: 3px solid var(--thutuc-focus-color, #ffbf47); outline-offset: 0; box-shadow: inset 0 0 0 2px #1b1b1b; }
  .actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-top: 2rem; }
  button {
    font: inherit; font-weight: 700; cursor: pointer; padding: 0.5rem 1.25rem; border-radius: var(--thutuc-radius, 0);
    border: 2px solid var(--thutuc-color-primary, #005ea5); background: var(--thutuc-color-primary, #005ea5);
    color: var(--thutuc-color-on-primary, #ffffff);
  }
  button.secondary { background: #fff; color: var(--thutuc-color-primary, #005ea5); }
  button.link { background: none; border: 0; padding: 0; color: var(--thutuc-color-link, #005ea5); text-decoration: underline; font-weight: 400; }
  button[disabled] { opacity: 0.6; cursor: progress; }
  .error-summary { border: 4px solid var(--thutuc-color-error, #b00020); padding: 1rem; margin-bottom: 1.5rem; }
  .error-summary h2 { font-size: 1.25rem; }
  .error-summary ul { margin: 0; padding-left: 1.25rem; }
  .error-summary a { color: var(--thutuc-color-error, #b00020); font-weight: 700; }
  .notice { border-left: 6px solid var(--thutuc-color-primary, #005ea5); background: var(--thutuc-color-notice, #eef4f9); padding: 0.75rem 1rem; margin-bottom: 1.5rem; }
  .notice.problem { border-color: var(--thutuc-color-error, #b00020); background: #fdf0f2; }
  .files { list-style: none; padding: 0; margin: 0.5rem 0; }
  .files li { display: flex; gap: 1rem; align-items: baseline; padding: 0.25rem 0; border-bottom: 1px solid #d8dde0; }
  dl.review { display: grid; grid-template-columns: minmax(8rem, 1fr) 2fr auto; gap: 0.5rem 1rem; margin: 0 0 1.5rem; }
  dl.review dt { font-weight: 700; }
  dl.review dd { margin: 0; white-space: pre-wrap; }
  table.fees { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
  table.fees th, table.fees td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
  table.fees td.amount, table.fees th.amount { text-align: right; white-space: nowrap; }
  .receipt { border: 4px solid var(--thutuc-color-success, #00703c); padding: 1.5rem; }
  .receipt .code { font-size: 1.75rem; font-weight: 700; letter-spacing: 0.02em; }
  .item { border: 1px solid #b1b4b6; padding: 1rem; margin-bottom: 1rem; }
  .part { margin-bottom: 1rem; }
  .combobox { position: relative; max-width: 30rem; }
  .listbox {
    list-style: none; margin: 0; padding: 0; max-height: 16rem; overflow-y: auto; background: #fff;
    border: 2px solid var(--thutuc-color-border, #505a5f); border-top: 0;
  }
  .listbox [role='option'] { padding: 0.4rem 0.5rem; cursor: pointer; }
  .listbox [role='option'].chosen { font-weight: 700; }
  .listbox [role='option'][aria-selected='true'] { background: var(--thutuc-color-primary, #005ea5); color: var(--thutuc-color-on-primary, #ffffff); }
  input:disabled { background: #f3f2f1; cursor: not-allowed; }
`;
