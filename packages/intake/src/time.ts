/** An instant as Vietnam local time with its offset, e.g. `2026-04-24T09:30:00+07:00`. */
export function vietnamIso(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}
