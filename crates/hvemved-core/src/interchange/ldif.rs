//! People from an Active Directory export in LDIF (RFC 2849), as `ldifde`
//! or `ldapsearch` write it: content records only.
//!
//! What is refused, and why:
//! - `attr:< url` values: following them would let an import file make the
//!   importer read any file on the machine it runs on;
//! - change records (`changetype:`): they describe edits to a directory, not
//!   its people, and taking them as people would import half-truths.
//!
//! Base64 values are decoded for every attribute, so a damaged file shows
//! itself, but only the attributes that are used must be UTF-8 text: an AD
//! export also carries binary ones (`objectGUID`, `thumbnailPhoto`).

use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use super::{PersonRow, RecordError, MAX_FIELD_CHARS, MAX_RECORDS};

/// What an LDIF file holds: the people that could be read, the entries
/// that could not, and how many entries were not people at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LdifPeople {
    pub rows: Vec<PersonRow>,
    pub errors: Vec<RecordError>,
    /// Entries that are not people, e.g. groups, organisational units or
    /// computers.
    pub skipped: usize,
}

/// A problem with the file as a whole: nothing in it is used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LdifError {
    #[error("the file has more than {limit} entries; split the export into smaller files")]
    TooManyEntries { limit: usize },
    #[error("line {line}: LDIF version \"{found}\" is not supported, only version 1")]
    UnsupportedVersion { line: usize, found: String },
    #[error("line {line}: the file cannot be read: {message}")]
    Unreadable { line: usize, message: String },
}

/// Reads the people in an LDIF export. Entries that cannot be used are
/// reported in [`LdifPeople::errors`] and the rest are still read.
pub fn parse_people(text: &str) -> Result<LdifPeople, LdifError> {
    parse_people_up_to(text, MAX_RECORDS)
}

/// [`parse_people`] for UTF-8 text read as a stream (see
/// [`super::text_stream::DecodingReader`]); the caller caps its size.
pub fn parse_people_stream(source: impl Read) -> Result<LdifPeople, LdifError> {
    let unreadable = Rc::new(RefCell::new(None));
    let noted = Rc::clone(&unreadable);
    let lines = BufReader::new(source).split(b'\n').map_while(move |line| {
        let text = line.and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
        });
        text.map_err(|error| *noted.borrow_mut() = Some(error)).ok()
    });
    let mut lines_read = 0;
    let counted = lines.inspect(|_| lines_read += 1);
    let people = read_blocks(Blocks::new(counted), MAX_RECORDS);
    if let Some(error) = unreadable.borrow_mut().take() {
        return Err(LdifError::Unreadable {
            line: lines_read + 1,
            message: error.to_string(),
        });
    }
    people
}

fn parse_people_up_to(text: &str, max_entries: usize) -> Result<LdifPeople, LdifError> {
    read_blocks(Blocks::new(text.split('\n').map(str::to_owned)), max_entries)
}

fn read_blocks(
    blocks: Blocks<impl Iterator<Item = String>>,
    max_entries: usize,
) -> Result<LdifPeople, LdifError> {
    let mut people = LdifPeople::default();
    let mut entries = 0_usize;
    for (index, mut block) in blocks.enumerate() {
        if index == 0 {
            take_version_line(&mut block)?;
            if block.is_empty() {
                continue;
            }
        }
        entries += 1;
        if entries > max_entries {
            return Err(LdifError::TooManyEntries { limit: max_entries });
        }
        let start_line = block.start_line;
        match read_entry(block) {
            Ok(Some(row)) => people.rows.push(row),
            Ok(None) => people.skipped += 1,
            Err(message) => people.errors.push(RecordError {
                line: start_line,
                message,
            }),
        }
    }
    Ok(people)
}

// ---------------------------------------------------------------------------
// Lines and entries

/// One line after unfolding, with the number of its first physical line.
#[derive(Debug)]
struct LogicalLine {
    line: usize,
    text: String,
}

