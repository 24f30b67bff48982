import { birthDeclarationContext } from './declaration-birth.js';
import { residenceDeclarationContext } from './declaration-residence.js';
import type { PaperDossier } from './model.js';

/**
 * Which paper form a procedure's declaration is, read from the template code its documents
 * declare (`documents[].template.code`), so every procedure using the form gets it.
 */
export const DECLARATIONS = {
  'TT04-2024-BTP/TK-KS': { template: 'declaration-birth', build: birthDeclarationContext },
  'TT53-2025-BCA/CT01': { template: 'declaration-ct01', build: residenceDeclarationContext },
} as const;

export type DeclarationCode = keyof typeof DECLARATIONS;

export function declarationOf(d: PaperDossier): (typeof DECLARATIONS)[DeclarationCode] | undefined {
  for (const c of d.procedure.cases) {
    for (const doc of c.documents) {
      const code = doc.template?.code;
      if (code && Object.hasOwn(DECLARATIONS, code)) return DECLARATIONS[code as DeclarationCode];
    }
  }
  return undefined;
}
