import { parentPort } from 'node:worker_threads';
import { analyzeSource, type Diagnostic, type Procedure, type ValidatedDocument } from '@thutuc/core';
import { emitProcedure } from './emit/procedure.js';

/**
 * A build worker: the CPU-heavy, per-file stages (decode → parse → validate, and emit) for
 * large catalogues, so a build uses every core. Messages carry plain data only.
 */
export type WorkerTask =
  | { id: number; type: 'analyze'; file: string; bytes: Uint8Array }
  | { id: number; type: 'emit'; procedure: Procedure; source: string; dir: string; conditions: Record<string, string>; typeAccept: [string, string[]][] };

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
      const files = await emitProcedure(task.procedure, { source: task.source, dir: task.dir, conditions: task.conditions, typeAccept: new Map(task.typeAccept) });
      parentPort!.postMessage({ id: task.id, type: 'emit', files: [...files] } satisfies WorkerReply);
    }
  } catch (error) {
    parentPort!.postMessage({ id: task.id, type: 'error', message: (error as Error).message } satisfies WorkerReply);
  }
});
