//! Card languages: the Japanese and Chinese message files mirror the English ones exactly (ids,
//! variables, selector variants), every summary stays under 140 characters in every language,
//! every rule's card renders in ja and zh with the same structure as in English, and
//! `Accept-Language` picks the language over HTTP.
//!
//! The `.ftl` files are parsed with Fluent's own parser (`FluentResource`); its syntax tree is
//! read through its `Debug` form, because `fluent-syntax` is not a direct dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use serde_json::Value;
use venous_cds::cards::{Language, Texts};
use venous_cds::cds::call::CallOptions;
use venous_cds::cds::prefetch::FhirAccess;
use venous_cds::cds::schema::Schema;
use venous_cds::check::{self, Case};
use venous_cds::guidelines::{self, Arg};
use venous_cds::settings::Settings;
use venous_cds::startup::build_engine;

use crate::helpers::{cards_of, complete_prefetch, order_sign, spawn, spawn_with};

// ---------------------------------------------------------------------------------------------
// The message files
// ---------------------------------------------------------------------------------------------

/// What one message uses: its variables, the messages it references, the variables it selects
/// on, and the keys of its selector variants.
#[derive(Debug, Default, Clone, PartialEq)]
struct MessageShape {
    file: String,
    variables: BTreeSet<String>,
    references: BTreeSet<String>,
    selectors: BTreeSet<String>,
    variant_keys: BTreeSet<String>,
}

/// Every quoted name that follows `marker` in a `Debug` dump of the syntax tree.
fn names_after(dump: &str, marker: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = dump;
    while let Some(at) = rest.find(marker) {
        let tail = &rest[at + marker.len()..];
        let end = tail.find('"').expect("a closing quote");
        found.push(tail[..end].to_owned());
        rest = &tail[end..];
    }
    found
}

/// The messages of every `.ftl` file of a language, by id.
fn messages(language: &str) -> BTreeMap<String, MessageShape> {
    let dir = Path::new("locales").join(language);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut all = BTreeMap::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = FluentResource::try_new(text)
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.entries() {
            let dump = format!("{entry:?}");
            if !dump.starts_with("Message(") {
                continue;
            }
            let id = names_after(&dump, "Message { id: Identifier { name: \"")
                .into_iter()
                .next()
                .expect("a message id");
            let shape = MessageShape {
                file: file.clone(),
                variables: names_after(&dump, "VariableReference { id: Identifier { name: \"")
                    .into_iter()
                    .collect(),
                references: names_after(&dump, "MessageReference { id: Identifier { name: \"")
                    .into_iter()
                    .collect(),
                selectors: names_after(
                    &dump,
                    "Select { selector: VariableReference { id: Identifier { name: \"",
                )
                .into_iter()
                .collect(),
                variant_keys: names_after(&dump, "Variant { key: Identifier { name: \"")
                    .into_iter()
                    .chain(names_after(
                        &dump,
                        "Variant { key: NumberLiteral { value: \"",
                    ))
                    .collect(),
            };
            assert!(
                all.insert(id.clone(), shape).is_none(),
                "locales/{language}: message `{id}` is defined twice"
            );
        }
    }
    assert!(!all.is_empty(), "locales/{language} holds messages");
    all
}

/// Han, kana, CJK punctuation or full-width forms (`（）：`): text written for ja or zh.
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
            | '\u{FF00}'..='\u{FFEF}')
    })
}

