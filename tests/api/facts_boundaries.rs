//! Every threshold of the facts, tested on both sides (clinical-rules.md §3.1–§3.3): bounds
//! are inclusive as written ("≤ 14 days"), lab cut-offs as the catalogue states them, and the
//! renal DOAC thresholds through the one drug-choice function (§5.1, §5.2).

use chrono::Duration;
use serde_json::json;
use venous_cds::facts::{days, Agent, DoseClass, PatientFacts, ThrombosisSite};
use venous_cds::fhir::terminology::{ATC, FINDING, ICD10_CM, LOINC, PROCEDURE, RXNORM, SNOMED};
use venous_cds::guidelines::drug_choice::{self, ChoiceReason, ChoiceRequest};
use venous_cds::settings::Region;

use crate::facts::{
    as_of, condition, dosage, dosed, facts_of, finding, integer, medication, observation, patch,
    procedure, quantity, quantity_text,
};

fn d_dimer(loinc: &str, value: f64, unit: &str) -> Option<bool> {
    facts_of(&[observation("dd", LOINC, loinc, 1, quantity(value, unit))])
        .facts
        .risk_factors
        .d_dimer
        .map(|d| d.positive)
}

#[test]
fn a_d_dimer_is_positive_from_0_50_mg_per_l_feu_and_from_250_ng_per_ml_ddu() {
    // FEU: ≥ 0.5 mg/L = 500 ng/mL FEU (§3.3).
    assert_eq!(d_dimer("48065-7", 0.49, "mg/L"), Some(false));
    assert_eq!(d_dimer("48065-7", 0.50, "mg/L"), Some(true));
    assert_eq!(d_dimer("48065-7", 499.0, "ng/mL"), Some(false));
    assert_eq!(d_dimer("48065-7", 500.0, "ng/mL"), Some(true));
    assert_eq!(d_dimer("48065-7", 0.499, "ug/mL"), Some(false));
    assert_eq!(d_dimer("48065-7", 0.5, "ug/mL"), Some(true));
    // DDU: ≥ 250 ng/mL DDU.
    assert_eq!(d_dimer("48066-5", 249.0, "ng/mL"), Some(false));
    assert_eq!(d_dimer("48066-5", 250.0, "ng/mL"), Some(true));
    assert_eq!(d_dimer("48066-5", 0.249, "mg/L"), Some(false));
    assert_eq!(d_dimer("48066-5", 0.25, "mg/L"), Some(true));
    // The same number reads differently on each basis: 300 ng/mL is positive in DDU only.
    assert_eq!(d_dimer("48065-7", 300.0, "ng/mL"), Some(false));
    assert_eq!(d_dimer("48066-5", 300.0, "ng/mL"), Some(true));
}

#[test]
fn a_d_dimer_counts_for_7_days_and_not_8() {
    for (days_ago, counts) in [(0, true), (7, true), (8, false)] {
        let facts = facts_of(&[observation(
            "dd",
            LOINC,
            "48065-7",
            days_ago,
            quantity(2.0, "mg/L"),
        )])
        .facts;
        assert_eq!(
            facts.risk_factors.d_dimer.is_some(),
            counts,
            "{days_ago} days"
        );
    }
}

#[test]
fn platelets_below_50_make_the_bleeding_risk_high_and_50_does_not() {
    for (value, unit, low) in [
        (49.0, "10*9/L", true),
        (49.9, "10*9/L", true),
        (50.0, "10*9/L", false),
        (49.0, "10*3/uL", true),
        (50.0, "10*3/uL", false),
        (49_999.0, "/uL", true),
        (50_000.0, "/uL", false),
    ] {
        let facts = facts_of(&[observation("plt", LOINC, "777-3", 1, quantity(value, unit))]).facts;
        assert_eq!(
            facts.bleeding.low_platelets.is_some(),
            low,
            "{value} {unit}"
        );
        assert_eq!(facts.bleeding.is_high(), low);
    }
}

#[test]
fn a_platelet_count_counts_for_30_days_and_not_31() {
    for (days_ago, counts) in [(30, true), (31, false)] {
        let facts = facts_of(&[observation(
            "plt",
            LOINC,
            "777-3",
            days_ago,
            quantity(20.0, "10*9/L"),
        )])
        .facts;
        assert_eq!(facts.bleeding.low_platelets.is_some(), counts, "{days_ago}");
    }
}

