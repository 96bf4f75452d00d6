use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::*;

fn concept(id: &str, category: &str, preferred: &str, english: &[&str]) -> Concept {
    Concept {
        id: id.to_string(),
        category: category.to_string(),
        preferred: preferred.to_string(),
        alternatives: Vec::new(),
        abbreviations: Vec::new(),
        english: english.iter().map(|s| s.to_string()).collect(),
    }
}

fn preferred_of(found: &[&Concept]) -> Vec<String> {
    found.iter().map(|c| c.preferred.clone()).collect()
}

#[test]
fn builtin_parses_without_errors() {
    if let Err(errors) = Thesaurus::parse(BUILTIN_TSV) {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{} fejl:\n{}", errors.len(), listed.join("\n"));
    }
}

#[test]
fn builtin_has_at_least_300_concepts() {
    let n = Thesaurus::builtin().len();
    assert!(n >= 300, "only {n} concepts");
}

#[test]
fn builtin_has_at_least_20_concepts_in_every_category() {
    let thesaurus = Thesaurus::builtin();
    for (id, _, _) in CATEGORIES {
        let n = thesaurus.concepts().iter().filter(|c| c.category == *id).count();
        assert!(n >= 20, "category {id} has only {n} concepts");
    }
}

#[test]
fn builtin_concepts_all_have_an_english_label() {
    for c in Thesaurus::builtin().concepts() {
        assert!(
            c.english.iter().any(|label| !label.trim().is_empty()),
            "{} has no English label",
            c.id
        );
    }
}

#[test]
fn builtin_ids_are_unique() {
    let thesaurus = Thesaurus::builtin();
    let mut seen = HashSet::new();
    for c in thesaurus.concepts() {
        assert!(seen.insert(c.id.as_str()), "duplicate id {}", c.id);
        assert!(is_valid_id(&c.id), "bad id {}", c.id);
        assert_eq!(thesaurus.get(&c.id), Some(c));
    }
}

/// A label shared by two concepts makes a search for it expand to both, so
/// each one must be a deliberate choice; the shipped file has none.
#[test]
fn builtin_labels_each_belong_to_one_concept() {
    let thesaurus = Thesaurus::builtin();
    let mut owners: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for c in thesaurus.concepts() {
        for label in c.all_labels() {
            owners.entry(label_key(label)).or_default().insert(&c.id);
        }
    }
    let shared: Vec<String> = owners
        .iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(key, ids)| format!("{key}: {ids:?}"))
        .collect();
    assert!(shared.is_empty(), "labels on several concepts: {shared:?}");
}

#[test]
fn builtin_lookups_find_the_danish_preferred_term() {
    let thesaurus = Thesaurus::builtin();
    let cases = [
        ("mentalization", "Mentalisering"),
        ("aftercare", "Efterværn"),
        ("After-care", "Efterværn"),
        ("after care", "Efterværn"),
        ("efterværnsindsats", "Efterværn"),
        ("eftervaern", "Efterværn"),
        ("SSP", "SSP-samarbejde"),
        ("ssp", "SSP-samarbejde"),
        ("PPR", "Pædagogisk Psykologisk Rådgivning"),
        ("UU", "Ungdommens Uddannelsesvejledning"),
        ("MUS", "Medarbejderudviklingssamtale"),
        ("APV", "Arbejdspladsvurdering"),
        ("BFU", "Børnefaglig undersøgelse"),
        ("§50 undersøgelse", "Børnefaglig undersøgelse"),
        ("FGU", "Forberedende grunduddannelse"),
        ("school dropout", "Frafald fra uddannelse"),
        ("  School   Drop-out ", "Frafald fra uddannelse"),
        ("substance abuse prevention", "Rusmiddelforebyggelse"),
        ("misbrugsforebyggelse", "Rusmiddelforebyggelse"),
        ("motivational interviewing", "Motiverende samtale"),
        ("Housing First", "Housing First"),
        ("flex job", "Fleksjob"),
        ("Childrens Act", "Barnets lov"),
    ];
    for (phrase, expected) in cases {
        let found = thesaurus.lookup(phrase);
        assert!(
            found.iter().any(|c| c.preferred == expected),
            "lookup({phrase:?}) gave {:?}, expected {expected:?}",
            preferred_of(&found)
        );
    }
}