fn has_kana(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}'))
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_message_reader_sees_variables_selectors_references_and_variant_keys() {
    let en = messages("en");
    let aps = &en["vte-aps-no-doac-summary"];
    assert_eq!(aps.file, "general.ftl");
    assert_eq!(aps.variables, set(&["agent", "pregnant"]));
    assert_eq!(aps.selectors, set(&["pregnant"]));
    assert_eq!(aps.variant_keys, set(&["yes", "no"]));
    let not_isolated = &en["cmvt-not-isolated-recommendation"];
    assert_eq!(not_isolated.references, set(&["calf-choice"]));
    assert_eq!(not_isolated.variables, set(&["bleeding"]));
    let phase = &en["phase-dose"];
    assert_eq!(phase.variables, set(&["dose", "unit", "frequency", "days"]));
    assert_eq!(phase.variant_keys, set(&["1", "2", "other", "none"]));
    // A selector nested in a variant (`$measure` inside `$cause`) is found too.
    assert!(en["vte-doac-renal-summary"]
        .selectors
        .is_superset(&set(&["cause", "measure"])));
    // A translation's own selector on a date that may be unknown.
    let ja = messages("ja");
    assert_eq!(ja["reason-renal"].selectors, set(&["measure", "date"]));
    assert_eq!(ja["reason-renal"].variables, en["reason-renal"].variables);
}

