import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** An LSP diagnostic, completion item and hover as yaml-language-server sends them (the parts tests read). */
export interface LspDiagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number } };
}
export interface LspCompletionItem {
  label: string;
  kind?: number;
  insertText?: string;
  textEdit?: { newText: string; range?: LspRange; insert?: LspRange; replace?: LspRange };
  documentation?: string | { kind: string; value: string };
}
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * A minimal LSP client that drives the real yaml-language-server (the engine of VS Code's YAML
 * extension) over stdio with JSON-RPC framed by Content-Length headers. `settings` answers the
 * server's `workspace/configuration` requests, as an editor does.
 */
export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnosticWaiters = new Map<string, ((diagnostics: LspDiagnostic[]) => void)[]>();
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];

  constructor(private readonly settings: Record<string, unknown>) {
    const require = createRequire(import.meta.url);
    const bin = path.join(path.dirname(require.resolve('yaml-language-server/package.json')), 'bin/yaml-language-server');
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  async start(rootUri: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
      initializationOptions: {},
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /** Opens (or, when already open, replaces) a document and resolves with the diagnostics the server publishes for it. */
  publish(uri: string, text: string): Promise<LspDiagnostic[]> {
    const published = new Promise<LspDiagnostic[]>((resolve) => {
      this.diagnosticWaiters.set(uri, [...(this.diagnosticWaiters.get(uri) ?? []), resolve]);
    });
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    if (version === 1) this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
    this.versions.delete(uri);
  }

  async completion(uri: string, line: number, character: number): Promise<LspCompletionItem[]> {
    const result = (await this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as
      | { items: LspCompletionItem[] }
      | LspCompletionItem[]
      | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async hover(uri: string, line: number, character: number): Promise<string> {
    const result = (await this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } | string } | null;
    if (!result) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    this.child.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const answered = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return answered;
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } });
    }
  }

  private dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method && message.id !== undefined) {
      // A request from the server: settings for each asked section, nothing for the rest.
      const result =
        message.method === 'workspace/configuration'
          ? (message.params as { items: { section?: string }[] }).items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings))
          : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      const waiters = this.diagnosticWaiters.get(uri);
      waiters?.shift()?.(diagnostics);
      return;
    }
    if (message.id !== undefined && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message));
      else resolve(message.result);
    }
  }
}

/** What an editor inserts when the user accepts every placeholder's default: `${1:x}` → x, `${2|a,b|}` → a, `$0` → nothing. */
export function expandSnippet(text: string): string {
  return text
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
