// @thutuc/desk — importing this module registers <thutuc-desk> and its pages.
import { ThutucDesk } from './desk.component.js';
import { ThutucDeskDossier } from './dossier.component.js';
import { ThutucDeskInbox } from './inbox.component.js';
import { ThutucDeskRegister } from './register/register.component.js';
import { ThutucDeskResult } from './result.component.js';
import { ThutucDeskStats } from './stats/stats.component.js';

export { ThutucDesk, ThutucDeskInbox, ThutucDeskDossier, ThutucDeskResult, ThutucDeskStats, ThutucDeskRegister };
export { DeskApi, ApiError } from './api.js';
export type { DossierDetail, InboxPage, InboxRow, Officer, Session } from './api.js';
export { strings, type Lang } from './i18n.js';

// Registering twice (two copies of the script on a page) must not throw.
const define = (name: string, element: CustomElementConstructor) => customElements.get(name) ?? customElements.define(name, element);
define('thutuc-desk', ThutucDesk);
define('thutuc-desk-inbox', ThutucDeskInbox);
define('thutuc-desk-dossier', ThutucDeskDossier);
define('thutuc-desk-result', ThutucDeskResult);
define('thutuc-desk-stats', ThutucDeskStats);
define('thutuc-desk-register', ThutucDeskRegister);

declare global {
  interface HTMLElementTagNameMap {
    'thutuc-desk': ThutucDesk;
    'thutuc-desk-inbox': ThutucDeskInbox;
    'thutuc-desk-dossier': ThutucDeskDossier;
    'thutuc-desk-result': ThutucDeskResult;
    'thutuc-desk-stats': ThutucDeskStats;
    'thutuc-desk-register': ThutucDeskRegister;
  }
}
