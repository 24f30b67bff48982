import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DESK_APP_URL } from '@thutuc/desk/folder';
import { sendFromMounts } from './static-site.js';

/**
 * The desk's pages allow only this origin's scripts and styles: no inline code, no eval, no
 * framing (the desk holds an officer's session; another site must not frame it to click for them).
 */
export const DESK_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Serves @thutuc/desk's built folder under /desk/ with the strict policy above. */
export function registerDeskApp(app: FastifyInstance, dir = fileURLToPath(DESK_APP_URL)): void {
  const mounts = [{ prefix: '/desk/', dir: path.resolve(dir) }];
  const headers = { 'Content-Security-Policy': DESK_CSP, 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' };
  app.get('/desk', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/desk/'));
  app.get('/desk/*', { schema: { hide: true } }, async (req, reply) => {
    const pathname = (req.raw.url ?? '/desk/').split('?')[0]!;
    if (await sendFromMounts(reply, mounts, pathname, headers)) return reply;
    return reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy / Not found (npm run build bundles the desk)');
  });
}
