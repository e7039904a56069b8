//! Suggestion plans → FHIR R4 resources (fhirbolt model): draft MedicationRequests coded with
//! RxNorm and ATC, draft ServiceRequests coded with the project's procedure CodeSystem.
//!
//! Product codes are from terminology.md §6.1–6.2 (RxNorm SCDs verified in VSAC expansions,
//! ATC from the WHO index).

use chrono::NaiveDate;
use fhirbolt::model::r4::resources::{
    MedicationRequest, MedicationRequestMedication, ServiceRequest, ServiceRequestOccurrence,
};
use fhirbolt::model::r4::types::{
    CodeableConcept, Coding, Dosage, DosageDoseAndRate, DosageDoseAndRateDose, Duration, Period,
    Quantity, Reference, Timing, TimingRepeat, TimingRepeatBounds,
};
use fhirbolt::model::r4::Resource;

use crate::facts::Agent;
use crate::fhir::terminology::{ATC, PROCEDURE, RXNORM, UCUM};
use crate::guidelines::drug_choice::{DoseUnit, Phase, Regimen, Route, Target};
use crate::guidelines::{Arg, SuggestedProcedure};
use crate::settings::Region;

use super::text::{Language, Texts};

/// A dispensable product: RxNorm code and name, and the amount per unit (mg), if fixed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Product {
    /// RxNorm RXCUI (SCD, or the ingredient when no single product fits).
    pub rxnorm: &'static str,
    /// RxNorm name.
    pub rxnorm_name: &'static str,
    /// ATC code.
    pub atc: &'static str,
    /// ATC name (WHO).
    pub atc_name: &'static str,
}

const fn product(
    rxnorm: &'static str,
    rxnorm_name: &'static str,
    atc: &'static str,
    atc_name: &'static str,
) -> Product {
    Product {
        rxnorm,
        rxnorm_name,
        atc,
        atc_name,
    }
}

const APIXABAN_5: Product = product(
    "1364445",
    "apixaban 5 MG Oral Tablet",
    "B01AF02",
    "apixaban",
);
const RIVAROXABAN_15: Product = product(
    "1232082",
    "rivaroxaban 15 MG Oral Tablet",
    "B01AF01",
    "rivaroxaban",
);
const RIVAROXABAN_20: Product = product(
    "1232086",
    "rivaroxaban 20 MG Oral Tablet",
    "B01AF01",
    "rivaroxaban",
);
const WARFARIN_5: Product = product(
    "855332",
    "warfarin sodium 5 MG Oral Tablet",
    "B01AA03",
    "warfarin",
);
/// Japan dispenses warfarin mostly as 1 mg tablets (seed 000 uses INR-adjusted dosing).
const WARFARIN_1: Product = product(
    "855288",
    "warfarin sodium 1 MG Oral Tablet",
    "B01AA03",
    "warfarin",
);
/// Subcutaneous UFH (pregnancy, `jp`).
const UFH_SUBCUTANEOUS: Product = product(
    "1361615",
    "heparin sodium, porcine 5000 UNT/ML Injectable Solution",
    "B01AB01",
    "heparin",
);
/// Edoxaban 30 mg (the label's reduced dose).
const EDOXABAN_30: Product = product(
    "1599551",
    "edoxaban 30 MG Oral Tablet",
    "B01AF03",
    "edoxaban",
);
const UFH_INFUSION: Product = product(
    "1658717",
    "250 ML heparin sodium, porcine 100 UNT/ML Injection",
    "B01AB01",
    "heparin",
);
const ENOXAPARIN_INGREDIENT: Product = product("67108", "Enoxaparin", "B01AB05", "enoxaparin");
/// Enoxaparin prefilled syringes, by mg.
const ENOXAPARIN_SYRINGES: [(f64, Product); 5] = [
    (
        60.0,
        product(
            "854238",
            "0.6 ML enoxaparin sodium 100 MG/ML Prefilled Syringe",
            "B01AB05",
            "enoxaparin",
        ),
    ),
    (
        80.0,
        product(
            "854241",
            "0.8 ML enoxaparin sodium 100 MG/ML Prefilled Syringe",
            "B01AB05",
            "enoxaparin",
        ),
    ),
    (
        100.0,
        product(
            "854248",
            "1 ML enoxaparin sodium 100 MG/ML Prefilled Syringe",
            "B01AB05",
            "enoxaparin",
        ),
    ),
    (
        120.0,
        product(
            "854245",
            "0.8 ML enoxaparin sodium 150 MG/ML Prefilled Syringe",
            "B01AB05",
            "enoxaparin",
        ),
    ),
    (
        150.0,
        product(
            "854252",
            "1 ML enoxaparin sodium 150 MG/ML Prefilled Syringe",
            "B01AB05",
            "enoxaparin",
        ),
    ),
];

