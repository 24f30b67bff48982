import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import type { Currency } from './money.js';

/**
 * Amounts in Vietnamese words for receipts ("Bằng chữ: Hai mươi tám nghìn đồng"), via
 * read-vietnamese-number (MIT, no dependencies). Kept apart from the fee engine so that a
 * form that only shows figures does not bundle it.
 */

const CURRENCY_WORDS: Record<Currency, string[]> = { VND: ['đồng'], USD: ['đô', 'la', 'Mỹ'] };

/** `28000` → `"Hai mươi tám nghìn đồng"`; a whole, non-negative amount. */
export function amountInWords(amount: number, currency: Currency = 'VND'): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Số tiền phải là số nguyên không âm / the amount must be a whole number ≥ 0: ${amount}`);
  }
  const config = new ReadingConfig();
  config.unit = CURRENCY_WORDS[currency] ?? [currency];
  // Receipts write "tỷ" (the library says "tỉ"); its "lẻ" (rather than the regional "linh") stays.
  config.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
  const text = doReadNumber(String(amount), config);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