/// The lines of one entry, i.e. between blank lines, comments left out.
#[derive(Debug, Default)]
struct Block {
    start_line: usize,
    lines: Vec<LogicalLine>,
    /// A continuation line with nothing before it to continue.
    stray_continuation: Option<usize>,
}

impl Block {
    fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.stray_continuation.is_none()
    }

    fn mark_start(&mut self, line: usize) {
        if self.is_empty() {
            self.start_line = line;
        }
    }
}

/// Splits the text's lines into blocks, unfolding lines on the way.
struct Blocks<L> {
    physical: std::iter::Enumerate<L>,
    /// Continuations of a comment belong to the comment.
    in_comment: bool,
}

impl<L: Iterator<Item = String>> Blocks<L> {
    fn new(lines: L) -> Self {
        Blocks {
            physical: lines.enumerate(),
            in_comment: false,
        }
    }

    fn continue_line(in_comment: bool, block: &mut Block, line: usize, continued: &str) {
        if in_comment {
            return;
        }
        match block.lines.last_mut() {
            // Folding may cut anywhere, even inside a base64 value; joining
            // before any decoding puts the pieces back together.
            Some(last) => last.text.push_str(continued),
            None => {
                block.mark_start(line);
                block.stray_continuation.get_or_insert(line);
            }
        }
    }
}

impl<L: Iterator<Item = String>> Iterator for Blocks<L> {
    type Item = Block;

    fn next(&mut self) -> Option<Block> {
        let mut block = Block::default();
        for (index, raw) in self.physical.by_ref() {
            let line = index + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(&raw);
            let raw = if index == 0 {
                raw.strip_prefix('\u{feff}').unwrap_or(raw)
            } else {
                raw
            };
            if let Some(continued) = raw.strip_prefix(' ') {
                Self::continue_line(self.in_comment, &mut block, line, continued);
            } else if raw.trim().is_empty() {
                self.in_comment = false;
                if !block.is_empty() {
                    return Some(block);
                }
            } else if raw.starts_with('#') {
                self.in_comment = true;
            } else {
                self.in_comment = false;
                block.mark_start(line);
                block.lines.push(LogicalLine {
                    line,
                    text: raw.to_owned(),
                });
            }
        }
        (!block.is_empty()).then_some(block)
    }
}

