import type { FastifyInstance } from 'fastify';
import { ACTOR_OF } from '../officers/accounts.js';
import { requireOfficer } from '../officers/sessions.js';
import { DELIVERY_METHODS, deliveryRefusal, type DeliveryRecord } from '../result-delivery.js';
import { BlobTooLargeError, type StagedBlob } from '../store/blobs.js';
import { deliveryFacts, latestDelivery, latestResult } from '../store/results.js';
import { APPLICANT_KEY_PROPERTIES, authenticateApplicant } from './applicant-auth.js';
import type { IntakeContext } from './context.js';
import { contentFitsType, isSafeFileName } from './file-checks.js';
import { PROBLEM_SCHEMA, refuse } from './reasons.js';

const ERRORS = { '4xx': PROBLEM_SCHEMA } as const;
const CODE_PARAM = { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 60 } } } as const;
/** What an electronic result may be: a (signed) PDF, an XML data file, or a scan. */
export const RESULT_TYPES = ['application/pdf', 'application/xml', 'text/xml', 'image/jpeg', 'image/png'] as const;
/** Results are recorded while the dossier is being processed or signed off, not after return. */
const RECORDABLE = ['processing', 'processed'];
const SHORT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

const DELIVERY_BODY = {
  type: 'object',
  required: ['method'],
  additionalProperties: false,
  properties: {
    method: { enum: [...DELIVERY_METHODS] },
    carrier: SHORT(120),
    tracking: { type: 'string', minLength: 1, maxLength: 60, pattern: '^[0-9A-Za-z.\\-/ ]+$' },
    place: SHORT(300),
    appointment: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(\\+07:00)?$', description: 'Giờ Việt Nam / Vietnam time' },
  },
} as const;

/**
 * Result delivery (issue 10 item 4): an officer uploads the electronic result and records how
 * the result goes to the applicant — online, by post (carrier and tracking number) or in
 * person (place and appointment) — as the applicant chose on the form; the applicant downloads
 * the electronic result with the dossier code and lookup secret, which travel in the body,
 * never in a URL.
 */
export function registerResults(app: FastifyInstance, ctx: IntakeContext): void {
  const ownOpenDossier = async (agency: string, code: string) => {
    const row = await ctx.db.selectFrom('dossiers').select(['id', 'procedure_id', 'procedure_version', 'status', 'envelope']).where('code', '=', code).where('agency_code', '=', agency).executeTakeFirst();
    if (!row) throw refuse('other-agency');
    if (!RECORDABLE.includes(row.status)) throw refuse('action-refused');
    return row;
  };
  const actingOfficer = async (req: Parameters<typeof requireOfficer>[1]) => {
    const { officer } = await requireOfficer(ctx.db, req);
    if (!officer.roles.some((r) => ACTOR_OF[r])) throw refuse('forbidden');
    return officer;
  };

  app.post<{ Params: { code: string } }>(
    '/api/officer/dossiers/:code/result',
    { schema: { summary: 'Tải lên kết quả điện tử / Upload the electronic result', description: 'multipart/form-data, one file part named `result`', consumes: ['multipart/form-data'], params: CODE_PARAM, response: ERRORS } },
    async (req, reply) => {
      const officer = await actingOfficer(req);
      const row = await ownOpenDossier(officer.agencyCode, req.params.code);
      if (!req.isMultipart()) throw refuse('not-multipart');
      const part = await req.file({ limits: { files: 1, fields: 0 } });
      if (!part || part.fieldname !== 'result') throw refuse('file-missing');
      if (!isSafeFileName(part.filename)) throw refuse('bad-file-name', {}, JSON.stringify(part.filename));
      if (!(RESULT_TYPES as readonly string[]).includes(part.mimetype)) throw refuse('file-type', { accept: RESULT_TYPES }, part.filename);
      let blob: StagedBlob | undefined;
      try {
        blob = await ctx.blobs.stage(part.file, { maxBytes: ctx.catalogue.maxFileBytes });
        if (part.file.truncated) throw refuse('file-too-large', {}, part.filename);
        if (!contentFitsType(blob.head, part.mimetype)) throw refuse('file-type', {}, part.filename);
        await ctx.blobs.commit(blob);
        const committed = blob;
        blob = undefined;
        await ctx.db.insertInto('dossier_results').values({ dossier_id: row.id, name: part.filename, type: part.mimetype, size: committed.size, sha256: committed.sha256, officer_id: officer.username, created_at: ctx.now() }).execute();
        reply.code(201);
        return { name: part.filename, type: part.mimetype, size: committed.size, sha256: committed.sha256 };
      } catch (error) {
        if (error instanceof BlobTooLargeError) throw refuse('file-too-large', {}, part.filename);
        throw error;
      } finally {
        if (blob) await ctx.blobs.discard(blob);
      }
    },
  );

  app.post<{ Params: { code: string }; Body: DeliveryRecord }>(
    '/api/officer/dossiers/:code/delivery',
    { schema: { summary: 'Ghi nhận hình thức trả kết quả / Record how the result is delivered', params: CODE_PARAM, body: DELIVERY_BODY, response: ERRORS } },
    async (req) => {
      const officer = await actingOfficer(req);
      const row = await ownOpenDossier(officer.agencyCode, req.params.code);
      const input = req.body;
      const refusal = deliveryRefusal(input, await deliveryFacts(ctx.db, ctx.catalogue, row, (row.envelope as { delivery?: unknown }).delivery));
      if (refusal) throw refuse(refusal);
      const appointment = input.appointment ? (input.appointment.length === 16 ? `${input.appointment}:00+07:00` : input.appointment.endsWith('+07:00') ? input.appointment : `${input.appointment}+07:00`) : null;
      await ctx.db
        .insertInto('dossier_deliveries')
        .values({ dossier_id: row.id, method: input.method, carrier: input.carrier ?? null, tracking: input.tracking ?? null, place: input.place ?? null, appointment, officer_id: officer.username, created_at: ctx.now() })
        .execute();
      return { code: req.params.code, delivery: await latestDelivery(ctx.db, row.id) };
    },
  );

  app.post<{ Body: { code: string; secret: string } }>(
    '/api/result',
    {
      schema: {
        summary: 'Tải kết quả điện tử / Download the electronic result',
        description: 'Mã hồ sơ và mã tra cứu trong thân yêu cầu, không bao giờ trên URL / code and secret in the body, never in a URL.',
        body: { type: 'object', required: ['code', 'secret'], additionalProperties: false, properties: APPLICANT_KEY_PROPERTIES },
        response: ERRORS,
      },
    },
    async (req, reply) => {
      const { dossier: row } = await authenticateApplicant(ctx, req.ip, req.body.code, req.body);
      const finished = row.status === 'processed' || row.status === 'returned';
      const delivery = finished ? await latestDelivery(ctx.db, row.id) : undefined;
      const result = delivery?.method === 'online' ? await latestResult(ctx.db, row.id) : undefined;
      const stream = result ? await ctx.blobs.read(result.sha256) : undefined;
      if (!result || !stream) throw refuse('result-not-ready');
      return reply
        .type(result.type)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(result.name)}`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'")
        .header('Cache-Control', 'no-store')
        .header('X-Content-SHA256', result.sha256)
        .send(stream);
    },
  );
}
