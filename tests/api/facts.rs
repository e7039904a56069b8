//! Clinical facts, table-driven (clinical-rules.md §3, terminology.md): every fact of
//! `PatientFacts` from every code system the terminology lists for it, and not from refuted,
//! entered-in-error, resolved (where the fact is about now) or stopped entries; record hygiene
//! (status filters, newest per concept, units, data issues). Fixed evaluation dates throughout:
//! facts take an explicit `as_of`.

// The tables are tuples on purpose: one row per case, read left to right.
#![allow(clippy::type_complexity)]

use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use serde_json::{json, Value};
use venous_cds::facts::{
    self, Acuity, Agent, BleedingJudgement, BleedingReason, ChildPugh, DoseClass, DrugClass,
    Evidence, FactsReport, FilterShape, InflowType, Laterality, OrderOrigin, OrderScope,
    PatientFacts, PtsGrade, RenalMeasure, RiskFactor, Sex, SymptomSeverity, ThrombosisSite,
    ThrombusExtension,
};
use venous_cds::fhir::resources::RecordReader;
use venous_cds::fhir::terminology::{
    Terminology, ATC, CPT, FINDING, ICD10_CM, ICD10_WHO, LOINC, PROCEDURE, RXNORM, SNOMED, UCUM,
};
use venous_cds::fhir::{DataIssue, IssueKind};

// ---------------------------------------------------------------------------------------------
// Helpers: resources as serde_json values, one patient `p1`, evaluation date 2025-03-15.
// ---------------------------------------------------------------------------------------------

/// HCPCS Level II (terminology.md §1).
pub const HCPCS: &str = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
/// ICD-10-PCS (terminology.md §1).
pub const ICD10_PCS: &str = "http://www.cms.gov/Medicare/Coding/ICD10";
/// SNOMED CT intravenous route.
pub const SNOMED_IV: &str = "47625008";
/// SNOMED CT subcutaneous route.
pub const SNOMED_SC: &str = "34206005";

/// A calendar day.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The evaluation date of these tests.
pub fn as_of() -> NaiveDate {
    day(2025, 3, 15)
}

/// `days` before the evaluation date, as a FHIR date.
pub fn ago(days: i64) -> String {
    (as_of() - Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// The built-in terminology, loaded once.
pub fn terminology() -> &'static Terminology {
    static TERMINOLOGY: OnceLock<Terminology> = OnceLock::new();
    TERMINOLOGY.get_or_init(|| Terminology::built_in().expect("built-in knowledge loads"))
}

/// A CodeableConcept with one coding.
pub fn cc(system: &str, code: &str) -> Value {
    json!({"coding": [{"system": system, "code": code}]})
}

/// Replaces (or, with `null`, removes) top-level elements of a resource.
pub fn patch(mut resource: Value, changes: Value) -> Value {
    let object = resource.as_object_mut().unwrap();
    for (key, value) in changes.as_object().unwrap() {
        if value.is_null() {
            object.remove(key);
        } else {
            object.insert(key.clone(), value.clone());
        }
    }
    resource
}

/// An active, confirmed Condition with onset 3 days ago.
pub fn condition(id: &str, system: &str, code: &str) -> Value {
    json!({
        "resourceType": "Condition", "id": id,
        "clinicalStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
        "verificationStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            "code": "confirmed"}]},
        "code": cc(system, code),
        "subject": {"reference": "Patient/p1"},
        "onsetDateTime": ago(3)
    })
}

/// `condition` with a clinical status (`None` removes it).
pub fn with_clinical_status(resource: Value, status: Option<&str>) -> Value {
    patch(
        resource,
        json!({"clinicalStatus": status.map(|s| json!({"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": s}]}))}),
    )
}

/// `condition` with a verification status.
pub fn with_verification(resource: Value, status: &str) -> Value {
    patch(
        resource,
        json!({"verificationStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": status}]}}),
    )
}

/// A final Observation effective `days_ago`, with the value elements of `value`.
pub fn observation(id: &str, system: &str, code: &str, days_ago: i64, value: Value) -> Value {
    let base = json!({
        "resourceType": "Observation", "id": id, "status": "final",
        "code": cc(system, code),
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": ago(days_ago)
    });
    patch(base, value)
}

/// A `valueQuantity` with a UCUM unit.
pub fn quantity(value: f64, unit: &str) -> Value {
    json!({"valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}})
}

/// A `valueQuantity` with only a human unit text (no UCUM code).
pub fn quantity_text(value: f64, unit: &str) -> Value {
    json!({"valueQuantity": {"value": value, "unit": unit}})
}

/// A finding Observation (clinical-rules.md §3.4).
pub fn finding(id: &str, code: &str, days_ago: i64, value: Value) -> Value {
    observation(id, FINDING, code, days_ago, value)
}

/// A coded finding value.
pub fn coded(code: &str) -> Value {
    json!({"valueCodeableConcept": cc(FINDING, code)})
}

/// A boolean finding value.
pub fn boolean(value: bool) -> Value {
    json!({"valueBoolean": value})
}

/// An integer finding value.
pub fn integer(value: i64) -> Value {
    json!({"valueInteger": value})
}

/// An active MedicationRequest authored 10 days ago, without dosage.
pub fn medication(id: &str, system: &str, code: &str) -> Value {
    json!({
        "resourceType": "MedicationRequest", "id": id, "status": "active", "intent": "order",
        "medicationCodeableConcept": cc(system, code),
        "subject": {"reference": "Patient/p1"},
        "authoredOn": ago(10)
    })
}

/// A draft MedicationRequest (a hook's draft order) authored on the evaluation date.
pub fn draft(id: &str, system: &str, code: &str) -> Value {
    patch(
        medication(id, system, code),
        json!({"status": "draft", "authoredOn": ago(0)}),
    )
}

/// A dosage instruction: `dose` `unit` per administration, `per_day` times a day, optional route.
pub fn dosage(dose: f64, unit: &str, per_day: Option<u32>, route: Option<&str>) -> Value {
    let mut d = json!({
        "doseAndRate": [{"doseQuantity": {"value": dose, "unit": unit, "system": UCUM, "code": unit}}]
    });
    if let Some(n) = per_day {
        d["timing"] = json!({"repeat": {"frequency": n, "period": 1, "periodUnit": "d"}});
    }
    if let Some(route) = route {
        d["route"] = cc(SNOMED, route);
    }
    d
}

/// A MedicationRequest with one dosage instruction.
pub fn dosed(resource: Value, dosage: Value) -> Value {
    patch(resource, json!({"dosageInstruction": [dosage]}))
}

/// A completed Procedure performed `days_ago`.
pub fn procedure(id: &str, system: &str, code: &str, days_ago: i64) -> Value {
    json!({
        "resourceType": "Procedure", "id": id, "status": "completed",
        "code": cc(system, code),
        "subject": {"reference": "Patient/p1"},
        "performedDateTime": ago(days_ago)
    })
}

/// A draft ServiceRequest.
pub fn service_request(id: &str, system: &str, code: &str) -> Value {
    json!({
        "resourceType": "ServiceRequest", "id": id, "status": "draft", "intent": "order",
        "code": cc(system, code), "subject": {"reference": "Patient/p1"}, "authoredOn": ago(0)
    })
}

/// A searchset Bundle of `resources`.
pub fn bundle(resources: &[Value]) -> Value {
    json!({
        "resourceType": "Bundle", "type": "searchset",
        "entry": resources.iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()
    })
}

/// Reads drafts (as `context.draftOrders`) and a record (as one prefetch) the way a hook call
/// does, and extracts the facts.
pub fn run(
    resources: &[Value],
    drafts: &[Value],
    selections: &[&str],
    scope: OrderScope,
    as_of: NaiveDate,
) -> FactsReport {
    run_with(terminology(), resources, drafts, selections, scope, as_of)
}

/// `run` with another terminology (local knowledge).
pub fn run_with(
    terminology: &Terminology,
    resources: &[Value],
    drafts: &[Value],
    selections: &[&str],
    scope: OrderScope,
    as_of: NaiveDate,
) -> FactsReport {
    let record = bundle(resources);
    let draft_orders = bundle(drafts);
    let mut reader = RecordReader::new(Some("p1"));
    if !drafts.is_empty() {
        reader.read_draft_orders(&draft_orders, selections, "context.draftOrders");
    }
    reader.read_source(&record, "prefetch.record");
    facts::extract(reader.finish(), terminology, as_of, scope)
}

/// Facts of a record (patient-view: no orders) as of the evaluation date.
pub fn facts_of(resources: &[Value]) -> FactsReport {
    run(resources, &[], &[], OrderScope::NoOrders, as_of())
}

/// Facts of a record as of another date.
pub fn facts_at(resources: &[Value], as_of: NaiveDate) -> FactsReport {
    run(resources, &[], &[], OrderScope::NoOrders, as_of)
}

/// `Type/id` of each evidence.
pub fn refs(list: &[Evidence]) -> Vec<String> {
    list.iter().map(|e| e.reference.to_string()).collect()
}

/// `Type/id` of optional evidence.
pub fn reference(evidence: Option<&Evidence>) -> Option<String> {
    evidence.map(|e| e.reference.to_string())
}

/// The sites of the current thromboses.
pub fn sites(facts: &PatientFacts) -> Vec<ThrombosisSite> {
    facts.thromboses.iter().map(|e| e.site).collect()
}

/// The extension risk factors present.
pub fn risk_factors(facts: &PatientFacts) -> Vec<RiskFactor> {
    facts
        .extension_risk_factors()
        .into_iter()
        .map(|(f, _)| f)
        .collect()
}

/// Asserts that an issue names `resource` and `element`, has `kind`, and that neither its
/// element nor its kind carries the client's value `value` (clinical-rules.md; issue.rs: only
/// `detail` may quote client data).
pub fn assert_issue(
    issues: &[DataIssue],
    resource: &str,
    element: &str,
    kind: IssueKind,
    value: &str,
) {
    let found = issues
        .iter()
        .find(|i| i.resource.to_string() == resource && i.kind == kind && i.element == element)
        .unwrap_or_else(|| panic!("no {kind:?} issue on {resource} {element}: {issues:#?}"));
    assert!(
        !found.element.contains(value) && !found.kind.as_str().contains(value),
        "the value `{value}` leaked into element/kind: {found}"
    );
    assert!(
        found
            .element
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "[].".contains(c)),
        "an element is a FHIR path: {found}"
    );
}

// ---------------------------------------------------------------------------------------------
// Thrombosis episodes
// ---------------------------------------------------------------------------------------------

use ThrombosisSite as S;

/// (system, code, body site, expected site): every site from ICD-10-CM, WHO ICD-10 where the
/// terminology lists one, and SNOMED CT (terminology.md §3.1–§3.5).
const SITE_CODES: &[(&str, &str, Option<&str>, ThrombosisSite)] = &[
    (ICD10_CM, "I82.461", None, S::CalfMuscular),
    (ICD10_CM, "I82.563", None, S::CalfMuscular),
    (ICD10_CM, "I80.252", None, S::CalfMuscular),
    // No SNOMED concept for CMVT (terminology.md §8): calf DVT + gastrocnemius/soleal site.
    (SNOMED, "1204141008", Some("264481007"), S::CalfMuscular),
    (SNOMED, "1204141008", Some("397427005"), S::CalfMuscular),
    (
        SNOMED,
        "132241000119103",
        Some("397427005"),
        S::CalfMuscular,
    ),
    // WHO I80.2 (Japan/China DVT) with a gastrocnemius body site.
    (ICD10_WHO, "I80.2", Some("264481007"), S::CalfMuscular),
    (ICD10_CM, "I82.441", None, S::Tibial),
    (ICD10_CM, "I82.549", None, S::Tibial),
    (ICD10_CM, "I80.231", None, S::Tibial),
    (SNOMED, "438785004", None, S::Tibial),
    (SNOMED, "1204141008", Some("4258007"), S::Tibial),
    (ICD10_CM, "I82.452", None, S::Peroneal),
    (ICD10_CM, "I80.249", None, S::Peroneal),
    (SNOMED, "443210003", None, S::Peroneal),
    (SNOMED, "843433951000119102", None, S::Peroneal),
    (ICD10_CM, "I82.4Z1", None, S::DistalUnspecified),
    (ICD10_CM, "I82.5Z9", None, S::DistalUnspecified),
    (SNOMED, "1204141008", None, S::DistalUnspecified),
    (SNOMED, "439162001", None, S::DistalUnspecified),
    (ICD10_CM, "I82.431", None, S::Popliteal),
    (ICD10_CM, "I80.221", None, S::Popliteal),
    (SNOMED, "427776007", None, S::Popliteal),
    (ICD10_CM, "I82.411", None, S::Femoral),
    (ICD10_CM, "I80.11", None, S::Femoral),
    (ICD10_WHO, "I80.1", None, S::Femoral),
    (SNOMED, "132291000119106", None, S::Femoral),
    (ICD10_CM, "I82.4Y1", None, S::ProximalUnspecified),
    (ICD10_CM, "I82.5Y2", None, S::ProximalUnspecified),
    (SNOMED, "132271000119105", None, S::ProximalUnspecified),
    (ICD10_CM, "I82.401", None, S::LowerLimbUnspecified),
    (ICD10_CM, "I82.499", None, S::LowerLimbUnspecified),
    (ICD10_CM, "I80.3", None, S::LowerLimbUnspecified),
    // WHO I80.2 counts as DVT (terminology.md §9), segment unknown.
    (ICD10_WHO, "I80.2", None, S::LowerLimbUnspecified),
    (SNOMED, "128053003", None, S::LowerLimbUnspecified),
    (SNOMED, "404223003", None, S::LowerLimbUnspecified),
    (ICD10_CM, "I82.421", None, S::Iliac),
    (ICD10_CM, "I82.522", None, S::Iliac),
    (ICD10_CM, "I80.211", None, S::Iliac),
    (SNOMED, "762256003", None, S::Iliac),
    (SNOMED, "42861008", None, S::Iliac),
    (ICD10_CM, "I82.220", None, S::Ivc),
    (ICD10_CM, "I82.221", None, S::Ivc),
    (ICD10_WHO, "I82.2", None, S::Ivc),
    (SNOMED, "281595001", None, S::Ivc),
    (ICD10_CM, "I81", None, S::Portal),
    (ICD10_WHO, "I81", None, S::Portal),
    (SNOMED, "17920008", None, S::Portal),
    (SNOMED, "95446005", None, S::Mesenteric),
    (SNOMED, "197001004", None, S::Mesenteric),
    (ICD10_CM, "I26.99", None, S::PulmonaryEmbolism),
    (ICD10_CM, "I26.09", None, S::PulmonaryEmbolism),
    (ICD10_CM, "I27.82", None, S::PulmonaryEmbolism),
    (ICD10_WHO, "I26.9", None, S::PulmonaryEmbolism),
    (ICD10_WHO, "I26.0", None, S::PulmonaryEmbolism),
    (SNOMED, "59282003", None, S::PulmonaryEmbolism),
    (SNOMED, "706870000", None, S::PulmonaryEmbolism),
    (ICD10_CM, "I82.90", None, S::UnspecifiedVein),
    (ICD10_WHO, "I82.9", None, S::UnspecifiedVein),
    (SNOMED, "111293003", None, S::UnspecifiedVein),
];

fn thrombosis(system: &str, code: &str, body_site: Option<&str>) -> Value {
    let mut c = condition("t1", system, code);
    if let Some(site) = body_site {
        c["bodySite"] = json!([cc(SNOMED, site)]);
    }
    c
}

#[test]
fn every_thrombosis_site_is_recognised_from_each_code_system_the_terminology_lists() {
    for (system, code, body_site, site) in SITE_CODES {
        let report = facts_of(&[thrombosis(system, code, *body_site)]);
        assert_eq!(
            sites(&report.facts),
            vec![*site],
            "{system} {code} (body site {body_site:?})"
        );
        assert_eq!(
            reference(report.facts.thromboses.first().map(|e| &e.evidence)),
            Some("Condition/t1".into())
        );
        assert!(report.issues.is_empty(), "{code}: {:?}", report.issues);
    }
}

#[test]
fn a_thrombosis_code_is_read_whatever_oid_dots_or_case_the_sender_uses() {
    for (system, code) in [
        ("urn:oid:2.16.840.1.113883.6.90", "I82.461"),
        (ICD10_CM, "i82.461"),
        (ICD10_CM, "I82461"),
        ("urn:oid:2.16.840.1.113883.6.3", "I80.2"),
    ] {
        let report = facts_of(&[thrombosis(system, code, None)]);
        assert!(!report.facts.thromboses.is_empty(), "{system} {code}");
    }
    // A code under a system the service does not know never matches.
    let report = facts_of(&[thrombosis("http://example.org/icd", "I82.461", None)]);
    assert!(report.facts.thromboses.is_empty());
}

#[test]
fn a_thrombosis_counts_only_when_current_and_not_refuted_or_entered_in_error() {
    // (clinical status, verification status, current thrombosis, prior VTE)
    let cases: &[(Option<&str>, &str, bool, bool)] = &[
        (Some("active"), "confirmed", true, false),
        (Some("recurrence"), "confirmed", true, false),
        (Some("relapse"), "confirmed", true, false),
        (None, "confirmed", true, false),
        (Some("active"), "unconfirmed", true, false),
        (Some("active"), "provisional", true, false),
        (Some("active"), "differential", true, false),
        (Some("active"), "refuted", false, false),
        (Some("active"), "entered-in-error", false, false),
        (Some("resolved"), "confirmed", false, true),
        (Some("inactive"), "confirmed", false, true),
        (Some("remission"), "confirmed", false, true),
        (Some("resolved"), "refuted", false, false),
    ];
    for (system, code) in [
        (ICD10_CM, "I82.461"),
        (ICD10_WHO, "I80.2"),
        (SNOMED, "59282003"),
    ] {
        for (clinical, verification, current, prior) in cases {
            let c = with_verification(
                with_clinical_status(condition("t1", system, code), *clinical),
                verification,
            );
            let facts = facts_of(&[c]).facts;
            assert_eq!(
                !facts.thromboses.is_empty(),
                *current,
                "{code} {clinical:?}/{verification}"
            );
            assert_eq!(
                refs(&facts.risk_factors.prior_vte),
                if *prior {
                    vec!["Condition/t1".to_string()]
                } else {
                    vec![]
                },
                "{code} {clinical:?}/{verification}"
            );
        }
    }
}

#[test]
fn an_unknown_status_keeps_the_condition_and_is_reported() {
    let c = with_verification(
        with_clinical_status(condition("t1", ICD10_CM, "I82.461"), Some("smouldering")),
        "maybe",
    );
    let report = facts_of(&[c]);
    assert_eq!(sites(&report.facts), vec![S::CalfMuscular]);
    assert_issue(
        &report.issues,
        "Condition/t1",
        "clinicalStatus",
        IssueKind::UnknownStatus,
        "smouldering",
    );
    assert!(report
        .issues
        .iter()
        .any(|i| i.element == "verificationStatus" && i.kind == IssueKind::UnknownStatus));
}

#[test]
fn superficial_vein_thrombosis_is_not_dvt_nor_prior_vte() {
    for (system, code) in [(ICD10_CM, "I82.811"), (SNOMED, "2477008")] {
        let facts = facts_of(&[condition("s1", system, code)]).facts;
        assert!(facts.thromboses.is_empty(), "{code}");
        let resolved = with_clinical_status(condition("s1", system, code), Some("resolved"));
        assert!(facts_of(&[resolved])
            .facts
            .risk_factors
            .prior_vte
            .is_empty());
    }
}

#[test]
fn unspecified_segment_dvt_is_proximal_for_safety_and_never_distal_or_isolated() {
    for (system, code) in [
        (ICD10_CM, "I82.409"),
        (ICD10_CM, "I82.491"),
        (ICD10_WHO, "I80.2"),
        (SNOMED, "128053003"),
    ] {
        let facts = facts_of(&[condition("t1", system, code)]).facts;
        let site = facts.thromboses[0].site;
        assert_eq!(site, S::LowerLimbUnspecified, "{code}");
        assert!(!site.is_distal());
        assert!(site.is_proximal_for_safety());
        assert!(facts.isolated_distal_dvt().is_none(), "{code}");
        assert!(facts.has_proximal_or_central_vte());
        assert!(facts.has_vte());
    }
}

#[test]
fn acuity_comes_from_the_code_when_it_says_so_else_from_an_onset_over_28_days() {
    // (system, code, onset element and value, expected)
    let cases: &[(&str, &str, Value, Acuity)] = &[
        (
            ICD10_CM,
            "I82.461",
            json!({"onsetDateTime": ago(60)}),
            Acuity::Acute,
        ),
        (
            ICD10_CM,
            "I82.561",
            json!({"onsetDateTime": ago(3)}),
            Acuity::Chronic,
        ),
        (
            ICD10_CM,
            "I82.220",
            json!({"onsetDateTime": ago(60)}),
            Acuity::Acute,
        ),
        (
            ICD10_CM,
            "I82.221",
            json!({"onsetDateTime": ago(3)}),
            Acuity::Chronic,
        ),
        (
            ICD10_CM,
            "I82.90",
            json!({"onsetDateTime": ago(60)}),
            Acuity::Acute,
        ),
        (
            ICD10_CM,
            "I82.91",
            json!({"onsetDateTime": ago(3)}),
            Acuity::Chronic,
        ),
        (
            ICD10_CM,
            "I26.99",
            json!({"onsetDateTime": ago(60)}),
            Acuity::Acute,
        ),
        (
            ICD10_CM,
            "I27.82",
            json!({"onsetDateTime": ago(3)}),
            Acuity::Chronic,
        ),
        (
            SNOMED,
            "132241000119103",
            json!({"onsetDateTime": ago(100)}),
            Acuity::Acute,
        ),
        (
            SNOMED,
            "132131000119102",
            json!({"onsetDateTime": ago(2)}),
            Acuity::Chronic,
        ),
        (
            SNOMED,
            "706870000",
            json!({"onsetDateTime": ago(100)}),
            Acuity::Acute,
        ),
        // No acuity in the code: > 28 days is chronic (seed 001 §1.1).
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": ago(28)}),
            Acuity::Acute,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": ago(29)}),
            Acuity::Chronic,
        ),
        (
            ICD10_WHO,
            "I80.2",
            json!({"onsetDateTime": ago(40)}),
            Acuity::Chronic,
        ),
        (
            ICD10_CM,
            "I80.252",
            json!({"onsetDateTime": ago(5)}),
            Acuity::Acute,
        ),
        (
            SNOMED,
            "17920008",
            json!({"onsetDateTime": ago(200)}),
            Acuity::Chronic,
        ),
        // onsetPeriod.start, then recordedDate.
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": null, "onsetPeriod": {"start": ago(40)}}),
            Acuity::Chronic,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": null, "recordedDate": ago(40)}),
            Acuity::Chronic,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": null, "recordedDate": ago(10)}),
            Acuity::Acute,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": null}),
            Acuity::Unknown,
        ),
        // A partial date is chronic only when all of its period is > 28 days back.
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": "2025-02"}),
            Acuity::Acute,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": "2025-01"}),
            Acuity::Chronic,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": "2025"}),
            Acuity::Acute,
        ),
        (
            SNOMED,
            "128053003",
            json!({"onsetDateTime": "2024"}),
            Acuity::Chronic,
        ),
    ];
    for (system, code, onset, expected) in cases {
        let c = patch(condition("t1", system, code), onset.clone());
        let facts = facts_of(&[c]).facts;
        assert_eq!(facts.thromboses[0].acuity, *expected, "{code} {onset}");
    }
}