#[test]
fn lookup_of_blank_or_unknown_phrases_finds_nothing() {
    let thesaurus = Thesaurus::builtin();
    for phrase in [
        "",
        "   ",
        "-",
        "quantum chromodynamics",
        "efterværnsforløbsindsats",
    ] {
        assert!(
            thesaurus.lookup(phrase).is_empty(),
            "lookup({phrase:?}) found {:?}",
            preferred_of(&thesaurus.lookup(phrase))
        );
    }
}

#[test]
fn lookup_matches_whole_labels_only() {
    let thesaurus = Thesaurus::builtin();
    // "samarbejde" is part of many labels but the whole label of none.
    assert!(thesaurus.lookup("samarbejde").is_empty());
}

#[test]
fn label_key_ignores_case_spacing_hyphens_and_danish_letter_spelling() {
    let cases = [
        ("After-care", "aftercare"),
        ("after  care", "aftercare"),
        (" AFTER – CARE ", "aftercare"),
        ("Efterværn", "eftervaern"),
        ("Børnefaglig undersøgelse", "boernefagligundersoegelse"),
        ("Rådgivning", "raadgivning"),
        ("FN's børnekonvention", "fnsboernekonvention"),
        ("10. klasse", "10klasse"),
        ("", ""),
    ];
    for (label, key) in cases {
        assert_eq!(label_key(label), key, "label {label:?}");
    }
}

#[test]
fn parse_reports_every_error_with_its_line_number() {
    let good = "a\tsundhed\tA\t\t\tA";
    // (case name, file text, expected errors as (line, message fragment))
    type Case = (&'static str, String, Vec<(usize, &'static str)>);
    let cases: Vec<Case> = vec![
        (
            "too few columns",
            "x\tsundhed\tX\t\tX".to_string(),
            vec![(1, "forventede 6 kolonner")],
        ),
        (
            "too many columns",
            "x\tsundhed\tX\t\t\tX\tekstra".to_string(),
            vec![(1, "fandt 7")],
        ),
        (
            "empty id",
            "\tsundhed\tX\t\t\tX".to_string(),
            vec![(1, "id mangler")],
        ),
        (
            "invalid id",
            "Børn\tsundhed\tX\t\t\tX".to_string(),
            vec![(1, "ugyldigt id 'Børn'")],
        ),
        (
            "empty preferred",
            "x\tsundhed\t \t\t\tX".to_string(),
            vec![(1, "foretrukken betegnelse mangler")],
        ),
        (
            "empty english",
            "x\tsundhed\tX\talt\tABC\t | ".to_string(),
            vec![(1, "engelsk betegnelse")],
        ),
        (
            "unknown category",
            "x\tpsykologi\tX\t\t\tX".to_string(),
            vec![(1, "ukendt kategori 'psykologi'")],
        ),
        (
            "empty category",
            "x\t\tX\t\t\tX".to_string(),
            vec![(1, "kategori mangler")],
        ),
        (
            "duplicate id",
            format!("{good}\na\tsundhed\tB\t\t\tB"),
            vec![(2, "id 'a' er allerede brugt i linje 1")],
        ),
        (
            "duplicate preferred, other case and hyphenation",
            format!("{good}\nb\tsundhed\t a \t\t\tB\nc\tsundhed\tX-Y\t\t\tC\nd\taeldre\tx y\t\t\tD"),
            vec![
                (2, "foretrukken betegnelse 'a' er allerede brugt i linje 1"),
                (4, "foretrukken betegnelse 'x y' er allerede brugt i linje 3"),
            ],
        ),
        (
            "line numbers count comments and blank lines",
            format!("# kommentar\n\n{good}\n   \n# mere\nb\tukendt\tB\t\t\tB"),
            vec![(6, "ukendt kategori 'ukendt'")],
        ),
        (
            "several errors on one line and on several lines",
            format!("\tukendt\t\t\t\t\n{good}\nkun to\tkolonner\na\tsundhed\tA\t\t\tA"),
            vec![
                (1, "id mangler"),
                (1, "ukendt kategori"),
                (1, "foretrukken betegnelse mangler"),
                (1, "engelsk betegnelse"),
                (3, "forventede 6 kolonner"),
                (4, "id 'a' er allerede brugt i linje 2"),
                (4, "foretrukken betegnelse 'A' er allerede brugt i linje 2"),
            ],
        ),
    ];
    for (name, text, expected) in cases {
        let errors = match Thesaurus::parse(&text) {
            Ok(_) => panic!("{name}: parsed without errors"),
            Err(errors) => errors,
        };
        assert_eq!(
            errors.len(),
            expected.len(),
            "{name}: got {errors:?}, expected {expected:?}"
        );
        for (error, (line, fragment)) in errors.iter().zip(&expected) {
            assert_eq!(error.line, *line, "{name}: {error}");
            assert!(
                error.message.contains(fragment),
                "{name}: {error:?} should mention {fragment:?}"
            );
        }
    }
}

