#![no_main]

use std::sync::{Mutex, OnceLock};

use hvemved_core::api::{DemoRequest, Directory};
use hvemved_core::search::{SearchFilters, SearchRequest};
use libfuzzer_sys::fuzz_target;

/// Small enough to build in a few seconds, big enough that most words
/// typed find someone and every filter has values to match.
const DEMO_PEOPLE: usize = 80;
const DEMO_COURSES: usize = 30;

struct Fixture {
    directory: Mutex<Directory>,
    /// Kept so the directory's files outlive every search.
    _data_dir: tempfile::TempDir,
}

static FIXTURE: OnceLock<Fixture> = OnceLock::new();

fn fixture() -> &'static Fixture {
    FIXTURE.get_or_init(|| {
        let data_dir = tempfile::tempdir().expect("a temporary directory");
        let mut directory = Directory::open(data_dir.path()).expect("open the directory");
        directory
            .load_demo(&DemoRequest {
                force: false,
                people: Some(DEMO_PEOPLE),
                courses: Some(DEMO_COURSES),
            })
            .expect("load the demo municipality");
        Fixture {
            directory: Mutex::new(directory),
            _data_dir: data_dir,
        }
    })
}

/// Filters as the facet panel sends them; the typed text also stands in for
/// a filter value, since the HTTP face passes those through unchecked.
fn filters(selector: u8, text: &str) -> SearchFilters {
    let typed = || Some(text.to_owned());
    SearchFilters {
        department: match selector % 3 {
            0 => None,
            1 => Some("Børn og Familie".to_owned()),
            _ => typed(),
        },
        profession: (selector & 0x04 != 0).then(typed).flatten(),
        min_level: Some((selector >> 3) % 7).filter(|&level| level != 0),
        language: (selector & 0x40 != 0).then(typed).flatten(),
        can_mentor: selector & 0x80 != 0,
    }
}

fuzz_target!(
    init: {
        // Built before fuzzing starts, so its seconds count against no input.
        fixture();
    },
    |data: &[u8]| {
        let directory = fixture().directory.lock().expect("no search panicked");
        let query = String::from_utf8_lossy(data);
        let limit = data.first().map_or(10, |&byte| usize::from(byte));
        let plain = SearchRequest::new(query.clone(), limit);
        // Any text typed must get an answer, even an empty one.
        directory.search(&plain).expect("a search answers");
        let filtered = SearchRequest {
            filters: filters(data.last().copied().unwrap_or_default(), &query),
            ..plain
        };
        directory.search(&filtered).expect("a filtered search answers");
    }
);
