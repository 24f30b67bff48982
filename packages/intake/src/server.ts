import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import { loadCatalogue, type CatalogueOptions, type LoadedCatalogue } from './catalogue.js';
import { openDatabase, type OpenDatabase } from './db/connect.js';
import { DEFAULT_CODE_PATTERN, isUsableCodePattern } from './dossier-code.js';
import { DEFAULT_LIMITS, type IntakeContext, type IntakeLimits } from './http/context.js';
import { installErrorHandlers } from './http/errors.js';
import { registerDeskApp } from './http/desk-app.js';
import { registerLookup } from './http/lookup.js';
import { refuse } from './http/reasons.js';
import { registerSite, type SiteOptions } from './http/static-site.js';
import { registerSubmissions } from './http/submissions.js';
import { registerOfficerRoutes } from './http/officer-routes.js';
import { registerSupplements } from './http/supplements.js';
import { registerStatsRoutes } from './http/stats-routes.js';
import { registerPaperRoutes } from './http/paper-routes.js';
import { registerPayments } from './http/payments.js';
import { reconcilePayments } from './payment/orders.js';
import { paymentSetup, type PaymentOptions } from './payment/setup.js';
import { registerResults } from './http/results.js';
import { startJobs } from './jobs.js';
import { HttpSmsGateway, LogMail, LogSms, smtpMail, type MailTransport, type SmsAdapter } from './notify/transports.js';
import { FsBlobStore } from './store/fs-blobs.js';
import type { BlobStore } from './store/blobs.js';
import { resultBlobs } from './store/results.js';

/** A week: a tab left open over the change, or a draft finished the next days, still goes through. */
export const DEFAULT_VERSION_GRACE_DAYS = 7;

export interface IntakeOptions extends CatalogueOptions {
  /** The built catalogue (`thutuc build` output, e.g. packages/catalogue/dist). */
  catalogueDir: string;
  /** PGlite's database, the blobs and the lock file (default `./.thutuc-data`). */
  dataDir?: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /**
   * Days a submission made against the previous version of a procedure is still accepted after
   * a new version took effect, when the applicant started before that (default 7; 0 for none).
   */
  versionGraceDays?: number;
  /** Dossier code pattern (tokens {agency} {yy} {yyyy} {mm} {dd} {seq}) and sequence width. */
  codePattern?: string;
  codeWidth?: number;
  limits?: Partial<IntakeLimits>;
  /** The officers' desk under /desk/ (@thutuc/desk); false to leave it out. */
  desk?: false;
  /** Also serve these folders (the agency's pages, bundles, browser catalogue). */
  site?: SiteOptions;
  /** Storage for files; default the file system under `<dataDir>/blobs`. */
  blobs?: BlobStore;
  /** Unreferenced blobs older than this are removed at start (default 1 h). */
  orphanGraceMs?: number;
  now?: () => Date;
  logger?: boolean;
  /** Base URL applicants reach this server at (links in notices). */
  publicUrl?: string;
  /**
   * The page with `<thutuc-status>` that the QR code on Mẫu 01 opens (absolute URL; the code,
   * and on the applicant's copy the secret, go in its `#fragment`). Default `<publicUrl>/status.html`.
   */
  statusPageUrl?: string;
  /** Behind a reverse proxy: trust its X-Forwarded-For (true, or its addresses, e.g. "127.0.0.1"). */
  trustProxy?: boolean | string;
  /** Session cookies only over HTTPS (set behind a TLS proxy). */
  secureCookie?: boolean;
  /** E-mail: a transport, or an SMTP URL (`smtp://user:pass@host:587`) and the sender. */
  mail?: MailTransport;
  smtpUrl?: string;
  mailFrom?: string;
  /** SMS: an adapter, or an HTTP gateway URL (POST { to, text }) and its bearer token. */
  sms?: SmsAdapter;
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  /** The one-stop desk's mailbox, told of every dossier that runs late. */
  deskEmail?: string;
  /** Level-4 payment: VNPay, VietQR and the status page (README, "Thanh toán trực tuyến"). */
  payments?: PaymentOptions;
  /** Periodic jobs (outbox, overdue marking); false to run none in this process. */
  jobs?: false | { outboxEveryMs?: number; housekeepingEveryMs?: number };
}

