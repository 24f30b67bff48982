import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeSource, diffCatalogues, diffProcedure, formatDiffMarkdown, formatDiffText, type Procedure } from '@thutuc/core';
import { BIRTH_REGISTRATION, nextBirthRegistration } from '../../../test/helpers/next-version.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function procedure(file: string, text: string): Procedure {
  const analyzed = analyzeSource({ file, bytes: new TextEncoder().encode(text) });
  expect(analyzed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analyzed.document!.value as Procedure;
}

const currentText = readFileSync(path.join(root, BIRTH_REGISTRATION), 'utf8');
const current = procedure(BIRTH_REGISTRATION, currentText);
const next = procedure('catalogue/ho-tich/dang-ky-khai-sinh@1.1.0.yaml', nextBirthRegistration(currentText));

describe('diffProcedure', () => {
  it('lists the changed copy fee, the new document and the new legal basis, with their cause', () => {
    const { from, to, changes } = diffProcedure(current, next);
    expect([from?.version, to?.version, to?.effectiveDate]).toEqual(['1.0.0', '1.1.0', '2027-03-01']);
    expect(changes.map((c) => [c.kind, c.path, c.basis?.map((b) => b.vi)])).toEqual([
      ['fee-amount', '/channels/0/fees/1', ['Thông tư 999/2026/TT-BTC']],
      ['document-added', '/cases/0/documents/10', ['Thông tư 999/2026/TT-BTC']],
      ['legal-added', '/legalBasis/16', undefined],
    ]);
    // one line for the three channels: the fee changed on all of them
    expect(formatDiffText([diffProcedure(current, next)]).match(/Phí cấp bản sao/g)).toHaveLength(1);
  });

  it('writes Markdown ready for a changeset, with markup in catalogue text escaped', () => {
    const starred = { ...next, title: { vi: 'Thủ tục *thử*', en: '<b>Test</b>' } };
    const md = formatDiffMarkdown([diffProcedure(current, starred)]);
    expect(md).toContain('### Thủ tục \\*thử\\* (1.001193) · \\<b\\>Test\\</b\\>');
    expect(md).toContain('- Phí cấp bản sao Giấy khai sinh: 8.000 đ → 10.000 đ/bản (Thông tư 999/2026/TT-BTC)');
  });

  it('finds no change between a version and itself', () => {
    expect(diffProcedure(current, current).changes).toEqual([]);
  });

  it('reads a shorter time limit, a new required field and a removed document', () => {
    const edited = structuredClone(current);
    edited.channels[0]!.processingTime.value = 3;
    edited.form.sections[0]!.fields.push({ id: 'so_ho_chieu', type: 'text', label: { vi: 'Số hộ chiếu', en: 'Passport number' }, required: true });
    edited.cases[0]!.documents = edited.cases[0]!.documents.filter((d) => d.id !== 'van-ban-uy-quyen');
    const lines = diffProcedure(current, edited).changes.map((c) => c.message.vi);
    expect(lines).toContain('Thời hạn giải quyết trực tuyến: 1 → 3 ngày làm việc');
    expect(lines).toContain(`Trường bắt buộc mới: Số hộ chiếu (${current.form.sections[0]!.title.vi})`);
    expect(lines.some((l) => l.startsWith('Bỏ giấy tờ: Văn bản ủy quyền'))).toBe(true);
  });

  it('says when a version stops being in force', () => {
    const ending = { ...current, endDate: '2027-02-28' } as Procedure;
    expect(diffProcedure(current, ending).changes.map((c) => c.message)).toEqual([{ vi: 'Hết hiệu lực từ 28/02/2027', en: 'No longer in force from 28/02/2027' }]);
  });
});

describe('diffCatalogues', () => {
  it('compares a new version with the latest version before it, and skips unchanged procedures', () => {
    const diffs = diffCatalogues([{ procedure: current }], [{ procedure: current }, { procedure: next }]);
    expect(diffs.map((d) => [d.id, d.from?.version, d.to?.version])).toEqual([['ho-tich.dang-ky-khai-sinh', '1.0.0', '1.1.0']]);
  });

  it('reports new and removed procedures', () => {
    const other = { ...current, id: 'ho-tich.khac' };
    const diffs = diffCatalogues([{ procedure: other }], [{ procedure: current }]);
    expect(diffs.map((d) => d.changes[0]!.kind)).toEqual(['procedure-added', 'procedure-removed']);
  });
});
