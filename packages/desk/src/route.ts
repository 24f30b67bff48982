/**
 * The desk's pages live in the URL's fragment, so one static index.html serves them all,
 * the back button works, and a dossier's address can be shared with a colleague:
 *
 *   #/                      the inbox (filters as a query: #/?status=4&q=lan&page=2)
 *   #/dossiers/<code>       one dossier
 *   #/stats                 the agency's statistics (period as a query: #/stats?from=2026-04-01&to=2026-04-30)
 *   #/register              the register, Mẫu 07 (period as a query, as for the statistics)
 */
export type Route =
  | { page: 'inbox'; query: URLSearchParams }
  | { page: 'dossier'; code: string }
  | { page: 'stats'; query: URLSearchParams }
  | { page: 'register'; query: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  if (path === '/stats') return { page: 'stats', query: new URLSearchParams(query) };
  if (path === '/register') return { page: 'register', query: new URLSearchParams(query) };
  const dossier = /^\/dossiers\/([^/]+)$/.exec(path);
  if (dossier) {
    try {
      return { page: 'dossier', code: decodeURIComponent(dossier[1]!) };
    } catch {
      // A malformed escape falls through to the inbox.
    }
  }
  return { page: 'inbox', query: new URLSearchParams(query) };
}

export function inboxHref(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `#/?${text}` : '#/';
}

export function dossierHref(code: string): string {
  return `#/dossiers/${encodeURIComponent(code)}`;
}
