//! Robustness over third-party FHIR R4 data: every file of the shared corpus
//! (`../shared/fhir-corpus`: Synthea patient bundles and the HL7 R4 examples; or
//! `VENOUS_CDS_CORPUS_DIR`) goes through serde_json → the tolerant reader → fact extraction,
//! and every resource through fhirbolt Strict (`validation::parse_r4`), with no panic.
//!
//! The accounting check proves that nothing is dropped silently: every Condition, Observation,
//! MedicationRequest and Procedure the corpus holds is seen by the reader (a view or a data
//! issue names it), and then either contributes a fact, is a data issue, is irrelevant (no code
//! of any value set or finding), is excluded by its status, or — read on its own at its own
//! date — does make a fact (it was superseded or outside its time window at the evaluation
//! date), or is a normal result (a platelet count ≥ 50 ×10⁹/L is no fact). Anything else fails.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use serde_json::{json, Value};
use venous_cds::facts::{self, units, Agent, DoseClass, FactsReport, OrderScope, PatientFacts};
use venous_cds::fhir::resources::{ObservationValue, PatientRecord, RecordReader};
use venous_cds::fhir::terminology::{Terminology, ValueSetId, FINDING, SNOMED, VALUESET_BASE};
use venous_cds::fhir::{validation, PartialDate};

use crate::facts::terminology;

/// The corpus folder, or `None` (with a notice) when this machine does not have it.
fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("VENOUS_CDS_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/fhir-corpus"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "NOTICE: FHIR corpus not found at {} (set VENOUS_CDS_CORPUS_DIR); the corpus test \
             did not run",
            dir.display()
        );
        None
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some("json") {
            out.push(path);
        }
    }
}

/// Every Bundle of a file (the file itself first), with the locator the reader is given.
fn bundles<'a>(value: &'a Value, locator: String, out: &mut Vec<(String, &'a Value)>) {
    if value.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return;
    }
    if let Some(entries) = value.get("entry").and_then(Value::as_array) {
        for (i, entry) in entries.iter().enumerate() {
            if let Some(resource) = entry.get("resource") {
                bundles(resource, format!("{locator}.entry[{i}]"), out);
            }
        }
    }
    out.insert(0, (locator, value));
}

const READ_TYPES: [&str; 4] = ["Condition", "Observation", "MedicationRequest", "Procedure"];

/// The resources of the four read types directly inside `bundle` (or the file's single
/// resource), each named as the reader names it: `Type/id`, or `Type at <place>`.
fn expected<'a>(source: &'a Value, locator: &str, out: &mut Vec<(String, &'a Value)>) {
    let mut push = |resource: &'a Value, place: String| {
        let Some(kind) = resource.get("resourceType").and_then(Value::as_str) else {
            return;
        };
        if !READ_TYPES.contains(&kind) {
            return;
        }
        let name = match resource.get("id").and_then(Value::as_str) {
            Some(id) if !id.is_empty() => format!("{kind}/{id}"),
            _ => format!("{kind} at {place}"),
        };
        out.push((name, resource));
    };
    if source.get("resourceType").and_then(Value::as_str) == Some("Bundle") {
        for (i, entry) in source["entry"].as_array().into_iter().flatten().enumerate() {
            if let Some(resource) = entry.get("resource") {
                push(resource, format!("{locator}.entry[{i}]"));
            }
        }
    } else {
        push(source, locator.to_owned());
    }
}

/// The latest date the file mentions: the evaluation date, so recency windows meet data.
fn latest_date(value: &Value, latest: &mut Option<NaiveDate>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if matches!(
                    key.as_str(),
                    "effectiveDateTime"
                        | "issued"
                        | "authoredOn"
                        | "onsetDateTime"
                        | "recordedDate"
                        | "performedDateTime"
                ) {
                    if let Some(date) = v.as_str().and_then(PartialDate::parse) {
                        *latest = Some(latest.map_or(date.last_day(), |l| l.max(date.last_day())));
                    }
                }
                latest_date(v, latest);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| latest_date(v, latest)),
        _ => {}
    }
}

