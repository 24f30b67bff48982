/**
 * CSV for spreadsheets, shared by every export (the public list, the register, statistics):
 * RFC 4180 quoting and CRLF lines. Files start with a byte-order mark (`CSV_BOM`) because Excel
 * otherwise reads them in the machine's legacy code page and mangles every Vietnamese letter.
 */
export const CSV_BOM = '\uFEFF';

/**
 * RFC 4180 quoting. A cell that starts like a formula (`=`, `+`, `-`, `@`) gets a leading
 * apostrophe first: spreadsheets would otherwise run the text as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
