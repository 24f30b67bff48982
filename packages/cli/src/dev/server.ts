import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevSession, type PreviewState } from './session.js';

/** The page's own files (no inline code: the page runs under the policy below). */
const PAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dev-page');
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/preview.js': { file: 'preview.js', type: 'text/javascript; charset=utf-8' },
  '/preview.css': { file: 'preview.css', type: 'text/css; charset=utf-8' },
};

/** Only this origin, no inline script or style, no eval: live reload comes through EventSource. */
export const DEV_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Edits arrive as bursts of events (an editor writes, renames, touches); one rebuild per burst. */
const SETTLE_MS = 25;

export interface DevServerOptions {
  folders: readonly string[];
  cwd: string;
  /** The date the sample dossier is received on (deadlines), `YYYY-MM-DD`. */
  sampleDate: string;
  port?: number;
  host?: string;
  /** Told after every rebuild (the command prints a line). */
  onBuild?(state: PreviewState): void;
}

export interface DevServer {
  url: string;
  session: DevSession;
  close(): Promise<void>;
}

/**
 * `thutuc dev`: builds the preview, serves the page, watches the catalogue folders and, after
 * each rebuild, tells every open page through Server-Sent Events to fetch the new state.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  const announce = (state: PreviewState) => {
    options.onBuild?.(state);
    for (const client of clients) client.write(`event: build\ndata: ${state.generation}\n\n`);
  };
  const session = new DevSession(options.folders, options.cwd, options.sampleDate, announce);
  await session.rebuild();

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = { 'Content-Security-Policy': DEV_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    if (pathname === '/events') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(`retry: 500\nevent: build\ndata: ${session.state.generation}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (pathname === '/state.json') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(session.state));
      return;
    }
    const asset = ASSETS[pathname];
    if (!asset) {
      res.writeHead(404, headers).end();
      return;
    }
    readFile(path.join(PAGE_DIR, asset.file)).then(
      (body) => res.writeHead(200, { ...headers, 'Content-Type': asset.type }).end(body),
      () => res.writeHead(500, headers).end(),
    );
  });

  const watchers = watchFolders(options.folders.map((f) => path.resolve(options.cwd, f)), () => void session.rebuild());
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    session,
    async close() {
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function watchFolders(folders: readonly string[], changed: () => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  };
  return folders.map((folder) => watch(folder, { recursive: true }, settle).on('error', () => {
    // A folder removed while watched: the next rebuild reports the missing files.
  }));
}