/// Reads every Bundle of the file (or its single resource) into one record.
fn read<'a>(sources: &[(String, &'a Value)]) -> PatientRecord<'a> {
    let mut reader = RecordReader::new(None);
    for (locator, source) in sources {
        reader.read_source(source, locator);
    }
    reader.finish()
}

/// Every `Type/id` (or `Type at place`) named anywhere in the facts, from their Debug form
/// (so a fact added later is covered without changing this test).
fn referenced(facts: &PatientFacts) -> BTreeSet<String> {
    let text = format!("{facts:?}");
    let mut out = BTreeSet::new();
    let quoted = |s: &str| -> Option<(String, usize)> {
        let rest = s.strip_prefix('"')?;
        let end = rest.find('"')?;
        Some((rest[..end].to_owned(), end + 2))
    };
    let mut at = 0;
    while let Some(found) = text[at..].find("ResourceRef { resource_type: ") {
        let start = at + found + "ResourceRef { resource_type: ".len();
        let (kind, used) = quoted(&text[start..]).unwrap();
        let mut rest = &text[start + used..];
        rest = rest.strip_prefix(", id: ").unwrap();
        let name = if let Some(after) = rest.strip_prefix("Some(") {
            format!("{kind}/{}", quoted(after).unwrap().0)
        } else {
            let after = rest.split_once("locator: Some(").unwrap().1;
            format!("{kind} at {}", quoted(after).unwrap().0)
        };
        out.insert(name);
        at = start;
    }
    out
}

/// Why a resource made no fact, or that it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Fact,
    DataIssue,
    Irrelevant,
    ExcludedByStatus,
    SupersededOrOutsideItsWindow,
    NormalResult,
}

const DRUG_SETS: [ValueSetId; 13] = [
    ValueSetId::Apixaban,
    ValueSetId::Rivaroxaban,
    ValueSetId::Edoxaban,
    ValueSetId::Dabigatran,
    ValueSetId::Warfarin,
    ValueSetId::HeparinUnfractionated,
    ValueSetId::Enoxaparin,
    ValueSetId::Dalteparin,
    ValueSetId::Fondaparinux,
    ValueSetId::Argatroban,
    ValueSetId::Aspirin,
    ValueSetId::Clopidogrel,
    ValueSetId::EstrogenContraceptive,
];

/// The first date a resource gives for itself.
fn own_date(resource: &Value) -> Option<NaiveDate> {
    [
        "onsetDateTime",
        "recordedDate",
        "effectiveDateTime",
        "issued",
        "authoredOn",
        "performedDateTime",
    ]
    .iter()
    .chain(["onsetPeriod", "effectivePeriod", "performedPeriod"].iter())
    .find_map(|key| {
        let v = resource.get(*key)?;
        let text = v.as_str().or_else(|| v.get("start")?.as_str())?;
        PartialDate::parse(text).map(|d| d.last_day())
    })
}

/// Facts of one resource alone, as of its own date.
fn alone(resource: &Value, terminology: &Terminology) -> Option<FactsReport> {
    let as_of = own_date(resource)?;
    let bundle = json!({"resourceType": "Bundle", "entry": [{"resource": resource}]});
    let record = read(&[("alone".to_owned(), &bundle)]);
    Some(facts::extract(
        record,
        terminology,
        as_of,
        OrderScope::NoOrders,
    ))
}

#[derive(Default)]
struct FileResult {
    resources: usize,
    fhirbolt_invalid: usize,
    read: usize,
    issues: BTreeMap<&'static str, usize>,
    issue_lines: Vec<String>,
    outcomes: BTreeMap<Outcome, usize>,
    unseen: Vec<String>,
    unexplained: Vec<String>,
    facts: Option<PatientFacts>,
}