#[test]
fn parse_reads_columns_lists_comments_crlf_and_bom() {
    let text = "\u{feff}# header\r\n\r\nmi\tsamarbejde\t Motiverende samtale \tmotiverende interview | |\tMI\tmotivational interviewing|\r\nx\taeldre\tX\t\t\tX\r\n";
    let thesaurus = Thesaurus::parse(text).expect("valid");
    assert_eq!(thesaurus.len(), 2);
    let mi = thesaurus.get("mi").expect("mi");
    assert_eq!(mi.category, "samarbejde");
    assert_eq!(mi.preferred, "Motiverende samtale");
    assert_eq!(mi.alternatives, vec!["motiverende interview"]);
    assert_eq!(mi.abbreviations, vec!["MI"]);
    assert_eq!(mi.english, vec!["motivational interviewing"]);
    let x = thesaurus.get("x").expect("x");
    assert!(x.alternatives.is_empty() && x.abbreviations.is_empty());
    assert_eq!(preferred_of(&thesaurus.lookup("mi")), vec!["Motiverende samtale"]);
}

#[test]
fn parse_of_an_empty_text_gives_an_empty_thesaurus() {
    let thesaurus = Thesaurus::parse("# kun kommentarer\n\n").expect("valid");
    assert!(thesaurus.is_empty());
}

#[test]
fn line_error_displays_in_danish_with_its_line() {
    let error = ThesaurusLineError {
        line: 12,
        message: "ukendt kategori 'x'".to_string(),
    };
    assert_eq!(error.to_string(), "linje 12: ukendt kategori 'x'");
    let as_error: &dyn std::error::Error = &error;
    assert!(as_error.source().is_none());
}

#[test]
fn add_or_replace_adds_new_concepts_and_replaces_by_id() {
    let mut thesaurus = Thesaurus::builtin();
    let before = thesaurus.len();

    let mut new = concept("nyt-begreb", "administration", "Nyt begreb", &["new term"]);
    new.abbreviations.push("NB".to_string());
    thesaurus.add_or_replace(new.clone());
    assert_eq!(thesaurus.len(), before + 1);
    assert_eq!(thesaurus.get("nyt-begreb"), Some(&new));
    assert_eq!(preferred_of(&thesaurus.lookup("nb")), vec!["Nyt begreb"]);

    let position = thesaurus
        .concepts()
        .iter()
        .position(|c| c.id == "eftervaern")
        .expect("eftervaern");
    let mut edited = thesaurus.get("eftervaern").expect("eftervaern").clone();
    edited.english = vec!["leaving care".to_string()];
    thesaurus.add_or_replace(edited.clone());
    assert_eq!(thesaurus.len(), before + 1);
    assert_eq!(thesaurus.concepts()[position], edited);
    assert!(thesaurus.lookup("aftercare").is_empty(), "stale label kept");
    assert_eq!(preferred_of(&thesaurus.lookup("leaving care")), vec!["Efterværn"]);
}

