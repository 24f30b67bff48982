import type { FastifyError, FastifyInstance } from 'fastify';
import { IntakeRefusal, refuse, type ReasonCode } from './reasons.js';

/** Fastify's and @fastify/multipart's own error codes, as our reasons. */
const FRAMEWORK: Record<string, ReasonCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'not-multipart',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'not-multipart',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_REQ_FILE_TOO_LARGE: 'file-too-large',
  FST_FILES_LIMIT: 'too-many-files',
  FST_PARTS_LIMIT: 'too-many-files',
  FST_FIELDS_LIMIT: 'file-undeclared',
  FST_PROTO_VIOLATION: 'bad-multipart',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad-request',
  FST_ERR_VALIDATION: 'bad-request',
};

/** busboy reports a broken body with plain errors; these are the client's fault, not ours. */
const MALFORMED = /Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Part terminated early/i;

/**
 * Every 4xx answers `{ error: { code, message: { vi, en } } }`; a 5xx says the submission was
 * not received and logs the cause (never sent to the client).
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    let refusal: IntakeRefusal | undefined;
    if (error instanceof IntakeRefusal) refusal = error;
    else if (error.code && FRAMEWORK[error.code]) refusal = refuse(FRAMEWORK[error.code]!, error.validation ? { errors: error.validation.map((v) => ({ path: v.instancePath || '/', rule: v.keyword })) } : {});
    else if (MALFORMED.test(error.message ?? '')) refusal = refuse('bad-multipart');
    else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) refusal = refuse('bad-request');
    if (refusal) {
      // A refusal in the middle of an upload leaves the rest of the body unread: close the
      // connection after answering rather than reading megabytes nobody will keep.
      if (!req.raw.complete) reply.header('Connection', 'close');
      return reply.code(refusal.status).header('Cache-Control', 'no-store').send(refusal.body());
    }
    req.log.error({ err: error }, 'intake error');
    return reply.code(500).header('Cache-Control', 'no-store').send(refuse('server-error').body());
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(refuse('not-found').body()));
}