fn run_file(path: &Path, terminology: &Terminology) -> FileResult {
    let mut result = FileResult::default();
    let text = std::fs::read_to_string(path).unwrap();
    let value: Value = serde_json::from_str(&text).expect("the corpus is JSON");

    // fhirbolt Strict, one resource at a time through the Resource enum.
    let mut all = Vec::new();
    validation::resources_in(&value, "file", &mut all);
    result.resources = all.len();
    for (_, resource) in &all {
        if validation::parse_r4(resource).is_err() {
            result.fhirbolt_invalid += 1;
        }
    }

    // The tolerant reader over every Bundle of the file.
    let mut sources = Vec::new();
    bundles(&value, "file".to_owned(), &mut sources);
    if sources.is_empty() {
        sources.push(("file".to_owned(), &value));
    }
    let mut wanted = Vec::new();
    for (locator, source) in &sources {
        expected(source, locator, &mut wanted);
    }
    let mut latest = None;
    latest_date(&value, &mut latest);
    let as_of = latest.unwrap_or_else(|| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());

    let report = facts::extract(read(&sources), terminology, as_of, OrderScope::NoOrders);
    for issue in &report.issues {
        *result.issues.entry(issue.kind.as_str()).or_default() += 1;
        result.issue_lines.push(format!(
            "{}: {} {} {}",
            path.file_name().unwrap().to_string_lossy(),
            issue.resource,
            issue.element,
            issue.kind.as_str()
        ));
        assert!(
            !issue.element.contains(' ') && !issue.element.contains('"'),
            "{}: an element is a path: {issue}",
            path.display()
        );
    }
    let accounting = account(&wanted, &read(&sources), &report, terminology);
    result.read = accounting.read;
    result.outcomes = accounting.outcomes;
    result.unseen = accounting.unseen;
    result.unexplained = accounting.unexplained;
    result.facts = Some(report.facts);
    result
}

/// The accounting of one file: the outcome of every resource of the four read types.
#[derive(Default)]
struct Accounting {
    read: usize,
    outcomes: BTreeMap<Outcome, usize>,
    unseen: Vec<String>,
    unexplained: Vec<String>,
}

/// `wanted`: the resources the file holds; `record`: what the reader made of it; `report`:
/// the facts of that record.
fn account(
    wanted: &[(String, &Value)],
    record: &PatientRecord<'_>,
    report: &FactsReport,
    terminology: &Terminology,
) -> Accounting {
    // Per view: (classified by the terminology, excluded by its status).
    let mut views: HashMap<String, (bool, bool)> = HashMap::new();
    for c in &record.conditions {
        let relevant = !terminology.classify_concept(&c.code).is_empty();
        let excluded = matches!(c.verification_status, Some("refuted" | "entered-in-error"))
            || matches!(
                c.clinical_status,
                Some("resolved" | "inactive" | "remission")
            );
        views.insert(c.reference.to_string(), (relevant, excluded));
    }
    for o in &record.observations {
        let relevant =
            o.code.code_in(FINDING).is_some() || !terminology.classify_concept(&o.code).is_empty();
        let counted = matches!(
            o.status,
            Some("final" | "amended" | "corrected" | "preliminary")
        );
        views.insert(o.reference.to_string(), (relevant, !counted));
    }
    for m in &record.medication_requests {
        let relevant = match &m.medication {
            None => true,
            Some(concept) => {
                let sets = m
                    .ingredients
                    .iter()
                    .fold(terminology.classify_concept(concept), |acc, i| {
                        acc.union(terminology.classify_concept(i))
                    });
                DRUG_SETS.iter().any(|s| sets.contains(*s))
            }
        };
        let counted = matches!(m.status, Some("active" | "draft"));
        views.insert(m.reference.to_string(), (relevant, !counted));
    }
    for p in &record.procedures {
        let relevant = !terminology.classify_concept(&p.code).is_empty();
        let counted = matches!(
            p.status,
            None | Some("completed" | "in-progress" | "unknown")
        );
        views.insert(p.reference.to_string(), (relevant, !counted));
    }
    let with_issue: BTreeSet<String> = report
        .issues
        .iter()
        .map(|i| i.resource.to_string())
        .collect();
    let in_facts = referenced(&report.facts);

    let mut accounting = Accounting {
        read: views.len(),
        ..Default::default()
    };
    let mut decided: HashMap<&str, Outcome> = HashMap::new();
    for (name, resource) in wanted {
        if let Some(outcome) = decided.get(name.as_str()) {
            // A second copy of the same resource: read once (or reported as a duplicate).
            *accounting.outcomes.entry(*outcome).or_default() += 1;
            continue;
        }
        let outcome = match views.get(name) {
            None if with_issue.contains(name) => Outcome::DataIssue,
            None => {
                accounting.unseen.push(name.clone());
                continue;
            }
            Some(_) if in_facts.contains(name) => Outcome::Fact,
            Some(_) if with_issue.contains(name) => Outcome::DataIssue,
            Some((false, _)) => Outcome::Irrelevant,
            Some((true, true)) => Outcome::ExcludedByStatus,
            Some((true, false)) => {
                if alone(resource, terminology).is_some_and(|r| referenced(&r.facts).contains(name))
                {
                    Outcome::SupersededOrOutsideItsWindow
                } else if normal_platelets(resource, terminology) {
                    Outcome::NormalResult
                } else {
                    accounting.unexplained.push(format!(
                        "{name}: {}",
                        serde_json::to_string(&resource["code"]).unwrap()
                    ));
                    continue;
                }
            }
        };
        decided.insert(name.as_str(), outcome);
        *accounting.outcomes.entry(outcome).or_default() += 1;
    }
    accounting
}

