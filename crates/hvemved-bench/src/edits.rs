//! How long a profile edit takes at this size. Every write brings the
//! search index up to date before its call returns, so the person who saves
//! a skill waits for the index commit and for what is read again after it;
//! that wait grows with the directory, and this is where it is seen.

use hvemved_core::api::{Directory, SkillSetRequest};
use hvemved_core::store::SkillChange;
use hvemved_core::Result;

use crate::rng::Rng;
use crate::synthetic::Synthetic;

/// Skills set by the timed edits: one known to the data's vocabulary and
/// one new to it, as users both pick from the autocomplete and type.
const EDITED_SKILLS: [&str; 2] = ["Mentalisering", "Bænkeforskning i nærmiljøet"];

/// Times `count` skill edits on people drawn from the directory, as the
/// profile screen saves them, and returns the milliseconds of each.
pub fn time_skill_edits(
    directory: &mut Directory,
    synthetic: &Synthetic,
    count: usize,
    seed: u64,
) -> Result<Vec<f64>> {
    let people = &synthetic.bundle.people;
    let mut rng = Rng::new(seed);
    let requests: Vec<SkillSetRequest> = (0..count)
        .map(|i| SkillSetRequest {
            id: people[rng.below(people.len())].id.clone(),
            change: SkillChange {
                skill: EDITED_SKILLS[i % EDITED_SKILLS.len()].into(),
                level: 1 + (i % 5) as u8,
                can_mentor: false,
                wants_to_learn: false,
                shown: None,
            },
        })
        .collect();
    let (times, _) = crate::measure::time_each(&requests, |request| {
        directory.person_skill_set(request).map(|_| true)
    })?;
    Ok(times)
}
