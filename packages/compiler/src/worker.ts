import { parentPort } from 'node:worker_threads';
import { analyzeSource, type Diagnostic, type Procedure, type ValidatedDocument } from '@thutuc/core';
import { EmitCache, type EmitCacheLocation } from './emit-cache.js';
import { produceProcedure } from './produce.js';

/**
 * A build worker: the CPU-heavy, per-file stages (decode → parse → validate, and emit with
 * the emit cache and the writing of the files) for large catalogues, so a build uses every
 * core and the main thread stays free. Messages carry plain data only.
 */
export type WorkerTask =
  | { id: number; type: 'analyze'; file: string; bytes: Uint8Array }
  | {
      id: number;
      type: 'emit';
      procedure: Procedure;
      source: string;
      dir: string;
      conditions: Record<string, string>;
      typeAccept: [string, string[]][];
      /** The emit cache to look in first and to fill. */
      cache?: EmitCacheLocation;
      /** A staging folder to write the files into (a first build). */
      stage?: string;
    };

export type WorkerReply =
  | { id: number; type: 'analyze'; text?: string; value?: unknown; kind?: ValidatedDocument['kind']; diagnostics: Diagnostic[] }
  | { id: number; type: 'emit'; files: [string, string][] }
  | { id: number; type: 'error'; message: string };

parentPort?.on('message', async (task: WorkerTask) => {
  try {
    if (task.type === 'analyze') {
      const result = analyzeSource({ file: task.file, bytes: task.bytes });
      const reply: WorkerReply = {
        id: task.id,
        type: 'analyze',
        ...(result.text !== undefined ? { text: result.text } : {}),
        ...(result.parsed?.value !== undefined ? { value: result.parsed.value } : {}),
        ...(result.document ? { kind: result.document.kind } : {}),
        diagnostics: result.diagnostics,
      };
      parentPort!.postMessage(reply);
    } else {
      const ctx = { source: task.source, dir: task.dir, conditions: task.conditions, typeAccept: new Map(task.typeAccept) };
      const files = await produceProcedure(task.procedure, ctx, { cache: task.cache && EmitCache.at(task.cache), stage: task.stage });
      parentPort!.postMessage({ id: task.id, type: 'emit', files: [...files] } satisfies WorkerReply);
    }
  } catch (error) {
    parentPort!.postMessage({ id: task.id, type: 'error', message: (error as Error).message } satisfies WorkerReply);
  }
});
