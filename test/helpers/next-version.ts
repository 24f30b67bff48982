import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIRTH_REGISTRATION = 'catalogue/ho-tich/dang-ky-khai-sinh.yaml';
export const NEXT_VERSION_FILE = 'catalogue/ho-tich/dang-ky-khai-sinh@1.1.0.yaml';

/**
 * A made-up next version of birth registration, as policy staff would write it when a
 * circular changes the copy fee and adds a document: version 1.1.0 in force from 1 March 2027,
 * copy fee 8,000 → 10,000 VND per copy, one more document (when the mother is known). The circular is fictitious (number
 * 999/2026) so nobody mistakes the fixture for the law.
 */
export function nextBirthRegistration(text = readFileSync(path.join(root, BIRTH_REGISTRATION), 'utf8')): string {
  const doc = parseDocument(text);
  doc.set('version', '1.1.0');
  doc.set('effectiveDate', '2027-03-01');
  const legal = doc.get('legalBasis') as { add(v: unknown): void };
  legal.add({ id: 'tt-999-2026-btc', number: '999/2026/TT-BTC', title: { vi: 'Thông tư sửa đổi mức thu phí khai thác cơ sở dữ liệu hộ tịch (ví dụ)', en: 'Circular amending the civil status database fee (example)' }, issuer: 'Bộ Tài chính', date: '2026-12-15' });
  doc.set('changeBasis', ['tt-999-2026-btc']);
  const channels = doc.toJS().channels as { fees: { id: string }[] }[];
  channels.forEach((c, i) => {
    const j = c.fees.findIndex((f) => f.id === 'phi-ban-sao-giay-khai-sinh');
    doc.setIn(['channels', i, 'fees', j, 'amount'], 10000);
    doc.setIn(['channels', i, 'fees', j, 'legalBasis'], doc.createNode(['tt-999-2026-btc']));
  });
  (doc.getIn(['cases', 0, 'documents']) as { add(v: unknown): void }).add(
    doc.createNode({
      id: 'giay-xac-nhan-noi-cu-tru-cua-me',
      name: { vi: 'Giấy xác nhận nơi cư trú của người mẹ', en: "Confirmation of the mother's residence" },
      originals: 1,
      copies: 0,
      requiredWhen: 'da_xac_dinh_me == true',
      upload: { accept: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeMB: 10, maxFiles: 2 },
    }),
  );
  return doc.toString({ lineWidth: 0 });
}
