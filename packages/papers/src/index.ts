// Official papers as printable HTML: the one-stop forms Mẫu 01–07 of Circular 03/2025/TT-VPCP
// (Phụ lục I) and filled declaration forms, from a procedure, a submission, a receipt and,
// for Mẫu 06 and 07, a dossier's history and a desk's register.
export { PAPER_KINDS, type PaperKind, type PaperDesk, type PaperDossier, type PaperOptions, type PaperReceipt, type PaperSubmission, type CompiledProcedure } from './model.js';
export { createPaperDossier, defaultDesk, dossierAgencyCode, type DossierInput, type DossierResult } from './dossier.js';
export { receiptContext, feesOf } from './receipt.js';
export { supplementContext } from './supplement.js';
export { refusalContext } from './refusal.js';
export { apologyContext } from './apology.js';
export { stopContext } from './stop.js';
export { controlContext, timeResult, type ControlEntry, type TimeResult } from './control.js';
export { registerContext, registerCsv, type RegisterOptions, type RegisterRow } from './register.js';
export { FORMS, CIRCULAR, formOf, type FormKind } from './forms.js';
export { qrSvg } from './qr.js';
export { applicantOf } from './common.js';
export { birthDeclarationContext } from './declaration-birth.js';
export { residenceDeclarationContext } from './declaration-residence.js';
export { declarationOf, DECLARATIONS } from './declaration.js';
export { renderPaper, renderControlSheet, renderRegister, BLANK, type RenderResult } from './render.js';
