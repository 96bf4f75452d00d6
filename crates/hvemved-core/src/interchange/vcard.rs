//! vCards for the address book: version 4.0 (RFC 6350) for current
//! programs and 3.0 (RFC 2426) for Outlook, which still reads 3.0 best.
//!
//! Both are written as plain UTF-8 without a byte order mark and without
//! `CHARSET` parameters: 4.0 allows nothing but UTF-8, and Outlook 2010 and
//! later read a 3.0 file as UTF-8 when nothing says otherwise, whereas a BOM
//! ends up in front of `BEGIN:VCARD` and makes some readers skip the card.
//!
//! The place of work is free text ("Rådhuset, 2. sal") rather than a postal
//! address, so it is not written as `ADR`, whose fields (street, city,
//! postcode) we would have to guess; it goes into `NOTE` instead, as its own
//! line "Arbejdssted: …", where every address book shows it.

use std::fmt::Write as _;

/// One person as an address book card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VcardPerson {
    pub name: String,
    pub title: Option<String>,
    /// The unit path, outermost first.
    pub organisation_units: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    /// Free text for the card's note, e.g. "Spørg mig om: …".
    pub note: Option<String>,
    pub uid: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcardVersion {
    /// RFC 2426, for Outlook.
    V3,
    /// RFC 6350.
    V4,
}

/// Longest physical line in octets, CRLF not counted (both RFCs).
const MAX_LINE_OCTETS: usize = 75;
const CRLF: &str = "\r\n";
/// Label in front of the place of work in the note, in the users' language.
const LOCATION_LABEL: &str = "Arbejdssted: ";

/// Writes `people` as one vCard file. `organisation` (the municipality, may
/// be empty) becomes the first component of each card's `ORG`.
pub fn write_vcards(people: &[VcardPerson], version: VcardVersion, organisation: &str) -> String {
    let mut file = String::new();
    for person in people {
        for line in card_lines(person, version, organisation) {
            push_folded(&mut file, &line);
        }
    }
    file
}

/// The unfolded content lines of one card.
fn card_lines(person: &VcardPerson, version: VcardVersion, organisation: &str) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        match version {
            VcardVersion::V3 => "VERSION:3.0".to_owned(),
            VcardVersion::V4 => "VERSION:4.0".to_owned(),
        },
        format!("FN:{}", escape_text(person.name.trim())),
        format!("N:{}", structured_name(&person.name)),
    ];
    if let Some(org) = org_value(organisation, &person.organisation_units) {
        lines.push(format!("ORG:{org}"));
    }
    if let Some(title) = non_empty(&person.title) {
        lines.push(format!("TITLE:{}", escape_text(title)));
    }
    if let Some(email) = non_empty(&person.email) {
        lines.push(email_line(email, version));
    }
    if let Some(phone) = non_empty(&person.phone) {
        lines.push(phone_line(phone, version));
    }
    if let Some(note) = note_text(person) {
        lines.push(format!("NOTE:{}", escape_text(&note)));
    }
    if let Some(uid) = non_empty(&person.uid) {
        lines.push(uid_line(uid, version));
    }
    lines.push("END:VCARD".to_owned());
    lines
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|text| !text.is_empty())
}

/// `N` from a display name: the last word is the family name, the words
/// before it the given names ("Anne Marie Sørensen" → `Sørensen;Anne Marie;;;`).
/// Danish names have no reliable better rule, and this one is what address
/// books sort by.
fn structured_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (family, given) = match words.split_last() {
        Some((last, rest)) => (*last, rest.join(" ")),
        None => ("", String::new()),
    };
    format!("{};{};;;", escape_text(family), escape_text(&given))
}

