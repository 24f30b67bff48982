import type { AddressPicker } from './address-picker.js';

/**
 * Loads the address picker (unit lists, search, combobox keys and its markup) for a form that
 * has an address field, so other forms do not download it. It takes lit from the element's
 * script (MarkupKit in render-address.ts) rather than carrying a copy.
 */
export const loadAddressPicker = (): Promise<typeof AddressPicker> => import('./address-picker.js').then((m) => (loaded = m.AddressPicker));

let loaded: typeof AddressPicker | undefined;

/** The picker once loaded: a form shown later on the page renders it in its first paint. */
export const loadedAddressPicker = (): typeof AddressPicker | undefined => loaded;

/** Whether any field of the form, or of its repeatable groups, is an address. */
export function hasAddressField(fields: readonly { type: string; fields?: readonly { type: string }[] }[]): boolean {
  return fields.some((f) => f.type === 'address' || (f.fields !== undefined && hasAddressField(f.fields)));
}