#[test]
fn the_onset_is_kept_from_onset_else_recorded_date() {
    let c = patch(
        condition("t1", SNOMED, "59282003"),
        json!({"onsetDateTime": null, "recordedDate": "2025-03-01T10:00:00+09:00"}),
    );
    let facts = facts_of(&[c]).facts;
    assert_eq!(
        facts.thromboses[0].onset.map(|d| d.first_day()),
        Some(day(2025, 3, 1))
    );
    let c = patch(
        condition("t1", SNOMED, "59282003"),
        json!({"onsetDateTime": "2025-02-20", "recordedDate": "2025-03-01"}),
    );
    assert_eq!(
        facts_of(&[c]).facts.thromboses[0]
            .onset
            .map(|d| d.first_day()),
        Some(day(2025, 2, 20))
    );
}

#[test]
fn laterality_comes_from_the_icd10cm_sixth_character_or_snomed_qualifiers() {
    let site = |codes: &[&str]| json!([{"coding": codes.iter().map(|c| json!({"system": SNOMED, "code": c})).collect::<Vec<_>>()}]);
    // (system, code, body sites, expected)
    let cases: Vec<(&str, &str, Option<Value>, Laterality)> = vec![
        (ICD10_CM, "I82.461", None, Laterality::Right),
        (ICD10_CM, "I82.462", None, Laterality::Left),
        (ICD10_CM, "I82.463", None, Laterality::Bilateral),
        (ICD10_CM, "I82.469", None, Laterality::Unknown),
        (ICD10_CM, "I82.512", None, Laterality::Left),
        (ICD10_CM, "I82.4Z1", None, Laterality::Right),
        (ICD10_CM, "I80.202", None, Laterality::Left),
        (ICD10_CM, "I80.253", None, Laterality::Bilateral),
        // I80.1- (femoral) carries laterality in its 5th character: I80.11 right … I80.13.
        (ICD10_CM, "I80.11", None, Laterality::Right),
        (ICD10_CM, "I80.12", None, Laterality::Left),
        (ICD10_CM, "I80.13", None, Laterality::Bilateral),
        (ICD10_CM, "I80.10", None, Laterality::Unknown),
        // Senders' spellings: lower case, no dot, the HL7 OID.
        (ICD10_CM, "i82.412", None, Laterality::Left),
        (ICD10_CM, "I82411", None, Laterality::Right),
        (
            "urn:oid:2.16.840.1.113883.6.90",
            "I82.433",
            None,
            Laterality::Bilateral,
        ),
        (ICD10_WHO, "I80.2", None, Laterality::Unknown),
        (
            SNOMED,
            "128053003",
            Some(site(&["24028007"])),
            Laterality::Right,
        ),
        (
            SNOMED,
            "128053003",
            Some(site(&["7771000"])),
            Laterality::Left,
        ),
        (
            SNOMED,
            "128053003",
            Some(json!([cc(SNOMED, "24028007"), cc(SNOMED, "7771000")])),
            Laterality::Bilateral,
        ),
        (
            SNOMED,
            "1204141008",
            Some(site(&["264481007", "7771000"])),
            Laterality::Left,
        ),
        (SNOMED, "128053003", None, Laterality::Unknown),
    ];
    for (system, code, body_site, expected) in cases {
        let mut c = condition("t1", system, code);
        if let Some(body_site) = body_site {
            c["bodySite"] = body_site;
        }
        let facts = facts_of(&[c]).facts;
        assert_eq!(facts.thromboses[0].laterality, expected, "{system} {code}");
    }
}

#[test]
fn isolated_cmvt_and_isolated_distal_dvt_follow_every_other_thrombosis() {
    // (other Conditions beside a right CMVT, isolated CMVT, IDDVT)
    let cases: Vec<(&str, Vec<Value>, bool, bool)> = vec![
        ("alone", vec![], true, true),
        (
            "contralateral CMVT",
            vec![condition("o", ICD10_CM, "I82.462")],
            true,
            true,
        ),
        (
            "tibial",
            vec![condition("o", ICD10_CM, "I82.442")],
            false,
            true,
        ),
        (
            "peroneal",
            vec![condition("o", SNOMED, "443210003")],
            false,
            true,
        ),
        (
            "distal, segment unstated",
            vec![condition("o", ICD10_CM, "I82.4Z9")],
            false,
            true,
        ),
        (
            "popliteal",
            vec![condition("o", ICD10_CM, "I82.431")],
            false,
            false,
        ),
        (
            "femoral (WHO)",
            vec![condition("o", ICD10_WHO, "I80.1")],
            false,
            false,
        ),
        (
            "proximal, segment unstated",
            vec![condition("o", ICD10_CM, "I82.4Y9")],
            false,
            false,
        ),
        (
            "segment-unknown DVT",
            vec![condition("o", ICD10_CM, "I82.409")],
            false,
            false,
        ),
        (
            "WHO I80.2 DVT",
            vec![condition("o", ICD10_WHO, "I80.2")],
            false,
            false,
        ),
        (
            "iliac",
            vec![condition("o", ICD10_CM, "I82.422")],
            false,
            false,
        ),
        (
            "IVC",
            vec![condition("o", ICD10_CM, "I82.220")],
            false,
            false,
        ),
        ("PE", vec![condition("o", SNOMED, "59282003")], false, false),
        (
            "superficial thrombosis",
            vec![condition("o", ICD10_CM, "I82.811")],
            true,
            true,
        ),
        (
            "portal vein thrombosis",
            vec![condition("o", ICD10_CM, "I81")],
            true,
            true,
        ),
        (
            "refuted popliteal",
            vec![with_verification(
                condition("o", ICD10_CM, "I82.431"),
                "refuted",
            )],
            true,
            true,
        ),
        (
            "resolved PE",
            vec![with_clinical_status(
                condition("o", SNOMED, "59282003"),
                Some("resolved"),
            )],
            true,
            true,
        ),
    ];
    for (name, others, isolated_cmvt, iddvt) in cases {
        let mut record = vec![condition("cmvt", ICD10_CM, "I82.461")];
        record.extend(others);
        let facts = facts_of(&record).facts;
        assert!(facts.has_cmvt(), "{name}");
        assert_eq!(
            facts.isolated_cmvt().is_some(),
            isolated_cmvt,
            "isolated CMVT: {name}"
        );
        assert_eq!(
            facts.isolated_distal_dvt().is_some(),
            iddvt,
            "IDDVT: {name}"
        );
    }
    // A distal DVT without CMVT is an IDDVT, not an isolated CMVT.
    let facts = facts_of(&[condition("t", ICD10_CM, "I82.441")]).facts;
    assert!(facts.isolated_cmvt().is_none());
    assert!(facts.isolated_distal_dvt().is_some());
}

// ---------------------------------------------------------------------------------------------
// Symptoms, extension risk factors, follow-up
// ---------------------------------------------------------------------------------------------

#[test]
fn symptoms_come_from_the_finding_or_the_condition_severity() {
    let cmvt = || condition("t1", ICD10_CM, "I82.461");
    let severity = |code: &str| patch(cmvt(), json!({"severity": cc(SNOMED, code)}));
    // (record, symptomatic, severe)
    let cases: Vec<(&str, Vec<Value>, bool, bool)> = vec![
        ("nothing", vec![cmvt()], false, false),
        (
            "finding none",
            vec![cmvt(), finding("f", "symptom-severity", 1, coded("none"))],
            false,
            false,
        ),
        (
            "finding mild",
            vec![cmvt(), finding("f", "symptom-severity", 1, coded("mild"))],
            true,
            false,
        ),
        (
            "finding severe",
            vec![cmvt(), finding("f", "symptom-severity", 1, coded("severe"))],
            true,
            true,
        ),
        (
            "Condition.severity mild",
            vec![severity("255604002")],
            true,
            false,
        ),
        (
            "Condition.severity moderate",
            vec![severity("6736007")],
            true,
            false,
        ),
        (
            "Condition.severity severe",
            vec![severity("24484000")],
            true,
            true,
        ),
        (
            "severity severe beats finding mild",
            vec![
                severity("24484000"),
                finding("f", "symptom-severity", 1, coded("mild")),
            ],
            true,
            true,
        ),
    ];
    for (name, record, symptomatic, severe) in cases {
        let facts = facts_of(&record).facts;
        assert_eq!(facts.symptomatic().is_some(), symptomatic, "{name}");
        assert_eq!(facts.severe_symptoms().is_some(), severe, "{name}");
    }
    // A severity on a Condition that is no thrombosis says nothing about its symptoms.
    let other = patch(
        condition("x", SNOMED, "38341003"),
        json!({"severity": cc(SNOMED, "24484000")}),
    );
    assert!(facts_of(&[other]).facts.symptoms.is_none());
    let facts = facts_of(&[severity("24484000")]).facts;
    assert_eq!(
        facts.symptoms.as_ref().map(|s| s.value),
        Some(SymptomSeverity::Severe)
    );
}