#[test]
fn the_japanese_and_chinese_files_hold_exactly_the_english_messages_with_the_same_variables() {
    let english = messages("en");
    let mut problems = Vec::new();
    for language in ["ja", "zh"] {
        let translated = messages(language);
        for (id, en) in &english {
            let Some(shape) = translated.get(id) else {
                problems.push(format!("{language}: `{id}` ({}) is missing", en.file));
                continue;
            };
            if shape.file != en.file {
                problems.push(format!(
                    "{language}: `{id}` is in {} but in {} in English",
                    shape.file, en.file
                ));
            }
            if shape.variables != en.variables {
                problems.push(format!(
                    "{language}: `{id}` uses variables {:?}, English {:?}",
                    shape.variables, en.variables
                ));
            }
            if shape.references != en.references {
                problems.push(format!(
                    "{language}: `{id}` references {:?}, English {:?}",
                    shape.references, en.references
                ));
            }
            // Every English selector stays a selector, with every English variant key (a
            // translation may add a selector, e.g. `[unknown]` for a missing date).
            if !en.selectors.is_subset(&shape.selectors) {
                problems.push(format!(
                    "{language}: `{id}` selects on {:?}, English on {:?}",
                    shape.selectors, en.selectors
                ));
            }
            let lost: Vec<&String> = en.variant_keys.difference(&shape.variant_keys).collect();
            if !lost.is_empty() {
                problems.push(format!("{language}: `{id}` lacks the variants {lost:?}"));
            }
        }
        for (id, shape) in &translated {
            if !english.contains_key(id) {
                problems.push(format!(
                    "{language}: `{id}` ({}) is not an English message",
                    shape.file
                ));
            }
        }
        let english_files: BTreeSet<&String> = english.values().map(|m| &m.file).collect();
        let files: BTreeSet<&String> = translated.values().map(|m| &m.file).collect();
        if files != english_files {
            problems.push(format!(
                "{language}: files {files:?}, English {english_files:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_japanese_and_chinese_message_is_written_in_its_language_and_never_falls_back() {
    let texts = Texts::load().unwrap();
    let english = messages("en");
    let mut problems = Vec::new();
    for language in [Language::Ja, Language::Zh] {
        for id in english.keys() {
            assert!(
                texts.has(language, id),
                "{}: `{id}` missing",
                language.tag()
            );
        }
        // The Japanese file is Japanese (kana) and the Chinese file is not.
        for (id, shape) in messages(language.tag()) {
            let text = texts.format(language, &id, &long_args(&shape, &texts, language));
            if !has_cjk(&text) {
                problems.push(format!(
                    "{}: `{id}` = {text:?} has no CJK text",
                    language.tag()
                ));
            }
            if language == Language::Zh && has_kana(&text) {
                problems.push(format!("zh: `{id}` = {text:?} contains kana"));
            }
        }
    }
    // Japanese messages that are whole sentences carry kana (not Chinese by mistake).
    for (id, shape) in messages("ja") {
        if id.ends_with("-recommendation") || id.ends_with("-evidence") || id.ends_with("-disagree")
        {
            let text = texts.format(Language::Ja, &id, &long_args(&shape, &texts, Language::Ja));
            if !has_kana(&text) {
                problems.push(format!("ja: `{id}` has no kana: {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Summary lengths
// ---------------------------------------------------------------------------------------------

const ANTICOAGULANTS: &[&str] = &[
    "agent-apixaban",
    "agent-rivaroxaban",
    "agent-edoxaban",
    "agent-dabigatran",
    "agent-warfarin",
    "agent-ufh",
    "agent-enoxaparin",
    "agent-dalteparin",
    "agent-fondaparinux",
    "agent-argatroban",
    "agent-unknown",
];
const ANTIPLATELETS: &[&str] = &["agent-aspirin", "agent-clopidogrel", "agent-unknown"];

/// The longest value a rule can pass for a variable that is not only a selector.
fn long_value(name: &str, texts: &Texts, language: Language) -> Arg {
    let longest = |terms: &[&'static str]| {
        let term = terms
            .iter()
            .copied()
            .max_by_key(|t| texts.format(language, t, &[]).chars().count())
            .unwrap();
        Arg::Term(term)
    };
    match name {
        "agent" | "anticoagulant" | "choice-agent" | "from" => longest(ANTICOAGULANTS),
        "antiplatelet" => longest(ANTIPLATELETS),
        "plan" | "alternative" => longest(&[
            "stent-regimen-apixaban-initial",
            "stent-regimen-rivaroxaban-initial",
            "stent-regimen-rivaroxaban-initial-jp",
            "stent-regimen-ufh-warfarin",
            "stent-regimen-ufh",
            "stent-regimen-other",
        ]),
        "site" => longest(&["site-lower-limb-unspecified", "site-calf-muscular"]),
        "procedure" => longest(&[
            "procedure-drug-coated-balloon",
            "procedure-ivc-filter-insertion",
            "procedure-duplex-ultrasound",
        ]),
        "date" | "onset" | "until" | "end" | "start" => Arg::Literal("2025-12-31".into()),
        "days" | "day" => Arg::Number(9999.0),
        "value" => Arg::Number(999.9),
        "dose" | "maintenance" => Arg::Number(9999.0),
        "threshold" | "reduced" => Arg::Number(30.0),
        "score" => Arg::Number(33.0),
        "count" => Arg::Number(6.0),
        "age" => Arg::Number(100.0),
        "type" => Arg::Literal("IVb".into()),
        "class" => Arg::Literal("C".into()),
        "shape" => Arg::Literal("spindle".into()),
        "unit" => Arg::Literal("mg/kg".into()),
        "label" => Arg::Literal("Japanese venous stent guideline 2025-09-18 §3".into()),
        "reference" => Arg::Literal("MedicationRequest/draft-apixaban-1".into()),
        "regimen" | "to" => Arg::Literal("apixaban 10 mg twice daily for 7 days".into()),
        _ => Arg::Literal("x".into()),
    }
}

/// One set of arguments: the longest value of every variable (selectors take their default).
fn long_args(shape: &MessageShape, texts: &Texts, language: Language) -> Vec<(&'static str, Arg)> {
    shape
        .variables
        .iter()
        .map(|name| {
            let name: &'static str = Box::leak(name.clone().into_boxed_str());
            (name, long_value(name, texts, language))
        })
        .collect()
}

/// Every combination of arguments of a message: each selector variable runs over the variant
/// keys of all three languages (and its long value when it is also printed), every other
/// variable takes its longest value. Referenced messages (`{ calf-choice }`) add their own.
fn argument_sets(
    id: &str,
    all: &BTreeMap<&str, BTreeMap<String, MessageShape>>,
    texts: &Texts,
    language: Language,
) -> Vec<Vec<(&'static str, Arg)>> {
    let mut variables: BTreeSet<String> = BTreeSet::new();
    let mut selectors: BTreeSet<String> = BTreeSet::new();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let mut pending = vec![id.to_owned()];
    while let Some(next) = pending.pop() {
        for shapes in all.values() {
            if let Some(shape) = shapes.get(&next) {
                variables.extend(shape.variables.iter().cloned());
                selectors.extend(shape.selectors.iter().cloned());
                keys.extend(shape.variant_keys.iter().cloned());
                pending.extend(shape.references.iter().cloned());
            }
        }
    }
    let mut sets: Vec<Vec<(&'static str, Arg)>> = vec![Vec::new()];
    for name in variables {
        let name: &'static str = Box::leak(name.into_boxed_str());
        let mut values = vec![long_value(name, texts, language)];
        if selectors.contains(name) {
            // The variant keys are shared by all of a message's selectors; a key that belongs
            // to another selector simply falls to the default variant.
            values.extend(keys.iter().map(|k| match k.parse::<f64>() {
                Ok(n) => Arg::Number(n),
                Err(_) => Arg::Literal(k.clone()),
            }));
        }
        sets = sets
            .into_iter()
            .flat_map(|set| {
                values.iter().map(move |value| {
                    let mut set = set.clone();
                    set.push((name, value.clone()));
                    set
                })
            })
            .collect();
        assert!(sets.len() <= 200_000, "`{id}` has too many combinations");
    }
    sets
}

#[test]
fn every_summary_stays_under_140_characters_with_the_longest_arguments_in_every_language() {
    let texts = Texts::load().unwrap();
    let all: BTreeMap<&str, BTreeMap<String, MessageShape>> = ["en", "ja", "zh"]
        .into_iter()
        .map(|l| (l, messages(l)))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for language in Language::ALL {
        for id in all["en"].keys().filter(|id| id.ends_with("-summary")) {
            let mut longest = String::new();
            for args in argument_sets(id, &all, &texts, *language) {
                let text = texts.format(*language, id, &args);
                assert!(
                    !text.contains("{$") && !text.contains(&format!("[{id}]")),
                    "{}: `{id}` does not resolve: {text}",
                    language.tag()
                );
                if text.chars().count() > longest.chars().count() {
                    longest = text;
                }
                checked += 1;
            }
            if longest.chars().count() >= 140 {
                problems.push(format!(
                    "{}: `{id}` reaches {} characters: {longest}",
                    language.tag(),
                    longest.chars().count()
                ));
            }
        }
    }
    assert!(checked > 100, "summaries were rendered");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn every_rendered_fixture_summary_stays_under_140_characters_in_every_language() {
    let rendered = render_fixtures().await;
    let mut problems = Vec::new();
    for (path, language, response) in &rendered {
        for card in response["cards"].as_array().into_iter().flatten() {
            let summary = card["summary"].as_str().unwrap();
            if summary.chars().count() >= 140 {
                problems.push(format!(
                    "{} ({}): {} characters: {summary}",
                    path.display(),
                    language.tag(),
                    summary.chars().count()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Every fixture in every language
// ---------------------------------------------------------------------------------------------

/// Every fixture's response in English, Japanese and Chinese (errors as their outcome).
async fn render_fixtures() -> Vec<(PathBuf, Language, Value)> {
    let engine = build_engine(&Settings::default()).unwrap();
    let fixtures = check::find_fixtures(Path::new("fixtures")).unwrap();
    assert!(!fixtures.is_empty(), "fixtures/ holds fixtures");
    let mut rendered = Vec::new();
    for dir in fixtures {
        let case: Case =
            serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let body = std::fs::read(dir.join("request.json")).unwrap();
        let service = engine
            .catalogue
            .get(&case.service)
            .unwrap_or_else(|| panic!("{}: no service {}", dir.display(), case.service));
        let access = FhirAccess::Canned(Arc::new(case.fhir.clone()));
        for language in Language::ALL {
            let options = CallOptions {
                as_of: case.evaluation_date,
                language: *language,
                region: case.region,
                fhir: &access,
                policy: None,
            };
            let response = match engine.call_with(service, &body, &options).await {
                Ok(output) => serde_json::to_value(&output.response).unwrap(),
                Err(error) => serde_json::to_value(error.outcome()).unwrap(),
            };
            rendered.push((dir.clone(), *language, check::without_uuids(&response)));
        }
    }
    rendered
}

/// The response without anything a language changes: card summary and detail, suggestion
/// labels, action descriptions, override-reason displays and the texts inside suggested
/// resources. Rule ids, indicators, source labels, codes and doses remain.
fn structure(response: &Value) -> Value {
    fn strip_texts(value: &mut Value) {
        match value {
            Value::Object(object) => {
                object.shift_remove("text");
                object.values_mut().for_each(strip_texts);
            }
            Value::Array(items) => items.iter_mut().for_each(strip_texts),
            _ => {}
        }
    }
    let mut response = check::without_uuids(response);
    for card in response["cards"].as_array_mut().into_iter().flatten() {
        let card = card.as_object_mut().unwrap();
        card.shift_remove("summary");
        card.shift_remove("detail");
        for suggestion in card
            .get_mut("suggestions")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            suggestion.as_object_mut().unwrap().shift_remove("label");
            for action in suggestion["actions"].as_array_mut().into_iter().flatten() {
                action.as_object_mut().unwrap().shift_remove("description");
                if let Some(resource) = action.get_mut("resource") {
                    strip_texts(resource);
                }
            }
        }
        for reason in card
            .get_mut("overrideReasons")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            reason.as_object_mut().unwrap().shift_remove("display");
        }
    }
    response
}

/// Every text of a card that the language writes, with where it sits.
fn card_texts(card: &Value) -> Vec<(String, String)> {
    let mut texts = vec![
        (
            "summary".to_owned(),
            card["summary"].as_str().unwrap().to_owned(),
        ),
        (
            "detail".to_owned(),
            card["detail"].as_str().unwrap().to_owned(),
        ),
    ];
    for (s, suggestion) in card["suggestions"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        texts.push((
            format!("suggestions[{s}].label"),
            suggestion["label"].as_str().unwrap().to_owned(),
        ));
        for (a, action) in suggestion["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            texts.push((
                format!("suggestions[{s}].actions[{a}].description"),
                action["description"].as_str().unwrap().to_owned(),
            ));
            let resource = &action["resource"];
            for (d, dosage) in resource["dosageInstruction"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                texts.push((
                    format!("suggestions[{s}].actions[{a}].resource.dosageInstruction[{d}].text"),
                    dosage["text"].as_str().unwrap().to_owned(),
                ));
            }
            if resource["resourceType"] == "ServiceRequest" {
                texts.push((
                    format!("suggestions[{s}].actions[{a}].resource.code.text"),
                    resource["code"]["text"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    for (r, reason) in card["overrideReasons"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        texts.push((
            format!("overrideReasons[{r}].display"),
            reason["display"].as_str().unwrap().to_owned(),
        ));
    }
    texts
}

/// `[message-id]`, the text of a message that does not exist.
fn placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let tail = &rest[open + 1..];
        let Some(close) = tail.find(']') else { break };
        let inside = &tail[..close];
        if inside.contains('-')
            && inside
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Some(inside);
        }
        rest = tail;
    }
    None
}

#[tokio::test]
async fn every_fixture_renders_in_japanese_and_chinese_with_the_english_structure_and_every_rule_is_seen(
) {
    let rendered = render_fixtures().await;
    let mut english: BTreeMap<&Path, &Value> = BTreeMap::new();
    for (path, language, response) in &rendered {
        if *language == Language::En {
            english.insert(path, response);
        }
    }
    let mut problems = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut cards_checked = 0;
    for (path, language, response) in &rendered {
        let place = format!("{} ({})", path.display(), language.tag());
        let en = english[path.as_path()];
        if response.get("cards").is_none() {
            // An error outcome: the same in every language.
            if response != en {
                problems.push(format!("{place}: the error differs from English"));
            }
            continue;
        }
        if let Err((at, message)) = Schema::Response.check(response) {
            problems.push(format!(
                "{place}: breaks the response schema at {at}: {message}"
            ));
        }
        if structure(response) != structure(en) {
            problems.push(format!(
                "{place}: the cards differ from English beyond their texts:\n{}",
                check::diff(&structure(en), &structure(response))
            ));
            continue;
        }
        for (c, card) in response["cards"].as_array().unwrap().iter().enumerate() {
            let rule = card["source"]["topic"]["code"].as_str().unwrap();
            let texts = card_texts(card);
            for (field, text) in &texts {
                if let Some(id) = placeholder(text) {
                    problems.push(format!("{place}: {rule} {field} shows `[{id}]`"));
                }
                if text.contains("{$") || text.contains("{ $") {
                    problems.push(format!(
                        "{place}: {rule} {field} has an unresolved variable"
                    ));
                }
            }
            if *language == Language::En {
                continue;
            }
            cards_checked += 1;
            seen.insert(rule.to_owned());
            let en_card = &en["cards"][c];
            let en_texts = card_texts(en_card);
            for ((field, text), (_, en_text)) in texts.iter().zip(&en_texts) {
                if !has_cjk(text) {
                    problems.push(format!("{place}: {rule} {field} is not translated: {text}"));
                } else if text == en_text {
                    problems.push(format!("{place}: {rule} {field} equals the English"));
                }
            }
            let summary = card["summary"].as_str().unwrap();
            match language {
                Language::Ja
                    if !has_kana(summary) && !has_kana(card["detail"].as_str().unwrap()) =>
                {
                    problems.push(format!("{place}: {rule} is not Japanese: {summary}"))
                }
                Language::Zh if has_kana(summary) || has_kana(card["detail"].as_str().unwrap()) => {
                    problems.push(format!("{place}: {rule} has kana in Chinese: {summary}"))
                }
                _ => {}
            }
        }
    }
    assert!(cards_checked > 0, "some fixture has cards");
    let unseen: Vec<&str> = guidelines::rules()
        .map(|r| r.id)
        .filter(|id| !seen.contains(*id))
        .collect();
    if !unseen.is_empty() {
        problems.push(format!("rules no fixture renders: {unseen:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// A rule beyond the seeds names the drug label it rests on in the card's own language.
#[tokio::test]
async fn the_drug_label_behind_a_rule_beyond_the_seeds_is_named_in_the_card_language() {
    let texts = Texts::load().unwrap();
    let beyond: BTreeMap<&str, &str> = guidelines::rules()
        .filter_map(|rule| rule.citation.beyond_seeds.map(|message| (rule.id, message)))
        .collect();
    assert!(beyond.len() >= 4, "{beyond:?}");
    let mut seen: BTreeSet<(String, &str)> = BTreeSet::new();
    let mut problems = Vec::new();
    for (path, language, response) in render_fixtures().await {
        let Some(cards) = response["cards"].as_array() else {
            continue;
        };
        for card in cards {
            let rule = card["source"]["topic"]["code"].as_str().unwrap();
            let Some(message) = beyond.get(rule) else {
                continue;
            };
            let place = format!("{} ({}) {rule}", path.display(), language.tag());
            let detail = card["detail"].as_str().unwrap();
            let label = texts.format(language, message, &[]);
            let english = texts.format(Language::En, message, &[]);
            if !detail.contains(&label) {
                problems.push(format!("{place}: the detail does not name {label:?}"));
            }
            if language != Language::En && (detail.contains(&english) || !has_cjk(&label)) {
                problems.push(format!("{place}: the drug label is named in English"));
            }
            seen.insert((rule.to_owned(), language.tag()));
        }
    }
    for rule in beyond.keys() {
        for language in Language::ALL {
            if !seen.contains(&(rule.to_string(), language.tag())) {
                problems.push(format!("no fixture renders {rule} in {}", language.tag()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Over HTTP
// ---------------------------------------------------------------------------------------------

async fn call_in(app: &crate::helpers::TestApp, accept_language: Option<&str>) -> (String, Value) {
    let mut request = app
        .http
        .post(format!(
            "{}/cds-services/venous-anticoagulation-sign",
            app.address
        ))
        .header("Content-Type", "application/json")
        .body(order_sign(complete_prefetch(), None).to_string());
    if let Some(tag) = accept_language {
        request = request.header("Accept-Language", tag);
    }
    let response = request.send().await.expect("request sent");
    let content_language = response
        .headers()
        .get("Content-Language")
        .expect("a Content-Language header")
        .to_str()
        .unwrap()
        .to_owned();
    (content_language, cards_of(response).await)
}

fn aps_card(body: &Value) -> &Value {
    body["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"]["topic"]["code"] == "VTE-APS-NO-DOAC")
        .unwrap_or_else(|| panic!("an APS card: {body:#}"))
}

#[tokio::test]
async fn accept_language_gives_japanese_or_chinese_cards_and_traditional_chinese_falls_back_to_english(
) {
    let app = spawn().await;

    let (language, en) = call_in(&app, None).await;
    assert_eq!(language, "en");
    let en_summary = aps_card(&en)["summary"].as_str().unwrap();
    assert!(!has_cjk(en_summary), "{en_summary}");

    let (language, ja) = call_in(&app, Some("ja")).await;
    assert_eq!(language, "ja");
    let card = aps_card(&ja);
    let summary = card["summary"].as_str().unwrap();
    assert!(has_kana(summary), "{summary}");
    assert!(summary.contains("抗リン脂質抗体症候群"), "{summary}");
    assert!(summary.contains("ワルファリン"), "{summary}");
    assert_eq!(card["indicator"], aps_card(&en)["indicator"]);
    assert_eq!(
        card["source"],
        aps_card(&en)["source"],
        "the source stays as it is"
    );

    let (language, zh) = call_in(&app, Some("zh-CN,zh;q=0.9,en;q=0.5")).await;
    assert_eq!(language, "zh");
    let card = aps_card(&zh);
    let summary = card["summary"].as_str().unwrap();
    assert!(has_cjk(summary) && !has_kana(summary), "{summary}");
    assert!(summary.contains("抗磷脂综合征"), "{summary}");
    assert!(summary.contains("华法林"), "{summary}");
    assert_eq!(structure(&zh), structure(&en));
    assert_eq!(structure(&ja), structure(&en));

    let (language, tw) = call_in(&app, Some("zh-TW")).await;
    assert_eq!(
        language, "en",
        "Traditional Chinese is not written: English"
    );
    assert_eq!(aps_card(&tw)["summary"], aps_card(&en)["summary"]);
}

#[tokio::test]
async fn the_default_language_setting_applies_when_the_request_names_no_written_language() {
    let app = spawn_with(|s| s.default_language = Language::Ja).await;

    let (language, body) = call_in(&app, None).await;
    assert_eq!(language, "ja");
    assert!(has_kana(aps_card(&body)["summary"].as_str().unwrap()));

    let (language, body) = call_in(&app, Some("zh-TW, fr;q=0.5")).await;
    assert_eq!(language, "ja", "no written language asked for: the default");
    assert!(has_kana(aps_card(&body)["summary"].as_str().unwrap()));

    let (language, body) = call_in(&app, Some("en")).await;
    assert_eq!(language, "en", "the header wins over the default");
    assert!(!has_cjk(aps_card(&body)["summary"].as_str().unwrap()));
}
