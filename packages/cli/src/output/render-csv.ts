/** A cell as CSV shows it: null is an empty cell. */
export type CsvCell = string | number | null;

/**
 * RFC 4180: a cell with a comma, a quote, a line break or an edge space is quoted, its quotes
 * doubled. A name from config (a model, a route) may hold any of them.
 */
function csvCell(cell: CsvCell): string {
  const text = cell == null ? '' : String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A header line and one line per row. Lines end in LF, as `vgw score --per-frame` writes them
 * and Unix tools expect; spreadsheets and CSV libraries read either ending.
 */
export function renderCsv(
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  return [headers, ...rows].map((row) => `${row.map(csvCell).join(',')}\n`).join('');
}
