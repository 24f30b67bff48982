import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../suggest.js';
import { describeLocation, type CatalogueFiles } from './catalogue.js';

/**
 * Commune lists belong to a province of the province list, one list per province, and a commune
 * code names one commune in the whole country: the address picker and the validators look a
 * commune up by its code alone.
 */
export function checkCommunes(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const provinces = new Set(files.provinces.flatMap((f) => f.value.provinces.map((p) => p.code)));
  const lists = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const { value, source } of files.communes) {
    if (provinces.size && !provinces.has(value.province)) {
      out.push(diagnostic('TT3002', source.locate('/province'), { what: { vi: 'tỉnh', en: 'province' }, ref: value.province, hint: didYouMean(value.province, provinces) }));
    }
    const firstList = lists.get(value.province);
    if (firstList) out.push(diagnostic('TT3001', source.locate('/province'), { id: value.province, other: firstList }));
    else lists.set(value.province, describeLocation(source, '/province'));
    value.communes.forEach((commune, i) => {
      const at = `/communes/${i}/code`;
      const first = codes.get(commune.code);
      if (first) out.push(diagnostic('TT3001', source.locate(at), { id: commune.code, other: first }));
      else codes.set(commune.code, describeLocation(source, at));
    });
  }
  return out;
}
