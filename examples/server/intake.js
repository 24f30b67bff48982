import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readMultipart } from './multipart.js';

/**
 * The receiving endpoint of the example site: POST /api/submissions.
 *
 * It checks the envelope against schemas/submission.schema.json, then the submission
 * against the procedure's own compiled validator (the module the browser form used), then
 * every file against the size and SHA-256 the envelope declares. A repeated Idempotency-Key
 * returns the first receipt, so a retried submit makes one dossier. Bad input gets a 4xx
 * with a reason; nothing here throws past the handler.
 */
const MAX_BODY = 60 * 1024 * 1024;
const KEY = /^[A-Za-z0-9-]{8,80}$/;

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

function problem(res, status, vi, en, extra = {}) {
  send(res, status, { error: { vi, en }, ...extra });
}

export async function createIntake({ root, catalogueDir, storeDir, hooks = {} }) {
  const schema = JSON.parse(await readFile(path.join(root, 'schemas/submission.schema.json'), 'utf8'));
  const checkEnvelope = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const modules = new Map();
  const receipts = new Map(); // idempotency key → { fingerprint, receipt }
  let sequence = 0;

  const loadProcedure = async (id) => {
    if (!modules.has(id)) {
      const file = path.join(catalogueDir, 'procedures', id, 'index.js');
      modules.set(id, import(pathToFileURL(file).href).catch(() => undefined));
    }
    return modules.get(id);
  };

  const issueCode = hooks.issueCode ?? ((now) => `THUTUC-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${String(++sequence).padStart(4, '0')}`);

  return async function handle(req, res) {
    try {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !KEY.test(key)) {
        return problem(res, 400, 'Thiếu header Idempotency-Key hợp lệ.', 'A valid Idempotency-Key header is required.');
      }
      const body = await readMultipart(req, MAX_BODY);
      if (body.error) return problem(res, body.status ?? 400, `Yêu cầu không hợp lệ: ${body.error}.`, `Bad request: ${body.error}.`);
      const part = body.form.get('envelope');
      if (!part || typeof part === 'string') return problem(res, 400, 'Thiếu phần "envelope".', 'The "envelope" part is missing.');
      let envelope;
      try {
        envelope = JSON.parse(await part.text());
      } catch {
        return problem(res, 400, 'Phần "envelope" không phải JSON hợp lệ.', 'The "envelope" part is not valid JSON.');
      }
      if (!checkEnvelope(envelope)) {
        const errors = checkEnvelope.errors.map((e) => ({ path: e.instancePath || '/', message: { vi: `Sai cấu trúc (${e.keyword})`, en: `Invalid structure (${e.message})` } }));
        return send(res, 400, { error: { vi: 'Phong bì hồ sơ sai cấu trúc.', en: 'The envelope is malformed.' }, errors });
      }
      if (envelope.idempotencyKey !== key) return problem(res, 400, 'Idempotency-Key không khớp với hồ sơ.', 'The Idempotency-Key does not match the envelope.');

      const { clientTime: _ignored, ...stable } = envelope;
      const fingerprint = createHash('sha256').update(JSON.stringify(stable)).digest('hex');
      const seen = receipts.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) return problem(res, 422, 'Khóa Idempotency-Key đã dùng cho một hồ sơ khác.', 'This Idempotency-Key was used for a different submission.');
        return send(res, 200, seen.receipt);
      }

      const procedure = await loadProcedure(envelope.procedure.id);
      if (!procedure) return problem(res, 422, 'Không có thủ tục này.', 'Unknown procedure.');
      if (procedure.version !== envelope.procedure.version) {
        return problem(res, 409, 'Biểu mẫu đã được cập nhật; hãy tải lại trang và kiểm tra lại thông tin.', 'The form has changed; reload the page and check your answers.', { currentVersion: procedure.version });
      }
      const { case: caseId, channel, delivery, data, documents } = envelope;
      const payload = { ...(caseId !== undefined ? { case: caseId } : {}), channel, ...(delivery !== undefined ? { delivery } : {}), data, documents };
      const verdict = procedure.validate(payload);
      if (!verdict.valid) return send(res, 422, { error: { vi: 'Hồ sơ chưa hợp lệ.', en: 'The submission is not valid.' }, errors: verdict.errors });
      // A liên thông bundle must also make a valid submission for each member procedure.
      if (procedure.split) {
        const errors = [];
        procedure.split(payload).forEach((part, i) => {
          const result = procedure.members[i].module.validate(part.payload);
          for (const e of result.errors) errors.push({ ...e, path: `/members/${part.procedure.id}${e.path}` });
        });
        if (errors.length) return send(res, 422, { error: { vi: 'Hồ sơ liên thông chưa đủ thông tin cho các thủ tục thành phần.', en: 'The linked submission lacks what its member procedures need.' }, errors });
      }

      // Every declared file must arrive, byte for byte; nothing undeclared may come along.
      const declared = new Set();
      const files = [];
      for (const [docId, list] of Object.entries(documents)) {
        for (const [i, meta] of list.entries()) {
          const name = `documents/${docId}/${i}`;
          declared.add(name);
          const file = body.form.get(name);
          if (!file || typeof file === 'string') return problem(res, 400, `Thiếu tệp ${meta.name}.`, `The file ${meta.name} is missing.`);
          const bytes = Buffer.from(await file.arrayBuffer());
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          if (bytes.length !== meta.size || sha256 !== meta.sha256) {
            return problem(res, 422, `Tệp ${meta.name} không khớp với mô tả (dung lượng hoặc mã băm).`, `The file ${meta.name} does not match its description (size or hash).`);
          }
          files.push({ docId, index: i, meta, bytes });
        }
      }
      for (const name of body.form.keys()) {
        if (name !== 'envelope' && !declared.has(name)) return problem(res, 400, `Phần "${name}" không được khai báo.`, `The part "${name}" was not declared.`);
      }

      const now = hooks.now?.() ?? new Date();
      const dossierCode = await issueCode(now, procedure);
      const receipt = {
        dossierCode,
        receivedAt: now.toISOString(),
        ...(hooks.appointment ? hooks.appointment(procedure, payload, now) : {}),
        ...(hooks.fees ? { fees: hooks.fees(procedure, payload, now) } : {}),
      };
      const dir = path.join(storeDir, dossierCode.replace(/[^A-Za-z0-9.-]/g, '_'));
      await mkdir(path.join(dir, 'files'), { recursive: true });
      for (const f of files) {
        await writeFile(path.join(dir, 'files', `${f.docId}-${f.index}-${f.meta.sha256.slice(0, 12)}`), f.bytes);
      }
      await writeFile(path.join(dir, 'dossier.json'), JSON.stringify({ receipt, envelope }, null, 2));
      receipts.set(key, { fingerprint, receipt });
      hooks.onDossier?.({ receipt, envelope, files });
      return send(res, 201, receipt);
    } catch (error) {
      hooks.onError?.(error);
      return problem(res, 500, 'Lỗi máy chủ; hồ sơ chưa được nhận.', 'Server error; the submission was not received.');
    }
  };
}
