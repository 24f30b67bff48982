/** What a compiled procedure module exports (packages/catalogue/dist/procedures/<id>/index.js). */
export type { ProcedureModule as CompiledProcedure } from '@thutuc/runtime';

/** A file the applicant attached, with the metadata the envelope carries. */
export interface AttachedFile {
  file: File;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** What the agency's endpoint answers on success (see README: submission contract). */
export interface Receipt {
  dossierCode: string;
  receivedAt?: string;
  appointmentDate?: string;
  /** The secret that, with the code, opens the dossier's status page (@thutuc/intake issues it). */
  lookupSecret?: string;
  message?: { vi: string; en?: string };
}