/// The product a phase is given with.
pub fn product_for(agent: Agent, phase: &Phase, region: Region, weight_kg: Option<f64>) -> Product {
    match agent {
        Agent::Apixaban => APIXABAN_5,
        Agent::Rivaroxaban => match phase.dose {
            Some((dose, _)) if dose >= 20.0 => RIVAROXABAN_20,
            _ => RIVAROXABAN_15,
        },
        Agent::Warfarin if region == Region::Jp => WARFARIN_1,
        Agent::Warfarin => WARFARIN_5,
        Agent::Ufh if phase.route == Route::Subcutaneous => UFH_SUBCUTANEOUS,
        Agent::Ufh => UFH_INFUSION,
        Agent::Edoxaban => EDOXABAN_30,
        Agent::Enoxaparin => {
            // The smallest syringe that holds 1 mg/kg; unknown or very high weight → ingredient.
            weight_kg
                .and_then(|kg| {
                    ENOXAPARIN_SYRINGES
                        .iter()
                        .find(|(mg, _)| *mg + 1e-9 >= kg)
                        .map(|(_, p)| *p)
                })
                .unwrap_or(ENOXAPARIN_INGREDIENT)
        }
        other => unreachable!("no product table for {}", other.name()),
    }
}

fn coding(system: &str, code: &str, display: &str) -> Coding {
    Coding {
        system: Some(system.into()),
        code: Some(code.into()),
        display: Some(display.into()),
        ..Default::default()
    }
}

fn quantity(value: f64, unit: &str, code: &str) -> Quantity {
    Quantity {
        value: Some(decimal(value).into()),
        unit: Some(unit.into()),
        system: Some(UCUM.into()),
        code: Some(code.into()),
        ..Default::default()
    }
}

