// What dist/thutuc.js and thutuc.iife.js carry: <thutuc-form> alone, so a form page does not
// download the status page's code (thutuc-status.js carries <thutuc-status>).
export { ThutucForm } from './thutuc-form.js';
export { loadStrings, strings } from './i18n.js';