/// A platelet count of at least 50 ×10⁹/L: a normal result is no fact.
fn normal_platelets(resource: &Value, terminology: &Terminology) -> bool {
    let bundle = json!({"resourceType": "Bundle", "entry": [{"resource": resource}]});
    let record = read(&[("alone".to_owned(), &bundle)]);
    record.observations.iter().any(|o| {
        terminology.contains(ValueSetId::PlateletCount, &o.code)
            && matches!(&o.value, ObservationValue::Quantity(q)
                if units::platelets_per_nanolitre(q.value, q.unit_key().unwrap_or(""))
                    .is_some_and(|count| count >= 50.0))
    })
}

/// A site's local knowledge for Synthea data: its colon-cancer SNOMED codes, which the
/// built-in knowledge does not list (terminology.md has only the parent concepts).
fn synthea_site_knowledge(dir: &Path) {
    for id in ["active-cancer", "gi-gu-cancer"] {
        let resource = json!({
            "resourceType": "ValueSet", "id": format!("synthea-{id}"),
            "url": format!("{VALUESET_BASE}{id}"), "status": "active",
            "compose": {"include": [{"system": SNOMED, "concept": [
                {"code": "94260004", "display": "Secondary malignant neoplasm of colon"},
                {"code": "93761005", "display": "Primary malignant neoplasm of colon"}
            ]}]}
        });
        std::fs::write(dir.join(format!("{id}.json")), resource.to_string()).unwrap();
    }
}

