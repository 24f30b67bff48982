import { documentNeedsCheck, type DocumentRule, type SubmissionRules } from '@thutuc/runtime';

/**
 * The documents half of the runtime's submission check (createGeneratedValidator's loop over the chosen
 * case's documents, then over the files given) written out case by case as one yes/no answer:
 * `documentsPresent(files, d, ctx)` is true exactly when that loop would report nothing. The
 * generated validate() asks it on its first, collect-nothing pass; the errors themselves, when
 * there are any, still come from the runtime's loop.
 *
 * `condition` names the module constant holding a compiled condition (see rules-code.ts).
 */
export function documentsSource(rules: SubmissionRules, condition: (key: string) => string): string {
  const given = (id: string) => `r.hasItems(files[${JSON.stringify(id)}])`;
  const unexpected = (ids: readonly string[]) => {
    const known = ids.map((id) => `id === ${JSON.stringify(id)}`).join(' || ');
    return `for (const id in files) if (${known ? `!(${known}) && ` : ''}r.hasItems(files[id])) return false;`;
  };

  /** The runtime's test for one document, negated: the lines that return false when it is missing. */
  const missing = (doc: DocumentRule): string | undefined => {
    if (!documentNeedsCheck(doc)) return undefined;
    const when = [
      // Filing online, the interactive form stands in for the paper declaration.
      ...(doc.electronicForm === true ? ['ctx.channel !== "online"'] : []),
      ...(doc.required ? [] : [`${condition(doc.requiredWhen!)}(d, ctx)`]),
      `!(${[doc.id, ...(doc.alternatives ?? [])].map(given).join(' || ')})`,
    ];
    return `if (${when.join(' && ')}) return false;`;
  };

  const branches = rules.cases.map((c) => {
    const docs = rules.documents.filter((doc) => doc.cases.includes(c));
    const lines = docs.map(missing).filter((line) => line !== undefined);
    return `case ${JSON.stringify(c)}:\n${[...lines, unexpected(docs.map((doc) => doc.id)), 'return true;'].join('\n')}`;
  });
  const otherwise = `default:\n${unexpected([])}\nreturn true;`;
  return `function documentsPresent(files, d, ctx) {\nswitch (ctx.case) {\n${[...branches, otherwise].join('\n')}\n}\n}`;
}
