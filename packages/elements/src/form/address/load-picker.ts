import type { AddressPicker } from './address-picker.js';

/**
 * Loads the address picker's behaviour (unit lists, search, combobox keys) for a form that has
 * an address field, so other forms do not download it. Its markup (render-address.ts) stays in
 * the element's script: it needs lit, which a script of its own would carry a second time.
 */
export const loadAddressPicker = (): Promise<typeof AddressPicker> => import('./address-picker.js').then((m) => (loaded = m.AddressPicker));

let loaded: typeof AddressPicker | undefined;

/** The picker once loaded: a form shown later on the page renders it in its first paint. */
export const loadedAddressPicker = (): typeof AddressPicker | undefined => loaded;

/** Whether any field of the form, or of its repeatable groups, is an address. */
export function hasAddressField(fields: readonly { type: string; fields?: readonly { type: string }[] }[]): boolean {
  return fields.some((f) => f.type === 'address' || (f.fields !== undefined && hasAddressField(f.fields)));
}
