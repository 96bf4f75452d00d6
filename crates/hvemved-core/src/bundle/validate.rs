//! Turns the bytes of a bundle into validated records, or into the full list of
//! what is wrong with them. Pure: no I/O, so the same checks serve the CLI, the
//! desktop app's preview and the tests, and nothing is written before every
//! record has passed.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::types::{Bundle, BundleCourse, BundlePerson, BundleSkill, BUNDLE_FORMAT, BUNDLE_VERSION};
use crate::error::{CoreError, RecordError, Result};
use crate::model::{CourseKind, SkillLevel, HIDEABLE_FIELDS};

/// Longest text accepted in one field; longer values are almost always a
/// wrong column or a pasted document, and would bloat every search result.
const MAX_SHORT_FIELD: usize = 500;
const MAX_LONG_FIELD: usize = 20_000;
const MAX_LIST_ITEMS: usize = 1_000;

/// Validates a bundle. `person_exists` answers whether an id that is not in
/// the bundle is already in the directory, so that a bundle of courses alone
/// can refer to people imported earlier.
pub fn parse_bundle(bytes: &[u8], person_exists: &dyn Fn(&str) -> bool) -> Result<Bundle> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| CoreError::MalformedJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut errors = Errors::default();
    let Some(root) = value.as_object() else {
        errors.bundle(
            "the document must be a JSON object with \"format\", \"version\", \"people\" and \"courses\"",
        );
        return Err(errors.into_error());
    };
    check_header(root, &mut errors);
    if !errors.0.is_empty() {
        return Err(errors.into_error());
    }

    let mut seen_ids = HashMap::new();
    let people = list_of(root, "people", &mut errors)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| person(i, v, &mut seen_ids, &mut errors))
        .collect::<Vec<_>>();

    let bundle_ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let mut seen_ids = HashMap::new();
    let courses = list_of(root, "courses", &mut errors)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let known = |id: &str| bundle_ids.contains(id) || person_exists(id);
            course(i, v, &known, &mut seen_ids, &mut errors)
        })
        .collect::<Vec<_>>();

    if errors.0.is_empty() {
        Ok(Bundle::new(people, courses))
    } else {
        Err(errors.into_error())
    }
}

#[derive(Default)]
struct Errors(Vec<RecordError>);

impl Errors {
    fn bundle(&mut self, problem: impl Into<String>) {
        self.0.push(RecordError {
            section: "bundle".into(),
            index: None,
            id: None,
            problem: problem.into(),
        });
    }

    fn into_error(mut self) -> CoreError {
        self.0.sort_by_key(|e| (section_order(&e.section), e.index));
        CoreError::InvalidRecords(self.0)
    }
}

fn section_order(section: &str) -> u8 {
    match section {
        "bundle" => 0,
        "people" => 1,
        _ => 2,
    }
}

/// Collects the problems of one record so they come out as one line each,
/// all naming the record.
struct Record<'a> {
    section: &'static str,
    index: usize,
    id: Option<String>,
    object: &'a Map<String, Value>,
    problems: Vec<String>,
}

impl<'a> Record<'a> {
    /// `seen_ids` maps each id met so far in this section to its index, so a
    /// repeated id is reported with both positions.
    fn open(
        section: &'static str,
        index: usize,
        value: &'a Value,
        seen_ids: &mut HashMap<String, usize>,
        errors: &mut Errors,
    ) -> Option<Self> {
        let Some(object) = value.as_object() else {
            errors.0.push(RecordError {
                section: section.into(),
                index: Some(index),
                id: None,
                problem: "must be a JSON object".into(),
            });
            return None;
        };
        let mut record = Record {
            section,
            index,
            id: None,
            object,
            problems: Vec::new(),
        };
        record.id = record.required("id", MAX_SHORT_FIELD);
        if let Some(id) = &record.id {
            if let Some(first) = seen_ids.get(id) {
                record.problems.push(format!(
                    "id \"{id}\" is already used by {section}[{first}] in this bundle"
                ));
            } else {
                seen_ids.insert(id.clone(), index);
            }
        }
        Some(record)
    }

    fn close<T>(self, errors: &mut Errors, value: T) -> Option<T> {
        let ok = self.problems.is_empty() && self.id.is_some();
        for problem in self.problems {
            errors.0.push(RecordError {
                section: self.section.into(),
                index: Some(self.index),
                id: self.id.clone(),
                problem,
            });
        }
        ok.then_some(value)
    }