/// `ORG`: the organisation, then the units outermost first. Without an
/// organisation the outermost unit takes its place, because address books
/// show the first component as the company and an empty one looks broken.
fn org_value(organisation: &str, units: &[String]) -> Option<String> {
    let components: Vec<String> = std::iter::once(organisation)
        .chain(units.iter().map(String::as_str))
        .map(str::trim)
        .filter(|component| !component.is_empty())
        .map(escape_text)
        .collect();
    (!components.is_empty()).then(|| components.join(";"))
}

fn email_line(email: &str, version: VcardVersion) -> String {
    match version {
        VcardVersion::V3 => format!("EMAIL;TYPE=INTERNET,WORK:{}", escape_text(email)),
        VcardVersion::V4 => format!("EMAIL;TYPE=work:{}", escape_text(email)),
    }
}

/// 3.0 takes the number as written; 4.0 wants a `tel:` URI (RFC 3966),
/// which must be a global number without spaces. A number that cannot be
/// made one is written as text, which 4.0 allows, rather than as a broken URI.
fn phone_line(phone: &str, version: VcardVersion) -> String {
    match version {
        VcardVersion::V3 => format!("TEL;TYPE=WORK,VOICE:{}", escape_text(phone)),
        VcardVersion::V4 => match global_phone_number(phone) {
            Some(number) => format!("TEL;VALUE=uri;TYPE=work:tel:{number}"),
            None => format!("TEL;VALUE=text;TYPE=work:{}", escape_text(phone)),
        },
    }
}

/// "+45 12 34 56 78" → "+4512345678". A bare eight-digit number is Danish
/// (Denmark has no trunk prefix, so eight digits are the whole national
/// number), and "0045…" is the international prefix written out.
fn global_phone_number(phone: &str) -> Option<String> {
    let compact: String = phone
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '(' | ')'))
        .collect();
    let digits_after_plus = if let Some(rest) = compact.strip_prefix('+') {
        rest.to_owned()
    } else if let Some(rest) = compact.strip_prefix("00") {
        rest.to_owned()
    } else if compact.len() == 8 {
        format!("45{compact}")
    } else {
        return None;
    };
    let plausible =
        (7..=15).contains(&digits_after_plus.len()) && digits_after_plus.chars().all(|c| c.is_ascii_digit());
    plausible.then(|| format!("+{digits_after_plus}"))
}

/// The note, with the place of work as its own line (see the module notes).
fn note_text(person: &VcardPerson) -> Option<String> {
    let location = non_empty(&person.location).map(|place| format!("{LOCATION_LABEL}{place}"));
    let parts: Vec<String> = non_empty(&person.note)
        .map(str::to_owned)
        .into_iter()
        .chain(location)
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// 4.0 identifies a card by a URI, so a UUID becomes `urn:uuid:…` and
/// anything else is marked as text. 3.0's UID is text either way; the same
/// `urn:uuid:` form keeps one card's identity equal in both files.
fn uid_line(uid: &str, version: VcardVersion) -> String {
    match (uuid::Uuid::try_parse(uid), version) {
        (Ok(parsed), _) => format!("UID:{}", parsed.urn()),
        (Err(_), VcardVersion::V3) => format!("UID:{}", escape_text(uid)),
        (Err(_), VcardVersion::V4) => format!("UID;VALUE=text:{}", escape_text(uid)),
    }
}

/// Escapes a text value (RFC 6350 §3.4, RFC 2426 §5): backslash, comma,
/// semicolon and line breaks. Also used per component of `N` and `ORG`,
/// whose unescaped `;` separates the components.
fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ',' => escaped.push_str("\\,"),
            ';' => escaped.push_str("\\;"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {
                // CRLF is one line break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                escaped.push_str("\\n");
            }
            other => escaped.push(other),
        }
    }
    escaped
}

/// Appends `line` with CRLF, folded so that no physical line exceeds 75
/// octets: a continuation starts with one space, which counts towards its
/// 75, and a cut never falls inside a multi-byte UTF-8 character.
fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= room {
            let _ = write!(out, "{rest}{CRLF}");
            return;
        }
        let cut = char_boundary_at_or_before(rest, room);
        let (head, tail) = rest.split_at(cut);
        let _ = write!(out, "{head}{CRLF} ");
        rest = tail;
        room = MAX_LINE_OCTETS - 1;
    }
}

