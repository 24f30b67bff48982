import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** A folder served under a URL prefix; `headers` adds headers to some paths (e.g. a CSP). */
export interface SiteOptions {
  mounts: { prefix: string; dir: string }[];
  headers?(pathname: string): Record<string, string>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/**
 * Sends the file `wanted` names under one of the mounts, or answers false. Paths are resolved
 * and must stay inside their folder, so `..` in any spelling reaches nothing else.
 */
export async function sendFromMounts(reply: FastifyReply, mounts: readonly { prefix: string; dir: string }[], wanted: string, headers: Record<string, string> = {}): Promise<boolean> {
  for (const { prefix, dir } of mounts) {
    if (!wanted.startsWith(prefix)) continue;
    let rel: string;
    try {
      rel = decodeURIComponent(wanted.slice(prefix.length));
    } catch {
      return false;
    }
    const file = path.resolve(dir, rel || 'index.html');
    if (file !== dir && !file.startsWith(dir + path.sep)) return false;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    reply.headers({
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size,
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...headers,
    });
    await reply.send(createReadStream(file));
    return true;
  }
  return false;
}

/** Serves the agency site next to the API (the example pages, the script bundles and the browser catalogue). */
export function registerSite(app: FastifyInstance, site: SiteOptions): void {
  const mounts = site.mounts.map((m) => ({ prefix: m.prefix, dir: path.resolve(m.dir) }));
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const pathname = (req.raw.url ?? '/').split('?')[0]!;
    const wanted = pathname === '/' ? '/index.html' : pathname;
    if (await sendFromMounts(reply, mounts, wanted, site.headers?.(wanted) ?? {})) return reply;
    return reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy / Not found');
  });
}
