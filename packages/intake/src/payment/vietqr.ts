import { qrSvg } from '@thutuc/papers';
import { QRPay } from 'vietnam-qr-pay';
import type { PaymentOrder, PaymentProvider, PaymentStart } from './provider.js';

export interface VietqrConfig {
  /** The bank's NAPAS BIN, 6 digits (e.g. 970436 for Vietcombank). */
  bankBin: string;
  /** The agency's account number that receives the fees. */
  accountNumber: string;
  /** The account holder's name, shown beside the code. */
  accountName?: string;
}

/**
 * VietQR bank transfer: an EMVCo merchant-presented string (NAPAS GUID A000000727, fund transfer
 * to an account, amount, the dossier code as the transfer note, CRC16-CCITT) that any Vietnamese
 * banking app scans, drawn as an SVG QR code on the server (the papers' drawing: only squares reach the markup). No money is confirmed by this
 * provider: an officer confirms it when the transfer shows on the agency's statement.
 */
export function vietqrProvider(config: VietqrConfig): PaymentProvider {
  if (!/^\d{6}$/.test(config.bankBin)) throw new RangeError(`VietQR: mã BIN ngân hàng phải có 6 chữ số / the bank BIN must be 6 digits: ${config.bankBin}`);
  if (!/^[0-9A-Za-z]{1,19}$/.test(config.accountNumber)) throw new RangeError('VietQR: số tài khoản không hợp lệ / invalid account number');
  return {
    name: 'vietqr',
    start(order: PaymentOrder): PaymentStart {
      const note = order.dossierCode;
      const emv = QRPay.initVietQR({ bankBin: config.bankBin, bankNumber: config.accountNumber, amount: String(order.amount), purpose: note }).build();
      return {
        provider: 'vietqr', emv, svg: qrSvg(emv, 40, 'Mã VietQR để chuyển khoản / VietQR code for the transfer'), amount: order.amount, note,
        account: { bankBin: config.bankBin, number: config.accountNumber, ...(config.accountName ? { name: config.accountName } : {}) },
      };
    },
  };
}
