import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../suggest.js';
import { describeLocation, latestVersions, type CatalogueFiles } from './catalogue.js';

/**
 * A provincial resolution may only set amounts of fee lines the catalogue declares as set
 * locally, of procedures and provinces that exist, once per province, procedure, fee and channel.
 */
export function checkFeeOverrides(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const procedures = latestVersions(files.procedures);
  const provinces = new Set(files.provinces.flatMap((f) => f.value.provinces.map((p) => p.code)));
  const seen = new Map<string, string>();
  for (const { value, source } of files.feeOverrides) {
    if (provinces.size && !provinces.has(value.province)) {
      out.push(diagnostic('TT3002', source.locate('/province'), { what: { vi: 'tỉnh', en: 'province' }, ref: value.province, hint: { vi: '', en: '' } }));
    }
    value.fees.forEach((entry, i) => {
      const at = `/fees/${i}`;
      const procedure = procedures.get(entry.procedure);
      if (!procedure) {
        out.push(diagnostic('TT3002', source.locate(`${at}/procedure`), { what: { vi: 'thủ tục', en: 'procedure' }, ref: entry.procedure, hint: didYouMean(entry.procedure, procedures.keys()) }));
        return;
      }
      const channels = procedure.channels.filter((c) => !entry.channel || c.channel === entry.channel);
      const lines = channels.flatMap((c) => c.fees).filter((f) => f.id === entry.fee);
      if (lines.length === 0) {
        const ids = procedure.channels.flatMap((c) => c.fees.map((f) => f.id));
        out.push(diagnostic('TT3002', source.locate(`${at}/fee`), { what: { vi: 'dòng phí', en: 'fee line' }, ref: entry.fee, hint: didYouMean(entry.fee, ids) }));
      } else if (lines.some((f) => f.kind !== 'local')) {
        out.push(diagnostic('TT3015', source.locate(`${at}/fee`), { fee: entry.fee, procedure: entry.procedure }));
      }
      const key = [value.province, entry.procedure, entry.fee, entry.channel ?? '*'].join('|');
      const first = seen.get(key);
      if (first) out.push(diagnostic('TT3001', source.locate(at), { id: `${entry.procedure}/${entry.fee}`, other: first }));
      else seen.set(key, describeLocation(source, at));
    });
  }
  return out;
}
