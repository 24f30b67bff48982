import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeDeadline, computeSubmissionFees, createWorkingCalendar } from '@thutuc/runtime';
import { createDossierCodeGenerator } from '@thutuc/intake';
import { createIntake } from './intake.js';
import { serveStatic } from './static.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The strict policy of csp.html: no inline code, no eval, only this origin. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

/**
 * The example agency site: two pages embedding <thutuc-form>, the script bundles, the
 * browser catalogue and the receiving endpoint. `testing` also serves axe-core for tests.
 */
export async function startSite({
  port = 0,
  host = '127.0.0.1',
  storeDir = path.join(os.tmpdir(), 'thutuc-dossiers'),
  catalogueDir = path.join(root, 'packages/catalogue/dist'),
  elementsDir = path.join(root, 'packages/elements/dist'),
  testing = false,
  agencyCode = 'MAU',
  province,
  hooks = {},
} = {}) {
  const intake = await createIntake({ root, catalogueDir, storeDir, hooks: { ...(await defaultHooks(catalogueDir, agencyCode, province)), ...hooks } });
  const site = path.join(root, 'examples/site');
  const mounts = [
    ['/thutuc/', elementsDir],
    ['/catalogue/', path.join(catalogueDir, 'browser')],
    ['/catalogue-index/', catalogueDir],
    ...(testing ? [['/test/axe/', path.join(root, 'node_modules/axe-core')]] : []),
    ['/', site],
  ];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/submissions') {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end();
        return;
      }
      await intake(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const headers = url.pathname === '/csp.html' ? { 'Content-Security-Policy': STRICT_CSP } : {};
    if (!(await serveStatic(res, mounts, url.pathname === '/' ? '/index.html' : url.pathname, headers))) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found');
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return { server, url: `http://${host}:${address.port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * What a receiving desk adds to a receipt, with the same runtime the form uses: the dossier
 * code, the appointment counted in working days on the catalogue's holiday calendars, and
 * the fees computed again on the server.
 */
async function defaultHooks(catalogueDir, agencyCode, province) {
  const shared = JSON.parse(await readFile(path.join(catalogueDir, 'shared.json'), 'utf8'));
  const provinceFees = province ? await readFile(path.join(catalogueDir, 'overrides', `${province}.json`), 'utf8').then(JSON.parse, () => undefined) : undefined;
  const calendar = createWorkingCalendar(shared.holidays);
  const codes = createDossierCodeGenerator();
  const vietnamTime = (now) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
  return {
    issueCode: (now) => codes(agencyCode, now),
    appointment(procedure, payload, now) {
      const channel = procedure.definition.channels.find((c) => c.channel === payload.channel);
      if (!channel) return {};
      const result = computeDeadline(vietnamTime(now), channel.processingTime, calendar);
      return result.ok ? { appointmentDate: result.deadline.due } : {};
    },
    fees(procedure, payload, now) {
      const fees = computeSubmissionFees(procedure, payload, { today: vietnamTime(now).slice(0, 10), province: provinceFees });
      return { total: fees.totals, complete: fees.complete };
    },
  };
}