    fn required(&mut self, field: &str, max_len: usize) -> Option<String> {
        match self.object.get(field) {
            None | Some(Value::Null) => {
                self.problems.push(format!("\"{field}\" is missing"));
                None
            }
            Some(_) => {
                let text = self.optional(field, max_len);
                if text.is_none() && self.problems.is_empty() {
                    self.problems.push(format!("\"{field}\" is empty"));
                }
                text
            }
        }
    }

    /// A trimmed string, `None` when absent, null or blank.
    fn optional(&mut self, field: &str, max_len: usize) -> Option<String> {
        match self.object.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                let trimmed = s.trim();
                if trimmed.chars().count() > max_len {
                    self.problems
                        .push(format!("\"{field}\" is longer than {max_len} characters"));
                    None
                } else if trimmed.contains('\0') {
                    self.problems
                        .push(format!("\"{field}\" contains a NUL character"));
                    None
                } else {
                    (!trimmed.is_empty()).then(|| trimmed.to_string())
                }
            }
            Some(other) => {
                self.problems
                    .push(format!("\"{field}\" must be a string, not {}", type_name(other)));
                None
            }
        }
    }

    fn date(&mut self, field: &str) -> Option<String> {
        let text = self.optional(field, MAX_SHORT_FIELD)?;
        if is_iso_date(&text) {
            Some(text)
        } else {
            self.problems
                .push(format!("\"{field}\" is \"{text}\", not an ISO date YYYY-MM-DD"));
            None
        }
    }

    fn list(&mut self, field: &str) -> &'a [Value] {
        match self.object.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) if items.len() <= MAX_LIST_ITEMS => items,
            Some(Value::Array(_)) => {
                self.problems
                    .push(format!("\"{field}\" has more than {MAX_LIST_ITEMS} entries"));
                &[]
            }
            Some(other) => {
                self.problems
                    .push(format!("\"{field}\" must be a list, not {}", type_name(other)));
                &[]
            }
        }
    }

    fn strings(&mut self, field: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.list(field).iter().enumerate() {
            match item.as_str().map(str::trim) {
                Some(s) if !s.is_empty() && s.chars().count() <= MAX_SHORT_FIELD => out.push(s.to_string()),
                Some("") => self.problems.push(format!("\"{field}\"[{i}] is empty")),
                Some(_) => self.problems.push(format!(
                    "\"{field}\"[{i}] is longer than {MAX_SHORT_FIELD} characters"
                )),
                None => self.problems.push(format!(
                    "\"{field}\"[{i}] must be a string, not {}",
                    type_name(item)
                )),
            }
        }
        out
    }
}

fn check_header(root: &Map<String, Value>, errors: &mut Errors) {
    match root.get("format") {
        Some(Value::String(f)) if f == BUNDLE_FORMAT => {}
        Some(other) => errors.bundle(format!("\"format\" is {other}, expected \"{BUNDLE_FORMAT}\"")),
        None => errors.bundle(format!("\"format\" is missing, expected \"{BUNDLE_FORMAT}\"")),
    }
    match root.get("version") {
        Some(v) if v.as_u64() == Some(BUNDLE_VERSION) => {}
        Some(other) => errors.bundle(format!(
            "\"version\" is {other}; this version of Hvem ved? reads bundle version {BUNDLE_VERSION}"
        )),
        None => errors.bundle(format!("\"version\" is missing, expected {BUNDLE_VERSION}")),
    }
}

fn list_of<'a>(root: &'a Map<String, Value>, field: &str, errors: &mut Errors) -> &'a [Value] {
    match root.get(field) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(other) => {
            errors.bundle(format!("\"{field}\" must be a list, not {}", type_name(other)));
            &[]
        }
    }
}

fn person(
    index: usize,
    value: &Value,
    seen_ids: &mut HashMap<String, usize>,
    errors: &mut Errors,
) -> Option<BundlePerson> {
    let mut r = Record::open("people", index, value, seen_ids, errors)?;
    let name = r.required("name", MAX_SHORT_FIELD);
    let email = r.optional("email", MAX_SHORT_FIELD);
    if let Some(email) = &email {
        if !email.contains('@') || email.contains(char::is_whitespace) {
            r.problems
                .push(format!("\"email\" \"{email}\" is not an e-mail address"));
        }
    }
    let person = BundlePerson {
        id: r.id.clone().unwrap_or_default(),
        name: name.unwrap_or_default(),
        title: r.optional("title", MAX_SHORT_FIELD),
        department: r.optional("department", MAX_SHORT_FIELD),
        profession: r.optional("profession", MAX_SHORT_FIELD),
        email,
        phone: r.optional("phone", MAX_SHORT_FIELD),
        location: r.optional("location", MAX_SHORT_FIELD),
        bio: r.optional("bio", MAX_LONG_FIELD),
        skills: skills(&mut r),
        languages: dedup_case_insensitive(r.strings("languages")),
        hidden_fields: hidden_fields(&mut r),
    };
    r.close(errors, person)
}

