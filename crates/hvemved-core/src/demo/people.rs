//! Staffs the demo municipality: who works in which unit, with which title,
//! skills and languages.
//!
//! Headcount follows the units' weights, each sizeable unit gets a leader,
//! and skill levels follow seniority, so the directory shows the mix a real
//! workplace has: newcomers who want to learn, seasoned experts who mentor.

use std::collections::BTreeSet;

use super::bios::{self, BioInput};
use super::names::{self, ORIGINS};
use super::org::{Role, Unit, UNITS};
use super::rng::Rng;
use super::roles::LEADER;
use super::skills::GENERAL;
use crate::bundle::types::{BundlePerson, BundleSkill};

/// A unit needs at least this many people before one of them is its leader;
/// smaller groups are led from the level above.
const LEADER_FROM: usize = 6;
const MAX_SKILLS: usize = 8;

pub fn generate_people(rng: &mut Rng, count: usize, town: &str, domain: &str) -> Vec<BundlePerson> {
    let quotas = allocate(count, &UNITS.iter().map(|u| u.weight).collect::<Vec<_>>());
    let mut taken_names = BTreeSet::new();
    let mut taken_emails = BTreeSet::new();
    let mut taken_phones = BTreeSet::new();
    let mut people = Vec::with_capacity(count);

    for (unit, &quota) in UNITS.iter().zip(&quotas) {
        let main_role = main_role(unit);
        let has_leader = quota >= LEADER_FROM;
        // Roles are dealt by quota rather than drawn one by one, so a unit's
        // mix is the same at every seed and small roles are not lost.
        let weights: Vec<u32> = unit.roles.iter().map(|(_, w)| *w).collect();
        let staff = quota - usize::from(has_leader);
        let mut roles: Vec<&'static Role> = allocate(staff, &weights)
            .into_iter()
            .zip(unit.roles)
            .flat_map(|(n, (role, _))| std::iter::repeat_n(*role, n))
            .collect();
        rng.shuffle(&mut roles);
        for j in 0..quota {
            let is_leader = has_leader && j == 0;
            let role = if is_leader {
                main_role
            } else {
                roles[j - usize::from(has_leader)]
            };
            let record_role = if is_leader { &LEADER } else { role };
            let female = rng.below(100) < record_role.female_pct as usize;

            let mut name = names::random_name(rng, female);
            for _ in 0..30 {
                if !taken_names.contains(&name.full()) {
                    break;
                }
                name = names::random_name(rng, female);
            }
            taken_names.insert(name.full());

            let years = if is_leader {
                rng.range(8, 30) as u32
            } else {
                let years = match rng.weighted(&[20, 35, 30, 15]) {
                    0 => rng.range(1, 2),
                    1 => rng.range(3, 8),
                    2 => rng.range(9, 17),
                    _ => rng.range(18, 35),
                };
                years as u32
            };

            let title = if is_leader {
                unit.leader.to_string()
            } else {
                let mut weights = vec![1u32; role.titles.len()];
                weights[0] = 3;
                role.titles[rng.weighted(&weights)].to_string()
            };

            let skills = if is_leader {
                leader_skills(rng, main_role)
            } else {
                staff_skills(rng, role, years)
            };
            let heritage = ORIGINS[name.origin].language.filter(|_| rng.chance(0.85));
            let languages = languages(rng, heritage, years);

            let bio = bios::bio(
                rng,
                &BioInput {
                    role,
                    unit,
                    title: &title,
                    is_leader,
                    years,
                    skills: &skills,
                    heritage_language: heritage,
                    town,
                },
            );

            people.push(BundlePerson {
                id: format!("p-{:04}", people.len() + 1),
                name: name.full(),
                title: Some(title),
                department: Some(unit.path.to_string()),
                profession: Some(record_role.profession.to_string()),
                email: Some(names::email(&name, domain, &mut taken_emails)),
                phone: Some(names::phone(rng, &mut taken_phones)),
                location: Some(rng.pick(unit.locations).to_string()),
                bio,
                skills,
                languages,
                hidden_fields: Vec::new(),
            });
        }
    }
    people
}

