//! When the app's upkeep runs: every few seconds while the page calls the
//! core, and for a while after its last call, then not at all until the
//! next one. A window left open on a laptop all day wakes no processor for
//! upkeep that has nothing to do.

use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

pub struct UpkeepClock {
    /// Time between two rounds.
    every: Duration,
    /// How long after the last call rounds go on: long enough for what a
    /// call leaves behind (an open burst of searches) to be finished.
    quiet: Duration,
    last_call: Mutex<Option<Instant>>,
    called: Condvar,
}

impl UpkeepClock {
    pub fn new(every: Duration, quiet: Duration) -> UpkeepClock {
        UpkeepClock {
            every,
            quiet,
            last_call: Mutex::new(None),
            called: Condvar::new(),
        }
    }

    /// The page called the core: upkeep is due from now on.
    pub fn note_call(&self) {
        *self.lock() = Some(Instant::now());
        self.called.notify_one();
    }

    /// Runs `round` whenever upkeep is due, for ever; meant for a thread of
    /// its own. `round` says whether it could do its work: one that could
    /// not (an import held the directory) is tried again however quiet the
    /// page has been since.
    pub fn run(&self, mut round: impl FnMut() -> bool) -> ! {
        loop {
            self.wait_for_a_call();
            std::thread::sleep(self.every);
            let done = round();
            let mut last_call = self.lock();
            if done && last_call.is_some_and(|at| at.elapsed() >= self.quiet) {
                *last_call = None;
            }
        }
    }

    fn wait_for_a_call(&self) {
        let mut last_call = self.lock();
        while last_call.is_none() {
            last_call = self
                .called
                .wait(last_call)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.last_call.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;

    const EVERY: Duration = Duration::from_millis(10);
    const QUIET: Duration = Duration::from_millis(50);
    /// Far more than the test needs, so a busy machine does not fail it.
    const PATIENCE: Duration = Duration::from_secs(10);

    /// A clock running on a thread of its own, with the rounds it ran counted.
    fn started(can_work: Arc<AtomicBool>) -> (Arc<UpkeepClock>, Arc<AtomicUsize>) {
        let clock = Arc::new(UpkeepClock::new(EVERY, QUIET));
        let rounds = Arc::new(AtomicUsize::new(0));
        let (thread_clock, thread_rounds) = (Arc::clone(&clock), Arc::clone(&rounds));
        std::thread::spawn(move || {
            thread_clock.run(|| {
                thread_rounds.fetch_add(1, Ordering::SeqCst);
                can_work.load(Ordering::SeqCst)
            })
        });
        (clock, rounds)
    }

    fn eventually(what: &str, mut condition: impl FnMut() -> bool) {
        let start = Instant::now();
        while !condition() {
            assert!(start.elapsed() < PATIENCE, "{what} did not happen");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn rounds_during(rounds: &AtomicUsize, time: Duration) -> usize {
        let before = rounds.load(Ordering::SeqCst);
        std::thread::sleep(time);
        rounds.load(Ordering::SeqCst) - before
    }

    fn resting(clock: &UpkeepClock) -> bool {
        clock.lock().is_none()
    }

    #[test]
    fn no_round_runs_before_the_first_call() {
        let (_clock, rounds) = started(Arc::new(AtomicBool::new(true)));
        assert_eq!(rounds_during(&rounds, EVERY * 20), 0);
    }

    #[test]
    fn rounds_run_after_a_call_and_stop_once_the_page_has_been_quiet() {
        let (clock, rounds) = started(Arc::new(AtomicBool::new(true)));
        clock.note_call();
        eventually("a first round", || rounds.load(Ordering::SeqCst) >= 1);
        eventually("the clock coming to rest", || resting(&clock));
        assert_eq!(rounds_during(&rounds, EVERY * 20), 0, "no rounds while at rest");
        let before = rounds.load(Ordering::SeqCst);
        clock.note_call();
        eventually("a round after the next call", || {
            rounds.load(Ordering::SeqCst) > before
        });
    }

    #[test]
    fn a_round_that_could_not_work_is_tried_again_however_quiet_the_page() {
        let can_work = Arc::new(AtomicBool::new(false));
        let (clock, rounds) = started(Arc::clone(&can_work));
        clock.note_call();
        eventually("rounds long past the quiet time", || {
            rounds.load(Ordering::SeqCst) as u32 >= 3 * QUIET.as_millis() as u32 / EVERY.as_millis() as u32
        });
        assert!(!resting(&clock));
        can_work.store(true, Ordering::SeqCst);
        eventually("the clock coming to rest once the work is done", || {
            resting(&clock)
        });
    }
}
