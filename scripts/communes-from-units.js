#!/usr/bin/env node
// Writes catalogue/shared/communes/<code>-<name>.yaml, one file per province, from a units
// JSON file in the shape of the statistics office's list as republished by
// thanglequoc/vietnamese-provinces-database ({ source, inForceFrom, basis, provinces, communes }).
// A reorganisation of administrative units is then a data change: run this on the new list,
// review the diff, commit.
//   node scripts/communes-from-units.js <units.json> [out dir]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [input, outDir = 'catalogue/shared/communes'] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/communes-from-units.js <units.json> [out dir]');
  process.exit(2);
}
const units = JSON.parse(await readFile(input, 'utf8'));

/** "Thành phố Hà Nội" → "ha-noi", for file names people can find. */
function slug(name) {
  return name
    .replace(/^(Tỉnh|Thành phố)\s+/u, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const quote = (s) => JSON.stringify(s);
await mkdir(outDir, { recursive: true });
for (const province of units.provinces) {
  const communes = units.communes.filter((c) => c.province === province.code).sort((a, b) => (a.code < b.code ? -1 : 1));
  const lines = [
    '# yaml-language-server: $schema=../../../schemas/communes.schema.json',
    `# ${province.name}: ${communes.length} đơn vị hành chính cấp xã · commune-level units.`,
    '# Nguồn, giấy phép: xem README.md bên cạnh · Source and licence: see README.md beside this file.',
    'kind: communes',
    `province: ${quote(province.code)}`,
    `effectiveDate: ${quote(units.inForceFrom)}`,
    'basis:',
    ...units.basis.map((b) => `  - ${quote(b)}`),
    `dataSource: ${quote(units.source)}`,
    'communes:',
    ...communes.map((c) => `  - { code: ${quote(c.code)}, name: ${quote(c.name)} }`),
    '',
  ];
  await writeFile(path.join(outDir, `${province.code}-${slug(province.name)}.yaml`), lines.join('\n'));
}
console.log(`${units.provinces.length} provinces, ${units.communes.length} communes → ${outDir}`);
