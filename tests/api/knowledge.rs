//! Terminology as data (clinical-rules.md §3.1, src/knowledge/README.md): a site adds local
//! codes through `VENOUS_CDS_KNOWLEDGE_DIR` without a rebuild, can replace a built-in
//! ValueSet, and a mistake in a local file stops start-up with a message naming the file.

use std::path::Path;

use serde_json::{json, Value};
use venous_cds::facts::{Agent, DoseClass, OrderScope, RiskFactor};
use venous_cds::fhir::resources::Coding;
use venous_cds::fhir::terminology::{
    Terminology, ValueSetId, ATC, FINDING, ICD10_CM, ICD10_WHO, KNOWLEDGE_MODE_EXTENSION, RXNORM,
    SNOMED, STRENGTH_EXTENSION, VALUESET_BASE,
};

use crate::facts::{as_of, condition, medication, run_with, terminology};

/// The JP Core YJ code system (terminology.md §1, §6.3).
const YJ: &str = "urn:oid:1.2.392.100495.20.1.73";
/// An apixaban YJ code (エリキュース錠5mg; terminology.md §6.3 lists it as seen, unverified —
/// which is exactly why a site adds it locally rather than the built-in knowledge).
const YJ_APIXABAN_5MG: &str = "3339004F1029";

fn value_set(id: &str, includes: Value) -> Value {
    json!({
        "resourceType": "ValueSet",
        "id": format!("local-{id}"),
        "url": format!("{VALUESET_BASE}{id}"),
        "status": "active",
        "compose": {"include": includes}
    })
}

fn write(dir: &Path, name: &str, resource: &Value) {
    std::fs::write(
        dir.join(name),
        serde_json::to_string_pretty(resource).unwrap(),
    )
    .unwrap();
}

fn load(files: &[(&str, Value)]) -> (tempfile::TempDir, Result<Terminology, String>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, resource) in files {
        write(dir.path(), name, resource);
    }
    let loaded = Terminology::load(Some(dir.path())).map_err(|e| e.to_string());
    (dir, loaded)
}

fn agents(terminology: &Terminology, system: &str, code: &str) -> Vec<(Option<Agent>, DoseClass)> {
    run_with(
        terminology,
        &[medication("m", system, code)],
        &[],
        &[],
        OrderScope::NoOrders,
        as_of(),
    )
    .facts
    .medication_orders
    .iter()
    .map(|o| (o.agent, o.dose))
    .collect()
}