/// Removes a leading `version: 1` from the file's first block.
fn take_version_line(block: &mut Block) -> Result<(), LdifError> {
    let Some(first) = block.lines.first() else {
        return Ok(());
    };
    let Some((name, value)) = first.text.split_once(':') else {
        return Ok(());
    };
    if !name.trim().eq_ignore_ascii_case("version") {
        return Ok(());
    }
    let found = value.trim();
    if found != "1" {
        return Err(LdifError::UnsupportedVersion {
            line: first.line,
            found: shorten(found),
        });
    }
    block.lines.remove(0);
    if let Some(next) = block.lines.first() {
        block.start_line = next.line;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Attributes

#[derive(Debug)]
struct Attribute {
    /// The base name in lower case, for looking up: options such as
    /// `;lang-da` and `;binary` removed.
    name: String,
    /// As the file writes it, for messages.
    written: String,
    value: Value,
    line: usize,
}

#[derive(Debug)]
enum Value {
    Text(String),
    Decoded(Vec<u8>),
}

fn parse_attribute(logical: LogicalLine) -> Result<Attribute, String> {
    let line = logical.line;
    let Some((description, rest)) = logical.text.split_once(':') else {
        return Err(format!(
            "line {line} is not \"attribute: value\": \"{}\"",
            shorten(&logical.text)
        ));
    };
    let base_name = description.split(';').next().unwrap_or_default();
    if base_name.is_empty()
        || !base_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        return Err(format!(
            "line {line}: \"{}\" is not an attribute name",
            shorten(description)
        ));
    }
    let written = description.to_owned();
    let value = parse_value(rest, &written, line)?;
    Ok(Attribute {
        name: base_name.to_ascii_lowercase(),
        written,
        value,
        line,
    })
}

/// The part after the attribute's first colon: `: text`, `:: base64` or
/// `:< url`.
fn parse_value(rest: &str, written: &str, line: usize) -> Result<Value, String> {
    if let Some(encoded) = rest.strip_prefix(':') {
        STANDARD
            .decode(encoded.trim())
            .map(Value::Decoded)
            .map_err(|_| {
                format!("the value of \"{written}\" on line {line} is marked as base64 (\"::\") but is not valid base64")
            })
    } else if let Some(url) = rest.strip_prefix('<') {
        Err(format!(
            "the value of \"{written}\" on line {line} is to be read from \"{}\"; values read from a URL or file (\":<\") are refused, because the import would then read files on this computer",
            shorten(url.trim())
        ))
    } else {
        Ok(Value::Text(rest.trim_start_matches(' ').to_owned()))
    }
}

/// A value as text, for messages: long values are cut.
fn shorten(text: &str) -> String {
    const SHOWN_CHARS: usize = 60;
    if text.chars().count() <= SHOWN_CHARS {
        text.to_owned()
    } else {
        let head: String = text.chars().take(SHOWN_CHARS).collect();
        format!("{head}…")
    }
}

// ---------------------------------------------------------------------------
// From an entry to a person

/// Classes that make an entry a person.
const PERSON_CLASSES: [&str; 4] = ["person", "user", "organizationalperson", "inetorgperson"];
/// Attributes that can give a name.
const NAME_ATTRIBUTES: [&str; 4] = ["displayname", "cn", "givenname", "sn"];

struct Entry {
    attributes: Vec<Attribute>,
}

/// A used attribute's value as text, trimmed and within the length limit.
struct Field {
    text: String,
    written: String,
    line: usize,
}

/// `Ok(None)` for an entry that is not a person.
fn read_entry(block: Block) -> Result<Option<PersonRow>, String> {
    let start_line = block.start_line;
    let entry = Entry::parse(block)?;
    if !entry.is_person()? {
        return Ok(None);
    }
    entry.to_person(start_line).map(Some)
}

impl Entry {
    fn parse(block: Block) -> Result<Entry, String> {
        if let Some(line) = block.stray_continuation {
            return Err(format!(
                "line {line} starts with a space, which continues the line before it, but there is none"
            ));
        }
        let mut attributes = Vec::with_capacity(block.lines.len());
        for logical in block.lines {
            let attribute = parse_attribute(logical)?;
            // Checked while reading, as the lines after it ("-",
            // "replace: title") are not attributes.
            if attribute.name == "changetype" || attribute.name == "control" {
                return Err(change_record_message(&attribute));
            }
            attributes.push(attribute);
        }
        let Some(dn) = attributes.first().filter(|first| first.name == "dn") else {
            return Err("the entry does not start with \"dn:\"".to_owned());
        };
        text_of(dn)?;
        Ok(Entry { attributes })
    }

    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Attribute> + 'a {
        self.attributes
            .iter()
            .filter(move |attribute| attribute.name == name)
    }

    /// Computers are skipped even though AD derives them from `user`.
    /// Any other entry with classes is a person only with a person class;
    /// one without classes (an export of selected attributes) is taken as a
    /// person when it has a name.
    fn is_person(&self) -> Result<bool, String> {
        let classes = self
            .values("objectclass")
            .map(|class| text_of(class).map(|text| text.trim().to_ascii_lowercase()))
            .collect::<Result<Vec<_>, _>>()?;
        if classes.iter().any(|class| class == "computer") {
            return Ok(false);
        }
        if classes.is_empty() {
            return Ok(self.has_name_attribute());
        }
        Ok(classes
            .iter()
            .any(|class| PERSON_CLASSES.contains(&class.as_str())))
    }

    fn has_name_attribute(&self) -> bool {
        NAME_ATTRIBUTES
            .iter()
            .flat_map(|name| self.values(name))
            .any(|attribute| match &attribute.value {
                Value::Text(text) => !text.trim().is_empty(),
                Value::Decoded(bytes) => !bytes.is_empty(),
            })
    }

    /// The first non-empty value of a single-valued attribute; later values
    /// are ignored.
    fn field(&self, name: &str) -> Result<Option<Field>, String> {
        for attribute in self.values(name) {
            let text = text_of(attribute)?.trim();
            if text.is_empty() {
                continue;
            }
            if text.chars().count() > MAX_FIELD_CHARS {
                return Err(format!(
                    "the value of \"{}\" on line {} is longer than {MAX_FIELD_CHARS} characters",
                    attribute.written, attribute.line
                ));
            }
            return Ok(Some(Field {
                text: text.to_owned(),
                written: attribute.written.clone(),
                line: attribute.line,
            }));
        }
        Ok(None)
    }

    fn first_field(&self, names: &[&str]) -> Result<Option<Field>, String> {
        for name in names {
            if let Some(field) = self.field(name)? {
                return Ok(Some(field));
            }
        }
        Ok(None)
    }

    fn text(&self, names: &[&str]) -> Result<Option<String>, String> {
        Ok(self.first_field(names)?.map(|field| field.text))
    }

    fn to_person(&self, start_line: usize) -> Result<PersonRow, String> {
        Ok(PersonRow {
            line: start_line,
            employee_id: self.text(&["employeeid", "employeenumber"])?,
            name: self.name()?,
            title: self.text(&["title"])?,
            units: self.units()?,
            // AD has no attribute for a profession.
            profession: None,
            email: self.email()?,
            phone: self.text(&["telephonenumber", "mobile"])?,
            location: self.text(&["physicaldeliveryofficename"])?,
        })
    }

    fn name(&self) -> Result<String, String> {
        if let Some(name) = self.text(&["displayname", "cn"])? {
            return Ok(name);
        }
        let parts: Vec<String> = [self.text(&["givenname"])?, self.text(&["sn"])?]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            return Err(
                "the person has no name: none of displayName, cn, givenName or sn has a value".to_owned(),
            );
        }
        Ok(parts.join(" "))
    }

    /// `mail`, which must look like an address; else `userPrincipalName`,
    /// which often does (`anne@kommune.dk`) but need not be one, so it is
    /// only used when it looks right.
    fn email(&self) -> Result<Option<String>, String> {
        if let Some(mail) = self.field("mail")? {
            if !looks_like_email(&mail.text) {
                return Err(format!(
                    "the e-mail \"{}\" in \"{}\" on line {} is not an e-mail address",
                    shorten(&mail.text),
                    mail.written,
                    mail.line
                ));
            }
            return Ok(Some(mail.text));
        }
        Ok(self
            .text(&["userprincipalname"])?
            .filter(|name| looks_like_email(name)))
    }

    /// The unit path: the `division` (in a municipality the forvaltning),
    /// then the `department`, which some exports write as a path
    /// "Myndighed / Team Nord". A department path that repeats the division
    /// does not repeat it in the units.
    fn units(&self) -> Result<Vec<String>, String> {
        let mut units: Vec<String> = self.text(&["division"])?.into_iter().collect();
        if let Some(department) = self.text(&["department"])? {
            for part in department.split(" / ").map(str::trim) {
                if !part.is_empty() && units.last().map(String::as_str) != Some(part) {
                    units.push(part.to_owned());
                }
            }
        }
        Ok(units)
    }
}

