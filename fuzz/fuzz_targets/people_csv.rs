#![no_main]

use std::io::Read;

use hvemved_core::interchange::people_csv::{
    parse_attendance, parse_attendance_stream, parse_people, parse_people_stream, parse_skills,
    parse_skills_stream, ColumnMapping,
};
use hvemved_core::interchange::text_decode::TextEncoding;
use hvemved_core::interchange::text_stream::{detect_streaming, DecodingReader};
use hvemved_fuzz::{
    across_chunks, decoded_both_ways, delimiter_from_selector, split_selector, whole_text, Source,
};
use libfuzzer_sys::fuzz_target;

/// Which of the three CSV files the input is, and for people whether a
/// column mapping comes with it.
#[derive(Clone, Copy)]
enum Kind {
    People,
    PeopleWithMapping,
    Skills,
    Attendance,
}

/// One file to parse and how the user set up its import. Results are
/// compared by their debug text, which every parser's result has.
struct Import {
    kind: Kind,
    delimiter: Option<u8>,
    mapping: Option<ColumnMapping>,
}

impl Import {
    fn text(&self, text: &str) -> String {
        match self.kind {
            Kind::People | Kind::PeopleWithMapping => {
                format!("{:?}", parse_people(text, self.delimiter, self.mapping.as_ref()))
            }
            Kind::Skills => format!("{:?}", parse_skills(text, self.delimiter)),
            Kind::Attendance => format!("{:?}", parse_attendance(text, self.delimiter)),
        }
    }

    fn stream(&self, source: impl Read) -> String {
        match self.kind {
            Kind::People | Kind::PeopleWithMapping => format!(
                "{:?}",
                parse_people_stream(source, self.delimiter, self.mapping.as_ref())
            ),
            Kind::Skills => format!("{:?}", parse_skills_stream(source, self.delimiter)),
            Kind::Attendance => format!("{:?}", parse_attendance_stream(source, self.delimiter)),
        }
    }

    fn streamed(&self, file: &[u8], encoding: TextEncoding) {
        let text = decoded_both_ways(file, encoding);
        let streamed = self.stream(DecodingReader::new(file, encoding));
        // A file read in pieces must give what the same text gives whole.
        if let Some(text) = text {
            assert_eq!(streamed, self.text(&text), "stream and text disagree");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((selector, rest)) = split_selector(data) else {
        return;
    };
    let kind = match selector >> 6 {
        0 => Kind::People,
        1 => Kind::PeopleWithMapping,
        2 => Kind::Skills,
        _ => Kind::Attendance,
    };
    // The mapping text the user typed comes before the first NUL.
    let (mapping, file) = match kind {
        Kind::PeopleWithMapping => {
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let text = String::from_utf8_lossy(&rest[..end]);
            let file = rest.get(end + 1..).unwrap_or_default();
            (ColumnMapping::parse(&text).ok(), file)
        }
        _ => (None, rest),
    };
    let import = Import {
        kind,
        delimiter: delimiter_from_selector(selector >> 3),
        mapping,
    };
    match Source::from_selector(selector) {
        Source::Stream(encoding) => {
            // The pass an import makes when the user chose no encoding.
            let _ = detect_streaming(file);
            import.streamed(file, encoding);
        }
        Source::AcrossChunks => {
            if let Some((padded, encoding)) = across_chunks(file, "") {
                import.streamed(&padded, encoding);
            }
        }
        Source::Whole => {
            if let Some(text) = whole_text(file) {
                import.text(&text);
            }
        }
        Source::Raw => {
            import.stream(file);
        }
    }
});