#[test]
fn a_local_yj_code_for_apixaban_is_recognised_once_the_knowledge_dir_adds_it() {
    // Before: the built-in knowledge does not know the YJ code.
    assert!(agents(terminology(), YJ, YJ_APIXABAN_5MG).is_empty());
    let local = value_set(
        "apixaban",
        json!([{"system": YJ, "concept": [{
            "code": YJ_APIXABAN_5MG,
            "extension": [{"url": STRENGTH_EXTENSION,
                "valueQuantity": {"value": 5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]
        }]}]),
    );
    let (_dir, loaded) = load(&[("apixaban-yj.json", local)]);
    let terminology = loaded.expect("the local ValueSet loads");
    // After: an apixaban order, with its dose from the local strength (§3.2).
    assert_eq!(
        agents(&terminology, YJ, YJ_APIXABAN_5MG),
        vec![(Some(Agent::Apixaban), DoseClass::Therapeutic)]
    );
    // `extend` keeps every built-in code.
    for (system, code) in [(RXNORM, "1364445"), (RXNORM, "1364430"), (ATC, "B01AF02")] {
        assert_eq!(
            agents(&terminology, system, code)
                .first()
                .and_then(|(a, _)| *a),
            Some(Agent::Apixaban),
            "{code}"
        );
    }
    assert!(
        terminology.size(ValueSetId::Apixaban) > self::terminology().size(ValueSetId::Apixaban)
    );
}

#[test]
fn replace_mode_swaps_a_built_in_value_set_for_the_local_one() {
    let mut local = value_set(
        "apixaban",
        json!([{"system": YJ, "concept": [{"code": YJ_APIXABAN_5MG}]}]),
    );
    local["extension"] = json!([{"url": KNOWLEDGE_MODE_EXTENSION, "valueCode": "replace"}]);
    let (_dir, loaded) = load(&[("apixaban.json", local)]);
    let terminology = loaded.unwrap();
    assert_eq!(
        agents(&terminology, YJ, YJ_APIXABAN_5MG),
        vec![(Some(Agent::Apixaban), DoseClass::Unknown)]
    );
    for (system, code) in [(RXNORM, "1364445"), (ATC, "B01AF02")] {
        assert!(
            agents(&terminology, system, code).is_empty(),
            "{code} was replaced"
        );
    }
    assert_eq!(terminology.size(ValueSetId::Apixaban), 1);
    // Other value sets are untouched.
    assert_eq!(
        agents(&terminology, ATC, "B01AF01")
            .first()
            .and_then(|(a, _)| *a),
        Some(Agent::Rivaroxaban)
    );
}

#[test]
fn a_local_icd10_is_a_filter_covers_every_code_below_it() {
    let coding = |system: &'static str, code: &'static str| Coding { system, code };
    // Built in, only Z74.01 (bed confinement) is immobility; a site adds all of Z74.0.
    assert!(!terminology()
        .classify(&coding(ICD10_CM, "Z74.09"))
        .contains(ValueSetId::Immobility));
    let local = value_set(
        "immobility",
        json!([{"system": ICD10_CM, "filter": [{"property": "concept", "op": "is-a", "value": "Z74.0"}]}]),
    );
    let (_dir, loaded) = load(&[("immobility.json", local)]);
    let terminology = loaded.unwrap();
    for code in ["Z74.09", "Z74.0", "z7401"] {
        assert!(
            terminology
                .classify(&coding(ICD10_CM, code))
                .contains(ValueSetId::Immobility),
            "{code}"
        );
    }
    assert!(!terminology
        .classify(&coding(ICD10_CM, "Z74.1"))
        .contains(ValueSetId::Immobility));
    // … and never across systems: WHO codes are untouched.
    assert!(!terminology
        .classify(&coding(ICD10_WHO, "Z74.1"))
        .contains(ValueSetId::Immobility));
    let facts = run_with(
        &terminology,
        &[
            condition("cmvt", ICD10_CM, "I82.461"),
            condition("im", ICD10_CM, "Z74.09"),
        ],
        &[],
        &[],
        OrderScope::NoOrders,
        as_of(),
    )
    .facts;
    assert_eq!(
        facts.extension_risk_factors().first().map(|(f, _)| *f),
        Some(RiskFactor::Immobilised)
    );
}

#[test]
fn an_empty_knowledge_dir_or_other_files_in_it_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.txt"), "local codes go here").unwrap();
    let terminology = Terminology::load(Some(dir.path())).unwrap();
    for id in ValueSetId::ALL {
        assert_eq!(
            terminology.size(*id),
            self::terminology().size(*id),
            "{}",
            id.id()
        );
    }
}

#[test]
fn local_knowledge_that_cannot_be_used_is_refused_with_a_message_naming_the_file() {
    let good = || {
        value_set(
            "apixaban",
            json!([{"system": YJ, "concept": [{"code": YJ_APIXABAN_5MG}]}]),
        )
    };
    let with = |change: Value| crate::facts::patch(good(), change);
    // (file, content, words the message must contain)
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "typo.json",
            with(json!({"url": format!("{VALUESET_BASE}apixabam")})),
            "is not one of the service's ValueSets",
        ),
        (
            "elsewhere.json",
            with(json!({"url": "http://example.org/fhir/ValueSet/apixaban"})),
            "is not one of the service's ValueSets",
        ),
        (
            "snomed-is-a.json",
            value_set(
                "cirrhosis",
                json!([{"system": SNOMED, "filter": [{"property": "concept", "op": "is-a", "value": "19943007"}]}]),
            ),
            "is-a filters are supported for ICD-10 and ATC only",
        ),
        (
            "descendent-of.json",
            value_set(
                "cirrhosis",
                json!([{"system": ICD10_CM, "filter": [{"property": "concept", "op": "descendent-of", "value": "K74"}]}]),
            ),
            "is not supported",
        ),
        (
            "parent.json",
            value_set(
                "cirrhosis",
                json!([{"system": ICD10_CM, "filter": [{"property": "parent", "op": "=", "value": "K74"}]}]),
            ),
            "is not supported",
        ),
        (
            "whole-system.json",
            value_set("cirrhosis", json!([{"system": ICD10_CM}])),
            "whole code systems are not supported",
        ),
        (
            "nested.json",
            value_set(
                "cirrhosis",
                json!([{"valueSet": ["http://example.org/ValueSet/liver"]}]),
            ),
            "compose.include.valueSet is not supported",
        ),
        (
            "mode.json",
            with(json!({"extension": [{"url": KNOWLEDGE_MODE_EXTENSION, "valueCode": "merge"}]})),
            "knowledge-mode `merge`",
        ),
        (
            "bad-strength.json",
            value_set(
                "apixaban",
                json!([{"system": YJ, "concept": [{"code": "X", "extension": [{"url": STRENGTH_EXTENSION,
                    "valueQuantity": {"value": -5, "code": "mg"}}]}]}]),
            ),
            "not a positive number",
        ),
        (
            "codesystem.json",
            with(json!({"resourceType": "CodeSystem"})),
            "resourceType must be ValueSet",
        ),
        (
            "status.json",
            with(json!({"status": "published"})),
            "PublicationStatus",
        ),
        (
            "no-compose.json",
            with(json!({"compose": {"include": []}})),
            "compose.include is required",
        ),
    ];
    for (file, content, words) in cases {
        let (dir, loaded) = load(&[(file, content)]);
        let message = loaded
            .err()
            .unwrap_or_else(|| panic!("{file} was accepted"));
        let path = dir.path().join(file).display().to_string();
        assert!(
            message.starts_with(&path),
            "{file}: the message names the file: {message}"
        );
        assert!(message.contains(words), "{file}: {message}");
    }
    // Not JSON at all.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"resourceType\": ").unwrap();
    let message = Terminology::load(Some(dir.path()))
        .err()
        .unwrap()
        .to_string();
    assert!(
        message.contains("broken.json") && message.contains("not a ValueSet"),
        "{message}"
    );
    // A missing directory.
    let missing = dir.path().join("nowhere");
    let message = Terminology::load(Some(&missing)).err().unwrap().to_string();
    assert!(message.contains("nowhere"), "{message}");
}