#[test]
fn an_intracerebral_haemorrhage_is_acute_up_to_14_days_after_onset_and_not_15() {
    for (onset, acute) in [
        (json!(crate::facts::ago(0)), true),
        (json!(crate::facts::ago(7)), true),
        (json!(crate::facts::ago(14)), true),
        (json!(crate::facts::ago(15)), false),
        // A partial date stands for its whole period: the last day of February 2025 is
        // 15 days before 2025-03-15, so no day of it is within 14 days; March 2025 is.
        (json!("2025-02"), false),
        (json!("2025-03"), true),
    ] {
        let ich = patch(
            condition("ich", ICD10_CM, "I61.9"),
            json!({ "onsetDateTime": onset }),
        );
        let facts = facts_of(&[ich]).facts;
        assert_eq!(facts.bleeding.acute_ich.is_some(), acute, "onset {onset}");
    }
    // The onset is kept for the 7-day window of VTE-ICH-EARLY-THERAPEUTIC.
    for (days_ago, within_week) in [(7, true), (8, false)] {
        let ich = patch(
            condition("ich", ICD10_CM, "I61.9"),
            json!({ "onsetDateTime": crate::facts::ago(days_ago) }),
        );
        let facts = facts_of(&[ich]).facts;
        let onset = facts.bleeding.acute_ich.unwrap().date.unwrap();
        assert_eq!(
            onset.within_days_before(as_of(), days::WEEK),
            within_week,
            "{days_ago}"
        );
    }
}

#[test]
fn a_thrombosis_is_acute_up_to_28_days_after_onset_and_chronic_from_29() {
    use venous_cds::facts::Acuity;
    for (days_ago, acuity) in [
        (0, Acuity::Acute),
        (28, Acuity::Acute),
        (29, Acuity::Chronic),
    ] {
        for (system, code) in [
            (SNOMED, "128053003"),
            (ICD10_CM, "I80.252"),
            (ICD10_CM, "I81"),
        ] {
            let c = patch(
                condition("t", system, code),
                json!({ "onsetDateTime": crate::facts::ago(days_ago) }),
            );
            let facts = facts_of(&[c]).facts;
            assert_eq!(facts.thromboses[0].acuity, acuity, "{code} {days_ago}");
        }
    }
}

fn pvt_within_six_months(facts: &PatientFacts) -> bool {
    facts
        .pvt()
        .and_then(|episode| episode.onset)
        .is_some_and(|onset| onset.within_days_before(facts.as_of, days::SIX_MONTHS))
}

#[test]
fn a_pvt_onset_is_within_6_months_up_to_183_days_and_not_184() {
    assert_eq!(days::SIX_MONTHS, 183);
    for (onset, within) in [
        (json!(crate::facts::ago(183)), true),
        (json!(crate::facts::ago(184)), false),
        // Partial dates: any day of the period inside the window counts.
        (json!("2024-09"), true),
        (json!("2024-08"), false),
    ] {
        let pvt = patch(
            condition("pvt", ICD10_CM, "I81"),
            json!({ "onsetDateTime": onset }),
        );
        let facts = facts_of(&[pvt]).facts;
        assert_eq!(facts.pvt().map(|p| p.site), Some(ThrombosisSite::Portal));
        assert_eq!(pvt_within_six_months(&facts), within, "onset {onset}");
    }
    // Without onset the recorded date stands in; without either nothing is within.
    let recorded = patch(
        condition("pvt", SNOMED, "17920008"),
        json!({"onsetDateTime": null, "recordedDate": crate::facts::ago(100)}),
    );
    assert!(pvt_within_six_months(&facts_of(&[recorded]).facts));
    let undated = patch(
        condition("pvt", SNOMED, "17920008"),
        json!({ "onsetDateTime": null }),
    );
    assert!(!pvt_within_six_months(&facts_of(&[undated]).facts));
}

#[test]
fn a_stent_placed_up_to_183_days_ago_is_within_6_months_and_184_is_not() {
    for (days_ago, within) in [(0, true), (152, true), (183, true), (184, false)] {
        let facts = facts_of(&[procedure(
            "s",
            PROCEDURE,
            "venous-stent-placement",
            days_ago,
        )])
        .facts;
        let placed = facts.latest_stent().and_then(|e| e.date).unwrap();
        assert_eq!(
            placed.within_days_before(as_of(), days::SIX_MONTHS),
            within,
            "{days_ago}"
        );
        assert_eq!(placed.min_days_before(as_of()), days_ago);
    }
    // The latest of several stents counts.
    let facts = facts_of(&[
        procedure("old", PROCEDURE, "venous-stent-placement", 400),
        procedure("new", PROCEDURE, "venous-stent-placement", 183),
    ])
    .facts;
    let latest = facts.latest_stent().unwrap();
    assert_eq!(latest.reference.to_string(), "Procedure/new");
}

