//! Says why a person matched: which of their skills, courses, bio sentences
//! and roles contain the words searched for. Computed from the store's data
//! with the same analyzer the index uses, so evidence and ranking agree.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{contains_any, terms_with_offsets};
use super::index::DocKind;
use super::rank::kind_bit;
use crate::model::SkillLevel;
use crate::store::IndexablePerson;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// `skill`, `course`, `initiative`, `bio`, `role` or `owner`.
    pub kind: String,
    /// Plain text, except that `bio` snippets mark the matching words with
    /// `<b>…</b>` and are otherwise HTML-escaped.
    pub text: String,
}

const SNIPPET_CHARS: usize = 160;
const MAX_COURSES_SHOWN: usize = 3;
const MAX_INITIATIVES_SHOWN: usize = 2;

/// The evidence among the person's texts, looking only at the kinds of
/// document that matched (`kinds`, bits of [`DocKind`]).
pub fn collect(
    analyzer: &mut TextAnalyzer,
    person: &IndexablePerson,
    wanted: &HashSet<String>,
    kinds: u8,
) -> Vec<Evidence> {
    let matched = |kind: DocKind| kinds & kind_bit(kind) != 0;
    let mut matches = |text: &str| contains_any(analyzer, text, wanted);
    let mut evidence = Vec::new();

    let mut skills: Vec<_> = person.skills.iter().filter(|s| matches(&s.name)).collect();
    skills.sort_by_key(|s| std::cmp::Reverse(s.level));
    for skill in skills {
        let text = match skill.level.and_then(SkillLevel::new) {
            Some(level) => format!(
                "{} (niveau {}, {})",
                skill.name,
                level.get(),
                level.danish_name().to_lowercase()
            ),
            None => skill.name.clone(),
        };
        evidence.push(Evidence {
            kind: "skill".into(),
            text,
        });
    }

    let mut courses = person
        .courses
        .iter()
        .filter(|c| matches(&c.title) || matches(&c.text) || c.skills.iter().any(|s| matches(s)))
        .collect::<Vec<_>>();
    courses.sort_by(|a, b| b.date.cmp(&a.date));
    for course in courses.into_iter().take(MAX_COURSES_SHOWN) {
        let text = match &course.date {
            Some(date) => format!("{} ({date})", course.title),
            None => course.title.clone(),
        };
        evidence.push(Evidence {
            kind: "course".into(),
            text,
        });
    }

    for initiative in person
        .initiatives
        .iter()
        .filter(|i| matches(&i.name) || matches(&i.text))
        .take(MAX_INITIATIVES_SHOWN)
    {
        let role = if initiative.convenes { ", tovholder" } else { "" };
        evidence.push(Evidence {
            kind: "initiative".into(),
            text: format!("{} ({}{role})", initiative.name, initiative.kind),
        });
    }

    if let Some(bio) = person.bio.as_ref().filter(|_| matched(DocKind::Bio)) {
        if let Some(snippet) = snippet(analyzer, bio, wanted) {
            evidence.push(Evidence {
                kind: "bio".into(),
                text: snippet,
            });
        }
    }

    let roles = [&person.title, &person.profession];
    for role in roles.into_iter().flatten().filter(|_| matched(DocKind::Role)) {
        if contains_any(analyzer, role, wanted) {
            evidence.push(Evidence {
                kind: "role".into(),
                text: role.clone(),
            });
            break;
        }
    }
    evidence
}

/// A window of the text around its first matching word, with every matching
/// word in it marked.
pub fn snippet(analyzer: &mut TextAnalyzer, text: &str, wanted: &HashSet<String>) -> Option<String> {
    let hits: Vec<(usize, usize)> = terms_with_offsets(analyzer, text)
        .into_iter()
        .filter(|(term, _, _)| wanted.contains(term))
        .map(|(_, from, to)| (from, to))
        .collect();
    let (first_from, _) = *hits.first()?;
    let start = window_start(text, first_from);
    let end = window_end(text, start);
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    let mut cursor = start;
    for &(from, to) in hits.iter().filter(|(from, to)| *from >= start && *to <= end) {
        out.push_str(&escape(&text[cursor..from]));
        out.push_str("<b>");
        out.push_str(&escape(&text[from..to]));
        out.push_str("</b>");
        cursor = to;
    }
    out.push_str(&escape(&text[cursor..end]));
    if end < text.len() {
        out.push_str(" …");
    }
    Some(out)
}

/// Starts a little before the hit, at a word boundary.
fn window_start(text: &str, hit: usize) -> usize {
    let lead = SNIPPET_CHARS / 3;
    let mut start = text[..hit]
        .char_indices()
        .rev()
        .nth(lead)
        .map(|(i, _)| i)
        .unwrap_or(0);
    if start > 0 {
        start = text[start..hit]
            .find(char::is_whitespace)
            .map(|i| start + i + 1)
            .unwrap_or(start);
    }
    start
}

fn window_end(text: &str, start: usize) -> usize {
    let Some((end, _)) = text[start..].char_indices().nth(SNIPPET_CHARS) else {
        return text.len();
    };
    let end = start + end;
    text[..end]
        .rfind(char::is_whitespace)
        .filter(|&i| i > start)
        .unwrap_or(end)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer::{danish_analyzer, terms};

    #[test]
    fn snippet_marks_inflected_matches_and_escapes_html() {
        let mut analyzer = danish_analyzer();
        let wanted: HashSet<String> = terms(&mut analyzer, "mentalisering").into_iter().collect();
        let snippet = snippet(
            &mut analyzer,
            "Jeg bruger <mentaliseringen> i samtaler & arbejder med Mentalisering.",
            &wanted,
        )
        .unwrap();
        assert_eq!(
            snippet,
            "Jeg bruger &lt;<b>mentaliseringen</b>&gt; i samtaler &amp; arbejder med <b>Mentalisering</b>."
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_first_hit_on_char_boundaries() {
        let mut analyzer = danish_analyzer();
        let wanted: HashSet<String> = terms(&mut analyzer, "efterværn").into_iter().collect();
        let text = format!("{} efterværn {}", "æøå ".repeat(100), "blå ".repeat(100));
        let snippet = snippet(&mut analyzer, &text, &wanted).unwrap();
        assert!(snippet.starts_with("… ") && snippet.ends_with(" …"));
        assert!(snippet.contains("<b>efterværn</b>"));
        assert!(snippet.chars().count() < SNIPPET_CHARS + 20);
    }
}