#[test]
fn an_error_names_the_local_file_that_has_it_even_when_another_file_extends_the_same_value_set() {
    let bad = value_set(
        "cirrhosis",
        json!([{"system": SNOMED, "filter": [{"property": "concept", "op": "is-a", "value": "19943007"}]}]),
    );
    let fine = value_set(
        "cirrhosis",
        json!([{"system": ICD10_CM, "concept": [{"code": "K74.5"}]}]),
    );
    let (dir, loaded) = load(&[("a-bad.json", bad), ("b-fine.json", fine)]);
    let message = loaded.err().expect("the bad file is refused");
    assert!(
        message.starts_with(&dir.path().join("a-bad.json").display().to_string()),
        "{message}"
    );
}

#[test]
fn every_code_and_filter_of_every_built_in_value_set_classifies_into_it() {
    let dir = Path::new("src/knowledge/valuesets");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let resource: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let id = resource["id"].as_str().unwrap();
        let set = ValueSetId::from_id(id).unwrap_or_else(|| panic!("{id} is a known id"));
        assert_eq!(resource["url"], format!("{VALUESET_BASE}{id}"));
        for include in resource["compose"]["include"].as_array().unwrap() {
            let system = include["system"].as_str().unwrap();
            let codes = include["concept"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c["code"].as_str().unwrap())
                .chain(
                    include["filter"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|f| f["value"].as_str().unwrap()),
                );
            for code in codes {
                let sets = terminology().classify(&Coding { system, code });
                assert!(sets.contains(set), "{id}: {system} {code}");
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked} codes checked");
}

#[test]
fn built_in_drug_strengths_match_the_rxnorm_names() {
    // (RxNorm SCD, value, unit) from terminology.md §6.2 names.
    for (code, value, unit) in [
        ("1364445", 5.0, "mg"),
        ("1364435", 2.5, "mg"),
        ("1232082", 15.0, "mg"),
        ("1599555", 60.0, "mg"),
        ("1037045", 150.0, "mg"),
        ("855332", 5.0, "mg"),
        ("854238", 60.0, "mg"),
        ("854245", 120.0, "mg"),
        ("978736", 7500.0, "[iU]"),
        ("978746", 18000.0, "[iU]"),
        ("861363", 5.0, "mg"),
        ("1361615", 5000.0, "[iU]/mL"),
        ("1658717", 100.0, "[iU]/mL"),
        ("308351", 100.0, "mg/mL"),
        ("212033", 325.0, "mg"),
    ] {
        let strength = terminology()
            .strength(&Coding {
                system: RXNORM,
                code,
            })
            .unwrap_or_else(|| panic!("{code} has a strength"));
        assert_eq!(
            (strength.value, strength.unit.as_str()),
            (value, unit),
            "{code}"
        );
    }
    // Starter packs and ingredients carry none.
    for code in ["1992427", "1549682", "1364430"] {
        assert!(
            terminology()
                .strength(&Coding {
                    system: RXNORM,
                    code
                })
                .is_none(),
            "{code}"
        );
    }
}

#[test]
fn every_finding_code_of_the_catalogue_is_in_the_finding_code_system() {
    // clinical-rules.md §3.4, with their value codes.
    for code in [
        "symptom-severity",
        "thrombus-length",
        "thrombus-max-diameter",
        "thrombus-vein-count",
        "thrombus-near-popliteal",
        "thrombus-extension",
        "provoked-reversible",
        "immobilised",
        "bleeding-risk",
        "child-pugh-class",
        "varices-high-risk",
        "pvt-occlusive",
        "portal-cavernoma",
        "tumour-thrombus",
        "thrombophilia-workup",
        "inflow-type",
        "dfv-ostium-patent",
        "residual-lesion-to-dfv",
        "inflow-outflow-cleared",
        "symptom-attribution-uncertain",
        "adherence-concern",
        "ivc-filter-shape",
        "villalta-score",
        "vcss",
        "none",
        "mild",
        "severe",
        "distal",
        "proximal",
        "low",
        "moderate",
        "high",
        "A",
        "B",
        "C",
        "I",
        "II",
        "III",
        "IVa",
        "IVb",
        "V",
        "conical",
        "spindle",
    ] {
        assert!(terminology().is_finding_code(code), "{FINDING}|{code}");
    }
    assert!(!terminology().is_finding_code("thrombus-colour"));
}
