import { analyzeCatalogue, loadInputs, type AnalysisCache } from '@thutuc/compiler';
import { codeFrame, hasErrors, type Diagnostic } from '@thutuc/core';
import { createWorkingCalendar, type LocalizedText } from '@thutuc/runtime';
import { previewProcedure, type ProcedurePreview } from './preview.js';

/** A diagnostic as the page prints it: where, what, and the lines around it. */
export interface PreviewDiagnostic {
  where: string;
  severity: Diagnostic['severity'];
  code: string;
  message: LocalizedText;
  frame?: string;
}

/** What the page fetches after every rebuild. */
export interface PreviewState {
  /** Counts rebuilds; the page ignores an answer older than the one it shows. */
  generation: number;
  /** The catalogue as it is on disk has no error. */
  ok: boolean;
  /** The procedures shown: this build's, or the last good build's while the files have errors. */
  procedures: ProcedurePreview[];
  /** When `procedures` come from an earlier build (the files have errors now). */
  stale: boolean;
  diagnostics: PreviewDiagnostic[];
  sampleDate: string;
  /** Milliseconds the last rebuild took (read, check, preview). */
  buildMs: number;
}

/**
 * The preview's build loop: re-reads the catalogue folders, re-analyses only the files whose
 * bytes changed (the analysis cache) and turns every procedure into its preview. A build with
 * errors keeps the last good procedures and adds the diagnostics, so the page never goes blank
 * while a file is half-edited.
 */
export class DevSession {
  readonly #folders: readonly string[];
  readonly #cwd: string;
  readonly #cache: AnalysisCache = new Map();
  #state: PreviewState;
  #running: Promise<PreviewState> | undefined;
  #again = false;
  readonly #onBuilt: (state: PreviewState) => void;

  /** `onBuilt` hears of every build, including the one a call during a build asked for. */
  constructor(folders: readonly string[], cwd: string, sampleDate: string, onBuilt: (state: PreviewState) => void = () => {}) {
    this.#folders = folders;
    this.#cwd = cwd;
    this.#onBuilt = onBuilt;
    this.#state = { generation: 0, ok: false, procedures: [], stale: false, diagnostics: [], sampleDate, buildMs: 0 };
  }

  get state(): PreviewState {
    return this.#state;
  }

  /** Rebuilds; a call while a build runs makes one more build after it, never two at once. */
  rebuild(): Promise<PreviewState> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#build().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        void this.rebuild();
      }
    });
    return this.#running;
  }

  async #build(): Promise<PreviewState> {
    const started = performance.now();
    const loaded = await loadInputs(this.#folders, this.#cwd);
    const edited = new Set(loaded.inputs.filter((i) => !sameBytes(this.#cache.get(i.file)?.bytes, i.bytes)).map((i) => i.file));
    const analysis = await analyzeCatalogue(loaded.inputs, { cache: this.#cache });
    const all = [...loaded.diagnostics, ...analysis.diagnostics];
    const ok = !hasErrors(all);
    const previous = this.#state;
    let procedures = previous.procedures;
    if (ok) {
      const calendar = createWorkingCalendar(analysis.checked.files.holidays.map((d) => d.value));
      procedures = analysis.checked.files.procedures.map((d) => previewProcedure(d.value, d.source.file, calendar, previous.sampleDate));
    }
    const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
    // The file just saved first: a broken procedure also breaks the bundles that name it.
    const shown = all.filter((d) => d.severity === 'error' || ok);
    const diagnostics = [...shown.filter((d) => edited.has(d.file)), ...shown.filter((d) => !edited.has(d.file))].map((d) => pageDiagnostic(d, texts.get(d.file)));
    this.#state = {
      generation: previous.generation + 1,
      ok,
      procedures,
      stale: !ok && previous.procedures.length > 0,
      diagnostics,
      sampleDate: previous.sampleDate,
      buildMs: Math.round(performance.now() - started),
    };
    this.#onBuilt(this.#state);
    return this.#state;
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.compare(a, b) === 0;
}

function pageDiagnostic(d: Diagnostic, source: string | undefined): PreviewDiagnostic {
  const frame = source !== undefined && d.line ? codeFrame(source, d.line, d.column ?? 1) : undefined;
  return {
    where: d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(frame ? { frame } : {}),
  };
}
