import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

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
 * Serves the agency site next to the API (the example pages, the script bundles and the
 * browser catalogue). Paths are resolved and must stay inside their folder, so `..` in any
 * spelling reaches nothing else.
 */
export function registerSite(app: FastifyInstance, site: SiteOptions): void {
  const mounts = site.mounts.map((m) => ({ prefix: m.prefix, dir: path.resolve(m.dir) }));
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const raw = req.raw.url ?? '/';
    const pathname = raw.split('?')[0]!;
    const wanted = pathname === '/' ? '/index.html' : pathname;
    for (const { prefix, dir } of mounts) {
      if (!wanted.startsWith(prefix)) continue;
      let rel: string;
      try {
        rel = decodeURIComponent(wanted.slice(prefix.length));
      } catch {
        break;
      }
      const file = path.resolve(dir, rel || 'index.html');
      if (file !== dir && !file.startsWith(dir + path.sep)) break;
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) continue;
      reply.headers({
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size,
        'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...(site.headers?.(wanted) ?? {}),
      });
      return reply.send(createReadStream(file));
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy / Not found');
  });
}