fn decimal(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn days_duration(days: u32) -> Duration {
    Duration {
        value: Some(decimal(f64::from(days)).into()),
        unit: Some("days".into()),
        system: Some(UCUM.into()),
        code: Some("d".into()),
        ..Default::default()
    }
}

fn subject(patient_id: &str) -> Box<Reference> {
    Box::new(Reference {
        reference: Some(format!("Patient/{patient_id}").into()),
        ..Default::default()
    })
}

/// The text of one phase, in the card's language.
pub fn phase_text(texts: &Texts, language: Language, phase: &Phase) -> String {
    match phase.target {
        Target::Inr2To3 => return texts.format(language, "phase-warfarin", &[]),
        Target::ApttOrAct => return texts.format(language, "phase-ufh", &[]),
        Target::AdjustedSubcutaneous => {
            return texts.format(language, "phase-ufh-subcutaneous", &[])
        }
        Target::None => {}
    }
    let (dose, unit) = phase.dose.map_or((0.0, "mg"), |(d, u)| {
        (
            d,
            if u == DoseUnit::MgPerKg {
                "mg/kg"
            } else {
                "mg"
            },
        )
    });
    texts.format(
        language,
        "phase-dose",
        &[
            ("dose", Arg::Number(dose)),
            ("unit", Arg::Literal(unit.into())),
            (
                "frequency",
                Arg::Number(f64::from(phase.per_day.unwrap_or(1))),
            ),
            (
                "days",
                phase
                    .days
                    .map_or(Arg::Literal("none".into()), |d| Arg::Number(f64::from(d))),
            ),
        ],
    )
}

fn dosage(
    texts: &Texts,
    language: Language,
    phase: &Phase,
    sequence: usize,
    bounds: Option<TimingRepeatBounds>,
    extra: Option<String>,
) -> Dosage {
    let mut text = phase_text(texts, language, phase);
    if let Some(extra) = extra {
        text = texts.format(
            language,
            "phase-with-start",
            &[
                ("dosage", Arg::Literal(text)),
                ("start", Arg::Literal(extra)),
            ],
        );
    }
    let repeat = TimingRepeat {
        bounds,
        frequency: phase.per_day.map(|n| n.into()),
        period: phase.per_day.map(|_| "1".into()),
        period_unit: phase.per_day.map(|_| "d".into()),
        ..Default::default()
    };
    let dose_and_rate = phase
        .dose
        .map(|(value, unit)| {
            let q = match unit {
                DoseUnit::Mg => quantity(value, "mg", "mg"),
                DoseUnit::MgPerKg => quantity(value, "mg/kg", "mg/kg"),
            };
            vec![DosageDoseAndRate {
                dose: Some(DosageDoseAndRateDose::Quantity(Box::new(q))),
                ..Default::default()
            }]
        })
        .unwrap_or_default();
    Dosage {
        sequence: Some((sequence as i32).into()),
        text: Some(text.into()),
        timing: Some(Box::new(Timing {
            repeat: Some(repeat),
            ..Default::default()
        })),
        dose_and_rate,
        ..Default::default()
    }
}

/// The MedicationRequests that carry out a regimen: one per product, phases in sequence.
pub fn medication_requests(
    texts: &Texts,
    language: Language,
    regimen: &Regimen,
    patient_id: &str,
    as_of: NaiveDate,
) -> Vec<Resource> {
    let mut groups: Vec<(Product, Vec<(usize, &Phase, u32)>)> = Vec::new();
    let mut elapsed = 0u32;
    for (index, phase) in regimen.phases.iter().enumerate() {
        let product = product_for(regimen.agent, phase, regimen.region, regimen.weight_kg);
        match groups.last_mut() {
            Some((p, phases)) if *p == product => phases.push((index, phase, elapsed)),
            _ => groups.push((product, vec![(index, phase, elapsed)])),
        }
        elapsed += phase.days.unwrap_or(0);
    }
    let last = regimen.phases.len().saturating_sub(1);
    groups
        .into_iter()
        .enumerate()
        .map(|(group_index, (product, phases))| {
            let dosages = phases
                .iter()
                .enumerate()
                .map(|(sequence, (index, phase, start_day))| {
                    // The last phase runs to the end of the rule's course, when it sets one.
                    let days = if *index == last {
                        regimen
                            .total_days
                            .map(|total| total.saturating_sub(*start_day))
                            .or(phase.days)
                    } else {
                        phase.days
                    };
                    let starts_later = group_index > 0 && sequence == 0 && *start_day > 0;
                    let bounds = if starts_later {
                        let start = as_of + chrono::Duration::days(i64::from(*start_day));
                        let end = days.map(|d| start + chrono::Duration::days(i64::from(d)));
                        Some(TimingRepeatBounds::Period(Box::new(Period {
                            start: Some(start.format("%Y-%m-%d").to_string().into()),
                            end: end.map(|e| e.format("%Y-%m-%d").to_string().into()),
                            ..Default::default()
                        })))
                    } else {
                        days.map(|d| TimingRepeatBounds::Duration(Box::new(days_duration(d))))
                    };
                    let extra = starts_later.then(|| {
                        texts.format(
                            language,
                            "phase-start-after",
                            &[("day", Arg::Number(f64::from(*start_day + 1)))],
                        )
                    });
                    let mut shown = **phase;
                    shown.days = days;
                    dosage(texts, language, &shown, sequence + 1, bounds, extra)
                })
                .collect();
            let medication = CodeableConcept {
                coding: vec![
                    coding(RXNORM, product.rxnorm, product.rxnorm_name),
                    coding(ATC, product.atc, product.atc_name),
                ],
                text: Some(product.rxnorm_name.into()),
                ..Default::default()
            };
            Resource::MedicationRequest(Box::new(MedicationRequest {
                status: "draft".into(),
                intent: "order".into(),
                medication: MedicationRequestMedication::CodeableConcept(Box::new(medication)),
                subject: subject(patient_id),
                dosage_instruction: dosages,
                ..Default::default()
            }))
        })
        .collect()
}

/// The ServiceRequest for a suggested procedure, due `due_in_days` after `as_of`.
pub fn service_request(
    texts: &Texts,
    language: Language,
    procedure: SuggestedProcedure,
    due_in_days: Option<i64>,
    patient_id: &str,
    as_of: NaiveDate,
) -> Resource {
    let (code, display, term) = match procedure {
        SuggestedProcedure::DuplexUltrasound => (
            "duplex-ultrasound-lower-limb-veins",
            "Duplex ultrasound of lower-limb veins",
            "procedure-duplex-ultrasound",
        ),
        SuggestedProcedure::UpperEndoscopy => (
            "upper-endoscopy",
            "Upper endoscopy",
            "procedure-upper-endoscopy",
        ),
    };
    Resource::ServiceRequest(Box::new(ServiceRequest {
        status: "draft".into(),
        intent: "order".into(),
        code: Some(Box::new(CodeableConcept {
            coding: vec![coding(PROCEDURE, code, display)],
            text: Some(texts.format(language, term, &[]).into()),
            ..Default::default()
        })),
        subject: subject(patient_id),
        occurrence: due_in_days.map(|d| {
            ServiceRequestOccurrence::DateTime(
                (as_of + chrono::Duration::days(d))
                    .format("%Y-%m-%d")
                    .to_string()
                    .into(),
            )
        }),
        ..Default::default()
    }))
}

/// A short label of a regimen, for suggestion labels and action descriptions.
pub fn regimen_label(texts: &Texts, language: Language, regimen: &Regimen) -> String {
    let maintenance = regimen
        .phases
        .last()
        .and_then(|p| p.dose)
        .map_or(0.0, |(d, _)| d);
    let initial = regimen.phases.len() > 1;
    let id = match (regimen.agent, initial) {
        (Agent::Warfarin, _) => "regimen-warfarin",
        (Agent::Ufh, _)
            if regimen
                .phases
                .iter()
                .any(|p| p.route == Route::Subcutaneous) =>
        {
            "regimen-ufh-subcutaneous"
        }
        (Agent::Ufh, _) => "regimen-ufh",
        (Agent::Edoxaban, _) => "regimen-edoxaban",
        (Agent::Enoxaparin, _) => "regimen-enoxaparin",
        (Agent::Apixaban, true) => "regimen-apixaban-initial",
        (Agent::Apixaban, false) => "regimen-apixaban",
        (Agent::Rivaroxaban, true) => "regimen-rivaroxaban-initial",
        (Agent::Rivaroxaban, false) => "regimen-rivaroxaban",
        (other, _) => unreachable!("no regimen label for {}", other.name()),
    };
    let mut label = texts.format(language, id, &[("maintenance", Arg::Number(maintenance))]);
    if let Some(days) = regimen.total_days {
        label.push(' ');
        label.push_str(&texts.format(
            language,
            "regimen-days",
            &[("days", Arg::Number(f64::from(days)))],
        ));
    }
    label
}