#[test]
fn every_corpus_bundle_is_read_into_facts_without_a_panic_and_no_resource_is_dropped_silently() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let started = Instant::now();
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    assert!(files.len() > 200, "{} files in the corpus", files.len());

    let mut panics = Vec::new();
    let mut unseen = Vec::new();
    let mut unexplained = Vec::new();
    let mut totals = FileResult::default();
    let mut facts_by_file: BTreeMap<String, PatientFacts> = BTreeMap::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match catch_unwind(AssertUnwindSafe(|| run_file(path, terminology()))) {
            Err(_) => panics.push(name),
            Ok(result) => {
                totals.resources += result.resources;
                totals.fhirbolt_invalid += result.fhirbolt_invalid;
                totals.read += result.read;
                for (k, n) in result.issues {
                    *totals.issues.entry(k).or_default() += n;
                }
                totals.issue_lines.extend(result.issue_lines);
                for (k, n) in result.outcomes {
                    *totals.outcomes.entry(k).or_default() += n;
                }
                unseen.extend(result.unseen.into_iter().map(|r| format!("{name}: {r}")));
                unexplained.extend(
                    result
                        .unexplained
                        .into_iter()
                        .map(|r| format!("{name}: {r}")),
                );
                facts_by_file.insert(name, result.facts.unwrap());
            }
        }
    }
    let elapsed = started.elapsed();
    eprintln!(
        "corpus: {} files, {} resources ({} not valid R4 for fhirbolt Strict), {} read by the \
         facts reader; outcomes {:?}; data issues {:?}; {:.1} s",
        files.len(),
        totals.resources,
        totals.fhirbolt_invalid,
        totals.read,
        totals.outcomes,
        totals.issues,
        elapsed.as_secs_f64()
    );
    for line in &totals.issue_lines {
        eprintln!("  data issue: {line}");
    }
    assert!(panics.is_empty(), "panicked on {panics:?}");
    assert!(unseen.is_empty(), "the reader did not see: {unseen:#?}");
    assert!(
        unexplained.is_empty(),
        "classified but neither a fact, an issue, a status exclusion nor a window: {unexplained:#?}"
    );
    let accounted: usize = totals.outcomes.values().sum();
    assert!(
        accounted >= totals.read,
        "{accounted} outcomes for {} read",
        totals.read
    );

    // Synthea warfarin patients: an active, therapeutic warfarin order (RxNorm 855332).
    let warfarin = [
        "Almeda_Conn",
        "Christin_Stiedemann",
        "Max_Dicki",
        "Christopher_Abshire",
        "Trey_Berge",
        "Cleo_Friesen",
        "Jerrell_Gerlach",
        "Sherman_McGlynn",
        "Delilah659_Howell947",
        "Lawrence741_Hammes673",
        "Isaura563_Turner526",
    ];
    for patient in warfarin {
        let (file, facts) = facts_by_file
            .iter()
            .find(|(f, _)| f.starts_with(patient))
            .unwrap_or_else(|| panic!("{patient} is in the corpus"));
        let order = facts
            .active_medications()
            .find(|o| o.agent == Some(Agent::Warfarin))
            .unwrap_or_else(|| panic!("{file}: no active warfarin order"));
        assert_eq!(order.dose, DoseClass::Therapeutic, "{file}");
        assert_eq!(order.end, None, "{file}: Synthea orders are open-ended");
        assert!(facts.therapeutic_anticoagulant_active().is_some(), "{file}");
    }
    // Their atrial fibrillation (SNOMED 49436004) is another reason to anticoagulate.
    for patient in &warfarin[..8] {
        let (file, facts) = facts_by_file
            .iter()
            .find(|(f, _)| f.starts_with(patient))
            .unwrap();
        assert!(
            !facts.atrial_fibrillation.is_empty(),
            "{file}: atrial fibrillation"
        );
    }
    // Patients without warfarin have none; the stopped peri-operative heparin is not active.
    for patient in [
        "Jordan_Cruickshank",
        "Laurie_McCullough",
        "Luigi_Wiegand",
        "Bob965_Keeling57",
    ] {
        let (file, facts) = facts_by_file
            .iter()
            .find(|(f, _)| f.starts_with(patient))
            .unwrap();
        assert!(facts.anticoagulant_active().is_none(), "{file}");
    }
    // HL7 Condition-f202: malignant neoplastic disease, resolved — history, not active cancer.
    let f202 = &facts_by_file["Condition-f202.json"];
    assert!(f202.cancer.active.is_empty());
    // No DVT, PE or cirrhosis anywhere in the corpus (its README): none is invented.
    for (file, facts) in &facts_by_file {
        assert!(
            facts.thromboses.is_empty(),
            "{file}: {:?}",
            facts.thromboses
        );
        assert!(facts.liver.cirrhosis.is_empty(), "{file}");
    }

    // Cleo Friesen's colon cancer (SNOMED 94260004) is active cancer once the site's knowledge
    // lists the Synthea code; the built-in knowledge has only the parent concepts.
    let cleo = facts_by_file
        .iter()
        .find(|(f, _)| f.starts_with("Cleo_Friesen"))
        .unwrap()
        .0
        .clone();
    if facts_by_file[&cleo].cancer.active.is_empty() {
        eprintln!(
            "NOTICE: with the built-in knowledge only, {cleo}'s SNOMED 94260004 is not active \
             cancer (terminology.md lists no descendant of 363346000 for colon)"
        );
    }
    let local = tempfile::tempdir().unwrap();
    synthea_site_knowledge(local.path());
    let site = Terminology::load(Some(local.path())).unwrap();
    let path = files.iter().find(|p| p.ends_with(&cleo)).unwrap();
    let result = run_file(path, &site);
    assert!(result.unseen.is_empty() && result.unexplained.is_empty());
    let facts = result.facts.unwrap();
    let cancer = facts
        .cancer
        .active
        .first()
        .expect("Cleo's colon cancer is active cancer");
    assert_eq!(
        facts.cancer.gi_gu.first(),
        Some(cancer),
        "colon cancer is GI cancer"
    );
    assert!(cancer.reference.to_string().starts_with("Condition/"));
    // … while Darin Skiles' primary colon cancer, resolved in 2018, stays history.
    let darin = files
        .iter()
        .find(|p| p.to_string_lossy().contains("Darin_Skiles"))
        .unwrap();
    let darin = run_file(darin, &site).facts.unwrap();
    assert!(darin.cancer.active.is_empty() && darin.cancer.gi_gu.is_empty());
}