/// Splits `total` in proportion to `weights` with the largest-remainder
/// method, so the default 300 people come out the same on every platform.
pub fn allocate(total: usize, weights: &[u32]) -> Vec<usize> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut quotas: Vec<usize> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u64, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let exact = total as u64 * u64::from(w);
        quotas.push((exact / sum) as usize);
        remainders.push((exact % sum, i));
    }
    let mut left = total - quotas.iter().sum::<usize>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().cycle() {
        if left == 0 {
            break;
        }
        quotas[i] += 1;
        left -= 1;
    }
    quotas
}

fn main_role(unit: &Unit) -> &'static Role {
    unit.roles
        .iter()
        .max_by_key(|(_, w)| *w)
        .map(|(r, _)| *r)
        .unwrap_or(&LEADER)
}

fn level(n: i64) -> Option<u8> {
    Some(n.clamp(1, 5) as u8)
}

fn push_skill(out: &mut Vec<BundleSkill>, name: &str, level: Option<u8>) -> bool {
    if out.len() >= MAX_SKILLS || out.iter().any(|s| s.name == name) {
        return false;
    }
    out.push(BundleSkill {
        name: name.to_string(),
        level,
        ..BundleSkill::default()
    });
    true
}

fn staff_skills(rng: &mut Rng, role: &Role, years: u32) -> Vec<BundleSkill> {
    let base: i64 = match years {
        0..=2 => 2,
        3..=8 => 3,
        _ => 4,
    };
    let expert = years >= 10 && rng.chance(0.5);
    let mut out = Vec::new();

    let n_core = rng.range(2, role.core.len().min(4) as i64) as usize;
    for (i, name) in rng.sample(role.core, n_core).into_iter().enumerate() {
        let lvl = if expert {
            if i == 0 || rng.chance(0.4) {
                5
            } else {
                4
            }
        } else {
            (base + rng.range(-1, 1)).max(2)
        };
        push_skill(&mut out, name, level(lvl));
    }
    let n_extra = rng.range(0, 2) as usize;
    for name in rng.sample(role.extra, n_extra) {
        push_skill(&mut out, name, level(base - 1 + rng.range(-1, 1)));
    }
    if rng.chance(0.35) {
        push_skill(&mut out, rng.pick(GENERAL), level(base + rng.range(-1, 0)));
    }

    // Experience earns the right to mentor; a very few mid-level people
    // volunteer anyway, as they do in real teams.
    for s in &mut out {
        let lvl = s.level.unwrap_or(0);
        s.can_mentor = (lvl >= 4 && years >= 5 && rng.chance(0.18)) || (lvl == 3 && rng.chance(0.02));
    }
    if rng.chance(if years <= 4 { 0.45 } else { 0.2 }) {
        let pool: Vec<&str> = role.extra.iter().chain(GENERAL).copied().collect();
        let pick = rng.pick(&pool);
        let low = if rng.chance(0.7) { 1 } else { 2 };
        if push_skill(&mut out, pick, level(low)) {
            if let Some(s) = out.last_mut() {
                s.wants_to_learn = true;
            }
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.level));
    out
}

fn leader_skills(rng: &mut Rng, led: &Role) -> Vec<BundleSkill> {
    let mut out = Vec::new();
    let n = rng.range(2, 4) as usize;
    for name in rng.sample(LEADER.core, n) {
        push_skill(&mut out, name, level(rng.range(3, 5)));
    }
    // Leaders keep the professional core they came up through.
    let m = rng.range(1, 2) as usize;
    for name in rng.sample(led.core, m) {
        push_skill(&mut out, name, level(rng.range(3, 5)));
    }
    if rng.chance(0.4) {
        push_skill(&mut out, rng.pick(LEADER.extra), level(rng.range(2, 4)));
    }
    for s in &mut out {
        s.can_mentor = s.level.unwrap_or(0) >= 4 && rng.chance(0.15);
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.level));
    out
}

fn languages(rng: &mut Rng, heritage: Option<&str>, years: u32) -> Vec<String> {
    let mut out = vec!["dansk".to_string()];
    if let Some(l) = heritage {
        out.push(l.to_string());
    }
    if rng.chance(0.75) {
        out.push("engelsk".to_string());
    }
    // German was the usual second foreign language in school for the older
    // generations.
    if rng.chance(if years >= 15 { 0.25 } else { 0.08 }) {
        out.push("tysk".to_string());
    }
    if rng.chance(0.03) {
        out.push((rng.pick(&["fransk", "spansk", "svensk", "norsk"])).to_string());
    }
    out
}
