//! A small seeded generator (xorshift64*), so that a run's choices can be
//! replayed from the seed it prints.

use std::time::Duration;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is xorshift's one fixed point.
        Rng(splitmix(seed) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0) has no answer");
        (self.next_u64() % n as u64) as usize
    }

    /// A fraction in `[0, 1)`.
    pub fn fraction(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.fraction() < probability
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A moment in `[0, within)`.
    pub fn moment(&mut self, within: Duration) -> Duration {
        within.mul_f64(self.fraction())
    }

    /// A made-up word no dictionary or thesaurus holds, so that a search for
    /// it finds only what it was written into.
    pub fn word(&mut self) -> String {
        const CONSONANTS: &[u8] = b"bdfgklmnprstv";
        const VOWELS: &[u8] = b"aiou";
        let mut word = String::from("zy");
        for _ in 0..4 {
            word.push(*self.pick(CONSONANTS) as char);
            word.push(*self.pick(VOWELS) as char);
        }
        word
    }
}

/// A seed of its own for each part of a run, from the run's seed.
pub fn derive(seed: u64, part: u64) -> u64 {
    splitmix(seed ^ splitmix(part.wrapping_add(0x5EED)))
}

pub fn seed_from_clock() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // Small enough to type back in.
    splitmix(now.as_nanos() as u64) % 1_000_000_000
}

fn splitmix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