#[test]
fn a_thrombus_longer_than_5_cm_or_wider_than_7_mm_is_a_risk_factor_and_5_0_or_7_is_not() {
    for (value, unit, over) in [
        (5.0, "cm", false),
        (5.1, "cm", true),
        (50.0, "mm", false),
        (51.0, "mm", true),
    ] {
        let facts = facts_of(&[finding("len", "thrombus-length", 1, quantity(value, unit))]).facts;
        assert_eq!(
            facts.risk_factors.length_over_5_cm.is_some(),
            over,
            "{value} {unit}"
        );
    }
    for (value, unit, over) in [
        (7.0, "mm", false),
        (8.0, "mm", true),
        (7.1, "mm", true),
        (0.7, "cm", false),
        (0.8, "cm", true),
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
    for (count, over) in [(1, false), (2, true)] {
        let facts = facts_of(&[finding("n", "thrombus-vein-count", 1, integer(count))]).facts;
        assert_eq!(facts.risk_factors.two_or_more_veins.is_some(), over);
    }
}

#[test]
fn renal_function_counts_for_90_days_and_findings_for_183() {
    for (days_ago, counts) in [(90, true), (91, false)] {
        let facts = facts_of(&[observation(
            "cr",
            LOINC,
            "35591-7",
            days_ago,
            quantity(40.0, "mL/min"),
        )])
        .facts;
        assert_eq!(facts.renal.is_some(), counts, "renal {days_ago}");
    }
    for (days_ago, counts) in [(183, true), (184, false)] {
        let facts = facts_of(&[
            observation("w", LOINC, "29463-7", days_ago, quantity(70.0, "kg")),
            finding("f", "immobilised", days_ago, json!({"valueBoolean": true})),
            observation(
                "bc",
                FINDING,
                "bleeding-risk",
                days_ago,
                json!({"valueCodeableConcept": crate::facts::cc(FINDING, "high")}),
            ),
        ])
        .facts;
        assert_eq!(facts.weight_kg.is_some(), counts, "weight {days_ago}");
        assert_eq!(
            facts.risk_factors.immobilised.is_some(),
            counts,
            "finding {days_ago}"
        );
        assert_eq!(
            facts.bleeding.judgement.is_some(),
            counts,
            "finding {days_ago}"
        );
    }
}

#[test]
fn an_abdominal_surgery_is_recent_up_to_91_days_and_not_92() {
    for (days_ago, recent) in [(91, true), (92, false)] {
        let facts = facts_of(&[procedure("s", SNOMED, "18027006", days_ago)]).facts;
        assert_eq!(
            !facts.recent_abdominal_cause.is_empty(),
            recent,
            "{days_ago}"
        );
    }
}

#[test]
fn child_pugh_and_villalta_scores_change_class_at_their_published_bounds() {
    use venous_cds::facts::{ChildPugh, PtsGrade};
    for (score, class) in [
        (6, ChildPugh::A),
        (7, ChildPugh::B),
        (9, ChildPugh::B),
        (10, ChildPugh::C),
    ] {
        let facts = facts_of(&[finding("cp", "child-pugh-score", 1, integer(score))]).facts;
        assert_eq!(
            facts.liver.child_pugh.map(|c| c.value),
            Some(class),
            "{score}"
        );
    }
    for (score, grade) in [
        (4, PtsGrade::None),
        (5, PtsGrade::Mild),
        (9, PtsGrade::Mild),
        (10, PtsGrade::Moderate),
        (14, PtsGrade::Moderate),
        (15, PtsGrade::Severe),
    ] {
        let facts = facts_of(&[finding("v", "villalta-score", 1, integer(score))]).facts;
        assert_eq!(facts.villalta.map(|v| v.grade), Some(grade), "{score}");
    }
}

#[test]
fn every_therapeutic_dose_threshold_of_section_3_2_holds_on_both_sides() {
    let weight = || observation("w", LOINC, "29463-7", 5, quantity(70.0, "kg"));
    // (name, order, with weight 70 kg, expected)
    let cases = vec![
        (
            "apixaban 4.9 mg",
            dosed(
                medication("m", ATC, "B01AF02"),
                dosage(4.9, "mg", Some(2), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "apixaban 5 mg",
            dosed(
                medication("m", ATC, "B01AF02"),
                dosage(5.0, "mg", Some(2), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "rivaroxaban 14 mg/day",
            dosed(
                medication("m", ATC, "B01AF01"),
                dosage(7.0, "mg", Some(2), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "rivaroxaban 15 mg/day",
            dosed(
                medication("m", ATC, "B01AF01"),
                dosage(15.0, "mg", Some(1), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "edoxaban 29 mg/day",
            dosed(
                medication("m", ATC, "B01AF03"),
                dosage(29.0, "mg", Some(1), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "edoxaban 30 mg/day",
            dosed(
                medication("m", ATC, "B01AF03"),
                dosage(30.0, "mg", Some(1), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "dabigatran 109 mg",
            dosed(
                medication("m", ATC, "B01AE07"),
                dosage(109.0, "mg", Some(2), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "dabigatran 110 mg",
            dosed(
                medication("m", ATC, "B01AE07"),
                dosage(110.0, "mg", Some(2), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "enoxaparin 59 mg, no weight",
            dosed(
                medication("m", ATC, "B01AB05"),
                dosage(59.0, "mg", Some(2), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "enoxaparin 60 mg, no weight",
            dosed(
                medication("m", ATC, "B01AB05"),
                dosage(60.0, "mg", Some(2), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "enoxaparin 69 mg at 70 kg",
            dosed(
                medication("m", ATC, "B01AB05"),
                dosage(69.0, "mg", Some(2), None),
            ),
            true,
            DoseClass::Prophylactic,
        ),
        (
            "enoxaparin 70 mg at 70 kg",
            dosed(
                medication("m", ATC, "B01AB05"),
                dosage(70.0, "mg", Some(2), None),
            ),
            true,
            DoseClass::Therapeutic,
        ),
        (
            "enoxaparin 0.99 mg/kg",
            dosed(
                medication("m", ATC, "B01AB05"),
                dosage(0.99, "mg/kg", Some(2), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "enoxaparin 1 mg/kg",
            dosed(
                medication("m", ATC, "B01AB05"),
                dosage(1.0, "mg/kg", Some(2), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "dalteparin 7499 IU, no weight",
            dosed(
                medication("m", ATC, "B01AB04"),
                dosage(7499.0, "[iU]", Some(1), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "dalteparin 7500 IU, no weight",
            dosed(
                medication("m", ATC, "B01AB04"),
                dosage(7500.0, "[iU]", Some(1), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "dalteparin 6999 IU at 70 kg",
            dosed(
                medication("m", ATC, "B01AB04"),
                dosage(6999.0, "[iU]", Some(1), None),
            ),
            true,
            DoseClass::Prophylactic,
        ),
        (
            "dalteparin 7000 IU at 70 kg",
            dosed(
                medication("m", ATC, "B01AB04"),
                dosage(7000.0, "[iU]", Some(1), None),
            ),
            true,
            DoseClass::Therapeutic,
        ),
        (
            "fondaparinux 4.9 mg",
            dosed(
                medication("m", ATC, "B01AX05"),
                dosage(4.9, "mg", Some(1), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "fondaparinux 5 mg",
            dosed(
                medication("m", ATC, "B01AX05"),
                dosage(5.0, "mg", Some(1), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "UFH 9999 U sc",
            dosed(
                medication("m", ATC, "B01AB01"),
                dosage(9999.0, "[iU]", Some(2), None),
            ),
            false,
            DoseClass::Prophylactic,
        ),
        (
            "UFH 10000 U sc",
            dosed(
                medication("m", ATC, "B01AB01"),
                dosage(10000.0, "[iU]", Some(2), None),
            ),
            false,
            DoseClass::Therapeutic,
        ),
        (
            "UFH 1000 U iv",
            dosed(
                medication("m", ATC, "B01AB01"),
                dosage(1000.0, "[iU]", None, Some(crate::facts::SNOMED_IV)),
            ),
            false,
            DoseClass::Therapeutic,
        ),
    ];
    for (name, order, with_weight, expected) in cases {
        let mut record = vec![order];
        if with_weight {
            record.push(weight());
        }
        let facts = facts_of(&record).facts;
        assert_eq!(facts.medication_orders[0].dose, expected, "{name}");
    }
}

#[test]
fn an_active_order_ending_on_the_evaluation_date_is_active_and_one_ending_the_day_before_is_not() {
    for (end_ago, active) in [(0, true), (1, false)] {
        let order = patch(
            medication("m", RXNORM, "855332"),
            json!({"dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": {"end": crate::facts::ago(end_ago)}}}}]}),
        );
        let facts = facts_of(&[order]).facts;
        assert_eq!(facts.active_medications().count() == 1, active, "{end_ago}");
        assert_eq!(
            facts.anticoagulant_active().map(|o| o.agent),
            active.then_some(Some(Agent::Warfarin))
        );
    }
}

fn renal(value: f64) -> PatientFacts {
    facts_of(&[observation(
        "crcl",
        LOINC,
        "35591-7",
        5,
        quantity_text(value, "mL/min"),
    )])
    .facts
}

fn first_choice(facts: &PatientFacts, region: Region) -> (ChoiceReason, Vec<Agent>) {
    let (reason, options) = drug_choice::choose(
        facts,
        region,
        ChoiceRequest {
            initial_dose: true,
            total_days: Some(91),
        },
    );
    let first = options
        .iter()
        .find(|o| o.recommended)
        .expect("a preferred option");
    (reason, first.regimens.iter().map(|r| r.agent).collect())
}

#[test]
fn renal_function_below_the_profile_threshold_switches_the_choice_to_ufh_then_warfarin() {
    // intl: apixaban/rivaroxaban need ≥ 15 mL/min; jp: ≥ 30 (§5.2).
    let cases = [
        (Region::Intl, 14.0, ChoiceReason::RenalFunction),
        (Region::Intl, 15.0, ChoiceReason::Default),
        (Region::Intl, 29.0, ChoiceReason::Default),
        (Region::Cn, 14.0, ChoiceReason::RenalFunction),
        (Region::Cn, 15.0, ChoiceReason::Default),
        (Region::Jp, 14.0, ChoiceReason::RenalFunction),
        (Region::Jp, 29.0, ChoiceReason::RenalFunction),
        (Region::Jp, 30.0, ChoiceReason::Default),
    ];
    for (region, ml_per_min, expected) in cases {
        let facts = renal(ml_per_min);
        assert_eq!(facts.renal.as_ref().map(|r| r.ml_per_min), Some(ml_per_min));
        let (reason, agents) = first_choice(&facts, region);
        assert_eq!(reason, expected, "{region:?} {ml_per_min}");
        let expected_agents = match expected {
            ChoiceReason::RenalFunction => vec![Agent::Ufh, Agent::Warfarin],
            _ => vec![Agent::Apixaban],
        };
        assert_eq!(agents, expected_agents, "{region:?} {ml_per_min}");
    }
    // The same threshold through eGFR when no clearance is on record, and through mL/s.
    let egfr = facts_of(&[observation(
        "e",
        LOINC,
        "98979-8",
        5,
        quantity(14.0, "mL/min/{1.73_m2}"),
    )])
    .facts;
    assert_eq!(
        first_choice(&egfr, Region::Intl).0,
        ChoiceReason::RenalFunction
    );
    let per_second =
        facts_of(&[observation("c", LOINC, "35591-7", 5, quantity(0.5, "mL/s"))]).facts;
    assert_eq!(
        first_choice(&per_second, Region::Jp).0,
        ChoiceReason::Default
    );
    // A clearance over 90 days old is no renal function: the default choice.
    let old = facts_of(&[observation(
        "c",
        LOINC,
        "35591-7",
        91,
        quantity(10.0, "mL/min"),
    )])
    .facts;
    assert_eq!(first_choice(&old, Region::Intl).0, ChoiceReason::Default);
    // A newer eGFR does not override an older clearance (§3.3).
    let both = facts_of(&[
        observation("c", LOINC, "35591-7", 60, quantity(29.0, "mL/min")),
        observation("e", LOINC, "98979-8", 1, quantity(45.0, "mL/min/{1.73_m2}")),
    ])
    .facts;
    assert_eq!(
        first_choice(&both, Region::Jp).0,
        ChoiceReason::RenalFunction
    );
}

#[test]
fn a_thrombus_extension_after_the_pvt_onset_is_read_against_the_episode_onset() {
    // PVT progression (§3.3): `thrombus-extension` distal/proximal recorded after the onset.
    let pvt = patch(
        condition("pvt", ICD10_CM, "I81"),
        json!({"onsetDateTime": crate::facts::ago(60)}),
    );
    for (extension_ago, after) in [(59, true), (60, false), (61, false)] {
        let facts = facts_of(&[
            pvt.clone(),
            finding(
                "ext",
                "thrombus-extension",
                extension_ago,
                json!({"valueCodeableConcept": crate::facts::cc(FINDING, "proximal")}),
            ),
        ])
        .facts;
        let onset = facts.pvt().unwrap().onset.unwrap();
        let extension = facts.thrombus_extension.as_ref().unwrap();
        let recorded = extension.evidence.date.unwrap();
        assert_eq!(
            recorded.first_day() > onset.last_day(),
            after,
            "{extension_ago}"
        );
        assert_eq!(
            (as_of() - recorded.first_day()),
            Duration::days(extension_ago)
        );
    }
}