#[test]
fn validate_reports_problems_with_a_new_concept() {
    let thesaurus = Thesaurus::builtin();
    let ok = concept("nyt-begreb", "sundhed", "Nyt begreb", &["new term"]);
    assert!(thesaurus.validate(&ok).is_empty());

    // Replacing a concept may keep its own preferred term.
    let same = thesaurus.get("eftervaern").expect("eftervaern").clone();
    assert!(thesaurus.validate(&same).is_empty());

    let cases = [
        (concept("", "sundhed", "X", &["x"]), "id mangler"),
        (concept("Ny", "sundhed", "X", &["x"]), "ugyldigt id"),
        (concept("ny", "sport", "X", &["x"]), "ukendt kategori"),
        (
            concept("ny", "sundhed", "", &["x"]),
            "foretrukken betegnelse mangler",
        ),
        (concept("ny", "sundhed", "X", &[]), "engelsk betegnelse"),
        (concept("ny", "sundhed", "X", &["a|b"]), "'|'"),
        (
            concept("ny", "sundhed", "efterværn", &["x"]),
            "bruges allerede af 'eftervaern'",
        ),
    ];
    for (c, fragment) in cases {
        let problems = thesaurus.validate(&c);
        assert!(
            problems.iter().any(|p| p.contains(fragment)),
            "{c:?}: {problems:?} should mention {fragment:?}"
        );
    }
}

#[test]
fn to_tsv_round_trips() {
    let thesaurus = Thesaurus::builtin();
    let again = Thesaurus::parse(&thesaurus.to_tsv()).expect("round trip parses");
    assert_eq!(again.concepts(), thesaurus.concepts());
}

#[test]
fn concept_round_trips_through_json() {
    let original = Thesaurus::builtin().get("ssp").expect("ssp").clone();
    let json = serde_json::to_string(&original).expect("serialise");
    let back: Concept = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, original);

    // Stored edits may leave out empty lists.
    let minimal: Concept =
        serde_json::from_str(r#"{"id":"x","category":"aeldre","preferred":"X","english":["x"]}"#)
            .expect("deserialise minimal");
    assert!(minimal.alternatives.is_empty() && minimal.abbreviations.is_empty());
}

#[test]
fn all_labels_lists_every_column_preferred_first() {
    let c = Concept {
        id: "x".to_string(),
        category: "aeldre".to_string(),
        preferred: "P".to_string(),
        alternatives: vec!["a1".to_string(), "a2".to_string()],
        abbreviations: vec!["AB".to_string()],
        english: vec!["e".to_string()],
    };
    assert_eq!(c.all_labels().collect::<Vec<_>>(), ["P", "a1", "a2", "AB", "e"]);
}

#[test]
fn categories_are_the_ten_documented_ids() {
    let ids: Vec<&str> = CATEGORIES.iter().map(|(id, _, _)| *id).collect();
    assert_eq!(
        ids,
        [
            "boern-unge",
            "socialt-arbejde",
            "sundhed",
            "rusmidler",
            "beskaeftigelse",
            "uddannelse",
            "handicap",
            "aeldre",
            "administration",
            "samarbejde",
        ]
    );
    assert_eq!(category("aeldre").map(|(_, da, _)| da), Some("Ældre"));
    assert!(category("sport").is_none());
}
