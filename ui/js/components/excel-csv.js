// CSV made in the page the way the core makes its own (interchange/excel_csv.rs),
// so a Danish Excel opens it by double-click: UTF-8 with a byte order mark
// (without it Excel guesses Windows-1252 and mangles æøå), ";" between cells
// (Danish Excel reads "," as the decimal comma), CRLF line endings.

// A cell starting like a formula gets a leading quote so the spreadsheet shows
// it as text: the cells carry text people and imports typed (course titles in
// the audit log's details), which must not run as a formula in HR's Excel.
const FORMULA_START = /^[=+\-@\t\r\n]/;

function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of a CSV file (BOM included) with `header` and then `rows`. */
export function excelCsv(header, rows) {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