#[test]
fn every_extension_risk_factor_is_recognised_on_its_own() {
    let cmvt = || condition("cmvt", ICD10_CM, "I82.461");
    // (name, extra resources, expected factors, the evidence of the first)
    let cases: Vec<(&str, Vec<Value>, Vec<RiskFactor>, Option<&str>)> = vec![
        ("none", vec![], vec![], None),
        (
            "D-dimer positive",
            vec![observation(
                "dd",
                LOINC,
                "48065-7",
                2,
                quantity(1.2, "mg/L"),
            )],
            vec![RiskFactor::DDimerPositive],
            Some("Observation/dd"),
        ),
        (
            "D-dimer negative",
            vec![observation(
                "dd",
                LOINC,
                "48065-7",
                2,
                quantity(0.3, "mg/L"),
            )],
            vec![],
            None,
        ),
        (
            "unprovoked",
            vec![finding("f", "provoked-reversible", 3, boolean(false))],
            vec![RiskFactor::Unprovoked],
            Some("Observation/f"),
        ),
        (
            "provoked by a reversible factor",
            vec![finding("f", "provoked-reversible", 3, boolean(true))],
            vec![],
            None,
        ),
        (
            "prior VTE (ICD-10-CM history code)",
            vec![condition("h", ICD10_CM, "Z86.718")],
            vec![RiskFactor::PriorVte],
            Some("Condition/h"),
        ),
        (
            "prior VTE (SNOMED history)",
            vec![condition("h", SNOMED, "161508001")],
            vec![RiskFactor::PriorVte],
            Some("Condition/h"),
        ),
        (
            "prior VTE (resolved PE)",
            vec![with_clinical_status(
                condition("h", ICD10_WHO, "I26.9"),
                Some("resolved"),
            )],
            vec![RiskFactor::PriorVte],
            Some("Condition/h"),
        ),
        (
            "active cancer",
            vec![condition("ca", ICD10_CM, "C18.7")],
            vec![RiskFactor::ActiveCancer],
            Some("Condition/ca"),
        ),
        (
            "cancer in remission",
            vec![with_clinical_status(
                condition("ca", ICD10_CM, "C18.7"),
                Some("remission"),
            )],
            vec![],
            None,
        ),
        (
            "immobilised (finding)",
            vec![finding("f", "immobilised", 1, boolean(true))],
            vec![RiskFactor::Immobilised],
            Some("Observation/f"),
        ),
        (
            "not immobilised",
            vec![finding("f", "immobilised", 1, boolean(false))],
            vec![],
            None,
        ),
        (
            "bed-ridden (ICD-10-CM)",
            vec![condition("im", ICD10_CM, "Z74.01")],
            vec![RiskFactor::Immobilised],
            Some("Condition/im"),
        ),
        (
            "bed-ridden (SNOMED)",
            vec![condition("im", SNOMED, "160685001")],
            vec![RiskFactor::Immobilised],
            Some("Condition/im"),
        ),
        (
            "reduced mobility (WHO)",
            vec![condition("im", ICD10_WHO, "Z74.0")],
            vec![RiskFactor::Immobilised],
            Some("Condition/im"),
        ),
        (
            "length over 5 cm",
            vec![finding("f", "thrombus-length", 1, quantity(6.0, "cm"))],
            vec![RiskFactor::LengthOver5Cm],
            Some("Observation/f"),
        ),
        (
            "length 4 cm",
            vec![finding("f", "thrombus-length", 1, quantity(40.0, "mm"))],
            vec![],
            None,
        ),
        (
            "diameter over 7 mm",
            vec![finding(
                "f",
                "thrombus-max-diameter",
                1,
                quantity(9.0, "mm"),
            )],
            vec![RiskFactor::DiameterOver7Mm],
            Some("Observation/f"),
        ),
        (
            "two veins",
            vec![finding("f", "thrombus-vein-count", 1, integer(2))],
            vec![RiskFactor::TwoOrMoreVeins],
            Some("Observation/f"),
        ),
        (
            "one vein",
            vec![finding("f", "thrombus-vein-count", 1, integer(1))],
            vec![],
            None,
        ),
        (
            "near the popliteal vein",
            vec![finding("f", "thrombus-near-popliteal", 1, boolean(true))],
            vec![RiskFactor::NearPopliteal],
            Some("Observation/f"),
        ),
        (
            "not near the popliteal vein",
            vec![finding("f", "thrombus-near-popliteal", 1, boolean(false))],
            vec![],
            None,
        ),
    ];
    for (name, extra, expected, evidence) in cases {
        let mut record = vec![cmvt()];
        record.extend(extra);
        let report = facts_of(&record);
        let factors = report.facts.extension_risk_factors();
        assert_eq!(risk_factors(&report.facts), expected, "{name}");
        assert_eq!(
            factors.first().map(|(_, e)| e.reference.to_string()),
            evidence.map(str::to_owned),
            "{name}"
        );
        assert!(report.issues.is_empty(), "{name}: {:?}", report.issues);
    }
    // Absent provoked-reversible is unknown, not unprovoked (§3.3).
    let facts = facts_of(&[cmvt()]).facts;
    assert!(facts.risk_factors.unprovoked.is_none() && facts.provoked_reversible.is_none());
    let facts = facts_of(&[
        cmvt(),
        finding("f", "provoked-reversible", 3, boolean(true)),
    ])
    .facts;
    assert_eq!(
        reference(facts.provoked_reversible.as_ref()),
        Some("Observation/f".into())
    );
}

#[test]
fn thrombus_extension_on_follow_up_is_read_from_its_finding() {
    for (code, expected) in [
        ("none", ThrombusExtension::None),
        ("distal", ThrombusExtension::Distal),
        ("proximal", ThrombusExtension::Proximal),
    ] {
        let facts = facts_of(&[finding("f", "thrombus-extension", 2, coded(code))]).facts;
        assert_eq!(facts.thrombus_extension.map(|t| t.value), Some(expected));
    }
}

// ---------------------------------------------------------------------------------------------
// Bleeding
// ---------------------------------------------------------------------------------------------

#[test]
fn acute_intracerebral_haemorrhage_is_recognised_with_its_onset_from_every_code_system() {
    for (system, code) in [
        (ICD10_CM, "I61.9"),
        (ICD10_CM, "I61.0"),
        (ICD10_CM, "I62.00"),
        (ICD10_WHO, "I61.5"),
        (SNOMED, "274100004"),
        (SNOMED, "1386000"),
        (SNOMED, "291571000119106"),
    ] {
        let ich = patch(
            condition("ich", system, code),
            json!({"onsetDateTime": ago(5)}),
        );
        let facts = facts_of(std::slice::from_ref(&ich)).facts;
        let acute = facts
            .bleeding
            .acute_ich
            .as_ref()
            .unwrap_or_else(|| panic!("{code}"));
        assert_eq!(acute.reference.to_string(), "Condition/ich");
        assert_eq!(
            acute.date.map(|d| d.first_day()),
            Some(as_of() - Duration::days(5))
        );
        assert_eq!(
            facts.bleeding.high_risk_reasons().first().map(|(r, _)| *r),
            Some(BleedingReason::AcuteIch)
        );
        // An old haemorrhage, or a refuted one, is no acute ICH.
        let old = patch(ich.clone(), json!({"onsetDateTime": ago(40)}));
        assert!(
            facts_of(&[old]).facts.bleeding.acute_ich.is_none(),
            "{code}"
        );
        let refuted = with_verification(ich, "refuted");
        assert!(
            facts_of(&[refuted]).facts.bleeding.acute_ich.is_none(),
            "{code}"
        );
    }
    // Ischaemic stroke is not a haemorrhage.
    let stroke = condition("s", ICD10_CM, "I63.9");
    assert!(facts_of(&[stroke]).facts.bleeding.acute_ich.is_none());
}

#[test]
fn the_newest_of_several_haemorrhages_gives_the_onset() {
    let older = patch(
        condition("a", ICD10_CM, "I61.9"),
        json!({"onsetDateTime": ago(12)}),
    );
    let newer = patch(
        condition("b", SNOMED, "274100004"),
        json!({"onsetDateTime": ago(4)}),
    );
    for record in [vec![older.clone(), newer.clone()], vec![newer, older]] {
        let facts = facts_of(&record).facts;
        assert_eq!(
            reference(facts.bleeding.acute_ich.as_ref()),
            Some("Condition/b".into())
        );
    }
}

#[test]
fn active_major_bleeding_is_recognised_from_every_code_system_and_not_when_resolved() {
    for (system, code) in [
        (ICD10_CM, "K92.2"),
        (ICD10_CM, "K92.0"),
        (ICD10_CM, "K92.1"),
        (ICD10_CM, "R58"),
        (ICD10_CM, "D62"),
        (ICD10_CM, "I85.01"),
        (ICD10_WHO, "K92.2"),
        (ICD10_WHO, "R58"),
        (ICD10_WHO, "I85.0"),
        (ICD10_WHO, "I98.3"),
        (SNOMED, "131148009"),
        (SNOMED, "17709002"),
    ] {
        let bleed = condition("b", system, code);
        let facts = facts_of(std::slice::from_ref(&bleed)).facts;
        assert_eq!(
            refs(&facts.bleeding.major_bleeding),
            vec!["Condition/b"],
            "{code}"
        );
        assert!(facts.bleeding.is_high());
        let resolved = with_clinical_status(bleed, Some("resolved"));
        assert!(!facts_of(&[resolved]).facts.bleeding.is_high(), "{code}");
    }
}

#[test]
fn high_and_low_bleeding_risk_follow_their_reasons() {
    let low_platelets = || observation("plt", LOINC, "777-3", 2, quantity(30.0, "10*3/uL"));
    let judged = |code: &str| finding("br", "bleeding-risk", 5, coded(code));
    // (name, record, high reasons, low)
    let cases: Vec<(&str, Vec<Value>, Vec<BleedingReason>, bool)> = vec![
        ("nothing", vec![], vec![], false),
        ("judged low", vec![judged("low")], vec![], true),
        ("judged moderate", vec![judged("moderate")], vec![], false),
        (
            "judged high",
            vec![judged("high")],
            vec![BleedingReason::JudgedHigh],
            false,
        ),
        (
            "low platelets",
            vec![low_platelets()],
            vec![BleedingReason::LowPlatelets],
            false,
        ),
        (
            "judged low but platelets low",
            vec![judged("low"), low_platelets()],
            vec![BleedingReason::LowPlatelets],
            false,
        ),
        (
            "judged low but bleeding",
            vec![judged("low"), condition("b", ICD10_CM, "K92.2")],
            vec![BleedingReason::MajorBleeding],
            false,
        ),
        (
            "normal platelets",
            vec![observation(
                "plt",
                LOINC,
                "26515-7",
                2,
                quantity(210.0, "10*9/L"),
            )],
            vec![],
            false,
        ),
    ];
    for (name, record, reasons, low) in cases {
        let facts = facts_of(&record).facts;
        let found: Vec<_> = facts
            .bleeding
            .high_risk_reasons()
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert_eq!(found, reasons, "{name}");
        assert_eq!(facts.bleeding.is_low(), low, "{name}");
    }
    let facts = facts_of(&[judged("moderate")]).facts;
    assert_eq!(
        facts.bleeding.judgement.map(|j| j.value),
        Some(BleedingJudgement::Moderate)
    );
}

// ---------------------------------------------------------------------------------------------
// Liver
// ---------------------------------------------------------------------------------------------

#[test]
fn cirrhosis_is_recognised_from_every_code_system_and_its_class_stays_unknown_without_one() {
    for (system, code) in [
        (ICD10_CM, "K74.60"),
        (ICD10_CM, "K74.69"),
        (ICD10_CM, "K70.30"),
        (ICD10_CM, "K70.31"),
        (ICD10_WHO, "K74.6"),
        (ICD10_WHO, "K70.3"),
        (SNOMED, "19943007"),
        (SNOMED, "420054005"),
        (SNOMED, "716203000"),
    ] {
        let facts = facts_of(&[condition("cir", system, code)]).facts;
        assert_eq!(
            reference(facts.cirrhosis()),
            Some("Condition/cir".into()),
            "{code}"
        );
        assert!(facts.liver.child_pugh.is_none());
        let refuted = with_verification(condition("cir", system, code), "entered-in-error");
        assert!(facts_of(&[refuted]).facts.cirrhosis().is_none());
    }
    // Portal hypertension alone is not cirrhosis.
    assert!(facts_of(&[condition("ph", ICD10_CM, "K76.6")])
        .facts
        .cirrhosis()
        .is_none());
}

#[test]
fn child_pugh_class_comes_from_its_finding_or_a_score_of_5_to_15() {
    let cirrhosis = || condition("cir", ICD10_CM, "K74.60");
    for (code, class) in [
        ("A", ChildPugh::A),
        ("B", ChildPugh::B),
        ("C", ChildPugh::C),
    ] {
        let facts = facts_of(&[
            cirrhosis(),
            finding("cp", "child-pugh-class", 10, coded(code)),
        ])
        .facts;
        assert_eq!(facts.liver.child_pugh.map(|c| c.value), Some(class));
    }
    for (score, class) in [
        (5, Some(ChildPugh::A)),
        (6, Some(ChildPugh::A)),
        (7, Some(ChildPugh::B)),
        (9, Some(ChildPugh::B)),
        (10, Some(ChildPugh::C)),
        (15, Some(ChildPugh::C)),
        (4, None),
        (16, None),
    ] {
        let report = facts_of(&[
            cirrhosis(),
            finding("cps", "child-pugh-score", 10, integer(score)),
        ]);
        assert_eq!(
            report.facts.liver.child_pugh.map(|c| c.value),
            class,
            "score {score}"
        );
        if class.is_none() {
            assert_issue(
                &report.issues,
                "Observation/cps",
                "value[x]",
                IssueKind::UnreadableNumber,
                &score.to_string(),
            );
        }
    }
    // A unitless score Quantity is read as its integer.
    let facts = facts_of(&[
        cirrhosis(),
        finding("cps", "child-pugh-score", 10, quantity(8.0, "{score}")),
    ])
    .facts;
    assert_eq!(facts.liver.child_pugh.map(|c| c.value), Some(ChildPugh::B));
}

#[test]
fn the_newest_child_pugh_reading_wins_and_a_same_day_tie_takes_the_worse_class() {
    let cirrhosis = || condition("cir", ICD10_CM, "K74.60");
    let facts = facts_of(&[
        cirrhosis(),
        finding("class", "child-pugh-class", 30, coded("A")),
        finding("score", "child-pugh-score", 5, integer(11)),
    ])
    .facts;
    assert_eq!(
        facts.liver.child_pugh.as_ref().map(|c| c.value),
        Some(ChildPugh::C)
    );
    assert_eq!(
        facts
            .liver
            .child_pugh
            .map(|c| c.evidence.reference.to_string()),
        Some("Observation/score".into())
    );
    let facts = facts_of(&[
        cirrhosis(),
        finding("class", "child-pugh-class", 2, coded("B")),
        finding("score", "child-pugh-score", 50, integer(11)),
    ])
    .facts;
    assert_eq!(facts.liver.child_pugh.map(|c| c.value), Some(ChildPugh::B));
    // Same day, class and score disagree: the worse class, whatever the order (run many
    // times: the reading must not depend on hash-map iteration order).
    for _ in 0..20 {
        for record in [
            vec![
                cirrhosis(),
                finding("class", "child-pugh-class", 3, coded("B")),
                finding("score", "child-pugh-score", 3, integer(10)),
            ],
            vec![
                cirrhosis(),
                finding("score", "child-pugh-score", 3, integer(6)),
                finding("class", "child-pugh-class", 3, coded("B")),
            ],
        ] {
            let expected = if record[1]["id"] == "class" {
                ChildPugh::C
            } else {
                ChildPugh::B
            };
            let facts = facts_of(&record).facts;
            assert_eq!(facts.liver.child_pugh.map(|c| c.value), Some(expected));
        }
    }
}

#[test]
fn varices_are_read_by_system_so_who_i85_0_bleeds_and_icd10cm_i85_00_does_not() {
    // (system, code, varices, bleeding) — terminology.md §9 trap.
    for (system, code, bleeding) in [
        (ICD10_CM, "I85.00", false),
        (ICD10_CM, "I85.01", true),
        (ICD10_CM, "I85.10", false),
        (ICD10_CM, "I85.11", true),
        (ICD10_CM, "I86.4", false),
        (ICD10_WHO, "I85.0", true),
        (ICD10_WHO, "I85.9", false),
        (ICD10_WHO, "I98.2", false),
        (ICD10_WHO, "I98.3", true),
        (ICD10_WHO, "I86.4", false),
        (SNOMED, "28670008", false),
        (SNOMED, "17709002", true),
        (SNOMED, "195475003", true),
    ] {
        let facts = facts_of(&[condition("v", system, code)]).facts;
        assert_eq!(
            refs(&facts.liver.varices),
            vec!["Condition/v"],
            "{system} {code}"
        );
        assert_eq!(facts.bleeding.is_high(), bleeding, "{system} {code}");
        assert_eq!(
            reference(facts.liver.variceal_assessment()),
            Some("Condition/v".into())
        );
    }
}

#[test]
fn a_variceal_assessment_is_an_endoscopy_a_ligation_a_varices_condition_or_the_finding() {
    // (name, record, assessment evidence, band ligation)
    let cases: Vec<(&str, Vec<Value>, Option<&str>, bool)> = vec![
        ("nothing", vec![], None, false),
        (
            "endoscopy",
            vec![procedure("e", PROCEDURE, "upper-endoscopy", 100)],
            Some("Procedure/e"),
            false,
        ),
        (
            "band ligation (CPT)",
            vec![procedure("e", CPT, "43244", 100)],
            Some("Procedure/e"),
            true,
        ),
        (
            "sclerotherapy (CPT)",
            vec![procedure("e", CPT, "43243", 100)],
            Some("Procedure/e"),
            true,
        ),
        (
            "banding (SNOMED)",
            vec![procedure("e", SNOMED, "446740007", 100)],
            Some("Procedure/e"),
            true,
        ),
        (
            "band ligation (PCS)",
            vec![procedure("e", ICD10_PCS, "06L38CZ", 100)],
            Some("Procedure/e"),
            true,
        ),
        (
            "varices Condition",
            vec![condition("v", ICD10_CM, "I85.00")],
            Some("Condition/v"),
            false,
        ),
        (
            "high-risk varices",
            vec![finding("f", "varices-high-risk", 20, boolean(true))],
            Some("Observation/f"),
            false,
        ),
        (
            "screened, none high-risk",
            vec![finding("f", "varices-high-risk", 20, boolean(false))],
            Some("Observation/f"),
            false,
        ),
        (
            "endoscopy not done",
            vec![patch(
                procedure("e", PROCEDURE, "upper-endoscopy", 10),
                json!({"status": "not-done"}),
            )],
            None,
            false,
        ),
    ];
    for (name, record, assessment, ligated) in cases {
        let facts = facts_of(&record).facts;
        assert_eq!(
            reference(facts.liver.variceal_assessment()),
            assessment.map(str::to_owned),
            "{name}"
        );
        assert_eq!(!facts.liver.band_ligation.is_empty(), ligated, "{name}");
    }
    let facts = facts_of(&[finding("f", "varices-high-risk", 20, boolean(false))]).facts;
    assert_eq!(facts.liver.varices_high_risk.map(|v| v.value), Some(false));
}

