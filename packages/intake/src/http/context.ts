import type { Kysely } from 'kysely';
import type { LoadedCatalogue } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import type { PaymentSetup } from '../payment/setup.js';
import type { BlobStore } from '../store/blobs.js';

/** What every route needs: storage, the catalogue and the limits. Nothing else lives in memory. */
export interface IntakeContext {
  db: Kysely<Database>;
  blobs: BlobStore;
  catalogue: LoadedCatalogue;
  limits: IntakeLimits;
  codeFormat: { pattern?: string; width?: number };
  /**
   * Days after a procedure version stops applying during which a submission against it is still
   * accepted, when the applicant started before the change (see procedure-version.ts).
   */
  versionGraceDays: number;
  /** Online payment providers (none configured: nothing is payable online). */
  payments: PaymentSetup;
  /** The page with `<thutuc-status>` that Mẫu 01's QR code opens (absolute URL), if any. */
  statusPageUrl?: string;
  /** The clock (tests move it). */
  now(): Date;
}

export interface IntakeLimits {
  /** The whole multipart body (default 100 MB). */
  maxBodyBytes: number;
  /** The envelope part (default 1 MB). */
  maxEnvelopeBytes: number;
  /** Files in one submission (default 100). */
  maxFiles: number;
  /** Public lookups per client IP per minute (default 60). */
  lookupsPerIpPerMinute: number;
  /** Failed lookups per dossier code per hour (default 10). */
  failedLookupsPerCodePerHour: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  maxBodyBytes: 100 * 1024 * 1024,
  maxEnvelopeBytes: 1024 * 1024,
  maxFiles: 100,
  lookupsPerIpPerMinute: 60,
  failedLookupsPerCodePerHour: 10,
};
