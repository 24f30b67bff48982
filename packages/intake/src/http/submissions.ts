import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import type { PaperSubmission } from '@thutuc/papers';
import type { ProcedureModule } from '../catalogue.js';
import { validateEnvelope } from '../generated/envelope-validator.js';
import { buildReceipt, publicReceipt } from '../receipt.js';
import type { StagedBlob } from '../store/blobs.js';
import { insertDossier, type FileRecord } from '../store/dossiers.js';
import { receiptMessages } from '../notify/messages.js';
import type { IntakeContext } from './context.js';
import { checkDeclaredFiles, type DeclaredFile } from './file-checks.js';
import { nextPart, readJsonPart, receiveFiles } from './file-parts.js';
import { procedureForEnvelope } from './procedure-version.js';
import { IntakeRefusal, PROBLEM_SCHEMA, refuse } from './reasons.js';

const KEY = /^[A-Za-z0-9-]{8,80}$/;

interface Envelope {
  procedure: { id: string; version: string };
  case?: string;
  channel: string;
  delivery?: string;
  data: Record<string, unknown>;
  documents: Record<string, DeclaredFile[]>;
  lang?: 'vi' | 'en';
  clientTime: string;
  startedAt?: string;
  idempotencyKey: string;
}

const RECEIPT_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  required: ['dossierCode', 'receivedAt'],
  properties: {
    dossierCode: { type: 'string' },
    receivedAt: { type: 'string' },
    appointmentDate: { type: 'string' },
    lookupSecret: { type: 'string', description: 'Mã tra cứu, chỉ trả về khi nộp / lookup secret, only given on submit' },
  },
} as const;

/**
 * POST /api/submissions: the envelope part first, then one part per declared file. The
 * envelope is checked (schema, Idempotency-Key, procedure and version, the procedure's own
 * compiled validator, the declared files against the upload limits) before any file byte is
 * read; each file is then streamed to the blob store's staging area, hashed on the way, and
 * compared with its declaration. Only when every file is in place is the dossier written.
 */
export function registerSubmissions(app: FastifyInstance, ctx: IntakeContext): void {
  app.post(
    '/api/submissions',
    {
      schema: {
        summary: 'Nộp hồ sơ / Submit a dossier',
        description: 'multipart/form-data: phần `envelope` (schemas/submission.schema.json) rồi mỗi tệp một phần `documents/<mã giấy tờ>/<thứ tự>`. / The `envelope` part, then one part per file.',
        consumes: ['multipart/form-data'],
        headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', description: '8–80 ký tự / characters [A-Za-z0-9-]' } } },
        response: { 200: RECEIPT_SCHEMA, 201: RECEIPT_SCHEMA, '4xx': PROBLEM_SCHEMA },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !KEY.test(key)) throw refuse('idempotency-key');
      if (!req.isMultipart()) throw refuse('not-multipart');
      const declaredLength = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declaredLength) && declaredLength > ctx.limits.maxBodyBytes) throw refuse('body-too-large');
      const staged: StagedBlob[] = [];
      try {
        const result = await receive(req, key, ctx, staged);
        reply.code(result.status);
        return result.body;
      } finally {
        // Committed blobs have left staging; whatever is still staged is thrown away.
        await Promise.all(staged.map((b) => ctx.blobs.discard(b)));
      }
    },
  );
}