#[test]
fn hepatocellular_carcinoma_is_active_cancer_and_transplant_candidacy_is_read() {
    for (system, code) in [
        (ICD10_CM, "C22.0"),
        (ICD10_WHO, "C22.0"),
        (SNOMED, "109841003"),
        (SNOMED, "1186630006"),
    ] {
        let facts = facts_of(&[condition("hcc", system, code)]).facts;
        assert_eq!(refs(&facts.liver.hcc), vec!["Condition/hcc"], "{code}");
        assert_eq!(refs(&facts.cancer.active), vec!["Condition/hcc"], "{code}");
    }
    // Other liver cancers (C22.1 cholangiocarcinoma) are cancer, not HCC.
    let facts = facts_of(&[condition("c", ICD10_CM, "C22.1")]).facts;
    assert!(facts.liver.hcc.is_empty() && !facts.cancer.active.is_empty());
    for (system, code) in [(ICD10_CM, "Z76.82"), (SNOMED, "270459005")] {
        let facts = facts_of(&[condition("tx", system, code)]).facts;
        assert_eq!(
            refs(&facts.liver.transplant_candidate),
            vec!["Condition/tx"]
        );
        let resolved = with_clinical_status(condition("tx", system, code), Some("resolved"));
        assert!(facts_of(&[resolved])
            .facts
            .liver
            .transplant_candidate
            .is_empty());
    }
    // A transplant recipient (Z94.4) is no longer a candidate.
    assert!(facts_of(&[condition("tx", ICD10_CM, "Z94.4")])
        .facts
        .liver
        .transplant_candidate
        .is_empty());
}

// ---------------------------------------------------------------------------------------------
// Thrombophilia, cancer, pregnancy
// ---------------------------------------------------------------------------------------------

#[test]
fn every_thrombophilia_kind_is_recognised_from_every_code_system() {
    #[derive(Debug, PartialEq, Clone, Copy)]
    enum K {
        Aps,
        Mpn,
        Inherited,
    }
    for (system, code, kind) in [
        (ICD10_CM, "D68.61", K::Aps),
        (ICD10_CM, "D68.62", K::Aps),
        (ICD10_WHO, "D68.6", K::Aps),
        (SNOMED, "26843008", K::Aps),
        (SNOMED, "239892009", K::Aps),
        (SNOMED, "609329007", K::Aps),
        (ICD10_CM, "D45", K::Mpn),
        (ICD10_CM, "D47.1", K::Mpn),
        (ICD10_CM, "D47.3", K::Mpn),
        (ICD10_CM, "D47.4", K::Mpn),
        (ICD10_WHO, "D45", K::Mpn),
        (ICD10_WHO, "D47.3", K::Mpn),
        (SNOMED, "109992005", K::Mpn),
        (SNOMED, "109994006", K::Mpn),
        (ICD10_CM, "D68.51", K::Inherited),
        (ICD10_CM, "D68.52", K::Inherited),
        (ICD10_CM, "D68.59", K::Inherited),
        (ICD10_WHO, "D68.5", K::Inherited),
    ] {
        let facts = facts_of(&[condition("th", system, code)]).facts;
        let t = &facts.thrombophilia;
        let found: Vec<K> = [
            (K::Aps, &t.aps),
            (K::Mpn, &t.mpn),
            (K::Inherited, &t.inherited),
        ]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(k, _)| k)
        .collect();
        assert_eq!(found, vec![kind], "{system} {code}");
        assert!(t.any());
        assert_eq!(
            refs(&t.workup),
            vec!["Condition/th"],
            "a thrombophilia Condition is a work-up"
        );
        let refuted = with_verification(condition("th", system, code), "refuted");
        let facts = facts_of(&[refuted]).facts;
        assert!(!facts.thrombophilia.any() && facts.thrombophilia.workup.is_empty());
    }
    // ICD-10-CM D68.69 (other thrombophilia) is not APS, whatever WHO D68.6 means.
    assert!(!facts_of(&[condition("x", ICD10_CM, "D68.69")])
        .facts
        .thrombophilia
        .any());
}

#[test]
fn a_thrombophilia_work_up_is_a_lab_a_condition_or_the_finding() {
    // (name, record, work-up on record)
    let lab = |code: &str| {
        observation(
            "lab",
            LOINC,
            code,
            400,
            json!({"valueString": "see report"}),
        )
    };
    let cases: Vec<(&str, Vec<Value>, bool)> = vec![
        ("nothing", vec![], false),
        ("JAK2 V617F", vec![lab("53761-3")], true),
        ("lupus anticoagulant panel", vec![lab("75515-7")], true),
        ("dRVVT", vec![lab("6303-2")], true),
        ("anticardiolipin IgG", vec![lab("3181-5")], true),
        ("anti-β2-glycoprotein I IgG", vec![lab("44448-9")], true),
        ("antithrombin", vec![lab("27811-9")], true),
        (
            "finding true",
            vec![finding("f", "thrombophilia-workup", 700, boolean(true))],
            true,
        ),
        (
            "finding false",
            vec![finding("f", "thrombophilia-workup", 7, boolean(false))],
            false,
        ),
        (
            "APS Condition",
            vec![condition("c", ICD10_CM, "D68.61")],
            true,
        ),
        // "On record": a resolved thrombophilia Condition still shows the work-up was done.
        (
            "resolved thrombophilia Condition",
            vec![with_clinical_status(
                condition("c", ICD10_CM, "D68.51"),
                Some("inactive"),
            )],
            true,
        ),
        (
            "cancelled lab",
            vec![patch(lab("53761-3"), json!({"status": "cancelled"}))],
            false,
        ),
    ];
    for (name, record, workup) in cases {
        let facts = facts_of(&record).facts;
        assert_eq!(!facts.thrombophilia.workup.is_empty(), workup, "{name}");
    }
}

#[test]
fn active_cancer_and_the_gi_gu_group_are_recognised_and_history_is_not_active() {
    // (system, code, active, GI/GU)
    for (system, code, active, gi_gu) in [
        (ICD10_CM, "C18.7", true, true),
        (ICD10_CM, "c18.7", true, true),
        (ICD10_CM, "C15.9", true, true),
        (ICD10_CM, "C26.9", true, true),
        (ICD10_CM, "C61", true, true),
        (ICD10_CM, "C67.9", true, true),
        (ICD10_CM, "C68.9", true, true),
        (ICD10_CM, "C51.9", true, true),
        (ICD10_CM, "C34.90", true, false),
        (ICD10_CM, "C50.911", true, false),
        (ICD10_CM, "C7A.00", true, false),
        (ICD10_CM, "C91.00", true, false),
        (ICD10_CM, "C96.9", true, false),
        (ICD10_CM, "C78.00", true, false),
        (ICD10_WHO, "C18.0", true, true),
        (ICD10_WHO, "C16.9", true, true),
        (ICD10_WHO, "C97", true, false),
        (ICD10_WHO, "C34.1", true, false),
        (SNOMED, "363346000", true, false),
        (SNOMED, "128462008", true, false),
        // Personal history (Z85) is not active cancer (§3.3).
        (ICD10_CM, "Z85.038", false, false),
        (ICD10_CM, "Z85.46", false, false),
        (ICD10_WHO, "Z85.0", false, false),
        // Benign / in situ / MPN are not cancer here.
        (ICD10_CM, "D12.6", false, false),
        (ICD10_CM, "D07.5", false, false),
        (ICD10_CM, "D45", false, false),
    ] {
        let facts = facts_of(&[condition("ca", system, code)]).facts;
        assert_eq!(!facts.cancer.active.is_empty(), active, "{system} {code}");
        assert_eq!(!facts.cancer.gi_gu.is_empty(), gi_gu, "{system} {code}");
    }
    for status in ["resolved", "inactive", "remission"] {
        let c = with_clinical_status(condition("ca", ICD10_CM, "C18.7"), Some(status));
        let facts = facts_of(&[c]).facts;
        assert!(
            facts.cancer.active.is_empty() && facts.cancer.gi_gu.is_empty(),
            "{status}"
        );
    }
}

