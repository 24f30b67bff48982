/**
 * Where the built desk lives (index.html, desk.js, desk.css), for servers that serve it:
 * `fileURLToPath(DESK_APP_URL)` in Node.
 */
export const DESK_APP_URL: URL = new URL('./app/', import.meta.url);
