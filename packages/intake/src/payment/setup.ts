import type { PaymentProvider, ProviderName } from './provider.js';
import { vietqrProvider, type VietqrConfig } from './vietqr.js';
import { vnpayProvider, type VnpayConfig } from './vnpay.js';

/** Level-4 payment as configured for one intake server; no provider means no online payment. */
export interface PaymentOptions {
  vnpay?: VnpayConfig;
  vietqr?: VietqrConfig;
  /** The applicant's status page (e.g. https://agency.gov.vn/tra-cuu.html), linked from the VNPay return page. */
  statusPage?: string;
}

export interface PaymentSetup {
  providers: Partial<Record<ProviderName, PaymentProvider>>;
  /** The configured providers in the order they are offered. */
  offered: ProviderName[];
  statusPage?: string;
}

export function paymentSetup(options: PaymentOptions = {}): PaymentSetup {
  const providers: Partial<Record<ProviderName, PaymentProvider>> = {};
  if (options.vnpay) providers.vnpay = vnpayProvider(options.vnpay);
  if (options.vietqr) providers.vietqr = vietqrProvider(options.vietqr);
  return { providers, offered: Object.keys(providers) as ProviderName[], ...(options.statusPage ? { statusPage: options.statusPage } : {}) };
}

/** Reads the payment configuration from the environment (see the README's "Thanh toán" section). */
export function paymentOptionsFromEnv(env: Record<string, string | undefined>): PaymentOptions {
  const options: PaymentOptions = {};
  requireAllOrNone(env, ['VNPAY_TMN_CODE', 'VNPAY_HASH_SECRET', 'VNPAY_PAYMENT_URL']);
  requireAllOrNone(env, ['VIETQR_BANK_BIN', 'VIETQR_ACCOUNT']);
  if (env.VNPAY_TMN_CODE && env.VNPAY_HASH_SECRET && env.VNPAY_PAYMENT_URL) {
    options.vnpay = {
      tmnCode: env.VNPAY_TMN_CODE, hashSecret: env.VNPAY_HASH_SECRET, paymentUrl: env.VNPAY_PAYMENT_URL,
      ...(env.VNPAY_API_URL ? { apiUrl: env.VNPAY_API_URL } : {}), ...(env.VNPAY_RETURN_URL ? { returnUrl: env.VNPAY_RETURN_URL } : {}),
    };
  }
  if (env.VIETQR_BANK_BIN && env.VIETQR_ACCOUNT) {
    options.vietqr = { bankBin: env.VIETQR_BANK_BIN, accountNumber: env.VIETQR_ACCOUNT, ...(env.VIETQR_ACCOUNT_NAME ? { accountName: env.VIETQR_ACCOUNT_NAME } : {}) };
  }
  if (env.THUTUC_STATUS_PAGE_URL) options.statusPage = env.THUTUC_STATUS_PAGE_URL;
  return options;
}

/** Half a provider's settings is a mistake to report at start, not a provider silently off. */
function requireAllOrNone(env: Record<string, string | undefined>, names: string[]): void {
  const missing = names.filter((n) => !env[n]);
  if (missing.length && missing.length < names.length) {
    throw new RangeError(`Cấu hình thanh toán thiếu / payment settings missing: ${missing.join(', ')} (cần cả / all of ${names.join(', ')})`);
  }
}
