// Official papers as printable HTML: the one-stop-shop forms Mẫu 01–04 (Circular
// 01/2018/TT-VPCP) and filled declaration forms, from a procedure, a submission and a receipt.
export { PAPER_KINDS, type PaperKind, type PaperDesk, type PaperDossier, type PaperOptions, type PaperReceipt, type PaperSubmission, type CompiledProcedure } from './model.js';
export { createPaperDossier, defaultDesk, dossierAgencyCode, type DossierInput, type DossierResult } from './dossier.js';
export { receiptContext, feesOf } from './receipt.js';
export { supplementContext } from './supplement.js';
export { refusalContext } from './refusal.js';
export { apologyContext } from './apology.js';
export { birthDeclarationContext } from './declaration-birth.js';
export { residenceDeclarationContext } from './declaration-residence.js';
export { declarationOf, DECLARATIONS } from './declaration.js';
export { renderPaper, BLANK, type RenderResult } from './render.js';