#[test]
fn the_accounting_fails_on_a_resource_the_reader_did_not_see_or_could_not_explain() {
    // The check above must be able to fail. The file holds three Conditions; the reader is
    // given a copy without the third (as if it had dropped it).
    let condition = |id: &str, code: &str| {
        json!({"resourceType": "Condition", "id": id,
               "code": {"coding": [{"system": SNOMED, "code": code}]}})
    };
    let file = json!({"resourceType": "Bundle", "entry": [
        {"resource": condition("af", "49436004")},
        {"resource": condition("htn", "38341003")},
        {"resource": condition("lost", "26843008")}
    ]});
    let dropped = json!({"resourceType": "Bundle", "entry": [
        {"resource": condition("af", "49436004")},
        {"resource": condition("htn", "38341003")}
    ]});
    let mut wanted = Vec::new();
    expected(&file, "file", &mut wanted);
    let record = read(&[("file".to_owned(), &dropped)]);
    let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let report = facts::extract(
        read(&[("file".to_owned(), &dropped)]),
        terminology(),
        as_of,
        OrderScope::NoOrders,
    );
    let accounting = account(&wanted, &record, &report, terminology());
    assert_eq!(accounting.unseen, vec!["Condition/lost".to_owned()]);
    assert_eq!(accounting.outcomes[&Outcome::Fact], 1, "AF is a fact");
    assert_eq!(
        accounting.outcomes[&Outcome::Irrelevant],
        1,
        "hypertension is irrelevant"
    );
    // A classified resource that makes no fact even on its own date is unexplained.
    let odd = json!({"resourceType": "Bundle", "entry": [{"resource":
        {"resourceType": "Condition", "id": "x", "onsetDateTime": "2024-01-01",
         "code": {"coding": [{"system": SNOMED, "code": "64131007"}]}}}]});
    let mut wanted = Vec::new();
    expected(&odd, "file", &mut wanted);
    let record = read(&[("file".to_owned(), &odd)]);
    let report = facts::extract(
        read(&[("file".to_owned(), &odd)]),
        terminology(),
        as_of,
        OrderScope::NoOrders,
    );
    let accounting = account(&wanted, &record, &report, terminology());
    assert_eq!(
        accounting.unexplained.len(),
        1,
        "a body-site code as a Condition code"
    );
}
