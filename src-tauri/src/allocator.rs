//! How the window process's allocator (mimalloc) hands memory back.

use libmimalloc_sys::{mi_option_get, mi_option_set, mi_option_t};

/// `mi_option_purge_delay` in the mimalloc (v3) that `libmimalloc-sys`
/// builds, which names no constant for it: its place in `mi_option_e`.
/// The test below checks it against the option mimalloc reads from
/// `MIMALLOC_PURGE_DELAY`.
const PURGE_DELAY: mi_option_t = 15;

/// Makes mimalloc give the pages it frees back to the system at once rather
/// than 10 ms later. A later purge happens only when the same thread
/// allocates again, so pages freed by a thread that then sleeps (an IPC
/// worker after a search) stayed resident until the idle upkeep: about
/// 1 MB of the window process at rest. Searches take as long either way; a
/// profile edit takes about 9 ms longer (22 ms against 13 ms at 10 000
/// people, measured with the command-line tool, which uses the same
/// allocator). A value set in `MIMALLOC_PURGE_DELAY` wins.
pub fn purge_freed_pages_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: setting an option takes no pointers; mimalloc reads
        // options with relaxed atomics, from any thread.
        unsafe { mi_option_set(PURGE_DELAY, 0) };
    }
}

/// The purge delay mimalloc works with now, in milliseconds.
pub fn purge_delay_ms() -> std::ffi::c_long {
    // SAFETY: as above; reading an option takes no pointers.
    unsafe { mi_option_get(PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    const CHILD: &str = "HVEMVED_TEST_EXPECTED_PURGE_DELAY";

    /// mimalloc reads `MIMALLOC_PURGE_DELAY` into `mi_option_purge_delay`,
    /// so a test process started with it set shows whether `PURGE_DELAY`
    /// is that option.
    #[test]
    fn the_option_set_is_the_purge_delay() {
        if let Ok(expected) = std::env::var(CHILD) {
            assert_eq!(
                purge_delay_ms().to_string(),
                expected,
                "the option read from MIMALLOC_PURGE_DELAY"
            );
            return;
        }
        let me = std::env::current_exe().expect("the test binary");
        let status = Command::new(me)
            .args([
                "--exact",
                "allocator::tests::the_option_set_is_the_purge_delay",
                "--test-threads=1",
            ])
            .env("MIMALLOC_PURGE_DELAY", "37")
            .env(CHILD, "37")
            .status()
            .expect("the test binary runs");
        assert!(
            status.success(),
            "the purge delay option read in a process started with MIMALLOC_PURGE_DELAY=37"
        );
    }

    #[test]
    fn freed_pages_are_purged_at_once_unless_the_user_says_otherwise() {
        if std::env::var_os(CHILD).is_some() || std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        purge_freed_pages_at_once();
        assert_eq!(purge_delay_ms(), 0);
    }
}