export interface IntakeServer {
  app: FastifyInstance;
  deliverers: { mail: MailTransport; sms: SmsAdapter };
  context: IntakeContext;
  database: OpenDatabase;
  catalogue: LoadedCatalogue;
  /** Listens on loopback by default; returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the receiving server: opens (and migrates) the database, sweeps files a crash left
 * behind, and registers the routes. Everything a request needs is in the database or the
 * blob store, so any number of these may run side by side on one PostgreSQL.
 */
export async function createIntakeServer(options: IntakeOptions): Promise<IntakeServer> {
  const codePattern = options.codePattern ?? DEFAULT_CODE_PATTERN;
  if (!isUsableCodePattern(codePattern)) throw new RangeError(`Mẫu mã hồ sơ phải có {agency}, {yy}/{yyyy}, {mm}, {dd}, {seq} / the code pattern needs those tokens: ${codePattern}`);
  const dataDir = path.resolve(options.dataDir ?? '.thutuc-data');
  const catalogue = await loadCatalogue(options.catalogueDir, options);
  const database = await openDatabase({ dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  try {
    const blobs = options.blobs ?? new FsBlobStore(path.join(dataDir, 'blobs'));
    await blobs.sweep(async (shas) => {
      const rows = await database.db.selectFrom('dossier_files').select('sha256').where('sha256', 'in', shas).execute();
      return new Set([...rows.map((r) => r.sha256), ...(await resultBlobs(database.db, shas))]);
    }, options.orphanGraceMs ?? 3_600_000);
    const context: IntakeContext = {
      db: database.db, blobs, catalogue, limits: { ...DEFAULT_LIMITS, ...options.limits },
      codeFormat: { pattern: codePattern, ...(options.codeWidth ? { width: options.codeWidth } : {}) }, now: options.now ?? (() => new Date()),
      versionGraceDays: options.versionGraceDays ?? DEFAULT_VERSION_GRACE_DAYS,
      payments: paymentSetup(options.payments),
      ...statusPage(options),
    };
    const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, forceCloseConnections: true, trustProxy: options.trustProxy ?? false });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'thutuc intake', version: '1.0.0', description: 'Tiếp nhận hồ sơ trực tuyến, tra cứu, xử lý / Receiving, tracking and processing dossiers.' },
      },
    });
    await app.register(cookie);
    await app.register(multipart, { limits: { fileSize: catalogue.maxFileBytes, files: context.limits.maxFiles + 1 } });
    installErrorHandlers(app);
    registerSubmissions(app, context);
    app.route({
      method: ['GET', 'PUT', 'DELETE', 'PATCH'], url: '/api/submissions', schema: { hide: true },
      handler: async (_req, reply) => reply.header('Allow', 'POST').code(405).send(refuse('method-not-allowed').body()),
    });
    registerLookup(app, context);
    registerSupplements(app, context);
    registerPayments(app, context);
    registerResults(app, context);
    registerOfficerRoutes(app, context, { secureCookie: options.secureCookie ?? false, publicUrl: (options.publicUrl ?? '').replace(/\/$/, '') });
    if (options.desk !== false) registerDeskApp(app);
    registerStatsRoutes(app, context);
    registerPaperRoutes(app, context);
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    if (options.site) registerSite(app, options.site);
    await app.ready();
    const log = (line: string) => app.log.info(line);
    const deliverers = {
      mail: options.mail ?? (options.smtpUrl ? await smtpMail(options.smtpUrl, options.mailFrom ?? 'thutuc@localhost') : new LogMail(log)),
      sms: options.sms ?? (options.smsGatewayUrl ? new HttpSmsGateway(options.smsGatewayUrl, options.smsGatewayToken) : new LogSms(log)),
    };
    const stopJobs = options.jobs === false ? async () => undefined : startJobs(database.db, deliverers, {
      ...options.jobs, ...(options.deskEmail ? { deskEmail: options.deskEmail } : {}), now: context.now, onError: (e) => app.log.error({ err: e }, 'job failed'),
      reconcilePayments: () => reconcilePayments(context),
    });
    return {
      deliverers,
      app, context, database, catalogue,
      async listen(port = 0, host = '127.0.0.1') {
        await app.listen({ port, host });
        const address = app.server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
      },
      async close() {
        await stopJobs();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function statusPage(options: IntakeOptions): { statusPageUrl?: string } {
  const publicUrl = options.publicUrl?.replace(/\/$/, '');
  const url = options.statusPageUrl ?? options.payments?.statusPage ?? (publicUrl ? `${publicUrl}/status.html` : undefined);
  return url ? { statusPageUrl: url } : {};
}
