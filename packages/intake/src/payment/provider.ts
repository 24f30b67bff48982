/**
 * What every payment provider offers the intake server. The amount of an order is fixed by the
 * server (the fee engine) before a provider sees it; providers only move money and report back.
 * A redirect provider (VNPay) starts with a URL for the browser and reports through a signed
 * server-to-server notification; a transfer provider (VietQR) starts with a QR code and is
 * confirmed by an officer who sees the money arrive.
 */
export type ProviderName = 'vnpay' | 'vietqr';

/** An order as the provider needs it: our reference, the amount in whole VND, what it pays for. */
export interface PaymentOrder {
  ref: string;
  amount: number;
  /** The dossier code, carried in the order's description / transfer note. */
  dossierCode: string;
  createdAt: Date;
  /** The applicant's address (VNPay wants it). */
  clientIp?: string;
  lang?: 'vi' | 'en';
  /** Where a redirect provider sends the browser back, when the configuration does not say. */
  returnUrl?: string;
}

export type PaymentStart =
  | { provider: 'vnpay'; redirectUrl: string }
  | { provider: 'vietqr'; emv: string; svg: string; amount: number; note: string; account: { bankBin: string; number: string; name?: string } };

/** What a provider's callback (browser return or notification) says, once its signature is checked. */
export type CallbackOutcome =
  | { valid: false }
  | {
      valid: true;
      ref: string;
      /** In whole VND (the provider's own unit converted back). */
      amount: number;
      /** The provider's confirmation that money moved. */
      success: boolean;
      providerRef?: string;
      paidAt?: Date;
      /** The parameters as received, kept with the order (never the signature). */
      raw: Record<string, string>;
    };

/** The provider's own view of an order, asked directly (for notifications that never came). */
export interface QueryOutcome {
  found: boolean;
  success: boolean;
  amount?: number;
  providerRef?: string;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  start(order: PaymentOrder): PaymentStart;
  /** Checks a callback's signature (constant time) and reads it; never trusts an unsigned value. */
  verifyCallback?(params: Record<string, string>): CallbackOutcome;
  query?(order: PaymentOrder): Promise<QueryOutcome>;
}
