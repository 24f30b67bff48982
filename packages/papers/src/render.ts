import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { apologyContext } from './apology.js';
import { controlContext, type ControlEntry } from './control.js';
import { declarationOf } from './declaration.js';
import type { PaperDossier, PaperKind, PaperOptions } from './model.js';
import { qrSvg } from './qr.js';
import { receiptContext } from './receipt.js';
import { refusalContext } from './refusal.js';
import { registerContext, type RegisterOptions, type RegisterRow } from './register.js';
import { stopContext } from './stop.js';
import { supplementContext } from './supplement.js';

/**
 * Papers are HTML built from what applicants typed, so this handlebars instance is not the
 * code generator's (which has escaping off): escaping is on, a missing field is an error
 * rather than a silent blank (`strict`), and templates may call only the helpers below.
 * Templates never use triple braces; a test checks that.
 */
const DIR = new URL('../templates/', import.meta.url);
const PARTIALS = { head: 'partials/head.hbs', letterhead: 'partials/letterhead.hbs', applicant: 'partials/applicant.hbs', 'print-css': 'print.css' };
const OPTIONS = { strict: true, knownHelpersOnly: true, knownHelpers: { fill: true, qr: true, log: false, lookup: false }, preventIndent: true } as const;

/** The dotted line a paper form leaves for what is not known. */
export const BLANK = '…';

const hbs = Handlebars.create();
hbs.unregisterHelper('log');
hbs.unregisterHelper('lookup');
/**
 * `{{fill value}}` / `{{fill value 30}}`: the value (escaped like any other), or a dotted gap
 * of that many dots (default 20). Only the gap, a constant, is marked safe: it is a span so
 * that gaps stay light inside bold values.
 */
hbs.registerHelper('fill', (value: unknown, width: unknown) => {
  if (value !== null && value !== undefined && value !== '') return String(value);
  const dots = BLANK.repeat(typeof width === 'number' && width > 0 ? Math.min(width, 200) : 20);
  return new hbs.SafeString(`<span class="blank">${dots}</span>`);
});

/**
 * `{{qr link}}`: the link as an inline SVG QR code. Marked safe because `qrSvg` writes only
 * numbers into the markup; the link's text never appears in it.
 */
hbs.registerHelper('qr', (value: unknown) => new hbs.SafeString(qrSvg(String(value))));

const read = (file: string) => readFileSync(fileURLToPath(new URL(file, DIR)), 'utf8');
let partialsReady = false;
const cache = new Map<string, Handlebars.TemplateDelegate>();

function template(name: string): Handlebars.TemplateDelegate {
  if (!partialsReady) {
    for (const [partial, file] of Object.entries(PARTIALS)) hbs.registerPartial(partial, hbs.compile(read(file), OPTIONS));
    partialsReady = true;
  }
  let t = cache.get(name);
  if (!t) {
    t = hbs.compile(read(`${name}.hbs`), OPTIONS);
    cache.set(name, t);
  }
  return t;
}

export type RenderResult = { ok: true; html: string } | { ok: false; error: { vi: string; en: string } };

/** A paper of the dossier as a standalone, printable HTML document. */
export function renderPaper(kind: PaperKind, dossier: PaperDossier, options: PaperOptions = {}): RenderResult {
  switch (kind) {
    case 'receipt':
      return { ok: true, html: template('receipt')(receiptContext(dossier, options)) };
    case 'supplement':
      return { ok: true, html: template('supplement')(supplementContext(dossier, options)) };
    case 'refusal':
      return { ok: true, html: template('refusal')(refusalContext(dossier, options)) };
    case 'apology':
      return { ok: true, html: template('apology')(apologyContext(dossier, options)) };
    case 'stop':
      return { ok: true, html: template('stop')(stopContext(dossier, options)) };
    case 'declaration': {
      const form = declarationOf(dossier);
      if (!form) {
        const p = dossier.procedure;
        return { ok: false, error: { vi: `Chưa có mẫu tờ khai in được cho thủ tục ${p.id} (${p.code}).`, en: `There is no printable declaration form for procedure ${p.id} (${p.code}) yet.` } };
      }
      return { ok: true, html: template(form.template)(form.build(dossier)) };
    }
    default:
      return { ok: false, error: { vi: `Không có loại giấy "${String(kind)}".`, en: `Unknown paper "${String(kind)}".` } };
  }
}

/** Mẫu 06 of the dossier, one row per entry of its history (see `ControlEntry`). */
export function renderControlSheet(dossier: PaperDossier, entries: readonly ControlEntry[], options: PaperOptions = {}): string {
  return template('control')(controlContext(dossier, entries, options));
}

/** A page of Mẫu 07, the register of a period. */
export function renderRegister(rows: readonly RegisterRow[], options: RegisterOptions): string {
  return template('register')(registerContext(rows, options));
}