fn hidden_fields(r: &mut Record) -> Vec<String> {
    let mut out = Vec::new();
    for field in dedup_case_sensitive(r.strings("hidden_fields")) {
        if HIDEABLE_FIELDS.contains(&field.as_str()) {
            out.push(field);
        } else {
            r.problems.push(format!(
                "\"hidden_fields\": \"{field}\" cannot be hidden; the fields that can are {}",
                HIDEABLE_FIELDS.join(", ")
            ));
        }
    }
    out
}

/// An optional true/false field of a record.
fn flag_of(object: &Map<String, Value>, field: &str, what: &str, problems: &mut Vec<String>) -> bool {
    match object.get(field) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            problems.push(format!("{what}\"{field}\" must be true or false, not {other}"));
            false
        }
    }
}

fn skills(r: &mut Record) -> Vec<BundleSkill> {
    let mut out: Vec<BundleSkill> = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in r.list("skills").iter().enumerate() {
        let Some(obj) = item.as_object() else {
            r.problems.push(format!(
                "skills[{i}] must be an object with \"name\" and \"level\""
            ));
            continue;
        };
        let name = match obj.get("name").and_then(Value::as_str).map(str::trim) {
            Some(n) if !n.is_empty() && n.chars().count() <= MAX_SHORT_FIELD => n.to_string(),
            Some(n) if !n.is_empty() => {
                r.problems.push(format!(
                    "skills[{i}] name is longer than {MAX_SHORT_FIELD} characters"
                ));
                continue;
            }
            _ => {
                r.problems.push(format!("skills[{i}] has no \"name\""));
                continue;
            }
        };
        let level = match obj.get("level") {
            None | Some(Value::Null) => None,
            Some(v) => match v
                .as_u64()
                .and_then(|l| u8::try_from(l).ok())
                .and_then(SkillLevel::new)
            {
                Some(level) => Some(level.get()),
                None => {
                    r.problems.push(format!(
                        "skill \"{name}\" has level {v}; a level is a whole number from 1 to 5"
                    ));
                    continue;
                }
            },
        };
        let what = format!("skill \"{name}\": ");
        let can_mentor = flag_of(obj, "can_mentor", &what, &mut r.problems);
        let wants_to_learn = flag_of(obj, "wants_to_learn", &what, &mut r.problems);
        let awaiting_confirmation = flag_of(obj, "awaiting_confirmation", &what, &mut r.problems);
        let hidden = flag_of(obj, "hidden", &what, &mut r.problems) || awaiting_confirmation;
        if !seen.insert(name.to_lowercase()) {
            r.problems.push(format!("skill \"{name}\" is listed twice"));
            continue;
        }
        out.push(BundleSkill {
            name,
            level,
            can_mentor,
            wants_to_learn,
            hidden,
            awaiting_confirmation,
        });
    }
    out
}

fn course(
    index: usize,
    value: &Value,
    person_known: &dyn Fn(&str) -> bool,
    seen_ids: &mut HashMap<String, usize>,
    errors: &mut Errors,
) -> Option<BundleCourse> {
    let mut r = Record::open("courses", index, value, seen_ids, errors)?;
    let title = r.required("title", MAX_SHORT_FIELD);
    let kind = r.optional("kind", MAX_SHORT_FIELD);
    if let Some(k) = &kind {
        if CourseKind::parse(k).is_none() {
            r.problems.push(format!(
                "\"kind\" is \"{k}\"; use one of {}",
                CourseKind::ALL.map(|k| k.as_str()).join(", ")
            ));
        }
    }
    let date = r.date("date");
    let end_date = r.date("end_date");
    if let (Some(start), Some(end)) = (&date, &end_date) {
        if end < start {
            r.problems
                .push(format!("\"end_date\" {end} is before \"date\" {start}"));
        }
    }
    let attendees = dedup_case_sensitive(r.strings("attendees"));
    for id in &attendees {
        if !person_known(id) {
            r.problems.push(format!(
                "attendee \"{id}\" is neither in this bundle nor in the directory"
            ));
        }
    }
    let course = BundleCourse {
        id: r.id.clone().unwrap_or_default(),
        title: title.unwrap_or_default(),
        kind: kind.map(|k| CourseKind::parse(&k).map(|k| k.as_str().to_string()).unwrap_or(k)),
        provider: r.optional("provider", MAX_SHORT_FIELD),
        date,
        end_date,
        location: r.optional("location", MAX_SHORT_FIELD),
        attendees,
        summary: r.optional("summary", MAX_LONG_FIELD),
        key_takeaways: r.optional("key_takeaways", MAX_LONG_FIELD),
        skills: dedup_case_insensitive(r.strings("skills")),
        hr_only: flag_of(r.object, "hr_only", "", &mut r.problems),
    };
    r.close(errors, course)
}

