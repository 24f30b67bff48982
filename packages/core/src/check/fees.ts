import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CatalogueFiles } from './catalogue.js';

/**
 * Tiers start at unit 1 and follow each other without gaps or overlaps, and a procedure
 * offered online has an online channel. (Amounts being non-negative integers is the
 * schema's job: `type: integer, minimum: 0`.)
 */
export function checkFees(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { value: p, source } of files.procedures) {
    p.channels.forEach((channel, i) =>
      channel.fees.forEach((fee, j) => {
        const base = `/channels/${i}/fees/${j}`;
        let next = 1;
        (fee.tiers ?? []).forEach((tier, k) => {
          const open = tier.to === undefined;
          const last = k === (fee.tiers?.length ?? 0) - 1;
          if (tier.from !== next || (tier.to !== undefined && tier.to < tier.from) || (open && !last)) {
            out.push(diagnostic('TT3008', source.locate(`${base}/tiers/${k}`), { index: k + 1 }));
          }
          next = (tier.to ?? tier.from) + 1;
        });
      }),
    );
    if (p.onlineLevel !== 'none' && !p.channels.some((c) => c.channel === 'online')) {
      out.push(diagnostic('TT3012', source.locate('/onlineLevel'), { level: p.onlineLevel }));
    }
  }
  return out;
}
