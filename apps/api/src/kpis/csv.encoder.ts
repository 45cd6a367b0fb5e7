/** Excel reads a UTF-8 CSV as UTF-8 (and so keeps Korean text) only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One cell, RFC 4180 quoted when it holds a quote, comma or line break. Text a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so an applicant
 * named "=HYPERLINK(...)" stays text. Numbers are written as they are.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export function csvLine(cells: CsvCell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** The BOM and the header, then one chunk per batch of rows, pulled only as fast as the client reads. */
export async function* csvChunks<T>(header: string[], batches: AsyncIterable<T[]>, cells: (row: T) => CsvCell[]): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(header);
  for await (const batch of batches) yield batch.map((row) => csvLine(cells(row))).join('');
}
