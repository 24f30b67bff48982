import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { communeMembership, createValidator, type CommuneMembership, encodeCommuneCodes, foldVietnamese, indexCommunes, searchCommunes, type CommuneName, type SchemaValidator } from '@thutuc/runtime';

/** The real list of Hà Nội's communes, as the catalogue holds it. */
const haNoi = (parse(readFileSync(new URL('../../../catalogue/shared/communes/01-ha-noi.yaml', import.meta.url), 'utf8')) as { communes: CommuneName[] }).communes;
const names = (list: CommuneName[]) => list.map((c) => c.name);

describe('commune search', () => {
  const index = indexCommunes(haNoi);

  it('finds Phường Ba Đình first for "ba dinh", without diacritics or kind', () => {
    expect(searchCommunes(index, 'ba dinh')[0]).toEqual({ code: '00004', name: 'Phường Ba Đình' });
  });

  it('matches with or without diacritics and with the kind typed out', () => {
    for (const query of ['phuong ba dinh', 'Phường Ba Đình', 'PHUONG BA ĐINH', 'Ba Đình', '  ba   dinh ']) {
      expect(searchCommunes(index, query)[0]?.name, query).toBe('Phường Ba Đình');
    }
  });

  it('treats đ and Đ as d, both in names and in what is typed', () => {
    expect(foldVietnamese('Đống Đa')).toBe('dong da');
    expect(names(searchCommunes(index, 'dong da'))).toContain('Phường Đống Đa');
    expect(names(searchCommunes(index, 'Đống Đa'))[0]).toBe('Phường Đống Đa');
    expect(names(searchCommunes(index, 'đan phượng'))).toContain('Xã Đan Phượng');
  });

  it('matches the start of any word, then anywhere, and nothing else', () => {
    expect(names(searchCommunes(index, 'b dinh'))).toContain('Phường Ba Đình');
    const hits = searchCommunes(index, 'dinh');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((c) => foldVietnamese(c.name).includes('dinh'))).toBe(true);
    expect(searchCommunes(index, 'khong co xa nao ten nay')).toEqual([]);
  });

  it('lists every commune alphabetically for an empty query', () => {
    const all = searchCommunes(index, '');
    expect(all).toHaveLength(haNoi.length);
    expect(all.findIndex((c) => c.name === 'Phường Ba Đình')).toBeLessThan(all.findIndex((c) => c.name === 'Phường Đống Đa'));
  });

  it('ignores apostrophes: "cu mgar" and "Cư M\'gar" meet', () => {
    const index2 = indexCommunes([{ code: '24181', name: "Xã Cư M'gar" }]);
    expect(names(searchCommunes(index2, 'cu mgar'))).toEqual(["Xã Cư M'gar"]);
    expect(names(searchCommunes(index2, "m'gar"))).toEqual(["Xã Cư M'gar"]);
  });
});

describe('commune membership', () => {
  const table = encodeCommuneCodes({ '01': haNoi.map((c) => c.code), '38': ['16171', '16174'] });
  const communes = communeMembership(table);

  it('round-trips every code of its province and no other', () => {
    for (const c of haNoi) expect(communes.contains('01', c.code), c.code).toBe(true);
    expect(communes.contains('01', '16171')).toBe(false);
    expect(communes.contains('38', '16171')).toBe(true);
    expect(communes.contains('01', '00005')).toBe(false);
    expect(communes.contains('99', '00004')).toBe(false);
    expect(communes.hasProvince('01')).toBe(true);
    expect(communes.hasProvince('99')).toBe(false);
  });

  it('survives gaps that need escaping, and stays plain JSON text', () => {
    const odd = encodeCommuneCodes({ '99': ['00001', '00058', '00200', '32248'] });
    const back = communeMembership(JSON.parse(JSON.stringify(odd)) as typeof odd);
    for (const code of ['00001', '00058', '00200', '32248']) expect(back.contains('99', code), code).toBe(true);
    expect(back.contains('99', '00059')).toBe(false);
  });

  it('answers each province on its own when a code is listed under two of them', () => {
    const shared = communeMembership(encodeCommuneCodes({ '01': ['00004', '00007'], '02': ['00007', '00010'] }));
    expect(shared.contains('01', '00007')).toBe(true);
    expect(shared.contains('02', '00007')).toBe(true);
    expect(shared.contains('01', '00010')).toBe(false);
    expect(shared.contains('02', '00004')).toBe(false);
    expect(shared.contains('03', '00004')).toBe(false);
  });

  /** The errors of a submission whose one field is an address, checked against `membership`. */
  function addressErrors(membership: CommuneMembership) {
    const schema: SchemaValidator = () => true;
    const rules = { cases: [], documents: [], fields: [{ id: 'noi_o', type: 'address', label: { vi: 'Nơi ở', en: 'Residence' } }] };
    const validate = createValidator(schema, rules, {}, membership);
    return (province: string, commune: string, street = 'Số 1') => validate({ data: { noi_o: { province, commune, street } } }).errors;
  }
  const rulesOf = (errors: { path: string; rule: string }[]) => errors.map((e) => [e.path, e.rule]);

  it('lets a membership that counts what it cannot rule out as belonging still flag an unknown province', () => {
    // As the form's: provinces known, a commune list still loading answers "belongs".
    const check = addressErrors({ hasProvince: (p) => p === '01', contains: () => true });
    expect(rulesOf(check('01', '99999'))).toEqual([]);
    expect(rulesOf(check('99', '00004'))).toEqual([['/data/noi_o/province', 'province']]);
  });

  it('makes the validator reject a commune of another province and an unknown province', () => {
    const check = addressErrors(communes);
    expect(rulesOf(check('01', '00004'))).toEqual([]);
    expect(rulesOf(check('01', '16171'))).toEqual([['/data/noi_o/commune', 'commune']]);
    expect(rulesOf(check('99', '00004'))).toEqual([['/data/noi_o/province', 'province']]);
    expect(check('01', '16171', '')[0]!.message.vi).toMatch(/không thuộc tỉnh, thành phố đã chọn/);
  });
});
