#![no_main]

use hvemved_core::interchange::ldif::{parse_people, parse_people_stream};
use hvemved_core::interchange::text_decode::TextEncoding;
use hvemved_core::interchange::text_stream::{detect_streaming, DecodingReader};
use hvemved_fuzz::{across_chunks, decoded_both_ways, split_selector, whole_text, Source};
use libfuzzer_sys::fuzz_target;

fn streamed(file: &[u8], encoding: TextEncoding) {
    let text = decoded_both_ways(file, encoding);
    let streamed = parse_people_stream(DecodingReader::new(file, encoding));
    // A file read in pieces must give what the same text gives whole.
    if let Some(text) = text {
        assert_eq!(streamed, parse_people(&text), "stream and text disagree");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((selector, file)) = split_selector(data) else {
        return;
    };
    match Source::from_selector(selector) {
        Source::Stream(encoding) => {
            // The pass an import makes when the user chose no encoding.
            let _ = detect_streaming(file);
            streamed(file, encoding);
        }
        Source::AcrossChunks => {
            if let Some((padded, encoding)) = across_chunks(file, "#") {
                streamed(&padded, encoding);
            }
        }
        Source::Whole => {
            if let Some(text) = whole_text(file) {
                let _ = parse_people(&text);
            }
        }
        Source::Raw => {
            let _ = parse_people_stream(file);
        }
    }
});