async function receive(req: FastifyRequest, key: string, ctx: IntakeContext, staged: StagedBlob[]): Promise<{ status: number; body: Record<string, unknown> }> {
  const parts = req.parts({ limits: { fileSize: ctx.catalogue.maxFileBytes, files: ctx.limits.maxFiles + 1, fields: 1, fieldSize: ctx.limits.maxEnvelopeBytes, parts: ctx.limits.maxFiles + 2 } });
  const iterator = parts[Symbol.asyncIterator]();
  const first = await nextPart(iterator);
  if (!first || first.fieldname !== 'envelope') throw refuse('envelope-missing');
  const envelope = await readEnvelope(first, ctx.limits.maxEnvelopeBytes);
  if (envelope.idempotencyKey !== key) throw refuse('idempotency-mismatch');
  const { clientTime: _clientTime, ...stable } = envelope;
  const fingerprint = createHash('sha256').update(JSON.stringify(stable)).digest('hex');

  const procedure = await procedureForEnvelope(ctx, envelope);
  const payload = payloadOf(envelope);
  const expected = checkDeclaredFiles(envelope.documents, procedure.rules.documents, ctx.limits.maxFiles, ctx.limits.maxBodyBytes);
  validatePayload(procedure, payload);

  const received = await receiveFiles(iterator, expected, ctx, staged);
  const files: FileRecord[] = [...expected].map(([, s]) => ({ documentId: s.documentId, index: s.index, name: s.meta.name, type: s.meta.type, size: s.meta.size, sha256: s.meta.sha256 }));
  const now = ctx.now();
  const draft = buildReceipt(ctx.catalogue, procedure, payload, files, 'PENDING', now);
  if (!draft.ok) throw refuse('invalid-payload', { errors: [{ path: '/', rule: 'receipt', message: draft.error }] });
  // Files first, durably; the dossier row that names them comes after.
  for (const blob of received.values()) await ctx.blobs.commit(blob);
  staged.length = 0;

  const contact = contactOf(procedure, envelope.data);
  const lang = envelope.lang === 'en' ? 'en' : 'vi';
  const outcome = await insertDossier(ctx.db, {
    agencyCode: ctx.catalogue.agencyCodeOf(procedure), codeFormat: ctx.codeFormat, submittedAt: now, idempotencyKey: key, fingerprint,
    procedureId: procedure.id, procedureVersion: procedure.version, channel: payload.channel, lang, envelope: envelope as unknown as Record<string, unknown>, files, contact,
    ...(contact.phone ? { phoneLast4: contact.phone.replace(/\D/g, '').slice(-4) } : {}),
    describe(code) {
      const receipt = { ...draft.receipt, dossierCode: code, paper: { ...draft.receipt.paper, dossierCode: code } };
      return { receipt: receipt as unknown as Record<string, unknown>, state: { ...draft.state, code }, ...(receipt.appointmentDate ? { appointmentAt: receipt.appointmentDate } : {}) };
    },
    notify: (code) => receiptMessages(contact, lang, { code, title: procedure.definition.title, appointment: draft.receipt.appointmentDate }),
  });
  if (!outcome.created && !outcome.sameBody) throw refuse('idempotency-reused');
  const body = { ...publicReceipt(outcome.receipt), ...(outcome.lookupSecret ? { lookupSecret: outcome.lookupSecret } : {}) };
  return { status: outcome.created ? 201 : 200, body };
}

async function readEnvelope(part: Multipart, max: number): Promise<Envelope> {
  const envelope = await readJsonPart(part, max);
  if (!validateEnvelope(envelope)) {
    const errors = (validateEnvelope.errors ?? []).map((e) => ({ path: e.instancePath || '/', rule: e.keyword, message: { vi: `Sai cấu trúc (${e.keyword})`, en: `Invalid structure (${e.keyword})` } }));
    throw refuse('envelope-malformed', { errors });
  }
  return envelope as Envelope;
}

function payloadOf(e: Envelope): PaperSubmission & { channel: string } {
  return { ...(e.case !== undefined ? { case: e.case } : {}), channel: e.channel, ...(e.delivery !== undefined ? { delivery: e.delivery } : {}), data: e.data, documents: e.documents } as PaperSubmission & { channel: string };
}

/** The procedure's compiled validator, and for a liên thông bundle each member's too. */
function validatePayload(procedure: ProcedureModule, payload: unknown): void {
  const verdict = procedure.validate(payload);
  if (!verdict.valid) throw refuse('invalid-payload', { errors: verdict.errors });
  if (procedure.split && procedure.members) {
    const errors: unknown[] = [];
    procedure.split(payload).forEach((part, i) => {
      const result = procedure.members![i]!.module.validate(part.payload);
      for (const e of result.errors) errors.push({ ...e, path: `/members/${part.procedure.id}${e.path}` });
    });
    if (errors.length) throw refuse('invalid-bundle', { errors });
  }
}

/** Where to send notices: the form's first e-mail and phone fields, when filled. */
function contactOf(procedure: ProcedureModule, data: Record<string, unknown>): { email?: string; phone?: string } {
  const pick = (type: string) => {
    const field = procedure.rules.fields.find((f) => f.type === type && typeof data[f.id] === 'string' && (data[f.id] as string).trim());
    return field ? (data[field.id] as string).trim() : undefined;
  };
  const email = pick('email');
  const phone = pick('phone');
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

export { IntakeRefusal };