/// The largest char boundary ≤ `limit`; at least one character, so folding
/// always advances (a character is at most 4 octets, far below the limit).
fn char_boundary_at_or_before(text: &str, limit: usize) -> usize {
    let mut cut = limit.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if cut == 0 {
        text.chars().next().map_or(0, char::len_utf8)
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anne() -> VcardPerson {
        VcardPerson {
            name: "Anne Marie Sørensen".to_owned(),
            title: Some("Socialrådgiver".to_owned()),
            organisation_units: vec!["Børn og Familie".to_owned(), "Myndighed".to_owned()],
            email: Some("anms@kommune.dk".to_owned()),
            phone: Some("+45 12 34 56 78".to_owned()),
            location: Some("Rådhuset, 2. sal".to_owned()),
            note: Some("Spørg mig om: anbringelser, underretninger".to_owned()),
            uid: Some("6F1C2B3A-1D2E-4F50-8A9B-0C1D2E3F4A5B".to_owned()),
        }
    }

    fn minimal(name: &str) -> VcardPerson {
        VcardPerson {
            name: name.to_owned(),
            ..VcardPerson::default()
        }
    }

    /// Undoes folding (RFC 6350 §3.2) and splits into content lines.
    fn unfolded_lines(file: &str) -> Vec<String> {
        file.replace("\r\n ", "")
            .split("\r\n")
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn physical_lines(file: &str) -> Vec<&str> {
        let body = file.strip_suffix("\r\n").expect("the file ends with CRLF");
        body.split("\r\n").collect()
    }

    #[test]
    fn writes_a_complete_version_4_card() {
        let file = write_vcards(&[anne()], VcardVersion::V4, "Eksempel Kommune");
        assert_eq!(
            unfolded_lines(&file),
            vec![
                "BEGIN:VCARD",
                "VERSION:4.0",
                "FN:Anne Marie Sørensen",
                "N:Sørensen;Anne Marie;;;",
                "ORG:Eksempel Kommune;Børn og Familie;Myndighed",
                "TITLE:Socialrådgiver",
                "EMAIL;TYPE=work:anms@kommune.dk",
                "TEL;VALUE=uri;TYPE=work:tel:+4512345678",
                "NOTE:Spørg mig om: anbringelser\\, underretninger\\nArbejdssted: Rådhuset\\, 2. sal",
                "UID:urn:uuid:6f1c2b3a-1d2e-4f50-8a9b-0c1d2e3f4a5b",
                "END:VCARD",
            ]
        );
    }

    #[test]
    fn writes_a_complete_version_3_card() {
        let file = write_vcards(&[anne()], VcardVersion::V3, "Eksempel Kommune");
        assert_eq!(
            unfolded_lines(&file),
            vec![
                "BEGIN:VCARD",
                "VERSION:3.0",
                "FN:Anne Marie Sørensen",
                "N:Sørensen;Anne Marie;;;",
                "ORG:Eksempel Kommune;Børn og Familie;Myndighed",
                "TITLE:Socialrådgiver",
                "EMAIL;TYPE=INTERNET,WORK:anms@kommune.dk",
                "TEL;TYPE=WORK,VOICE:+45 12 34 56 78",
                "NOTE:Spørg mig om: anbringelser\\, underretninger\\nArbejdssted: Rådhuset\\, 2. sal",
                "UID:urn:uuid:6f1c2b3a-1d2e-4f50-8a9b-0c1d2e3f4a5b",
                "END:VCARD",
            ]
        );
    }

    #[test]
    fn has_no_bom_and_no_charset_parameters() {
        for version in [VcardVersion::V3, VcardVersion::V4] {
            let file = write_vcards(&[anne()], version, "Kommune");
            assert!(file.starts_with("BEGIN:VCARD\r\n"));
            assert!(!file.contains('\u{feff}'));
            assert!(!file.to_ascii_uppercase().contains("CHARSET"));
        }
    }

    #[test]
    fn ends_every_line_with_crlf() {
        let file = write_vcards(&[anne(), minimal("Bo")], VcardVersion::V4, "");
        assert!(file.ends_with("END:VCARD\r\n"));
        assert_eq!(file.matches('\n').count(), file.matches("\r\n").count());
        assert_eq!(file.matches('\r').count(), file.matches("\r\n").count());
    }

    #[test]
    fn writes_only_what_is_known() {
        let file = write_vcards(&[minimal("Mette")], VcardVersion::V4, "");
        assert_eq!(
            unfolded_lines(&file),
            vec![
                "BEGIN:VCARD",
                "VERSION:4.0",
                "FN:Mette",
                "N:Mette;;;;",
                "END:VCARD"
            ]
        );
    }

    #[test]
    fn writes_several_cards_in_order() {
        let people = [
            minimal("Anne Hansen"),
            minimal("Bo Jensen"),
            minimal("Carl Nielsen"),
        ];
        let file = write_vcards(&people, VcardVersion::V3, "Kommune");
        assert_eq!(file.matches("BEGIN:VCARD\r\n").count(), 3);
        assert_eq!(file.matches("END:VCARD\r\n").count(), 3);
        let names: Vec<String> = unfolded_lines(&file)
            .into_iter()
            .filter_map(|line| line.strip_prefix("FN:").map(str::to_owned))
            .collect();
        assert_eq!(names, ["Anne Hansen", "Bo Jensen", "Carl Nielsen"]);
    }

    #[test]
    fn splits_the_name_into_family_and_given_names() {
        assert_eq!(structured_name("Anne Marie Sørensen"), "Sørensen;Anne Marie;;;");
        assert_eq!(structured_name("  Bo   Ærø "), "Ærø;Bo;;;");
        assert_eq!(structured_name("Mette"), "Mette;;;;");
        assert_eq!(structured_name(""), ";;;;");
        assert_eq!(structured_name("Anne; Hansen"), "Hansen;Anne\\;;;;");
    }

    #[test]
    fn escapes_special_characters_in_text() {
        assert_eq!(escape_text(r"a\b"), r"a\\b");
        assert_eq!(escape_text("a,b;c"), r"a\,b\;c");
        assert_eq!(escape_text("linje 1\nlinje 2"), r"linje 1\nlinje 2");
        assert_eq!(
            escape_text("linje 1\r\nlinje 2\rlinje 3"),
            r"linje 1\nlinje 2\nlinje 3"
        );
        assert_eq!(escape_text("æøå ÆØÅ"), "æøå ÆØÅ");
    }

    #[test]
    fn escapes_within_org_components_only() {
        let person = VcardPerson {
            organisation_units: vec!["Sundhed; Omsorg".to_owned(), "Team A, B".to_owned()],
            ..minimal("Bo Jensen")
        };
        let file = write_vcards(&[person], VcardVersion::V4, "By\\Land Kommune");
        assert!(unfolded_lines(&file)
            .contains(&"ORG:By\\\\Land Kommune;Sundhed\\; Omsorg;Team A\\, B".to_owned()));
    }

    #[test]
    fn without_an_organisation_the_units_form_the_org() {
        let person = VcardPerson {
            organisation_units: vec!["Børn og Familie".to_owned(), " ".to_owned()],
            ..minimal("Bo Jensen")
        };
        let file = write_vcards(&[person], VcardVersion::V4, "");
        assert!(unfolded_lines(&file).contains(&"ORG:Børn og Familie".to_owned()));
    }

    #[test]
    fn escapes_title_email_and_note() {
        let person = VcardPerson {
            title: Some("Leder, team; nord".to_owned()),
            note: Some("a\\b\nc".to_owned()),
            ..minimal("Bo Jensen")
        };
        let lines = unfolded_lines(&write_vcards(&[person], VcardVersion::V4, ""));
        assert!(lines.contains(&"TITLE:Leder\\, team\\; nord".to_owned()));
        assert!(lines.contains(&"NOTE:a\\\\b\\nc".to_owned()));
    }

    #[test]
    fn makes_tel_uris_for_version_4() {
        assert_eq!(
            global_phone_number("+45 12 34 56 78").as_deref(),
            Some("+4512345678")
        );
        assert_eq!(global_phone_number("12 34 56 78").as_deref(), Some("+4512345678"));
        assert_eq!(
            global_phone_number("0046 (8) 123-456").as_deref(),
            Some("+468123456")
        );
        assert_eq!(global_phone_number("lokal 1234"), None);
        assert_eq!(global_phone_number("1234"), None);
    }

    #[test]
    fn writes_an_unusable_number_as_text_in_version_4() {
        let person = VcardPerson {
            phone: Some("lokal 1234".to_owned()),
            ..minimal("Bo Jensen")
        };
        let lines = unfolded_lines(&write_vcards(&[person], VcardVersion::V4, ""));
        assert!(lines.contains(&"TEL;VALUE=text;TYPE=work:lokal 1234".to_owned()));
    }

    #[test]
    fn marks_a_uid_that_is_not_a_uuid_as_text_in_version_4() {
        let person = VcardPerson {
            uid: Some("person-17".to_owned()),
            ..minimal("Bo Jensen")
        };
        let v4 = unfolded_lines(&write_vcards(std::slice::from_ref(&person), VcardVersion::V4, ""));
        assert!(v4.contains(&"UID;VALUE=text:person-17".to_owned()));
        let v3 = unfolded_lines(&write_vcards(&[person], VcardVersion::V3, ""));
        assert!(v3.contains(&"UID:person-17".to_owned()));
    }

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        // "NOTE:" is 5 octets; 69 ASCII letters put the first "ø" (2 octets)
        // across the 75-octet boundary of the first physical line, and the
        // rest keeps multi-byte letters crossing later boundaries too.
        let note = format!("{}{}", "a".repeat(69), "øæå".repeat(60));
        let person = VcardPerson {
            note: Some(note.clone()),
            ..minimal("Søren Ærø")
        };
        for version in [VcardVersion::V3, VcardVersion::V4] {
            let file = write_vcards(std::slice::from_ref(&person), version, "");
            let physical = physical_lines(&file);
            assert!(physical.len() > 10, "the note was folded");
            for line in &physical {
                assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line:?}", line.len());
            }
            assert!(physical.contains(&format!("NOTE:{}", "a".repeat(69)).as_str()));
            assert!(unfolded_lines(&file).contains(&format!("NOTE:{note}")));
        }
    }

    #[test]
    fn folding_puts_lines_of_exactly_75_octets_on_one_line() {
        let mut out = String::new();
        let line = format!("NOTE:{}", "x".repeat(70));
        push_folded(&mut out, &line);
        assert_eq!(out, format!("{line}\r\n"));

        let mut out = String::new();
        let longer = format!("NOTE:{}", "x".repeat(71));
        push_folded(&mut out, &longer);
        assert_eq!(out, format!("NOTE:{}\r\n x\r\n", "x".repeat(70)));
    }

    #[test]
    fn every_physical_line_fits_for_many_boundary_positions() {
        for padding in 0..8 {
            let value = format!("{}{}", "a".repeat(padding), "æ".repeat(100));
            let mut out = String::new();
            let line = format!("NOTE:{value}");
            push_folded(&mut out, &line);
            for physical in physical_lines(&out) {
                assert!(physical.len() <= MAX_LINE_OCTETS);
            }
            assert_eq!(unfolded_lines(&out), vec![line]);
        }
    }
}
