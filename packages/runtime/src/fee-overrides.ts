import type { LocalFeeOverrides } from './fees.js';

/**
 * The amounts one province's council resolutions set for `kind: local` fee lines, as the
 * compiler writes them (`overrides/<province>.json`): by procedure, then by channel (`*` for
 * every channel), then by fee line id.
 */
export interface ProvinceFeeFile {
  province: string;
  procedures: Record<string, { resolution: { number: string; date?: string }; amounts: Record<string, Record<string, number>> }>;
}

/** What `computeFees` needs for one procedure filed on one channel, or undefined when the province sets nothing for it. */
export function localFeeOverrides(file: ProvinceFeeFile | undefined, procedureId: string, channel: string): LocalFeeOverrides | undefined {
  const entry = file?.procedures?.[procedureId];
  if (!file || !entry) return undefined;
  const amounts = { ...(entry.amounts['*'] ?? {}), ...(entry.amounts[channel] ?? {}) };
  if (Object.keys(amounts).length === 0) return undefined;
  return { province: file.province, resolution: entry.resolution, amounts };
}