#[test]
fn pregnancy_comes_from_a_condition_or_a_pregnant_status_result() {
    let status = |id: &str, answer: &str, days: i64| {
        observation(
            id,
            LOINC,
            "82810-3",
            days,
            json!({"valueCodeableConcept": cc(LOINC, answer)}),
        )
    };
    // (name, record, pregnant evidence)
    let cases: Vec<(&str, Vec<Value>, Option<&str>)> = vec![
        ("nothing", vec![], None),
        (
            "Z33.1",
            vec![condition("p", ICD10_CM, "Z33.1")],
            Some("Condition/p"),
        ),
        (
            "Z34.00",
            vec![condition("p", ICD10_CM, "Z34.00")],
            Some("Condition/p"),
        ),
        (
            "Z3A.20",
            vec![condition("p", ICD10_CM, "Z3A.20")],
            Some("Condition/p"),
        ),
        (
            "O26.891",
            vec![condition("p", ICD10_CM, "O26.891")],
            Some("Condition/p"),
        ),
        (
            "WHO Z33",
            vec![condition("p", ICD10_WHO, "Z33")],
            Some("Condition/p"),
        ),
        (
            "WHO O99.4",
            vec![condition("p", ICD10_WHO, "O99.4")],
            Some("Condition/p"),
        ),
        (
            "SNOMED pregnancy",
            vec![condition("p", SNOMED, "77386006")],
            Some("Condition/p"),
        ),
        (
            "resolved pregnancy",
            vec![with_clinical_status(
                condition("p", SNOMED, "77386006"),
                Some("resolved"),
            )],
            None,
        ),
        (
            "SNOMED not pregnant",
            vec![condition("p", SNOMED, "60001007")],
            None,
        ),
        (
            "status: pregnant",
            vec![status("o", "LA15173-0", 10)],
            Some("Observation/o"),
        ),
        (
            "status: not pregnant",
            vec![status("o", "LA26683-5", 10)],
            None,
        ),
        (
            "a newer 'not pregnant' result ends an older pregnancy Condition",
            vec![
                patch(
                    condition("p", ICD10_CM, "Z33.1"),
                    json!({"onsetDateTime": ago(60)}),
                ),
                status("o", "LA26683-5", 5),
            ],
            None,
        ),
        (
            "an older 'not pregnant' result does not",
            vec![
                patch(
                    condition("p", ICD10_CM, "Z33.1"),
                    json!({"onsetDateTime": ago(5)}),
                ),
                status("o", "LA26683-5", 60),
            ],
            Some("Condition/p"),
        ),
        (
            "the newest status result wins",
            vec![
                status("old", "LA15173-0", 60),
                status("new", "LA26683-5", 5),
            ],
            None,
        ),
        (
            "the newest status result wins (pregnant)",
            vec![
                status("old", "LA26683-5", 60),
                status("new", "LA15173-0", 5),
            ],
            Some("Observation/new"),
        ),
    ];
    for (name, record, evidence) in cases {
        let facts = facts_of(&record).facts;
        assert_eq!(
            reference(facts.pregnant()),
            evidence.map(str::to_owned),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Renal function, weight, demographics
// ---------------------------------------------------------------------------------------------

#[test]
fn creatinine_clearance_wins_over_egfr_within_90_days() {
    let crcl = |id: &str, code: &str, days: i64, value: f64| {
        observation(id, LOINC, code, days, quantity(value, "mL/min"))
    };
    let egfr = |id: &str, code: &str, days: i64, value: f64| {
        observation(id, LOINC, code, days, quantity(value, "mL/min/{1.73_m2}"))
    };
    // (name, record, measure, mL/min, evidence)
    let cases: Vec<(&str, Vec<Value>, Option<(RenalMeasure, f64, &str)>)> = vec![
        ("nothing", vec![], None),
        (
            "CrCl (Cockcroft-Gault)",
            vec![crcl("c", "35591-7", 10, 42.0)],
            Some((RenalMeasure::CreatinineClearance, 42.0, "Observation/c")),
        ),
        (
            "CrCl (24 h urine)",
            vec![crcl("c", "2164-2", 10, 42.0)],
            Some((RenalMeasure::CreatinineClearance, 42.0, "Observation/c")),
        ),
        (
            "CrCl (unspecified)",
            vec![crcl("c", "33558-8", 10, 42.0)],
            Some((RenalMeasure::CreatinineClearance, 42.0, "Observation/c")),
        ),
        (
            "eGFR CKD-EPI 2021",
            vec![egfr("e", "98979-8", 10, 55.0)],
            Some((RenalMeasure::Egfr, 55.0, "Observation/e")),
        ),
        (
            "eGFR MDRD",
            vec![egfr("e", "33914-3", 10, 55.0)],
            Some((RenalMeasure::Egfr, 55.0, "Observation/e")),
        ),
        (
            "an older CrCl wins over a newer eGFR",
            vec![
                crcl("c", "35591-7", 60, 25.0),
                egfr("e", "62238-1", 2, 70.0),
            ],
            Some((RenalMeasure::CreatinineClearance, 25.0, "Observation/c")),
        ),
        (
            "the same, listed the other way round",
            vec![
                egfr("e", "62238-1", 2, 70.0),
                crcl("c", "35591-7", 60, 25.0),
            ],
            Some((RenalMeasure::CreatinineClearance, 25.0, "Observation/c")),
        ),
        (
            "a CrCl over 90 days old gives way to eGFR",
            vec![
                crcl("c", "35591-7", 91, 25.0),
                egfr("e", "62238-1", 2, 70.0),
            ],
            Some((RenalMeasure::Egfr, 70.0, "Observation/e")),
        ),
        (
            "CrCl 90 days old",
            vec![crcl("c", "35591-7", 90, 25.0)],
            Some((RenalMeasure::CreatinineClearance, 25.0, "Observation/c")),
        ),
        (
            "CrCl 91 days old",
            vec![crcl("c", "35591-7", 91, 25.0)],
            None,
        ),
        (
            "the newest clearance, whatever code carried it",
            vec![
                crcl("old", "2164-2", 30, 80.0),
                crcl("new", "35591-7", 3, 20.0),
            ],
            Some((RenalMeasure::CreatinineClearance, 20.0, "Observation/new")),
        ),
        (
            "mL/s",
            vec![observation("c", LOINC, "35591-7", 3, quantity(0.5, "mL/s"))],
            Some((RenalMeasure::CreatinineClearance, 30.0, "Observation/c")),
        ),
        (
            "mL/min/1.73m2 as text",
            vec![observation(
                "e",
                LOINC,
                "98979-8",
                3,
                quantity_text(44.0, "mL/min/1.73m2"),
            )],
            Some((RenalMeasure::Egfr, 44.0, "Observation/e")),
        ),
    ];
    for (name, record, expected) in cases {
        let facts = facts_of(&record).facts;
        let found = facts
            .renal
            .as_ref()
            .map(|r| (r.measure, r.ml_per_min, r.evidence.reference.to_string()));
        assert_eq!(
            found,
            expected.map(|(m, v, e)| (m, v, e.to_owned())),
            "{name}"
        );
    }
    let report = facts_of(&[observation(
        "c",
        LOINC,
        "35591-7",
        3,
        quantity(1.2, "mg/dL"),
    )]);
    assert!(report.facts.renal.is_none());
    assert_issue(
        &report.issues,
        "Observation/c",
        "valueQuantity",
        IssueKind::UnknownUnit,
        "mg/dL",
    );
}

#[test]
fn body_weight_is_read_in_kilograms_from_every_unit_within_183_days() {
    for (code, value, unit, kg) in [
        ("29463-7", 70.0, "kg", Some(70.0)),
        ("3141-9", 70.0, "kg", Some(70.0)),
        ("29463-7", 70000.0, "g", Some(70.0)),
        ("29463-7", 154.0, "[lb_av]", Some(69.853)),
    ] {
        let facts = facts_of(&[observation("w", LOINC, code, 10, quantity(value, unit))]).facts;
        let found = facts.weight_kg.map(|w| (w.value * 1000.0).round() / 1000.0);
        assert_eq!(found, kg, "{value} {unit}");
    }
    assert!(facts_of(&[observation(
        "w",
        LOINC,
        "29463-7",
        184,
        quantity(70.0, "kg")
    )])
    .facts
    .weight_kg
    .is_none());
    let report = facts_of(&[observation(
        "w",
        LOINC,
        "29463-7",
        5,
        quantity(11.0, "[stone_av]"),
    )]);
    assert!(report.facts.weight_kg.is_none());
    assert_issue(
        &report.issues,
        "Observation/w",
        "valueQuantity",
        IssueKind::UnknownUnit,
        "stone",
    );
}

#[test]
fn age_is_taken_at_the_evaluation_date_and_partial_birth_dates_decide_only_when_they_can() {
    let patient = |birth: Value, gender: &str| json!({"resourceType": "Patient", "id": "p1", "birthDate": birth, "gender": gender});
    // as of 2025-03-15
    for (birth, age) in [
        ("1960-03-15", Some(65)),
        ("1960-03-16", Some(64)),
        ("1960-03-14", Some(65)),
        ("2000-02-29", Some(25)),
        ("1960-01", Some(65)),
        ("1960-03", None),
        ("1960-04", Some(64)),
        ("1960", None),
        ("2025-03-16", None),
    ] {
        let facts = facts_of(&[patient(json!(birth), "female")]).facts;
        assert_eq!(facts.demographics.age_years, age, "born {birth}");
        assert_eq!(
            facts.demographics.patient.map(|p| p.to_string()),
            Some("Patient/p1".into())
        );
    }
    // A year-only birth date decides when every day of that year gives the same age.
    let facts = facts_at(&[patient(json!("1960"), "male")], day(2025, 12, 31)).facts;
    assert_eq!(facts.demographics.age_years, Some(65));
    for (gender, sex) in [
        ("female", Sex::Female),
        ("male", Sex::Male),
        ("other", Sex::Other),
        ("unknown", Sex::Unknown),
    ] {
        let facts = facts_of(&[patient(json!("1960-01-01"), gender)]).facts;
        assert_eq!(facts.demographics.sex, Some(sex));
    }
    // Another patient's resource is not this patient's.
    let other = json!({"resourceType": "Patient", "id": "someone-else", "birthDate": "1950-01-01"});
    let report = facts_of(&[other]);
    assert!(report.facts.demographics.patient.is_none());
    assert_issue(
        &report.issues,
        "Patient/someone-else",
        "id",
        IssueKind::UnresolvedReference,
        "1950",
    );
    let report = facts_of(&[patient(json!("15/03/1960"), "female")]);
    assert_eq!(report.facts.demographics.age_years, None);
    assert_issue(
        &report.issues,
        "Patient/p1",
        "birthDate",
        IssueKind::UnreadableDate,
        "1960",
    );
}

#[test]
fn other_reasons_to_anticoagulate_are_recognised() {
    for (system, code) in [
        (ICD10_CM, "I48.91"),
        (ICD10_CM, "I48.0"),
        (ICD10_WHO, "I48"),
        (SNOMED, "49436004"),
    ] {
        let facts = facts_of(&[condition("af", system, code)]).facts;
        assert_eq!(
            refs(&facts.atrial_fibrillation),
            vec!["Condition/af"],
            "{code}"
        );
    }
    for (system, code) in [(ICD10_CM, "Z95.2"), (ICD10_WHO, "Z95.2")] {
        let facts = facts_of(&[condition("mv", system, code)]).facts;
        assert_eq!(
            refs(&facts.mechanical_valve),
            vec!["Condition/mv"],
            "{code}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Medication orders
// ---------------------------------------------------------------------------------------------

/// (system, code, agent): every drug from each code system the terminology lists (§6).
const DRUG_CODES: &[(&str, &str, Agent)] = &[
    (RXNORM, "1364445", Agent::Apixaban),
    (RXNORM, "1364435", Agent::Apixaban),
    (RXNORM, "1364430", Agent::Apixaban),
    (RXNORM, "1992427", Agent::Apixaban),
    (ATC, "B01AF02", Agent::Apixaban),
    (RXNORM, "1232086", Agent::Rivaroxaban),
    (RXNORM, "1114195", Agent::Rivaroxaban),
    (RXNORM, "1549682", Agent::Rivaroxaban),
    (ATC, "B01AF01", Agent::Rivaroxaban),
    (RXNORM, "1599555", Agent::Edoxaban),
    (RXNORM, "1599538", Agent::Edoxaban),
    (ATC, "B01AF03", Agent::Edoxaban),
    (RXNORM, "1037045", Agent::Dabigatran),
    (RXNORM, "1037042", Agent::Dabigatran),
    (ATC, "B01AE07", Agent::Dabigatran),
    (RXNORM, "855332", Agent::Warfarin),
    (RXNORM, "11289", Agent::Warfarin),
    (ATC, "B01AA03", Agent::Warfarin),
    (RXNORM, "1361615", Agent::Ufh),
    (RXNORM, "5224", Agent::Ufh),
    (ATC, "B01AB01", Agent::Ufh),
    (RXNORM, "854238", Agent::Enoxaparin),
    (RXNORM, "67108", Agent::Enoxaparin),
    (ATC, "B01AB05", Agent::Enoxaparin),
    (RXNORM, "978736", Agent::Dalteparin),
    (ATC, "B01AB04", Agent::Dalteparin),
    (RXNORM, "861363", Agent::Fondaparinux),
    (ATC, "B01AX05", Agent::Fondaparinux),
    (RXNORM, "1804735", Agent::Argatroban),
    (RXNORM, "308351", Agent::Argatroban),
    (ATC, "B01AE03", Agent::Argatroban),
    (RXNORM, "243670", Agent::Aspirin),
    (RXNORM, "1191", Agent::Aspirin),
    (ATC, "B01AC06", Agent::Aspirin),
    (RXNORM, "309362", Agent::Clopidogrel),
    (RXNORM, "32968", Agent::Clopidogrel),
    (ATC, "B01AC04", Agent::Clopidogrel),
    (ATC, "G03AA07", Agent::EstrogenContraceptive),
    (ATC, "G03AA12", Agent::EstrogenContraceptive),
    (ATC, "G03AB03", Agent::EstrogenContraceptive),
    (ATC, "G02BB01", Agent::EstrogenContraceptive),
    (RXNORM, "4124", Agent::EstrogenContraceptive),
    ("urn:oid:2.16.840.1.113883.6.88", "1364445", Agent::Apixaban),
    ("urn:oid:2.16.840.1.113883.6.73", "B01AF02", Agent::Apixaban),
];

#[test]
fn every_agent_and_its_class_is_recognised_from_every_code_system() {
    for (system, code, agent) in DRUG_CODES {
        let facts = facts_of(&[medication("m", system, code)]).facts;
        let orders: Vec<_> = facts
            .medication_orders
            .iter()
            .map(|o| (o.agent, o.origin))
            .collect();
        assert_eq!(
            orders,
            vec![(Some(*agent), OrderOrigin::Active)],
            "{system} {code}"
        );
        let class = facts.medication_orders[0].class().unwrap();
        assert_eq!(class, agent.class());
        let expected = match agent {
            Agent::Apixaban | Agent::Rivaroxaban | Agent::Edoxaban | Agent::Dabigatran => {
                DrugClass::Doac
            }
            Agent::Warfarin => DrugClass::Vka,
            Agent::Ufh => DrugClass::Ufh,
            Agent::Enoxaparin | Agent::Dalteparin => DrugClass::Lmwh,
            Agent::Fondaparinux => DrugClass::Fondaparinux,
            Agent::Argatroban => DrugClass::Argatroban,
            Agent::Aspirin | Agent::Clopidogrel => DrugClass::Antiplatelet,
            Agent::EstrogenContraceptive => DrugClass::EstrogenContraceptive,
        };
        assert_eq!(class, expected, "{code}");
        assert_eq!(
            class.is_anticoagulant(),
            !matches!(
                expected,
                DrugClass::Antiplatelet | DrugClass::EstrogenContraceptive
            )
        );
    }
}

#[test]
fn drugs_outside_the_antithrombotic_classes_are_not_orders() {
    for (system, code) in [
        (ATC, "G02BB02"),   // progestogen-only ring
        (ATC, "G03AC03"),   // progestogen-only pill
        (ATC, "N02BA01"),   // aspirin as an analgesic
        (ATC, "B01AF"),     // a class, not a substance
        (RXNORM, "197604"), // digoxin
        (SNOMED, "387458008"),
    ] {
        let report = facts_of(&[medication("m", system, code)]);
        assert!(report.facts.medication_orders.is_empty(), "{system} {code}");
        assert!(report.issues.is_empty());
    }
}

/// A MedicationRequest of `code` with an optional dosage.
fn order(system: &str, code: &str, dosage: Option<Value>) -> Value {
    let m = medication("m", system, code);
    match dosage {
        Some(d) => dosed(m, d),
        None => m,
    }
}

#[test]
fn the_dose_class_of_every_agent_follows_its_threshold() {
    let weight = |kg: f64| observation("w", LOINC, "29463-7", 10, quantity(kg, "kg"));
    // (name, order, weight, dose class, amount per dose)
    let cases: Vec<(&str, Value, Option<f64>, DoseClass, Option<f64>)> = vec![
        (
            "apixaban 5 mg bid",
            order(RXNORM, "1364430", Some(dosage(5.0, "mg", Some(2), None))),
            None,
            DoseClass::Therapeutic,
            Some(5.0),
        ),
        (
            "apixaban 2.5 mg bid",
            order(RXNORM, "1364430", Some(dosage(2.5, "mg", Some(2), None))),
            None,
            DoseClass::Prophylactic,
            Some(2.5),
        ),
        (
            "apixaban 10 mg bid (ATC)",
            order(ATC, "B01AF02", Some(dosage(10.0, "mg", Some(2), None))),
            None,
            DoseClass::Therapeutic,
            Some(10.0),
        ),
        (
            "apixaban 5 mg tablet, no dose: strength",
            order(RXNORM, "1364445", None),
            None,
            DoseClass::Therapeutic,
            Some(5.0),
        ),
        (
            "apixaban 2.5 mg tablet, no dose: strength",
            order(RXNORM, "1364435", None),
            None,
            DoseClass::Prophylactic,
            Some(2.5),
        ),
        (
            "apixaban 2 × 2.5 mg tablets",
            order(RXNORM, "1364435", Some(dosage(2.0, "{tbl}", Some(2), None))),
            None,
            DoseClass::Therapeutic,
            Some(5.0),
        ),
        (
            "doseAndRate wins over the strength",
            order(RXNORM, "1364445", Some(dosage(2.5, "mg", Some(2), None))),
            None,
            DoseClass::Prophylactic,
            Some(2.5),
        ),
        (
            "apixaban ingredient, no dose",
            order(RXNORM, "1364430", None),
            None,
            DoseClass::Unknown,
            None,
        ),
        (
            "rivaroxaban 15 mg bid",
            order(RXNORM, "1232082", Some(dosage(15.0, "mg", Some(2), None))),
            None,
            DoseClass::Therapeutic,
            Some(15.0),
        ),
        (
            "rivaroxaban 20 mg daily",
            order(RXNORM, "1232086", Some(dosage(20.0, "mg", Some(1), None))),
            None,
            DoseClass::Therapeutic,
            Some(20.0),
        ),
        (
            "rivaroxaban 10 mg daily",
            order(RXNORM, "1114198", Some(dosage(10.0, "mg", Some(1), None))),
            None,
            DoseClass::Prophylactic,
            Some(10.0),
        ),
        (
            "rivaroxaban 2.5 mg bid",
            order(RXNORM, "2059015", Some(dosage(2.5, "mg", Some(2), None))),
            None,
            DoseClass::Prophylactic,
            Some(2.5),
        ),
        (
            "rivaroxaban 10 mg, no frequency",
            order(ATC, "B01AF01", Some(dosage(10.0, "mg", None, None))),
            None,
            DoseClass::Unknown,
            Some(10.0),
        ),
        (
            "rivaroxaban 20 mg, no frequency",
            order(ATC, "B01AF01", Some(dosage(20.0, "mg", None, None))),
            None,
            DoseClass::Therapeutic,
            Some(20.0),
        ),
        (
            "edoxaban 60 mg daily",
            order(RXNORM, "1599555", Some(dosage(60.0, "mg", Some(1), None))),
            None,
            DoseClass::Therapeutic,
            Some(60.0),
        ),
        (
            "edoxaban 30 mg daily",
            order(RXNORM, "1599551", Some(dosage(30.0, "mg", Some(1), None))),
            None,
            DoseClass::Therapeutic,
            Some(30.0),
        ),
        (
            "edoxaban 15 mg daily",
            order(RXNORM, "1599543", Some(dosage(15.0, "mg", Some(1), None))),
            None,
            DoseClass::Prophylactic,
            Some(15.0),
        ),
        (
            "dabigatran 150 mg bid",
            order(RXNORM, "1037045", None),
            None,
            DoseClass::Therapeutic,
            Some(150.0),
        ),
        (
            "dabigatran 110 mg",
            order(RXNORM, "1723476", None),
            None,
            DoseClass::Therapeutic,
            Some(110.0),
        ),
        (
            "dabigatran 75 mg",
            order(RXNORM, "1037179", None),
            None,
            DoseClass::Prophylactic,
            Some(75.0),
        ),
        (
            "warfarin 1 mg",
            order(RXNORM, "855288", None),
            None,
            DoseClass::Therapeutic,
            Some(1.0),
        ),
        (
            "warfarin, no dose",
            order(ATC, "B01AA03", None),
            None,
            DoseClass::Therapeutic,
            None,
        ),
        (
            "argatroban",
            order(ATC, "B01AE03", None),
            None,
            DoseClass::Therapeutic,
            None,
        ),
        (
            "enoxaparin 80 mg at 70 kg",
            order(RXNORM, "854241", None),
            Some(70.0),
            DoseClass::Therapeutic,
            Some(80.0),
        ),
        (
            "enoxaparin 70 mg at 70 kg",
            order(ATC, "B01AB05", Some(dosage(70.0, "mg", Some(2), None))),
            Some(70.0),
            DoseClass::Therapeutic,
            Some(70.0),
        ),
        (
            "enoxaparin 60 mg at 70 kg",
            order(RXNORM, "854238", None),
            Some(70.0),
            DoseClass::Prophylactic,
            Some(60.0),
        ),
        (
            "enoxaparin 60 mg, weight unknown",
            order(RXNORM, "854238", None),
            None,
            DoseClass::Therapeutic,
            Some(60.0),
        ),
        (
            "enoxaparin 40 mg, weight unknown",
            order(RXNORM, "854235", None),
            None,
            DoseClass::Prophylactic,
            Some(40.0),
        ),
        (
            "enoxaparin 1 mg/kg, weight unknown",
            order(RXNORM, "67108", Some(dosage(1.0, "mg/kg", Some(2), None))),
            None,
            DoseClass::Therapeutic,
            None,
        ),
        (
            "enoxaparin 1 mg/kg at 80 kg",
            order(RXNORM, "67108", Some(dosage(1.0, "mg/kg", Some(2), None))),
            Some(80.0),
            DoseClass::Therapeutic,
            Some(80.0),
        ),
        (
            "enoxaparin 0.5 mg/kg",
            order(RXNORM, "67108", Some(dosage(0.5, "mg/kg", Some(1), None))),
            None,
            DoseClass::Prophylactic,
            None,
        ),
        // 100 anti-Xa IU = 1 mg enoxaparin (label; Europe and Japan order in IU).
        (
            "enoxaparin 4000 IU, weight unknown",
            order(ATC, "B01AB05", Some(dosage(4000.0, "[iU]", Some(1), None))),
            None,
            DoseClass::Prophylactic,
            Some(40.0),
        ),
        (
            "enoxaparin 8000 IU at 75 kg",
            order(ATC, "B01AB05", Some(dosage(8000.0, "[iU]", Some(2), None))),
            Some(75.0),
            DoseClass::Therapeutic,
            Some(80.0),
        ),
        (
            "dalteparin 12,500 IU at 100 kg",
            order(RXNORM, "978740", None),
            Some(100.0),
            DoseClass::Therapeutic,
            Some(12500.0),
        ),
        (
            "dalteparin 7,500 IU at 100 kg",
            order(RXNORM, "978736", None),
            Some(100.0),
            DoseClass::Prophylactic,
            Some(7500.0),
        ),
        (
            "dalteparin 7,500 IU, weight unknown",
            order(RXNORM, "978736", None),
            None,
            DoseClass::Therapeutic,
            Some(7500.0),
        ),
        (
            "dalteparin 5,000 IU, weight unknown",
            order(RXNORM, "978733", None),
            None,
            DoseClass::Prophylactic,
            Some(5000.0),
        ),
        (
            "dalteparin 200 IU/kg",
            order(
                ATC,
                "B01AB04",
                Some(dosage(200.0, "[iU]/kg", Some(1), None)),
            ),
            None,
            DoseClass::Therapeutic,
            None,
        ),
        (
            "fondaparinux 7.5 mg",
            order(RXNORM, "861365", None),
            None,
            DoseClass::Therapeutic,
            Some(7.5),
        ),
        (
            "fondaparinux 5 mg",
            order(RXNORM, "861363", None),
            None,
            DoseClass::Therapeutic,
            Some(5.0),
        ),
        (
            "fondaparinux 2.5 mg",
            order(RXNORM, "861360", None),
            None,
            DoseClass::Prophylactic,
            Some(2.5),
        ),
        (
            "UFH 5000 U sc",
            order(
                RXNORM,
                "1361615",
                Some(dosage(5000.0, "[iU]", Some(3), Some(SNOMED_SC))),
            ),
            None,
            DoseClass::Prophylactic,
            Some(5000.0),
        ),
        (
            "UFH 10000 U sc",
            order(
                ATC,
                "B01AB01",
                Some(dosage(10000.0, "U", Some(2), Some(SNOMED_SC))),
            ),
            None,
            DoseClass::Therapeutic,
            Some(10000.0),
        ),
        (
            "UFH 2 mL of 5000 U/mL",
            order(RXNORM, "1361615", Some(dosage(2.0, "mL", Some(2), None))),
            None,
            DoseClass::Therapeutic,
            Some(10000.0),
        ),
        (
            "UFH 1 mL of 5000 U/mL",
            order(RXNORM, "1361615", Some(dosage(1.0, "mL", Some(2), None))),
            None,
            DoseClass::Prophylactic,
            Some(5000.0),
        ),
        (
            "UFH 5000 U iv",
            order(
                RXNORM,
                "5224",
                Some(dosage(5000.0, "[iU]", None, Some(SNOMED_IV))),
            ),
            None,
            DoseClass::Therapeutic,
            Some(5000.0),
        ),
        (
            "UFH infusion bag, no dose",
            order(RXNORM, "1658717", None),
            None,
            DoseClass::Therapeutic,
            None,
        ),
        (
            "UFH 5000 U syringe, no dose",
            order(RXNORM, "1798389", None),
            None,
            DoseClass::Prophylactic,
            Some(5000.0),
        ),
        (
            "UFH ingredient, no dose",
            order(RXNORM, "5224", None),
            None,
            DoseClass::Unknown,
            None,
        ),
        (
            "aspirin",
            order(RXNORM, "243670", None),
            None,
            DoseClass::NotApplicable,
            Some(81.0),
        ),
        (
            "clopidogrel",
            order(ATC, "B01AC04", Some(dosage(75.0, "mg", Some(1), None))),
            None,
            DoseClass::NotApplicable,
            Some(75.0),
        ),
        (
            "estrogen",
            order(ATC, "G03AA07", None),
            None,
            DoseClass::NotApplicable,
            None,
        ),
    ];
    for (name, order, kg, dose, amount) in cases {
        let mut record = vec![order];
        if let Some(kg) = kg {
            record.push(weight(kg));
        }
        let report = facts_of(&record);
        let o = &report.facts.medication_orders[0];
        assert_eq!(o.dose, dose, "{name}");
        assert_eq!(o.amount_per_dose, amount, "{name}");
        assert!(report.issues.is_empty(), "{name}: {:?}", report.issues);
        assert_eq!(
            o.therapeutic_for_blocking(),
            matches!(dose, DoseClass::Therapeutic | DoseClass::Unknown)
        );
    }
    let daily = facts_of(&[order(
        RXNORM,
        "1232082",
        Some(dosage(15.0, "mg", Some(2), None)),
    )])
    .facts;
    assert_eq!(daily.medication_orders[0].amount_per_day(), Some(30.0));
}

#[test]
fn a_dose_in_a_unit_the_service_cannot_convert_is_unknown_and_reported() {
    let report = facts_of(&[order(
        RXNORM,
        "1364430",
        Some(dosage(1.0, "{puff}", Some(2), None)),
    )]);
    let o = &report.facts.medication_orders[0];
    assert_eq!(o.dose, DoseClass::Unknown);
    assert!(o.therapeutic_for_blocking());
    assert_issue(
        &report.issues,
        "MedicationRequest/m",
        "dosageInstruction.doseAndRate",
        IssueKind::UnknownUnit,
        "puff",
    );
}

#[test]
fn the_origin_of_an_order_follows_the_hook_scope() {
    let drafts = [draft("a", RXNORM, "1364445"), draft("b", ATC, "B01AA03")];
    let record = [
        medication("c", RXNORM, "855332"),
        patch(medication("d", ATC, "B01AB05"), json!({"status": "draft"})),
    ];
    // (scope, origins of a, b, c, d)
    for (scope, expected) in [
        (
            OrderScope::Selected,
            [
                OrderOrigin::Ordered,
                OrderOrigin::Planned,
                OrderOrigin::Active,
                OrderOrigin::Planned,
            ],
        ),
        (
            OrderScope::AllDrafts,
            [
                OrderOrigin::Ordered,
                OrderOrigin::Ordered,
                OrderOrigin::Active,
                OrderOrigin::Planned,
            ],
        ),
        (
            OrderScope::NoOrders,
            [
                OrderOrigin::Planned,
                OrderOrigin::Planned,
                OrderOrigin::Active,
                OrderOrigin::Planned,
            ],
        ),
    ] {
        let facts = run(&record, &drafts, &["MedicationRequest/a"], scope, as_of()).facts;
        let found: Vec<_> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| {
                facts
                    .medication_orders
                    .iter()
                    .find(|o| o.reference.id() == Some(id))
                    .unwrap_or_else(|| panic!("{id} in {scope:?}"))
                    .origin
            })
            .collect();
        assert_eq!(found, expected, "{scope:?}");
    }
    // A draft also sent in the record is read once, as the draft.
    let facts = run(
        &[medication("a", RXNORM, "1364445")],
        &[draft("a", RXNORM, "1364445")],
        &["MedicationRequest/a"],
        OrderScope::Selected,
        as_of(),
    )
    .facts;
    assert_eq!(facts.medication_orders.len(), 1);
    assert_eq!(facts.medication_orders[0].origin, OrderOrigin::Ordered);
}

#[test]
fn stopped_completed_cancelled_on_hold_and_entered_in_error_orders_are_not_counted() {
    for status in [
        "stopped",
        "completed",
        "cancelled",
        "entered-in-error",
        "on-hold",
        "unknown",
    ] {
        let report = facts_of(&[patch(
            medication("m", RXNORM, "855332"),
            json!({"status": status}),
        )]);
        assert!(report.facts.medication_orders.is_empty(), "{status}");
        assert!(report.issues.is_empty(), "{status}");
    }
    for status in [json!("paused"), json!(null)] {
        let report = facts_of(&[patch(
            medication("m", RXNORM, "855332"),
            json!({"status": status}),
        )]);
        assert!(report.facts.medication_orders.is_empty());
        assert_issue(
            &report.issues,
            "MedicationRequest/m",
            "status",
            IssueKind::UnknownStatus,
            "paused",
        );
    }
}

#[test]
fn the_intended_end_of_an_order_follows_bounds_then_supply_else_it_is_open_ended() {
    let authored = as_of() - Duration::days(10);
    let timing = |repeat: Value| json!({"timing": {"repeat": repeat}});
    // (name, changes to an active warfarin order, start, end)
    let cases: Vec<(&str, Value, NaiveDate, Option<NaiveDate>)> = vec![
        ("open-ended", json!({}), authored, None),
        (
            "boundsPeriod.end",
            json!({"dosageInstruction": [timing(json!({"boundsPeriod": {"start": ago(10), "end": "2025-06-05"}}))]}),
            authored,
            Some(day(2025, 6, 5)),
        ),
        (
            "boundsDuration 90 d",
            json!({"dosageInstruction": [timing(json!({"boundsDuration": {"value": 90, "unit": "days", "system": UCUM, "code": "d"}}))]}),
            authored,
            Some(authored + Duration::days(90)),
        ),
        (
            "boundsDuration 3 mo",
            json!({"dosageInstruction": [timing(json!({"boundsDuration": {"value": 3, "system": UCUM, "code": "mo"}}))]}),
            authored,
            Some(authored + Duration::days(91)),
        ),
        (
            "boundsDuration 6 wk",
            json!({"dosageInstruction": [timing(json!({"boundsDuration": {"value": 6, "system": UCUM, "code": "wk"}}))]}),
            authored,
            Some(authored + Duration::days(42)),
        ),
        (
            "expectedSupplyDuration × (1 + repeats)",
            json!({"dispenseRequest": {"numberOfRepeatsAllowed": 2, "expectedSupplyDuration": {"value": 30, "system": UCUM, "code": "d"}}}),
            authored,
            Some(authored + Duration::days(90)),
        ),
        (
            "expectedSupplyDuration without repeats",
            json!({"dispenseRequest": {"expectedSupplyDuration": {"value": 30, "system": UCUM, "code": "d"}}}),
            authored,
            Some(authored + Duration::days(30)),
        ),
        (
            "bounds win over the supply",
            json!({
                "dosageInstruction": [timing(json!({"boundsDuration": {"value": 14, "system": UCUM, "code": "d"}}))],
                "dispenseRequest": {"expectedSupplyDuration": {"value": 30, "system": UCUM, "code": "d"}}
            }),
            authored,
            Some(authored + Duration::days(14)),
        ),
        (
            "a dosage without bounds leaves the end to the supply",
            json!({
                "dosageInstruction": [{"text": "as directed"}],
                "dispenseRequest": {"expectedSupplyDuration": {"value": 28, "system": UCUM, "code": "d"}}
            }),
            authored,
            Some(authored + Duration::days(28)),
        ),
        (
            "several dosages end with the last",
            json!({"dosageInstruction": [
                timing(json!({"boundsDuration": {"value": 7, "system": UCUM, "code": "d"}})),
                timing(json!({"boundsPeriod": {"start": ago(3), "end": "2025-05-01"}}))
            ]}),
            authored,
            Some(day(2025, 5, 1)),
        ),
        (
            "partial dates: authoredOn a month, end a month",
            json!({"authoredOn": "2025-03", "dosageInstruction": [timing(json!({"boundsPeriod": {"end": "2025-06"}}))]}),
            day(2025, 3, 1),
            Some(day(2025, 6, 30)),
        ),
        (
            "no authoredOn: start is the evaluation date",
            json!({"authoredOn": null}),
            as_of(),
            None,
        ),
        (
            "ends on the evaluation date: still active",
            json!({"dosageInstruction": [timing(json!({"boundsPeriod": {"end": ago(0)}}))]}),
            authored,
            Some(as_of()),
        ),
    ];
    for (name, changes, start, end) in cases {
        let report = facts_of(&[patch(medication("m", RXNORM, "855332"), changes)]);
        let o = report
            .facts
            .medication_orders
            .first()
            .unwrap_or_else(|| panic!("{name}: no order"));
        assert_eq!((o.start, o.end), (start, end), "{name}");
        assert!(report.issues.is_empty(), "{name}: {:?}", report.issues);
    }
    // An active order whose end is past is no longer active; a draft is kept.
    let ended = json!({"dosageInstruction": [timing(json!({"boundsPeriod": {"end": ago(1)}}))]});
    assert!(
        facts_of(&[patch(medication("m", RXNORM, "855332"), ended.clone())])
            .facts
            .medication_orders
            .is_empty()
    );
    let facts = run(
        &[],
        &[patch(draft("d", RXNORM, "855332"), ended)],
        &["MedicationRequest/d"],
        OrderScope::Selected,
        as_of(),
    )
    .facts;
    assert_eq!(facts.medication_orders.len(), 1);
    // An unreadable duration is reported and leaves the order open-ended.
    let report = facts_of(&[patch(
        medication("m", RXNORM, "855332"),
        json!({"dispenseRequest": {"expectedSupplyDuration": {"value": 3, "unit": "fortnights"}}}),
    )]);
    assert_eq!(report.facts.medication_orders[0].end, None);
    assert_issue(
        &report.issues,
        "MedicationRequest/m",
        "dispenseRequest.expectedSupplyDuration",
        IssueKind::UnknownUnit,
        "fortnights",
    );
}

#[test]
fn therapeutic_orders_chain_into_one_course_that_is_open_ended_if_any_order_is() {
    let bounded = |resource: Value, days: i64| {
        patch(
            resource,
            json!({"dosageInstruction": [{
                "timing": {"repeat": {"boundsDuration": {"value": days, "system": UCUM, "code": "d"}}},
                "route": cc(SNOMED, SNOMED_IV),
                "doseAndRate": [{"doseQuantity": {"value": 5, "system": UCUM, "code": "mg"}}]
            }]}),
        )
    };
    // UFH iv for 5 days, then apixaban for 91 days: one course of 91 days.
    let ufh = patch(
        bounded(draft("ufh", ATC, "B01AB01"), 5),
        json!({"dosageInstruction": [{
        "timing": {"repeat": {"boundsDuration": {"value": 5, "system": UCUM, "code": "d"}}},
        "route": cc(SNOMED, SNOMED_IV)}]}),
    );
    let apixaban = bounded(draft("apx", RXNORM, "1364430"), 91);
    let prophylaxis = dosed(
        draft("proph", RXNORM, "854235"),
        dosage(40.0, "mg", Some(1), None),
    );
    let aspirin = draft("asa", RXNORM, "243670");
    let facts = run(
        &[],
        &[ufh, apixaban.clone(), prophylaxis, aspirin],
        &[],
        OrderScope::AllDrafts,
        as_of(),
    )
    .facts;
    let course = facts.course().unwrap();
    let orders: Vec<_> = course.orders.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        orders,
        vec!["MedicationRequest/ufh", "MedicationRequest/apx"]
    );
    assert_eq!(course.start, as_of());
    assert_eq!(course.end, Some(as_of() + Duration::days(91)));
    assert_eq!(course.duration_days(), Some(91));
    // With an open-ended active warfarin, the course is open-ended and starts with it.
    let facts = run(
        &[medication("w", RXNORM, "855332")],
        &[apixaban],
        &[],
        OrderScope::AllDrafts,
        as_of(),
    )
    .facts;
    let course = facts.course().unwrap();
    assert_eq!(course.end, None);
    assert_eq!(course.duration_days(), None);
    assert_eq!(course.start, as_of() - Duration::days(10));
    // No therapeutic anticoagulant: no course.
    assert!(facts_of(&[medication("a", RXNORM, "243670")])
        .facts
        .course()
        .is_none());
}

#[test]
fn a_medication_reference_resolves_from_contained_or_the_bundle_else_it_is_an_unknown_drug() {
    let by_reference = |id: &str, target: &str| {
        json!({"resourceType": "MedicationRequest", "id": id, "status": "active", "intent": "order",
               "medicationReference": {"reference": target}, "authoredOn": ago(1)})
    };
    let contained = patch(
        by_reference("m1", "#med"),
        json!({"contained": [{"resourceType": "Medication", "id": "med", "code": cc(RXNORM, "1364445")}]}),
    );
    let medication_resource =
        json!({"resourceType": "Medication", "id": "w", "code": cc(ATC, "B01AA03")});
    let by_ingredient = json!({"resourceType": "Medication", "id": "combo",
        "code": {"text": "compounded"},
        "ingredient": [{"itemCodeableConcept": cc(RXNORM, "1114195")}]});
    let record = bundle(&[
        contained,
        by_reference("m2", "Medication/w"),
        by_reference("m3", "Medication/combo"),
        by_reference("m4", "Medication/missing"),
        json!({"resourceType": "MedicationRequest", "id": "m5", "status": "active", "intent": "order"}),
    ]);
    let mut entries = record["entry"].as_array().unwrap().clone();
    entries.push(json!({"fullUrl": "https://ehr.example/fhir/Medication/w", "resource": medication_resource}));
    entries.push(json!({"fullUrl": "urn:uuid:9b0c", "resource": by_ingredient}));
    let record = json!({"resourceType": "Bundle", "type": "searchset", "entry": entries});
    let mut reader = RecordReader::new(Some("p1"));
    reader.read_source(&record, "prefetch.medications");
    let report = facts::extract(
        reader.finish(),
        terminology(),
        as_of(),
        OrderScope::NoOrders,
    );
    let found: Vec<_> = report
        .facts
        .medication_orders
        .iter()
        .map(|o| (o.reference.to_string(), o.agent, o.dose))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "MedicationRequest/m1".into(),
                Some(Agent::Apixaban),
                DoseClass::Therapeutic
            ),
            (
                "MedicationRequest/m2".into(),
                Some(Agent::Warfarin),
                DoseClass::Therapeutic
            ),
            (
                "MedicationRequest/m3".into(),
                Some(Agent::Rivaroxaban),
                DoseClass::Unknown
            ),
            ("MedicationRequest/m4".into(), None, DoseClass::Unknown),
            ("MedicationRequest/m5".into(), None, DoseClass::Unknown),
        ]
    );
    // Decision 17: an unresolvable drug is a data issue and an unknown drug, never "no drug".
    assert_issue(
        &report.issues,
        "MedicationRequest/m4",
        "medicationReference",
        IssueKind::UnresolvedReference,
        "missing",
    );
    assert_issue(
        &report.issues,
        "MedicationRequest/m5",
        "medication[x]",
        IssueKind::WrongType,
        "m5",
    );
    let unknown = &report.facts.medication_orders[3];
    assert!(unknown.therapeutic_for_blocking() && unknown.class().is_none());
    // A urn:uuid reference resolves by fullUrl.
    let record = json!({"resourceType": "Bundle", "entry": [
        {"fullUrl": "urn:uuid:1", "resource": by_reference("m6", "urn:uuid:2")},
        {"fullUrl": "urn:uuid:2", "resource": {"resourceType": "Medication", "code": cc(ATC, "B01AF03")}}
    ]});
    let mut reader = RecordReader::new(Some("p1"));
    reader.read_source(&record, "prefetch.medications");
    let report = facts::extract(
        reader.finish(),
        terminology(),
        as_of(),
        OrderScope::NoOrders,
    );
    assert_eq!(
        report.facts.medication_orders[0].agent,
        Some(Agent::Edoxaban)
    );
    assert!(report.issues.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Procedures and procedure orders
// ---------------------------------------------------------------------------------------------

#[test]
fn venous_stents_and_recanalisations_are_recognised_from_every_code_system_latest_first() {
    for (system, code) in [
        (CPT, "37238"),
        (ICD10_PCS, "067C3DZ"),
        (ICD10_PCS, "067D3DZ"),
        (ICD10_PCS, "067M3DZ"),
        (SNOMED, "232997003"),
        (SNOMED, "439092008"),
        (PROCEDURE, "venous-stent-placement"),
    ] {
        let facts = facts_of(&[procedure("s", system, code, 30)]).facts;
        assert_eq!(refs(&facts.venous_stents), vec!["Procedure/s"], "{code}");
        assert_eq!(
            facts
                .latest_stent()
                .and_then(|e| e.date)
                .map(|d| d.first_day()),
            Some(as_of() - Duration::days(30))
        );
    }
    for (system, code) in [
        (CPT, "37248"),
        (CPT, "37249"),
        (ICD10_PCS, "067C3ZZ"),
        (ICD10_PCS, "06703ZZ"),
        (SNOMED, "276894001"),
        (SNOMED, "441631000"),
        (PROCEDURE, "venous-balloon-angioplasty"),
        (HCPCS, "C2623"),
        (PROCEDURE, "drug-coated-balloon-angioplasty"),
    ] {
        let facts = facts_of(&[procedure("b", system, code, 30)]).facts;
        assert_eq!(
            refs(&facts.balloon_recanalisations),
            vec!["Procedure/b"],
            "{code}"
        );
    }
    let facts = facts_of(&[
        procedure("b1", CPT, "37248", 90),
        procedure("b3", HCPCS, "C2623", 10),
        procedure("b2", CPT, "37248", 60),
        patch(
            procedure("b4", CPT, "37248", 1),
            json!({"status": "not-done"}),
        ),
        patch(
            procedure("b5", CPT, "37248", 2),
            json!({"status": "entered-in-error"}),
        ),
    ])
    .facts;
    assert_eq!(
        reference(facts.latest_balloon_recanalisation()),
        Some("Procedure/b3".into())
    );
}

#[test]
fn an_ivc_filter_is_in_place_after_an_insertion_without_a_later_removal() {
    let insert = |id: &str, system: &str, code: &str, days: i64| procedure(id, system, code, days);
    // (name, record, filter in place from)
    let cases: Vec<(&str, Vec<Value>, Option<&str>)> = vec![
        ("nothing", vec![], None),
        (
            "CPT insertion",
            vec![insert("i", CPT, "37191", 100)],
            Some("Procedure/i"),
        ),
        (
            "PCS insertion",
            vec![insert("i", ICD10_PCS, "06H03DZ", 100)],
            Some("Procedure/i"),
        ),
        (
            "HCPCS device",
            vec![insert("i", HCPCS, "C1880", 100)],
            Some("Procedure/i"),
        ),
        (
            "project code",
            vec![insert("i", PROCEDURE, "ivc-filter-insertion", 100)],
            Some("Procedure/i"),
        ),
        (
            "removed later (CPT)",
            vec![
                insert("i", CPT, "37191", 100),
                insert("r", CPT, "37193", 20),
            ],
            None,
        ),
        (
            "removed later (SNOMED)",
            vec![
                insert("i", CPT, "37191", 100),
                insert("r", SNOMED, "233439000", 20),
            ],
            None,
        ),
        (
            "removed later (PCS)",
            vec![
                insert("i", CPT, "37191", 100),
                insert("r", ICD10_PCS, "06PY3DZ", 20),
            ],
            None,
        ),
        (
            "removed, then a new filter",
            vec![
                insert("i1", CPT, "37191", 300),
                insert("r", CPT, "37193", 200),
                insert("i2", CPT, "37191", 10),
            ],
            Some("Procedure/i2"),
        ),
        (
            "a removal that was not done",
            vec![
                insert("i", CPT, "37191", 100),
                patch(insert("r", CPT, "37193", 20), json!({"status": "not-done"})),
            ],
            Some("Procedure/i"),
        ),
        (
            "an insertion entered in error",
            vec![patch(
                insert("i", CPT, "37191", 100),
                json!({"status": "entered-in-error"}),
            )],
            None,
        ),
    ];
    for (name, record, inserted) in cases {
        let facts = facts_of(&record).facts;
        assert_eq!(
            facts.ivc_filter.map(|f| f.inserted.reference.to_string()),
            inserted.map(str::to_owned),
            "{name}"
        );
    }
    for (code, shape) in [
        ("conical", FilterShape::Conical),
        ("spindle", FilterShape::Spindle),
    ] {
        let facts = facts_of(&[finding("f", "ivc-filter-shape", 900, coded(code))]).facts;
        assert_eq!(
            facts.ivc_filter_shape.map(|s| s.value),
            Some(shape),
            "kept without expiry"
        );
    }
}

#[test]
fn draft_service_requests_become_procedure_orders_by_scope() {
    use venous_cds::facts::ProcedureKind as K;
    let drafts = [
        service_request("s", CPT, "37238"),
        service_request("b", PROCEDURE, "venous-balloon-angioplasty"),
        service_request("d", HCPCS, "C2623"),
        service_request("f", CPT, "37191"),
        service_request("r", CPT, "37193"),
        service_request("x", CPT, "99213"),
    ];
    let facts = run(
        &[],
        &drafts,
        &["ServiceRequest/s"],
        OrderScope::Selected,
        as_of(),
    )
    .facts;
    let found: Vec<_> = facts
        .procedure_orders
        .iter()
        .map(|o| (o.evidence.reference.to_string(), o.kind, o.ordered))
        .collect();
    assert_eq!(
        found,
        vec![
            ("ServiceRequest/s".into(), K::StentPlacement, true),
            ("ServiceRequest/b".into(), K::BalloonAngioplasty, false),
            ("ServiceRequest/d".into(), K::DrugCoatedBalloon, false),
            ("ServiceRequest/f".into(), K::FilterInsertion, false),
            ("ServiceRequest/r".into(), K::FilterRemoval, false),
        ]
    );
    let facts = run(&[], &drafts, &[], OrderScope::AllDrafts, as_of()).facts;
    assert_eq!(facts.ordered_procedures().count(), 5);
    let facts = run(
        &[],
        &drafts,
        &["ServiceRequest/s"],
        OrderScope::NoOrders,
        as_of(),
    )
    .facts;
    assert_eq!(facts.ordered_procedures().count(), 0);
}

#[test]
fn the_stent_work_up_findings_are_read_and_bilateral_oedema_makes_attribution_uncertain() {
    for (code, expected) in [
        ("I", InflowType::I),
        ("II", InflowType::II),
        ("III", InflowType::III),
        ("IVa", InflowType::IVa),
        ("IVb", InflowType::IVb),
        ("V", InflowType::V),
    ] {
        let facts = facts_of(&[finding("f", "inflow-type", 20, coded(code))]).facts;
        assert_eq!(
            facts.stent_workup.inflow_type.map(|t| t.value),
            Some(expected)
        );
    }
    type Get = fn(&PatientFacts) -> Option<bool>;
    let booleans: [(&str, Get); 5] = [
        ("dfv-ostium-patent", |f| {
            f.stent_workup.dfv_ostium_patent.as_ref().map(|o| o.value)
        }),
        ("residual-lesion-to-dfv", |f| {
            f.stent_workup
                .residual_lesion_to_dfv
                .as_ref()
                .map(|o| o.value)
        }),
        ("inflow-outflow-cleared", |f| {
            f.stent_workup
                .inflow_outflow_cleared
                .as_ref()
                .map(|o| o.value)
        }),
        ("symptom-attribution-uncertain", |f| {
            f.stent_workup
                .symptom_attribution_uncertain
                .as_ref()
                .map(|o| o.value)
        }),
        ("adherence-concern", |f| {
            f.stent_workup.adherence_concern.as_ref().map(|o| o.value)
        }),
    ];
    for (code, get) in booleans {
        for value in [true, false] {
            let facts = facts_of(&[finding("f", code, 20, boolean(value))]).facts;
            assert_eq!(get(&facts), Some(value), "{code}");
        }
        // Findings older than 183 days no longer count (§3.1).
        assert_eq!(
            get(&facts_of(&[finding("f", code, 184, boolean(true))]).facts),
            None,
            "{code}"
        );
    }
    let facts = facts_of(&[condition("oe", ICD10_CM, "R22.43")]).facts;
    assert_eq!(
        refs(&facts.stent_workup.bilateral_leg_oedema),
        vec!["Condition/oe"]
    );
    // Oedema without side (R60.0) is not bilateral leg oedema.
    assert!(facts_of(&[condition("oe", ICD10_CM, "R60.0")])
        .facts
        .stent_workup
        .bilateral_leg_oedema
        .is_empty());
}

#[test]
fn the_pts_grade_follows_the_villalta_score_and_an_ulcer_makes_it_severe() {
    for (score, grade) in [
        (0, PtsGrade::None),
        (4, PtsGrade::None),
        (5, PtsGrade::Mild),
        (9, PtsGrade::Mild),
        (10, PtsGrade::Moderate),
        (14, PtsGrade::Moderate),
        (15, PtsGrade::Severe),
        (33, PtsGrade::Severe),
    ] {
        let facts = facts_of(&[finding("v", "villalta-score", 400, integer(score))]).facts;
        let villalta = facts.villalta.unwrap();
        assert_eq!(
            (villalta.score, villalta.grade, villalta.ulcer),
            (score, grade, false),
            "{score}"
        );
    }
    for (system, code) in [(ICD10_CM, "I87.011"), (ICD10_CM, "I87.033")] {
        let facts = facts_of(&[
            condition("pts", system, code),
            finding("v", "villalta-score", 30, integer(3)),
        ])
        .facts;
        let villalta = facts.villalta.unwrap();
        assert_eq!(
            (villalta.grade, villalta.ulcer),
            (PtsGrade::Severe, true),
            "{code}"
        );
        assert_eq!(refs(&facts.pts_ulcer), vec!["Condition/pts"]);
    }
    for (system, code) in [(ICD10_CM, "I87.001"), (ICD10_WHO, "I87.0")] {
        let facts = facts_of(&[condition("pts", system, code)]).facts;
        assert_eq!(
            refs(&facts.post_thrombotic_syndrome),
            vec!["Condition/pts"],
            "{code}"
        );
        assert!(facts.pts_ulcer.is_empty());
    }
    let report = facts_of(&[finding("v", "villalta-score", 30, integer(-2))]);
    assert!(report.facts.villalta.is_none());
    assert_issue(
        &report.issues,
        "Observation/v",
        "value[x]",
        IssueKind::UnreadableNumber,
        "-2",
    );
}

#[test]
fn portal_findings_are_read_from_their_findings() {
    type Get = fn(&PatientFacts) -> Option<bool>;
    let findings: [(&str, Get); 3] = [
        ("pvt-occlusive", |f| {
            f.portal.occlusive.as_ref().map(|o| o.value)
        }),
        ("portal-cavernoma", |f| {
            f.portal.cavernoma.as_ref().map(|o| o.value)
        }),
        ("tumour-thrombus", |f| {
            f.portal.tumour_thrombus.as_ref().map(|o| o.value)
        }),
    ];
    for (code, get) in findings {
        for value in [true, false] {
            let facts = facts_of(&[
                condition("pvt", ICD10_CM, "I81"),
                finding("f", code, 20, boolean(value)),
            ])
            .facts;
            assert_eq!(get(&facts), Some(value), "{code}");
        }
    }
}

#[test]
fn a_recent_abdominal_cause_is_acute_pancreatitis_or_abdominal_surgery_within_91_days() {
    // (name, record, cause)
    let cases: Vec<(&str, Vec<Value>, Option<&str>)> = vec![
        ("nothing", vec![], None),
        (
            "acute pancreatitis (CM)",
            vec![condition("ap", ICD10_CM, "K85.90")],
            Some("Condition/ap"),
        ),
        (
            "acute pancreatitis (WHO)",
            vec![condition("ap", ICD10_WHO, "K85.9")],
            Some("Condition/ap"),
        ),
        (
            "resolved pancreatitis",
            vec![with_clinical_status(
                condition("ap", ICD10_CM, "K85.90"),
                Some("resolved"),
            )],
            None,
        ),
        (
            "chronic pancreatitis",
            vec![condition("cp", ICD10_CM, "K86.1")],
            None,
        ),
        (
            "surgery 30 days ago",
            vec![procedure("s", SNOMED, "18027006", 30)],
            Some("Procedure/s"),
        ),
        (
            "surgery 91 days ago",
            vec![procedure("s", SNOMED, "18027006", 91)],
            Some("Procedure/s"),
        ),
        (
            "surgery 92 days ago",
            vec![procedure("s", SNOMED, "18027006", 92)],
            None,
        ),
        (
            "surgery, no date",
            vec![patch(
                procedure("s", SNOMED, "18027006", 1),
                json!({"performedDateTime": null}),
            )],
            None,
        ),
    ];
    for (name, record, cause) in cases {
        let facts = facts_of(&record).facts;
        assert_eq!(
            facts
                .recent_abdominal_cause
                .first()
                .map(|e| e.reference.to_string()),
            cause.map(str::to_owned),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Record hygiene
// ---------------------------------------------------------------------------------------------

#[test]
fn only_final_amended_corrected_and_preliminary_observations_count() {
    let platelets = |status: Value| {
        patch(
            observation("plt", LOINC, "777-3", 2, quantity(20.0, "10*3/uL")),
            json!({"status": status}),
        )
    };
    for (status, counts, issue) in [
        (json!("final"), true, false),
        (json!("amended"), true, false),
        (json!("corrected"), true, false),
        (json!("preliminary"), true, false),
        (json!("registered"), false, false),
        (json!("cancelled"), false, false),
        (json!("entered-in-error"), false, false),
        (json!("unknown"), false, false),
        (json!("finalised"), false, true),
        (json!(null), false, true),
    ] {
        let report = facts_of(&[platelets(status.clone())]);
        assert_eq!(
            report.facts.bleeding.low_platelets.is_some(),
            counts,
            "{status}"
        );
        assert_eq!(
            !report.issues.is_empty(),
            issue,
            "{status}: {:?}",
            report.issues
        );
        if issue {
            assert_issue(
                &report.issues,
                "Observation/plt",
                "status",
                IssueKind::UnknownStatus,
                "finalised",
            );
        }
    }
}

#[test]
fn the_newest_observation_per_concept_wins_whatever_code_carried_it() {
    // (name, record, low platelets from)
    let cases: Vec<(&str, Vec<Value>, Option<&str>)> = vec![
        (
            "an older low count, a newer normal one under another code",
            vec![
                observation("old", LOINC, "777-3", 10, quantity(30.0, "10*3/uL")),
                observation("new", LOINC, "26515-7", 2, quantity(180.0, "10*9/L")),
            ],
            None,
        ),
        (
            "an older normal count, a newer low one",
            vec![
                observation("old", LOINC, "26515-7", 10, quantity(180.0, "10*9/L")),
                observation("new", LOINC, "778-1", 2, quantity(30.0, "10*3/uL")),
            ],
            Some("Observation/new"),
        ),
        (
            "a newer count entered in error does not replace the older",
            vec![
                observation("old", LOINC, "777-3", 10, quantity(30.0, "10*3/uL")),
                patch(
                    observation("new", LOINC, "777-3", 2, quantity(180.0, "10*3/uL")),
                    json!({"status": "entered-in-error"}),
                ),
            ],
            Some("Observation/old"),
        ),
    ];
    for (name, record, low) in cases {
        for record in [record.clone(), record.into_iter().rev().collect()] {
            let facts = facts_of(&record).facts;
            assert_eq!(
                reference(facts.bleeding.low_platelets.as_ref()),
                low.map(str::to_owned),
                "{name}"
            );
        }
    }
    // D-dimer: an older positive FEU result, a newer negative DDU one.
    let facts = facts_of(&[
        observation("feu", LOINC, "48065-7", 5, quantity(2.0, "mg/L")),
        observation("ddu", LOINC, "48066-5", 1, quantity(100.0, "ng/mL")),
    ])
    .facts;
    let d_dimer = facts.risk_factors.d_dimer.unwrap();
    assert_eq!(
        (d_dimer.positive, d_dimer.evidence.reference.to_string()),
        (false, "Observation/ddu".into())
    );
    // The date: effectiveDateTime, else effectivePeriod.start, effectiveInstant, issued.
    for date in [
        json!({"effectiveDateTime": null, "effectivePeriod": {"start": ago(2)}}),
        json!({"effectiveDateTime": null, "effectiveInstant": format!("{}T08:00:00Z", ago(2))}),
        json!({"effectiveDateTime": null, "issued": format!("{}T08:00:00.000+01:00", ago(2))}),
    ] {
        let o = patch(
            observation("plt", LOINC, "777-3", 0, quantity(20.0, "10*3/uL")),
            date.clone(),
        );
        let facts = facts_of(&[o]).facts;
        let found = facts
            .bleeding
            .low_platelets
            .and_then(|e| e.date)
            .map(|d| d.first_day());
        assert_eq!(found, Some(as_of() - Duration::days(2)), "{date}");
    }
}

#[test]
fn d_dimer_is_read_by_its_loinc_family_and_unit_and_never_converted_between_feu_and_ddu() {
    // (loinc, value, unit, UCUM-coded, positive; None = undecided)
    let cases: &[(&str, f64, &str, bool, Option<bool>)] = &[
        ("48065-7", 0.5, "mg/L", true, Some(true)),
        ("48065-7", 0.49, "mg/L", true, Some(false)),
        ("48065-7", 500.0, "ng/mL", true, Some(true)),
        ("48065-7", 499.0, "ng/mL", true, Some(false)),
        ("48065-7", 0.5, "ug/mL", true, Some(true)),
        ("48065-7", 0.5, "µg/mL", false, Some(true)),
        ("48065-7", 0.5, "mg{FEU}/L", true, Some(true)),
        ("48065-7", 0.5, "ug/mL{FEU}", true, Some(true)),
        ("48065-7", 500.0, "ng{FEU}/mL", true, Some(true)),
        ("48067-3", 0.6, "mg/L", true, Some(true)),
        ("71427-9", 0.4, "mg/L", true, Some(false)),
        // Lab unit texts with the basis as a word.
        ("48065-7", 0.5, "mg/L FEU", false, Some(true)),
        ("48065-7", 0.49, "mg/L FEU", false, Some(false)),
        ("48065-7", 500.0, "ng/mL FEU", false, Some(true)),
        ("48066-5", 250.0, "ng/mL DDU", false, Some(true)),
        // DDU: ≥ 250 ng/mL.
        ("48066-5", 250.0, "ng/mL", true, Some(true)),
        ("48066-5", 249.0, "ng/mL", true, Some(false)),
        ("48066-5", 250.0, "ug/L{DDU}", true, Some(true)),
        ("48066-5", 0.25, "mg/L", true, Some(true)),
        ("48058-2", 300.0, "ng/mL", true, Some(true)),
        ("91556-1", 200.0, "ng/mL", true, Some(false)),
        // No basis in the code: the unit's annotation decides.
        ("7799-0", 0.6, "mg{FEU}/L", true, Some(true)),
        ("3246-6", 300.0, "ng{DDU}/mL", true, Some(true)),
        ("7799-0", 400.0, "ng{DDU}/mL", true, Some(true)),
        ("7799-0", 400.0, "ng{FEU}/mL", true, Some(false)),
        ("7799-0", 0.6, "mg/L", true, None),
    ];
    for (loinc, value, unit, ucum, positive) in cases {
        let q = if *ucum {
            quantity(*value, unit)
        } else {
            quantity_text(*value, unit)
        };
        let report = facts_of(&[observation("dd", LOINC, loinc, 1, q)]);
        let found = report
            .facts
            .risk_factors
            .d_dimer
            .as_ref()
            .map(|d| d.positive);
        assert_eq!(found, *positive, "{loinc} {value} {unit}");
        if positive.is_none() {
            assert_issue(
                &report.issues,
                "Observation/dd",
                "valueQuantity",
                IssueKind::UnknownUnit,
                unit,
            );
        } else {
            assert!(
                report.issues.is_empty(),
                "{loinc} {value} {unit}: {:?}",
                report.issues
            );
        }
    }
    // A unit whose basis contradicts the code, and a unit that is no mass concentration.
    for (loinc, unit) in [
        ("48065-7", "ng{DDU}/mL"),
        ("48066-5", "mg/L FEU"),
        ("48065-7", "mmol/L"),
    ] {
        let report = facts_of(&[observation("dd", LOINC, loinc, 1, quantity(900.0, unit))]);
        assert!(
            report.facts.risk_factors.d_dimer.is_none(),
            "{loinc} {unit}"
        );
        assert_issue(
            &report.issues,
            "Observation/dd",
            "valueQuantity",
            IssueKind::UnknownUnit,
            unit,
        );
    }
    // Comparators: "< 0.27" is negative; "> 5" positive; "< 1" undecided.
    for (comparator, value, positive) in [
        ("<", 0.27, Some(false)),
        (">", 5.0, Some(true)),
        ("<", 1.0, None),
    ] {
        let q = json!({"valueQuantity": {"value": value, "comparator": comparator, "system": UCUM, "code": "mg/L"}});
        let facts = facts_of(&[observation("dd", LOINC, "48065-7", 1, q)]).facts;
        assert_eq!(
            facts.risk_factors.d_dimer.map(|d| d.positive),
            positive,
            "{comparator}{value}"
        );
    }
}

#[test]
fn interpretation_codes_h_hh_and_pos_make_a_d_dimer_positive() {
    for system in [
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
        "http://terminology.hl7.org/CodeSystem/v2-0078",
        "http://hl7.org/fhir/v2/0078",
    ] {
        for (code, positive) in [
            ("H", true),
            ("HH", true),
            ("POS", true),
            ("N", false),
            ("NEG", false),
        ] {
            // No basis and no value: only the interpretation decides.
            let o = observation(
                "dd",
                LOINC,
                "7799-0",
                1,
                json!({"valueQuantity": {"value": 0.6, "system": UCUM, "code": "mg/L"},
                       "interpretation": [cc(system, code)]}),
            );
            let report = facts_of(&[o]);
            assert_eq!(
                report.facts.risk_factors.d_dimer.map(|d| d.positive),
                Some(positive),
                "{system} {code}"
            );
            // A high flag beats a numeric reading below the cut-off.
            let o = observation(
                "dd",
                LOINC,
                "48065-7",
                1,
                json!({"valueQuantity": {"value": 0.3, "system": UCUM, "code": "mg/L"},
                       "interpretation": [cc(system, code)]}),
            );
            assert_eq!(
                facts_of(&[o])
                    .facts
                    .risk_factors
                    .d_dimer
                    .map(|d| d.positive),
                Some(positive),
                "{system} {code}"
            );
        }
    }
    // An interpretation alone, with no value, still decides.
    let o = observation(
        "dd",
        LOINC,
        "48065-7",
        1,
        json!({"interpretation": [cc("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "POS")]}),
    );
    assert_eq!(
        facts_of(&[o])
            .facts
            .risk_factors
            .d_dimer
            .map(|d| d.positive),
        Some(true)
    );
}

#[test]
fn platelet_counts_and_lengths_convert_between_their_ucum_units() {
    for (value, unit, ucum, low) in [
        (49.0, "10*3/uL", true, true),
        (49.0, "10*9/L", true, true),
        (49.0, "10^9/L", false, true),
        (49_000.0, "/uL", true, true),
        (49.0, "K/uL", false, true),
        (49.0, "x10E3/uL", false, true),
        (49.0, "10E9/L", false, true),
        (4.9, "10*4/uL", true, true),
        (50.0, "10*3/uL", true, false),
        (120.0, "10*3/uL", true, false),
    ] {
        let q = if ucum {
            quantity(value, unit)
        } else {
            quantity_text(value, unit)
        };
        let report = facts_of(&[observation("plt", LOINC, "777-3", 1, q)]);
        assert_eq!(
            report.facts.bleeding.low_platelets.is_some(),
            low,
            "{value} {unit}"
        );
        assert!(
            report.issues.is_empty(),
            "{value} {unit}: {:?}",
            report.issues
        );
    }
    let report = facts_of(&[observation("plt", LOINC, "777-3", 1, quantity(40.0, "%"))]);
    assert!(report.facts.bleeding.low_platelets.is_none());
    assert_issue(
        &report.issues,
        "Observation/plt",
        "valueQuantity",
        IssueKind::UnknownUnit,
        "%",
    );
    for (value, unit, over) in [
        (51.0, "mm", true),
        (50.0, "mm", false),
        (5.1, "cm", true),
        (5.0, "cm", false),
        (0.06, "m", true),
    ] {
        let facts = facts_of(&[finding("len", "thrombus-length", 1, quantity(value, unit))]).facts;
        assert_eq!(
            facts.risk_factors.length_over_5_cm.is_some(),
            over,
            "{value} {unit}"
        );
    }
    for (value, unit, over) in [
        (8.0, "mm", true),
        (7.0, "mm", false),
        (0.8, "cm", true),
        (0.7, "cm", false),
    ] {
        let facts = facts_of(&[finding(
            "dia",
            "thrombus-max-diameter",
            1,
            quantity(value, unit),
        )])
        .facts;
        assert_eq!(
            facts.risk_factors.diameter_over_7_mm.is_some(),
            over,
            "{value} {unit}"
        );
    }
}

#[test]
fn every_data_issue_names_the_resource_and_element_and_keeps_values_out_of_both() {
    // (name, resource, issue resource, element, kind, value that must not leak)
    let cases: Vec<(&str, Value, &str, &str, IssueKind, &str)> = vec![
        (
            "unknown unit",
            observation("o1", LOINC, "777-3", 1, quantity(42.0, "furlongs")),
            "Observation/o1",
            "valueQuantity",
            IssueKind::UnknownUnit,
            "furlongs",
        ),
        (
            "wrong value type for a boolean finding",
            finding("o2", "immobilised", 1, json!({"valueString": "bedbound"})),
            "Observation/o2",
            "value[x]",
            IssueKind::WrongValueType,
            "bedbound",
        ),
        (
            "wrong value type for a coded finding",
            finding("o3", "bleeding-risk", 1, json!({"valueBoolean": true})),
            "Observation/o3",
            "value[x]",
            IssueKind::WrongValueType,
            "true",
        ),
        (
            "wrong value type for D-dimer",
            observation(
                "o4",
                LOINC,
                "48065-7",
                1,
                json!({"valueString": "raised 1.2"}),
            ),
            "Observation/o4",
            "valueQuantity",
            IssueKind::WrongValueType,
            "raised",
        ),
        (
            "wrong value type for pregnancy status",
            observation("o5", LOINC, "82810-3", 1, json!({"valueBoolean": true})),
            "Observation/o5",
            "value[x]",
            IssueKind::WrongValueType,
            "true",
        ),
        (
            "unparsable onset date",
            patch(
                condition("c1", ICD10_CM, "I82.461"),
                json!({"onsetDateTime": "last tuesday"}),
            ),
            "Condition/c1",
            "onsetDateTime",
            IssueKind::UnreadableDate,
            "tuesday",
        ),
        (
            "unparsable effective date",
            patch(
                observation("o6", LOINC, "777-3", 1, quantity(20.0, "10*3/uL")),
                json!({"effectiveDateTime": "2025-02-30"}),
            ),
            "Observation/o6",
            "effectiveDateTime",
            IssueKind::UnreadableDate,
            "2025-02-30",
        ),
        (
            "unparsable authoredOn",
            patch(
                medication("m1", RXNORM, "855332"),
                json!({"authoredOn": "03/05/2025"}),
            ),
            "MedicationRequest/m1",
            "authoredOn",
            IssueKind::UnreadableDate,
            "03/05",
        ),
        (
            "unknown code in a required coded slot",
            finding("o7", "symptom-severity", 1, coded("excruciating")),
            "Observation/o7",
            "valueCodeableConcept",
            IssueKind::UnknownCode,
            "excruciating",
        ),
        (
            "an inflow type from another system",
            finding(
                "o8",
                "inflow-type",
                1,
                json!({"valueCodeableConcept": cc("http://example.org/inflow", "IVa")}),
            ),
            "Observation/o8",
            "valueCodeableConcept",
            IssueKind::UnknownCode,
            "IVa",
        ),
        (
            "an unknown finding code",
            finding("o9", "thrombus-colour", 1, coded("red")),
            "Observation/o9",
            "code",
            IssueKind::UnknownCode,
            "thrombus-colour",
        ),
        (
            "a number given as text",
            observation(
                "o10",
                LOINC,
                "777-3",
                1,
                json!({"valueQuantity": {"value": "42", "unit": "10*3/uL"}}),
            ),
            "Observation/o10",
            "valueQuantity",
            IssueKind::WrongType,
            "42",
        ),
        (
            "a code given as a string",
            patch(
                condition("c2", ICD10_CM, "I82.461"),
                json!({"code": "I82.461"}),
            ),
            "Condition/c2",
            "code",
            IssueKind::WrongType,
            "I82",
        ),
        (
            "a relevant Observation without a date",
            patch(
                observation("o11", LOINC, "777-3", 1, quantity(20.0, "10*3/uL")),
                json!({"effectiveDateTime": null}),
            ),
            "Observation/o11",
            "effective[x]",
            IssueKind::UnreadableDate,
            "20",
        ),
    ];
    for (name, resource, on, element, kind, value) in cases {
        let report = facts_of(&[resource]);
        assert!(!report.issues.is_empty(), "{name}: no issue");
        assert_issue(&report.issues, on, element, kind, value);
        for issue in &report.issues {
            assert_eq!(issue.resource.to_string(), on, "{name}: {issue}");
        }
    }
    // A resource without an id is named by its place in the request.
    let report = facts_of(&[patch(
        condition("x", ICD10_CM, "I82.461"),
        json!({"id": null, "onsetDateTime": "soon"}),
    )]);
    assert_eq!(
        report.issues[0].resource.to_string(),
        "Condition at prefetch.record.entry[0]"
    );
    assert!(report.issues[0].resource.id().is_none());
    // One bad element does not drop the rest of the resource.
    assert_eq!(report.facts.thromboses.len(), 1);
}

#[test]
fn the_same_resource_sent_twice_is_read_once_and_a_conflicting_copy_is_reported() {
    let first = condition("c1", ICD10_CM, "I82.461");
    let report = facts_of(&[first.clone(), first.clone()]);
    assert_eq!(report.facts.thromboses.len(), 1);
    assert!(report.issues.is_empty());
    let conflicting = patch(first.clone(), json!({"code": cc(ICD10_CM, "I82.431")}));
    let report = facts_of(&[first, conflicting]);
    assert_eq!(
        sites(&report.facts),
        vec![S::CalfMuscular],
        "the first copy is kept"
    );
    assert_issue(
        &report.issues,
        "Condition/c1",
        "id",
        IssueKind::Duplicate,
        "I82",
    );
}

#[test]
fn observations_dated_after_the_evaluation_date_are_not_used_and_are_reported() {
    let o = observation("o", LOINC, "777-3", -3, quantity(20.0, "10*3/uL"));
    let report = facts_of(&[o]);
    assert!(report.facts.bleeding.low_platelets.is_none());
    assert_issue(
        &report.issues,
        "Observation/o",
        "effective[x]",
        IssueKind::UnreadableDate,
        "2025",
    );
}

#[test]
fn a_recognised_lab_without_a_value_is_reported_and_does_not_hide_an_older_result() {
    // HL7 example Observation/f205: an eGFR whose values are only in `component`.
    let components_only = observation(
        "new",
        LOINC,
        "33914-3",
        2,
        json!({"component": [{"code": cc(LOINC, "48642-3"),
            "valueQuantity": {"value": 60, "system": UCUM, "code": "mL/min/{1.73_m2}"}}]}),
    );
    let older = observation(
        "old",
        LOINC,
        "98979-8",
        30,
        quantity(25.0, "mL/min/{1.73_m2}"),
    );
    let report = facts_of(&[components_only.clone(), older]);
    let renal = report.facts.renal.as_ref().unwrap();
    assert_eq!(
        (renal.evidence.reference.to_string(), renal.ml_per_min),
        ("Observation/old".into(), 25.0)
    );
    assert_issue(
        &report.issues,
        "Observation/new",
        "value[x]",
        IssueKind::WrongValueType,
        "60",
    );
    let absent = patch(
        observation("plt", LOINC, "777-3", 1, json!({})),
        json!({"dataAbsentReason": cc("http://terminology.hl7.org/CodeSystem/data-absent-reason", "error")}),
    );
    let report = facts_of(&[absent]);
    assert!(report.facts.bleeding.low_platelets.is_none());
    assert_issue(
        &report.issues,
        "Observation/plt",
        "value[x]",
        IssueKind::WrongValueType,
        "error",
    );
}
