//! Property tests: fact extraction over generated resources never panics, and what it
//! reports is consistent with what it was given.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};
use venous_cds::facts::{self, OrderScope};
use venous_cds::fhir::resources::RecordReader;
use venous_cds::fhir::terminology::Terminology;

fn terminology() -> &'static Terminology {
    static T: std::sync::OnceLock<Terminology> = std::sync::OnceLock::new();
    T.get_or_init(|| Terminology::built_in().unwrap())
}

const SYSTEMS: &[&str] = &[
    "http://snomed.info/sct",
    "http://hl7.org/fhir/sid/icd-10-cm",
    "http://hl7.org/fhir/sid/icd-10",
    "http://loinc.org",
    "http://www.nlm.nih.gov/research/umls/rxnorm",
    "http://www.whocc.no/atc",
    "https://fhir.venous-cds.org/CodeSystem/finding",
    "urn:example:local",
];
const CODES: &[&str] = &[
    "26843008",
    "D68.61",
    "D68.6",
    "I82.461",
    "I82.41",
    "I80.2",
    "I81",
    "17920008",
    "K74.60",
    "C18.7",
    "I61.9",
    "777-3",
    "48065-7",
    "48066-5",
    "62238-1",
    "35591-7",
    "1364445",
    "855332",
    "B01AF02",
    "B01AB05",
    "854241",
    "inflow-type",
    "villalta-score",
    "bleeding-risk",
    "thrombus-length",
    "child-pugh-class",
    "I85.0",
    "I85.00",
    "Z85.038",
    "unknown",
];
const STATUSES: &[&str] = &[
    "active",
    "resolved",
    "inactive",
    "refuted",
    "entered-in-error",
    "final",
    "preliminary",
    "cancelled",
    "draft",
    "stopped",
    "completed",
    "on-hold",
    "weird",
];
const DATES: &[&str] = &[
    "2026-11-20",
    "2026-11",
    "2026",
    "2025-01-15T10:00:00Z",
    "2999-01-01",
    "1900-01-01",
    "yesterday",
    "",
];
const UNITS: &[&str] = &[
    "mg/L",
    "ug/mL{FEU}",
    "ng/mL{DDU}",
    "10*3/uL",
    "10*9/L",
    "mL/min",
    "cm",
    "mm",
    "kg",
    "mg",
    "d",
    "furlongs",
];

fn coding() -> impl Strategy<Value = Value> {
    (prop::sample::select(SYSTEMS), prop::sample::select(CODES))
        .prop_map(|(s, c)| json!({"system": s, "code": c}))
}

fn value() -> impl Strategy<Value = (&'static str, Value)> {
    prop_oneof![
        (any::<f64>(), prop::sample::select(UNITS)).prop_map(|(v, u)| (
            "valueQuantity",
            json!({"value": v, "unit": u, "system": "http://unitsofmeasure.org", "code": u})
        )),
        any::<bool>().prop_map(|b| ("valueBoolean", json!(b))),
        any::<i32>().prop_map(|i| ("valueInteger", json!(i))),
        coding().prop_map(|c| ("valueCodeableConcept", json!({"coding": [c]}))),
        Just(("valueString", json!(12))),
    ]
}

fn resource() -> impl Strategy<Value = Value> {
    let id = "[a-z]{1,6}";
    prop_oneof![
        (id, coding(), prop::sample::select(STATUSES), prop::sample::select(STATUSES), prop::sample::select(DATES)).prop_map(
            |(id, code, clinical, verification, onset)| json!({"resourceType": "Condition", "id": id, "code": {"coding": [code]},
                "clinicalStatus": {"coding": [{"code": clinical}]}, "verificationStatus": {"coding": [{"code": verification}]},
                "onsetDateTime": onset})
        ),
        (id, coding(), prop::sample::select(STATUSES), prop::sample::select(DATES), value()).prop_map(
            |(id, code, status, effective, (key, value))| {
                let mut o = json!({"resourceType": "Observation", "id": id, "status": status, "code": {"coding": [code]},
                    "effectiveDateTime": effective});
                o[key] = value;
                o
            }
        ),
        (id, coding(), prop::sample::select(STATUSES), prop::sample::select(DATES), any::<f64>(), prop::sample::select(UNITS), 0u32..4, any::<Option<u16>>())
            .prop_map(|(id, code, status, authored, dose, unit, per_day, supply)| {
                let mut m = json!({"resourceType": "MedicationRequest", "id": id, "status": status, "intent": "order",
                    "medicationCodeableConcept": {"coding": [code]}, "authoredOn": authored,
                    "dosageInstruction": [{"timing": {"repeat": {"frequency": per_day, "period": 1, "periodUnit": "d"}},
                        "doseAndRate": [{"doseQuantity": {"value": dose, "unit": unit}}]}]});
                if let Some(days) = supply {
                    m["dispenseRequest"] = json!({"expectedSupplyDuration": {"value": days, "unit": "d", "code": "d"}});
                }
                m
            }),
        (id, coding(), prop::sample::select(STATUSES), prop::sample::select(DATES)).prop_map(|(id, code, status, performed)| json!({
            "resourceType": "Procedure", "id": id, "status": status, "code": {"coding": [code]}, "performedDateTime": performed})),
        any::<String>().prop_map(|s| json!({"resourceType": s})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn fact_extraction_never_panics_and_every_issue_names_a_resource(resources in prop::collection::vec(resource(), 0..25)) {
        let bundle = json!({"resourceType": "Bundle", "type": "searchset",
            "entry": resources.iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()});
        let mut reader = RecordReader::new(Some("p1"));
        reader.read_source(&bundle, "prefetch.generated");
        let record = reader.finish();
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let report = facts::extract(record, terminology(), as_of, OrderScope::AllDrafts);
        for issue in &report.issues {
            prop_assert!(!issue.resource.resource_type().is_empty());
        }
        // Refuted or entered-in-error Conditions never give facts: every thrombosis comes from a
        // Condition sent with another verification status.
        for episode in &report.facts.thromboses {
            let id = episode.evidence.reference.id().unwrap_or("");
            let sources: Vec<&Value> = resources.iter().filter(|r| r["resourceType"] == "Condition" && r["id"] == id).collect();
            prop_assert!(sources.iter().any(|r| !matches!(r["verificationStatus"]["coding"][0]["code"].as_str(), Some("refuted" | "entered-in-error"))));
        }
        // Stopped, completed, cancelled and entered-in-error orders are never active.
        for order in report.facts.active_medications() {
            let id = order.reference.id().unwrap_or("");
            prop_assert!(resources.iter().any(|r| r["resourceType"] == "MedicationRequest" && r["id"] == id && r["status"] == "active"));
        }
    }
}
