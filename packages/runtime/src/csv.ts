/**
 * CSV as agencies open it: in Excel. UTF-8 with a byte-order mark, because Excel otherwise
 * reads the file in the machine's legacy code page and mangles every Vietnamese letter; CRLF
 * and quoting per RFC 4180. Shared by the public list, the register and the statistics.
 */

export const CSV_BOM = '\uFEFF';

/**
 * RFC 4180 quoting. A cell that starts like a formula (`=`, `+`, `-`, `@`) gets a leading
 * apostrophe first: spreadsheets would otherwise run catalogue text as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
