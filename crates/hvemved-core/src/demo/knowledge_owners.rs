//! Knowledge owners (vidensansvarlige) for the demo municipality: a handful
//! of areas with the colleague who knows them best as owner and the next as
//! deputy, and the rest left without one — as in a municipality that has
//! just begun naming them, so the competence map has gaps to show.

use crate::bundle::types::Bundle;
use crate::thesaurus::Thesaurus;

/// Areas the demo names owners for: concepts, and one category.
const OWNED_CONCEPTS: &[&str] = &[
    "mentalisering",
    "eftervaern",
    "signs-of-safety",
    "hashmisbrug",
    "fleksjob",
    "demens",
    "sprogvurdering",
    "rehabilitering",
];
const OWNED_CATEGORY: &str = "rusmidler";
/// Only someone at this level or above owns an area.
const OWNER_LEVEL: u8 = 4;

/// `(area, owner, deputy)` by person ids of `bundle`.
pub fn knowledge_owners(bundle: &Bundle, thesaurus: &Thesaurus) -> Vec<(String, String, Option<String>)> {
    let mut owners = Vec::new();
    for &area in OWNED_CONCEPTS {
        let Some(concept) = thesaurus.get(area) else {
            continue;
        };
        let labels: Vec<String> = concept.all_labels().map(str::to_lowercase).collect();
        let experts = experts(bundle, |skill| labels.contains(&skill.to_lowercase()));
        if let Some(owner) = experts.first() {
            owners.push((area.to_string(), owner.clone(), experts.get(1).cloned()));
        }
    }
    let in_category: Vec<String> = thesaurus
        .concepts()
        .iter()
        .filter(|c| c.category == OWNED_CATEGORY)
        .flat_map(|c| c.all_labels().map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    let experts = experts(bundle, |skill| in_category.contains(&skill.to_lowercase()));
    if let Some(owner) = experts.first() {
        owners.push((OWNED_CATEGORY.to_string(), owner.clone(), experts.get(1).cloned()));
    }
    owners
}

/// People with a matching skill at `OWNER_LEVEL` or above: the highest level
/// first, then the most such skills, then by id.
fn experts(bundle: &Bundle, matches: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found: Vec<(u8, usize, &str)> = bundle
        .people
        .iter()
        .filter_map(|p| {
            let levels: Vec<u8> = p
                .skills
                .iter()
                .filter(|s| matches(&s.name))
                .filter_map(|s| s.level)
                .filter(|&l| l >= OWNER_LEVEL)
                .collect();
            let best = levels.iter().copied().max()?;
            Some((best, levels.len(), p.id.as_str()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    found.into_iter().map(|(_, _, id)| id.to_string()).collect()
}