fn dedup_case_insensitive(items: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|s| seen.insert(s.to_lowercase()))
        .collect()
}

fn dedup_case_sensitive(items: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.into_iter().filter(|s| seen.insert(s.clone())).collect()
}

fn is_iso_date(text: &str) -> bool {
    text.len() == 10 && chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Bundle> {
        parse_bundle(text.as_bytes(), &|id| id == "known")
    }

    fn problems(text: &str) -> Vec<String> {
        match parse(text) {
            Err(CoreError::InvalidRecords(errors)) => errors.iter().map(ToString::to_string).collect(),
            other => panic!("expected invalid records, got {other:?}"),
        }
    }

    #[test]
    fn a_byte_order_mark_and_surrounding_whitespace_are_accepted() {
        let bundle = parse(
            "\u{feff}{\"format\":\"hvemved-bundle\",\"version\":1,\
             \"people\":[{\"id\":\" a \",\"name\":\" Ane \",\"title\":\"  \"}]}",
        )
        .unwrap();
        assert_eq!(bundle.people[0].id, "a");
        assert_eq!(bundle.people[0].name, "Ane");
        assert_eq!(bundle.people[0].title, None, "a blank optional field is absent");
    }

    #[test]
    fn table_of_invalid_records() {
        let cases = [
            (
                r#"{"id":"x","name":"N","email":"no-at-sign"}"#,
                "people[0] (id \"x\"): \"email\" \"no-at-sign\" is not an e-mail address",
            ),
            (
                r#"{"id":"x","name":5}"#,
                "people[0] (id \"x\"): \"name\" must be a string, not a number",
            ),
            (
                r#"{"id":"x","name":"N","skills":[{"level":2}]}"#,
                "people[0] (id \"x\"): skills[0] has no \"name\"",
            ),
            (
                r#"{"id":"x","name":"N","skills":[{"name":"A"},{"name":"a"}]}"#,
                "people[0] (id \"x\"): skill \"a\" is listed twice",
            ),
            (
                r#"{"id":"x","name":"N","languages":"dansk"}"#,
                "people[0] (id \"x\"): \"languages\" must be a list, not a string",
            ),
            (
                r#"{"id":"x","name":"N","hidden_fields":["email"]}"#,
                "people[0] (id \"x\"): \"hidden_fields\": \"email\" cannot be hidden; the fields that can are phone, location, bio, languages",
            ),
            (
                r#"{"id":"x","name":"N","skills":[{"name":"A","hidden":"yes"}]}"#,
                "people[0] (id \"x\"): skill \"A\": \"hidden\" must be true or false, not \"yes\"",
            ),
            (r#"{"id":"","name":"N"}"#, "people[0]: \"id\" is empty"),
            (r#""just a string""#, "people[0]: must be a JSON object"),
        ];
        for (person, expected) in cases {
            let text = format!(r#"{{"format":"hvemved-bundle","version":1,"people":[{person}]}}"#);
            assert_eq!(problems(&text), vec![expected.to_string()], "for {person}");
        }
    }

    #[test]
    fn course_kind_dates_and_attendees_are_checked() {
        let text = r#"{"format":"hvemved-bundle","version":1,"courses":[
            {"id":"c","title":"T","kind":"webinar","date":"2024-05-02","end_date":"2024-05-01","attendees":["known","ghost"]}]}"#;
        let found = problems(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("\"kind\" is \"webinar\""));
        assert!(found[1].contains("\"end_date\" 2024-05-01 is before \"date\" 2024-05-02"));
        assert!(found[2].contains("attendee \"ghost\""));
    }

    #[test]
    fn english_course_kinds_are_stored_in_danish() {
        let text = r#"{"format":"hvemved-bundle","version":1,"courses":[{"id":"c","title":"T","kind":"Conference"}]}"#;
        assert_eq!(
            parse(text).unwrap().courses[0].kind.as_deref(),
            Some("konference")
        );
    }

    #[test]
    fn overlong_fields_are_refused() {
        let text = format!(
            r#"{{"format":"hvemved-bundle","version":1,"people":[{{"id":"x","name":"{}"}}]}}"#,
            "a".repeat(MAX_SHORT_FIELD + 1)
        );
        assert!(problems(&text)[0].contains("longer than 500 characters"));
    }
}
