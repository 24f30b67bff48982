import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';
import { MINIMAL_PROCEDURE as P } from '../../../test/helpers/minimal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const member = (id: string, code: string) => P.replace('id: thu-nghiem.toi-thieu', `id: ${id}`).replace('code: "1.999998"', `code: "${code}"`);
const bundle = (members: string) =>
  P.replace('kind: procedure', 'kind: bundle').replace('id: thu-nghiem.toi-thieu', 'id: lien-thong.thu').replace('code: "1.999998"', 'code: "2.999999"') + `members:\n${members}`;

const MEMBERS = `  - procedure: thu-nghiem.mot
    data: { ho_ten: ho_ten, so_ban: so_ban * 2, ngay_sinh: ngay_sinh }
    documents: { don: don }
  - procedure: thu-nghiem.hai
    data: { ho_ten: ho_ten, gioi_tinh: gioi_tinh }
`;

async function build(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(root, 'test/.tmp/bundle-'));
  await mkdir(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'src', name), text);
  const result = await buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, 'out'), cwd: root });
  return { result, out: path.join(dir, 'out') };
}

const diagnosticsOf = async (members: string) =>
  (await build({ 'a.yaml': member('thu-nghiem.mot', '1.999991'), 'b.yaml': member('thu-nghiem.hai', '1.999992'), 'l.yaml': bundle(members) })).result.diagnostics.map((d) => `${d.code} ${d.line}: ${d.message.en}`);

describe('liên thông bundles', () => {
  it('split one submission into one per member, data entered once and documents given once', async () => {
    const { result, out } = await build({ 'a.yaml': member('thu-nghiem.mot', '1.999991'), 'b.yaml': member('thu-nghiem.hai', '1.999992'), 'l.yaml': bundle(MEMBERS) });
    expect(result.diagnostics).toEqual([]);
    const b = await import(pathToFileURL(path.join(out, 'procedures/lien-thong.thu/index.js')).href);
    const file = { name: 'don.pdf', type: 'application/pdf', size: 10, sha256: 'ab'.repeat(32) };
    const payload = { channel: 'online', delivery: 'post', data: { ho_ten: 'Trần An', so_ban: 2, ngay_sinh: '2026-01-05', gioi_tinh: 'nu' }, documents: { don: [file] } };
    expect(b.validate(payload).errors).toEqual([]);
    const parts = b.split(payload, { today: '2026-03-01' });
    expect(parts).toEqual([
      { procedure: { id: 'thu-nghiem.mot', version: '1.0.0' }, payload: { channel: 'online', delivery: 'post', data: { ho_ten: 'Trần An', so_ban: 4, ngay_sinh: '2026-01-05' }, documents: { don: [file] } } },
      { procedure: { id: 'thu-nghiem.hai', version: '1.0.0' }, payload: { channel: 'online', delivery: 'post', data: { ho_ten: 'Trần An', gioi_tinh: 'nu' }, documents: {} } },
    ]);
    parts.forEach((part: { payload: unknown }, i: number) => expect(b.members[i].module.validate(part.payload).errors).toEqual([]));
  });

  it('refuse a mapping of the wrong type, to a missing field, or that leaves a required field empty', async () => {
    expect(
      await diagnosticsOf(`  - procedure: thu-nghiem.mot
    data: { ho_ten: ngay_sinh, so_ban: so_ban, ho_tne: ho_ten }
  - procedure: thu-nghiem.hai
    data: { gioi_tinh: '"khac"' }
  - procedure: thu-nghiem.ba
    data: {}
`),
    ).toEqual([
      'TT3016 47: The field `ho_ten` of `thu-nghiem.mot` is a string, but the mapping gives a date.',
      'TT3002 47: No field of thu-nghiem.mot named `ho_tne` exists. Did you mean `ho_ten`?',
      'TT3017 49: The member `thu-nghiem.hai` requires the fields `ho_ten`, which the bundle does not provide.',
      'TT4009 49: `khac` is not an option of the field `gioi_tinh`.',
      'TT3002 50: No member procedure named `thu-nghiem.ba` exists. Did you mean `thu-nghiem.hai`?',
    ]);
  });
});
