import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves one folder on loopback as any static host would (GET only, nothing outside the
 * folder) and records every request with its status, so a test can tell what a page loaded.
 */
export async function serveFolder(folder: string) {
  const requested: { path: string; status: number }[] = [];
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(folder, pathname);
    let status = 404;
    if (req.method === 'GET' && file.startsWith(folder + path.sep)) {
      try {
        const body = await readFile(file);
        status = 200;
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        // Missing or a folder: answered 404 below.
      }
    }
    if (status !== 200) res.writeHead(404).end();
    requested.push({ path: pathname, status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requested, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
