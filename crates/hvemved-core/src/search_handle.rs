//! Searches that keep answering while the directory is being written.
//!
//! A [`Directory`](crate::api::Directory) has one writer: an import of
//! 50 000 people holds it for seconds. A [`SearchHandle`] searches beside
//! it, from any thread, without waiting: it reads the last index the
//! directory published (one commit of the index, with the vocabulary,
//! people and concepts that belong to it) and the database through
//! connections of its own that only read. In WAL mode such a connection
//! sees the last commit and never waits for the writer, so a search never
//! sees half an import and never meets "database is locked". The searches
//! are noted for the audit log, which the writer stores (see
//! [`crate::search_log`]).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde_json::Value;

use crate::api::{call, people_suggestions, skill_suggestions, SuggestRequest};
use crate::error::{CoreError, Result};
use crate::search::{self, ConceptMatcher, IndexView, SearchFilters, SearchRequest, SearchResponse};
use crate::search_log::SearchLog;
use crate::store::Store;
use crate::thesaurus::Thesaurus;

/// Read connections kept open between searches; more are opened while more
/// searches run at once, and closed again after.
const IDLE_READERS: usize = 4;

/// Cheap to clone; every clone searches the same directory.
#[derive(Clone)]
pub struct SearchHandle {
    shared: Arc<Shared>,
}

struct Shared {
    database: PathBuf,
    published: RwLock<Arc<Published>>,
    idle: Mutex<Vec<Store>>,
    /// Who searches: the directory's viewer, as the audit log names them.
    actor: RwLock<String>,
    log: SearchLog,
}

/// What a search reads besides the database, as of one moment.
struct Published {
    index: IndexView,
    concepts: Arc<ConceptMatcher>,
    thesaurus: Arc<Thesaurus>,
}

impl SearchHandle {
    pub(crate) fn new(
        database: &Path,
        index: IndexView,
        concepts: Arc<ConceptMatcher>,
        thesaurus: Arc<Thesaurus>,
        actor: &str,
    ) -> SearchHandle {
        SearchHandle {
            shared: Arc::new(Shared {
                database: database.to_path_buf(),
                published: RwLock::new(Arc::new(Published {
                    index,
                    concepts,
                    thesaurus,
                })),
                idle: Mutex::new(Vec::new()),
                actor: RwLock::new(actor.to_string()),
                log: SearchLog::default(),
            }),
        }
    }

    /// Names who the searches that follow are made by.
    pub(crate) fn set_actor(&self, actor: &str) {
        *self.shared.actor.write().unwrap_or_else(PoisonError::into_inner) = actor.to_string();
    }

    pub(crate) fn log(&self) -> &SearchLog {
        &self.shared.log
    }

    /// Notes a search that was answered, for the audit log: how many
    /// words and people, and the filters, but not the words (see
    /// [`crate::search_log`]).
    pub(crate) fn note(&self, request: &SearchRequest, response: &SearchResponse) {
        let words = request.query.split_whitespace().count();
        let mut detail = format!(
            "{words} {}, {} found",
            if words == 1 { "word" } else { "words" },
            response.total
        );
        if request.filters != SearchFilters::default() {
            let filters = serde_json::to_string(&request.filters).expect("filters serialise");
            detail.push_str(&format!(", filters {filters}"));
        }
        let actor = self
            .shared
            .actor
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        self.shared.log.note(
            &actor,
            &request.query,
            detail,
            crate::store::now(),
            std::time::Instant::now(),
        );
    }

    /// Makes a new moment of the index the one searches read; called by the
    /// writer once the index has caught up with a commit.
    pub(crate) fn publish(&self, index: IndexView, concepts: Arc<ConceptMatcher>, thesaurus: Arc<Thesaurus>) {
        let fresh = Arc::new(Published {
            index,
            concepts,
            thesaurus,
        });
        *self
            .shared
            .published
            .write()
            .unwrap_or_else(PoisonError::into_inner) = fresh;
    }

    /// What the directory published last.
    fn published(&self) -> Arc<Published> {
        Arc::clone(
            &self
                .shared
                .published
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse> {
        let published = self.published();
        let response = self
            .with_reader(|reader| search::search(&published.index, reader, &published.concepts, request))?;
        self.note(request, &response);
        Ok(response)
    }

    /// Empties the page caches of the read connections kept open.
    pub(crate) fn release_caches(&self) -> Result<()> {
        let idle = self.shared.idle.lock().unwrap_or_else(PoisonError::into_inner);
        idle.iter().try_for_each(Store::release_cache)
    }

    fn with_reader<T>(&self, work: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let reader = self.take_reader()?;
        let done = work(&reader);
        self.put_back(reader);
        done
    }

    fn take_reader(&self) -> Result<Store> {
        let idle = self
            .shared
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(reader) => Ok(reader),
            None => Store::open_reader(&self.shared.database),
        }
    }

    fn put_back(&self, reader: Store) {
        let mut idle = self.shared.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.len() < IDLE_READERS {
            idle.push(reader);
        }
    }
}

impl SearchHandle {
    /// Whether the command of the core's list with this name is one a
    /// handle answers beside the writer (a search, or picking a colleague
    /// or a skill while typing); every other command goes to the directory.
    pub fn answers(name: &str) -> bool {
        matches!(name, "search" | "people_suggest" | "skill_suggest")
    }

    /// Runs a command [`Self::answers`] names, as the core's `dispatch`
    /// would run it on the directory.
    pub fn dispatch(&self, name: &str, args: Value) -> Result<Value> {
        let args = if args.is_null() {
            Value::Object(Default::default())
        } else {
            args
        };
        match name {
            "search" => call(args, |request: SearchRequest| self.search(&request)),
            "people_suggest" => call(args, |request: SuggestRequest| {
                self.with_reader(|reader| people_suggestions(reader, &request))
            }),
            "skill_suggest" => call(args, |request: SuggestRequest| {
                let published = self.published();
                self.with_reader(|reader| skill_suggestions(reader, &published.thesaurus, &request))
            }),
            _ => Err(CoreError::InvalidInput(format!(
                "the command \"{name}\" is not answered beside the writer"
            ))),
        }
    }
}