fn change_record_message(change: &Attribute) -> String {
    format!(
        "line {} makes this a change record (\"{}: {}\"); only content records, as an export writes them, can be imported",
        change.line,
        change.written,
        shorten(text_of(change).unwrap_or_default())
    )
}

fn text_of(attribute: &Attribute) -> Result<&str, String> {
    match &attribute.value {
        Value::Text(text) => Ok(text),
        Value::Decoded(bytes) => std::str::from_utf8(bytes).map_err(|_| {
            format!(
                "the base64 value of \"{}\" on line {} is not UTF-8 text",
                attribute.written, attribute.line
            )
        }),
    }
}

/// Plausible, not RFC 5322: one `@`, something before it, a dot inside the
/// domain and no spaces. Enough to catch "anne(at)kommune.dk" and a name
/// typed into the wrong field.
fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let domain_has_inner_dot = domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.');
    !local.is_empty()
        && !domain.contains('@')
        && domain_has_inner_dot
        && !text.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> LdifPeople {
        parse_people(text).expect("the file as a whole is readable")
    }

    fn only_row(text: &str) -> PersonRow {
        let people = parse(text);
        assert_eq!(people.errors, vec![], "no errors");
        assert_eq!(people.rows.len(), 1, "one person in {people:?}");
        people.rows[0].clone()
    }

    fn only_error(text: &str) -> RecordError {
        let people = parse(text);
        assert_eq!(people.rows, vec![], "no people");
        assert_eq!(people.errors.len(), 1, "one error in {people:?}");
        people.errors[0].clone()
    }

    fn b64(text: &str) -> String {
        STANDARD.encode(text.as_bytes())
    }

    const ANNE: &str = "\
dn: CN=Anne Hansen,OU=Myndighed,OU=Brugere,DC=kommune,DC=local
objectClass: top
objectClass: person
objectClass: organizationalPerson
objectClass: user
cn: Anne Hansen
givenName: Anne
sn: Hansen
displayName: Anne Hansen
title: Socialrådgiver
division: Børn og Familie
department: Myndighed
mail: anne@kommune.dk
userPrincipalName: anha@kommune.local
telephoneNumber: +45 12 34 56 78
mobile: +45 87 65 43 21
physicalDeliveryOfficeName: Rådhuset
employeeID: 1042
";

    #[test]
    fn reads_a_plain_person_entry() {
        assert_eq!(
            only_row(ANNE),
            PersonRow {
                line: 1,
                employee_id: Some("1042".to_owned()),
                name: "Anne Hansen".to_owned(),
                title: Some("Socialrådgiver".to_owned()),
                units: vec!["Børn og Familie".to_owned(), "Myndighed".to_owned()],
                profession: None,
                email: Some("anne@kommune.dk".to_owned()),
                phone: Some("+45 12 34 56 78".to_owned()),
                location: Some("Rådhuset".to_owned()),
            }
        );
    }

    #[test]
    fn reads_several_entries_with_their_start_lines() {
        let text =
            format!("version: 1\n\n{ANNE}\ndn: CN=Bo Jensen,DC=kommune\nobjectClass: user\ncn: Bo Jensen\n");
        let people = parse(&text);
        assert_eq!(people.errors, vec![]);
        let names: Vec<(&str, usize)> = people
            .rows
            .iter()
            .map(|row| (row.name.as_str(), row.line))
            .collect();
        assert_eq!(names, [("Anne Hansen", 3), ("Bo Jensen", 22)]);
    }

    #[test]
    fn accepts_the_version_line_directly_before_the_first_entry() {
        let row = only_row("version: 1\ndn: CN=Bo,DC=kommune\ncn: Bo Jensen\n");
        assert_eq!(row.name, "Bo Jensen");
        assert_eq!(row.line, 2);
    }

    #[test]
    fn refuses_other_versions() {
        assert_eq!(
            parse_people("version: 2\n\ndn: CN=Bo\ncn: Bo\n"),
            Err(LdifError::UnsupportedVersion {
                line: 1,
                found: "2".to_owned()
            })
        );
    }

    #[test]
    fn ignores_comments_including_folded_ones() {
        let text = "\
# Export fra AD
#  fortsat
 kommentarens fortsættelse

dn: CN=Bo,DC=kommune
# en kommentar midt i
objectClass: user
cn: Bo Jensen
# slut
";
        let row = only_row(text);
        assert_eq!(row.name, "Bo Jensen");
        assert_eq!(row.line, 5);
    }

    #[test]
    fn reads_crlf_line_endings() {
        let text = ANNE.replace('\n', "\r\n");
        let row = only_row(&format!("version: 1\r\n\r\n{text}\r\n"));
        assert_eq!(row.name, "Anne Hansen");
        assert_eq!(row.location.as_deref(), Some("Rådhuset"));
        assert_eq!(row.line, 3);
    }

    #[test]
    fn ignores_a_byte_order_mark() {
        let row = only_row("\u{feff}version: 1\n\ndn: CN=Bo\ncn: Bo Jensen\n");
        assert_eq!(row.name, "Bo Jensen");
    }

    #[test]
    fn unfolds_plain_values_removing_exactly_one_space() {
        let text = "dn: CN=Bo\ncn: Bo Jen\n sen\ntitle: Leder af\n  Myndighed\n";
        let row = only_row(text);
        assert_eq!(row.name, "Bo Jensen");
        assert_eq!(row.title.as_deref(), Some("Leder af Myndighed"));
    }

    #[test]
    fn unfolds_with_crlf_too() {
        let row = only_row("dn: CN=Bo\r\ncn: Søren\r\n  Ærø\r\n");
        assert_eq!(row.name, "Søren Ærø");
    }

    #[test]
    fn decodes_base64_values_for_danish_letters() {
        let text = format!(
            "dn:: {}\nobjectClass: user\ndisplayName:: {}\n",
            b64("CN=Søren Ærø,OU=Brugere"),
            b64("Søren Ærø")
        );
        assert_eq!(only_row(&text).name, "Søren Ærø");
    }

    #[test]
    fn decodes_a_hand_checked_base64_literal() {
        let literal = "w4ZybyBTw7hyZW4=";
        let decoded = STANDARD.decode(literal).expect("valid base64");
        assert_eq!(String::from_utf8(decoded).expect("UTF-8"), "Æro Søren");
        let row = only_row(&format!("dn: CN=x\ncn:: {literal}\n"));
        assert_eq!(row.name, "Æro Søren");
    }

    #[test]
    fn joins_a_folded_base64_value_before_decoding() {
        let encoded = b64("Søren Ærø Østergård");
        // Every cut, including those that split the bytes of "ø" or "Æ"
        // between two physical lines.
        for cut in 1..encoded.len() {
            let (head, tail) = encoded.split_at(cut);
            let text = format!("dn: CN=x\ncn:: {head}\n {tail}\n");
            assert_eq!(only_row(&text).name, "Søren Ærø Østergård", "cut at {cut}");
        }
    }

    #[test]
    fn refuses_values_read_from_urls() {
        let text = "dn: CN=Bo\ncn: Bo\njpegPhoto:< file:///etc/passwd\n";
        let error = only_error(text);
        assert_eq!(error.line, 1);
        assert!(error.message.contains("\"jpegPhoto\" on line 3"), "{error}");
        assert!(error.message.contains("file:///etc/passwd"), "{error}");
        assert!(error.message.contains("refused"), "{error}");
    }

    #[test]
    fn reports_bad_base64_with_line_and_attribute() {
        let error = only_error("version: 1\n\ndn: CN=Bo\ncn:: ***ikke base64***\n");
        assert_eq!(error.line, 3);
        assert!(error.message.contains("\"cn\" on line 4"), "{error}");
        assert!(error.message.contains("not valid base64"), "{error}");
    }

    #[test]
    fn reports_base64_that_is_not_utf8_in_a_used_attribute() {
        let latin1 = STANDARD.encode([b'S', 0xF8, b'r', b'e', b'n']);
        let error = only_error(&format!("dn: CN=x\ncn: x\ndisplayName:: {latin1}\n"));
        assert!(error.message.contains("\"displayName\" on line 3"), "{error}");
        assert!(error.message.contains("not UTF-8"), "{error}");
    }

    #[test]
    fn accepts_binary_values_in_attributes_that_are_not_used() {
        let guid = STANDARD.encode([0xFF, 0x00, 0xFE, 0x80]);
        let row = only_row(&format!("dn: CN=Bo\nobjectGUID:: {guid}\ncn: Bo\n"));
        assert_eq!(row.name, "Bo");
    }

    #[test]
    fn uses_the_base_name_of_attributes_with_options_in_any_case() {
        let row = only_row("DN: CN=Bo\nCN;lang-da: Bo Jensen\nMAIL: bo@kommune.dk\nTitle: Jurist\n");
        assert_eq!(row.name, "Bo Jensen");
        assert_eq!(row.email.as_deref(), Some("bo@kommune.dk"));
        assert_eq!(row.title.as_deref(), Some("Jurist"));
    }

    #[test]
    fn keeps_the_first_of_several_values() {
        let row = only_row("dn: CN=Bo\ncn: Bo Jensen\ncn: Bo J.\ntitle: Jurist\ntitle: Leder\n");
        assert_eq!(row.name, "Bo Jensen");
        assert_eq!(row.title.as_deref(), Some("Jurist"));
    }

    #[test]
    fn falls_back_through_the_name_attributes() {
        let from_cn = only_row("dn: CN=x\ncn: Bo Jensen\ngivenName: B\nsn: J\n");
        assert_eq!(from_cn.name, "Bo Jensen");
        let from_parts = only_row("dn: CN=x\nobjectClass: user\ngivenName: Bo\nsn: Jensen\n");
        assert_eq!(from_parts.name, "Bo Jensen");
        let only_surname = only_row("dn: CN=x\nobjectClass: user\nsn: Jensen\n");
        assert_eq!(only_surname.name, "Jensen");
        let empty_display_name = only_row("dn: CN=x\ndisplayName:\ncn: Bo Jensen\n");
        assert_eq!(empty_display_name.name, "Bo Jensen");
    }

    #[test]
    fn reports_a_person_without_a_name() {
        let error = only_error("dn: CN=x\nobjectClass: user\nmail: x@kommune.dk\n");
        assert_eq!(error.line, 1);
        assert!(error.message.contains("no name"), "{error}");
    }

    #[test]
    fn skips_groups_units_and_computers() {
        let text = "\
dn: CN=Alle ansatte,OU=Grupper
objectClass: top
objectClass: group
cn: Alle ansatte

dn: OU=Myndighed,DC=kommune
objectClass: organizationalUnit
ou: Myndighed

dn: CN=PC-0042,OU=Computere
objectClass: top
objectClass: person
objectClass: organizationalPerson
objectClass: user
objectClass: computer
cn: PC-0042

dn: CN=Users,DC=kommune
objectClass: container
cn: Users

dn: DC=kommune
dc: kommune

dn: CN=Bo,DC=kommune
objectClass: user
cn: Bo Jensen
";
        let people = parse(text);
        assert_eq!(people.errors, vec![]);
        assert_eq!(people.skipped, 5);
        assert_eq!(people.rows.len(), 1);
        assert_eq!(people.rows[0].name, "Bo Jensen");
        assert_eq!(people.rows[0].line, 25);
    }

    #[test]
    fn refuses_change_records() {
        let text = "dn: CN=Bo,DC=kommune\nchangetype: modify\nreplace: title\ntitle: Leder\n-\n";
        let error = only_error(text);
        assert!(error.message.contains("change record"), "{error}");
        assert!(error.message.contains("changetype: modify"), "{error}");
    }

    #[test]
    fn reports_an_entry_without_dn() {
        let error = only_error("cn: Bo Jensen\nmail: bo@kommune.dk\n");
        assert!(error.message.contains("dn:"), "{error}");
    }

    #[test]
    fn reports_a_line_without_a_colon() {
        let error = only_error("dn: CN=Bo\ncn Bo Jensen\n");
        assert!(error.message.contains("line 2"), "{error}");
    }

    #[test]
    fn reports_a_continuation_without_a_line_before_it() {
        let people = parse("dn: CN=Bo\ncn: Bo\n\n fortsat\ncn: Anne\n");
        assert_eq!(people.rows.len(), 1);
        assert_eq!(people.errors.len(), 1);
        let error = &people.errors[0];
        assert_eq!(error.line, 4);
        assert!(error.message.contains("line 4"), "{error}");
    }

    #[test]
    fn one_bad_entry_does_not_stop_the_rest() {
        let text = format!("dn: CN=x\ncn:: %%%\n\n{ANNE}");
        let people = parse(&text);
        assert_eq!(people.errors.len(), 1);
        assert_eq!(people.errors[0].line, 1);
        assert_eq!(people.rows.len(), 1);
        assert_eq!(people.rows[0].line, 4);
    }

    #[test]
    fn reports_an_implausible_email() {
        for bad in [
            "anne(at)kommune.dk",
            "anne@kommune",
            "an ne@kommune.dk",
            "a@b@kommune.dk",
        ] {
            let error = only_error(&format!("dn: CN=x\ncn: Anne\nmail: {bad}\n"));
            assert!(error.message.contains(bad), "{error}");
            assert!(error.message.contains("line 3"), "{error}");
        }
    }

    #[test]
    fn uses_the_user_principal_name_only_when_it_looks_like_an_email() {
        let with_upn = only_row("dn: CN=x\ncn: Anne\nuserPrincipalName: anha@kommune.dk\n");
        assert_eq!(with_upn.email.as_deref(), Some("anha@kommune.dk"));
        let odd_upn = only_row("dn: CN=x\ncn: Anne\nuserPrincipalName: KOMMUNE\\anha\n");
        assert_eq!(odd_upn.email, None);
    }

    #[test]
    fn splits_a_department_path_and_does_not_repeat_the_division() {
        let row = only_row(
            "dn: CN=x\ncn: Anne\ndivision: Børn og Familie\ndepartment: Børn og Familie / Myndighed / Team Nord\n",
        );
        assert_eq!(row.units, ["Børn og Familie", "Myndighed", "Team Nord"]);
        let without_division = only_row("dn: CN=x\ncn: Anne\ndepartment: Myndighed / Team Syd\n");
        assert_eq!(without_division.units, ["Myndighed", "Team Syd"]);
    }

    #[test]
    fn falls_back_to_mobile_and_employee_number() {
        let row = only_row("dn: CN=x\ncn: Anne\nmobile: 20 30 40 50\nemployeeNumber: E-7\n");
        assert_eq!(row.phone.as_deref(), Some("20 30 40 50"));
        assert_eq!(row.employee_id.as_deref(), Some("E-7"));
    }

    #[test]
    fn reports_a_field_that_is_too_long() {
        let long_title = "å".repeat(MAX_FIELD_CHARS + 1);
        let error = only_error(&format!("dn: CN=x\ncn: Anne\ntitle: {long_title}\n"));
        assert!(error.message.contains("\"title\" on line 3"), "{error}");
        assert!(error.message.contains("longer than"), "{error}");
        let just_fits = "å".repeat(MAX_FIELD_CHARS);
        let row = only_row(&format!("dn: CN=x\ncn: Anne\ntitle: {just_fits}\n"));
        assert_eq!(row.title, Some(just_fits));
    }

    #[test]
    fn refuses_a_file_with_too_many_entries() {
        let entries = "dn: CN=x\ncn: Anne\n\ndn: OU=y\nobjectClass: organizationalUnit\n\n".repeat(2);
        assert_eq!(
            parse_people_up_to(&entries, 3),
            Err(LdifError::TooManyEntries { limit: 3 })
        );
        let read = parse_people_up_to(&entries, 4).expect("four entries are allowed");
        assert_eq!((read.rows.len(), read.skipped), (2, 2));
    }

    #[test]
    fn the_version_line_is_not_counted_as_an_entry() {
        let read = parse_people_up_to("version: 1\n\ndn: CN=x\ncn: Anne\n", 1).expect("one entry");
        assert_eq!(read.rows.len(), 1);
    }

    #[test]
    fn an_empty_file_has_no_people() {
        assert_eq!(parse(""), LdifPeople::default());
        assert_eq!(parse("version: 1\n\n# intet\n"), LdifPeople::default());
    }

    #[test]
    fn checks_emails_plausibly() {
        assert!(looks_like_email("anne@kommune.dk"));
        assert!(looks_like_email("anne.marie@sub.kommune.dk"));
        assert!(!looks_like_email("anne@.kommune"));
        assert!(!looks_like_email("anne@kommune.dk."));
        assert!(!looks_like_email("@kommune.dk"));
        assert!(!looks_like_email("anne"));
    }
}
