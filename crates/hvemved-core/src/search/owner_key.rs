//! The key that ties an index document to the person, course or initiative
//! it belongs to, so that an update can replace exactly their documents.
//!
//! The key is the uuid's sixteen bytes rather than its 36 characters. Every
//! owner has a key of its own, so at 100 000 people these keys are most of
//! the index's term dictionary; in text form, building and merging them took
//! about a quarter of a rebuild.

/// Leads the key of an owner whose uuid is not in canonical form. It never
/// occurs in UTF-8, so it cannot be mistaken for the start of the text.
const NOT_CANONICAL: u8 = 0xFF;
const UUID_BYTES: usize = 16;

/// The index key of an owner uuid. Different uuids always get different
/// keys: only a canonical uuid (lower-case, hyphenated, as the store writes
/// them) gets sixteen bytes; any other text is kept whole behind a marker and
/// never sixteen bytes long.
pub(crate) fn owner_key(uuid: &str) -> Vec<u8> {
    match uuid::Uuid::try_parse(uuid) {
        Ok(parsed) if parsed.hyphenated().to_string() == uuid => parsed.as_bytes().to_vec(),
        _ => {
            let mut key = vec![NOT_CANONICAL];
            if uuid.len() + 1 == UUID_BYTES {
                key.push(NOT_CANONICAL);
            }
            key.extend_from_slice(uuid.as_bytes());
            key
        }
    }
}

/// The uuid an index key stands for, as the store writes it.
pub(crate) fn owner_uuid(key: &[u8]) -> String {
    match <[u8; UUID_BYTES]>::try_from(key) {
        Ok(bytes) => uuid::Uuid::from_bytes(bytes).hyphenated().to_string(),
        Err(_) => {
            let text = key.iter().position(|&b| b != NOT_CANONICAL).unwrap_or(key.len());
            String::from_utf8_lossy(&key[text..]).into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_uuid_is_sixteen_bytes_and_comes_back_as_it_was() {
        let uuid = uuid::Uuid::new_v4().to_string();
        let key = owner_key(&uuid);
        assert_eq!(key.len(), 16);
        assert_eq!(owner_uuid(&key), uuid);
    }

    #[test]
    fn other_text_comes_back_as_it_was_and_never_looks_like_a_uuid() {
        let upper = "6F9619FF-8B86-D011-B42D-00C04FC964FF";
        for text in [
            "",
            "x",
            "fifteen chars!!",
            "sixteen chars!!!",
            "ø-and-å-text",
            upper,
        ] {
            let key = owner_key(text);
            assert_ne!(key.len(), 16, "{text:?}");
            assert_eq!(owner_uuid(&key), text);
        }
        assert_ne!(owner_key(upper), owner_key(&upper.to_lowercase()));
    }
}
