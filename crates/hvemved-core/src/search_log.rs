//! Which searches go into the audit log, and when.
//!
//! The log says who searched and when, how many words and which filters,
//! and how many people were found; never the words themselves. What one
//! searches for is often about a colleague ("Lisbeth", "hash"), and a log
//! that kept it would keep what an erasure must remove; who searched, and
//! how much, is what a data protection officer needs to spot trawling.
//!
//! The search field searches while the user types, so "m", "men",
//! "mentalis" and "mentalisering" are four searches but one question. A
//! burst of searches by the same user, each a few seconds after the last
//! and each extending or shortening the one before, is logged once, as its
//! last search. Searches run beside the directory's one writer (see
//! [`crate::search_handle`]), so they are noted here and the writer stores
//! them: at its next call, when the server or window has been idle for a
//! while, and when the directory closes.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A pause longer than this ends a burst: the user has read the results.
pub const BURST_GAP: Duration = Duration::from_secs(10);

/// One search as the audit log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedSearch {
    /// When the last search of the burst ran (RFC 3339, UTC).
    pub at: String,
    pub actor: String,
    /// How many words and people, and the filters when there were any.
    pub detail: String,
}

#[derive(Default)]
pub struct SearchLog {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    open: Option<Burst>,
    finished: Vec<LoggedSearch>,
}

struct Burst {
    search: LoggedSearch,
    /// The query alone, folded, to tell whether the next one continues it.
    typed: String,
    last: Instant,
}

impl Burst {
    fn continued_by(&self, actor: &str, typed: &str, now: Instant) -> bool {
        self.search.actor == actor
            && now.saturating_duration_since(self.last) <= BURST_GAP
            && (typed.starts_with(&self.typed) || self.typed.starts_with(typed))
    }
}

impl SearchLog {
    /// Notes a search by `actor` for `query`, logged as `detail`; the
    /// query only tells whether it continues the last one. An empty query
    /// is no search.
    pub fn note(&self, actor: &str, query: &str, detail: String, at: String, now: Instant) {
        let typed = query
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if typed.is_empty() {
            return;
        }
        let search = LoggedSearch {
            at,
            actor: actor.to_string(),
            detail,
        };
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(open) = state.open.take() {
            if !open.continued_by(actor, &typed, now) {
                state.finished.push(open.search);
            }
        }
        state.open = Some(Burst {
            search,
            typed,
            last: now,
        });
    }

    /// The searches ready to be stored: every finished burst, and the open
    /// one too once it has been quiet for [`BURST_GAP`] or when `all`.
    pub fn take(&self, now: Instant, all: bool) -> Vec<LoggedSearch> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let quiet = state
            .open
            .as_ref()
            .is_some_and(|open| now.saturating_duration_since(open.last) > BURST_GAP);
        if all || quiet {
            if let Some(open) = state.open.take() {
                state.finished.push(open.search);
            }
        }
        std::mem::take(&mut state.finished)
    }

    /// Puts back searches that could not be stored (a full disk), to be
    /// tried again with the next ones.
    pub fn restore(&self, searches: Vec<LoggedSearch>) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let newer = std::mem::replace(&mut state.finished, searches);
        state.finished.extend(newer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(n: u32) -> String {
        format!("2026-11-30T10:00:{n:02}Z")
    }

    #[test]
    fn typing_one_question_is_one_search_with_the_last_query() {
        let log = SearchLog::default();
        let start = Instant::now();
        for (i, typed) in ["m", "men", "mentali", "mentalisering", "mentaliser"]
            .iter()
            .enumerate()
        {
            let found = format!("1 word, {i} found");
            log.note(
                "hr",
                typed,
                found,
                at(i as u32),
                start + Duration::from_millis(300 * i as u64),
            );
        }
        assert!(
            log.take(start + Duration::from_secs(2), false).is_empty(),
            "still typing"
        );
        let logged = log.take(start + Duration::from_secs(30), false);
        assert_eq!(
            logged,
            vec![LoggedSearch {
                at: at(4),
                actor: "hr".into(),
                detail: "1 word, 4 found".into()
            }]
        );
        assert!(
            log.take(start + Duration::from_secs(60), true).is_empty(),
            "taken once"
        );
    }

    #[test]
    fn a_new_question_a_pause_or_another_user_starts_a_new_search() {
        let log = SearchLog::default();
        let start = Instant::now();
        let after = |secs: u64| start + Duration::from_secs(secs);
        for (n, (actor, query, secs)) in [
            ("employee:7", "hash", 0),
            ("employee:7", "efterværn", 1),
            ("employee:7", "efterværn unge", 20),
            ("hr", "efterværn unge", 21),
            ("hr", "   ", 22),
        ]
        .into_iter()
        .enumerate()
        {
            log.note(actor, query, format!("search {n}"), at(n as u32), after(secs));
        }
        let details: Vec<String> = log.take(after(22), true).into_iter().map(|s| s.detail).collect();
        assert_eq!(details, ["search 0", "search 1", "search 2", "search 3"]);
    }

    #[test]
    fn searches_put_back_come_before_newer_ones() {
        let log = SearchLog::default();
        let start = Instant::now();
        log.note("hr", "ssp", "ssp".into(), at(0), start);
        let failed = log.take(start, true);
        log.note("hr", "ppr", "ppr".into(), at(1), start);
        log.take(start, false);
        log.restore(failed);
        let details: Vec<String> = log.take(start, true).into_iter().map(|s| s.detail).collect();
        assert_eq!(details, ["ssp", "ppr"]);
    }
}
