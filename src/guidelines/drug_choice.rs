//! The one drug-choice function (clinical-rules.md §5.1) and the regimens it prescribes, per
//! region profile (§5.2). Every suggestion that creates an antithrombotic order asks
//! [`choose`], so no two cards ever suggest a drug another card forbids.
//!
//! Regimens (seed 000 §3c, restated in STENT-PERIOP-PLAN):
//! - apixaban 10 mg twice daily for 7 days, then 5 mg twice daily;
//! - rivaroxaban 15 mg twice daily for 21 days, then 20 mg daily — `jp`: 15 mg twice daily for
//!   3 weeks, then 15 mg daily; the initial higher dose only for acute DVT (or PTS with new
//!   thrombus), else the maintenance dose;
//! - warfarin to INR 2.0–3.0;
//! - UFH intravenously to APTT 1.5–2.5× normal or ACT ≥ 200 s (seed 000 §3b);
//! - LMWH (enoxaparin 1 mg/kg twice daily) where the profile allows treatment-dose LMWH
//!   (not `jp`: seed 000 §3 preface).

use crate::facts::{Agent, ChildPugh, PatientFacts};
use crate::settings::Region;

/// Apixaban initial dose, mg twice daily, for 7 days (seed 000 §3c).
pub const APIXABAN_INITIAL_MG: f64 = 10.0;
/// Days of the apixaban initial dose.
pub const APIXABAN_INITIAL_DAYS: u32 = 7;
/// Apixaban maintenance dose, mg twice daily.
pub const APIXABAN_MAINTENANCE_MG: f64 = 5.0;
/// Rivaroxaban initial dose, mg twice daily (all profiles; seed 000 §3c, seed 001 §1.3.2).
pub const RIVAROXABAN_INITIAL_MG: f64 = 15.0;
/// Days of the rivaroxaban initial dose (21 days; `jp` "3 weeks").
pub const RIVAROXABAN_INITIAL_DAYS: u32 = 21;
/// Rivaroxaban maintenance dose, mg once daily (`intl`, `cn`).
pub const RIVAROXABAN_MAINTENANCE_MG: f64 = 20.0;
/// Rivaroxaban maintenance dose, mg once daily, `jp` profile.
pub const RIVAROXABAN_MAINTENANCE_MG_JP: f64 = 15.0;
/// Enoxaparin treatment dose, mg/kg twice daily.
pub const ENOXAPARIN_MG_PER_KG: f64 = 1.0;
/// Apixaban/rivaroxaban: renal function below this (mL/min) rules them out, `intl`/`cn`
/// (drug labels; clinical-rules.md VTE-DOAC-RENAL).
pub const XA_RENAL_THRESHOLD_INTL: f64 = 15.0;
/// Apixaban/rivaroxaban threshold in the `jp` profile (Japanese labels).
pub const XA_RENAL_THRESHOLD_JP: f64 = 30.0;

/// The apixaban/rivaroxaban renal threshold of a profile (mL/min).
pub fn xa_renal_threshold(region: Region) -> f64 {
    match region {
        Region::Jp => XA_RENAL_THRESHOLD_JP,
        Region::Intl | Region::Cn => XA_RENAL_THRESHOLD_INTL,
    }
}

/// The unit of a dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoseUnit {
    /// Milligrams.
    Mg,
    /// Milligrams per kilogram of body weight.
    MgPerKg,
}

/// How a phase is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// By mouth.
    Oral,
    /// Intravenous infusion.
    IntravenousInfusion,
    /// Subcutaneous injection.
    Subcutaneous,
}

/// What the prescriber must monitor or target, as written on the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// No target.
    None,
    /// Warfarin: INR 2.0–3.0 (seed 000 §3c).
    Inr2To3,
    /// UFH: APTT 1.5–2.5× normal or ACT ≥ 200 s (seed 000 §3b).
    ApttOrAct,
    /// UFH in pregnancy: adjusted-dose subcutaneous heparin, mid-interval APTT in the
    /// therapeutic range, continued through pregnancy (no oral anticoagulant follows).
    AdjustedSubcutaneous,
}

/// One phase of a regimen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phase {
    /// Amount per administration; `None` when titrated (warfarin, UFH).
    pub dose: Option<(f64, DoseUnit)>,
    /// Administrations per day; `None` for a continuous infusion.
    pub per_day: Option<u32>,
    /// Length in days; `None` = until the course ends.
    pub days: Option<u32>,
    /// Route.
    pub route: Route,
    /// Monitoring target.
    pub target: Target,
}

/// A drug and how to give it.
#[derive(Debug, Clone, PartialEq)]
pub struct Regimen {
    /// The drug.
    pub agent: Agent,
    /// Phases in order.
    pub phases: Vec<Phase>,
    /// Total length in days; `None` = not set by the rule (open-ended or "while acute").
    pub total_days: Option<u32>,
    /// The region profile (product choice differs, e.g. warfarin tablet strength).
    pub region: Region,
    /// Body weight, for weight-based doses.
    pub weight_kg: Option<f64>,
}

/// A suggestion's worth of regimens (e.g. UFH then warfarin) and whether the source prefers it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegimenOption {
    /// The regimens, given together or in sequence.
    pub regimens: Vec<Regimen>,
    /// The option the source prefers.
    pub recommended: bool,
}

/// What the calling rule asks for.
#[derive(Debug, Clone, Copy)]
pub struct ChoiceRequest {
    /// The initial higher DOAC dose applies (acute DVT, or PTS with new thrombus).
    pub initial_dose: bool,
    /// Course length set by the rule.
    pub total_days: Option<u32>,
}

fn phase(
    dose: Option<(f64, DoseUnit)>,
    per_day: Option<u32>,
    days: Option<u32>,
    route: Route,
    target: Target,
) -> Phase {
    Phase {
        dose,
        per_day,
        days,
        route,
        target,
    }
}

/// The regimen of `agent` in `region`.
pub fn regimen(
    agent: Agent,
    region: Region,
    request: ChoiceRequest,
    weight_kg: Option<f64>,
) -> Regimen {
    use DoseUnit::{Mg, MgPerKg};
    let phases = match agent {
        Agent::Apixaban if request.initial_dose => vec![
            phase(
                Some((APIXABAN_INITIAL_MG, Mg)),
                Some(2),
                Some(APIXABAN_INITIAL_DAYS),
                Route::Oral,
                Target::None,
            ),
            phase(
                Some((APIXABAN_MAINTENANCE_MG, Mg)),
                Some(2),
                None,
                Route::Oral,
                Target::None,
            ),
        ],
        Agent::Apixaban => vec![phase(
            Some((APIXABAN_MAINTENANCE_MG, Mg)),
            Some(2),
            None,
            Route::Oral,
            Target::None,
        )],
        Agent::Rivaroxaban => {
            let maintenance = match region {
                Region::Jp => RIVAROXABAN_MAINTENANCE_MG_JP,
                Region::Intl | Region::Cn => RIVAROXABAN_MAINTENANCE_MG,
            };
            let mut phases = Vec::new();
            if request.initial_dose {
                phases.push(phase(
                    Some((RIVAROXABAN_INITIAL_MG, Mg)),
                    Some(2),
                    Some(RIVAROXABAN_INITIAL_DAYS),
                    Route::Oral,
                    Target::None,
                ));
            }
            phases.push(phase(
                Some((maintenance, Mg)),
                Some(1),
                None,
                Route::Oral,
                Target::None,
            ));
            phases
        }
        Agent::Warfarin => vec![phase(None, Some(1), None, Route::Oral, Target::Inr2To3)],
        Agent::Ufh => vec![phase(
            None,
            None,
            None,
            Route::IntravenousInfusion,
            Target::ApttOrAct,
        )],
        Agent::Enoxaparin => vec![phase(
            Some((ENOXAPARIN_MG_PER_KG, MgPerKg)),
            Some(2),
            None,
            Route::Subcutaneous,
            Target::None,
        )],
        other => unreachable!("the drug-choice function never suggests {}", other.name()),
    };
    Regimen {
        agent,
        phases,
        total_days: request.total_days,
        region,
        weight_kg,
    }
}

/// Edoxaban 30 mg once daily: the label's reduced dose (VTE-EDOXABAN-REDUCED-DOSE).
pub fn reduced_edoxaban(region: Region, reduced_mg: f64, total_days: Option<u32>) -> Regimen {
    Regimen {
        agent: Agent::Edoxaban,
        phases: vec![phase(
            Some((reduced_mg, DoseUnit::Mg)),
            Some(1),
            None,
            Route::Oral,
            Target::None,
        )],
        total_days,
        region,
        weight_kg: None,
    }
}

/// UFH for a pregnant patient where LMWH is not available (`jp`): adjusted-dose subcutaneous
/// heparin twice daily, through pregnancy; no warfarin or DOAC follows (§5.1 step 1).
pub fn pregnancy_ufh(region: Region, weight_kg: Option<f64>) -> Regimen {
    Regimen {
        agent: Agent::Ufh,
        phases: vec![phase(
            None,
            Some(2),
            None,
            Route::Subcutaneous,
            Target::AdjustedSubcutaneous,
        )],
        total_days: None,
        region,
        weight_kg,
    }
}

/// Whether treatment-dose LMWH is available in the profile (`jp`: no; seed 000 §3 preface).
pub fn lmwh_available(region: Region) -> bool {
    region != Region::Jp
}

/// Why the choice went the way it did (for the card text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceReason {
    /// §5.1 step 1.
    Pregnancy,
    /// §5.1 step 2.
    Aps,
    /// §5.1 step 3, Child-Pugh C.
    ChildPughC,
    /// §5.1 step 3, renal function.
    RenalFunction,
    /// §5.1 step 4.
    ActiveCancer,
    /// §5.1 step 5.
    Default,
}

/// The options §5.1 gives for this patient, the preferred first.
pub fn choose(
    facts: &PatientFacts,
    region: Region,
    request: ChoiceRequest,
) -> (ChoiceReason, Vec<RegimenOption>) {
    let weight = facts.weight_kg.as_ref().map(|w| w.value);
    let make = |agent: Agent| regimen(agent, region, request, weight);
    let option = |regimens: Vec<Regimen>, recommended: bool| RegimenOption {
        regimens,
        recommended,
    };
    // "UFH while acute": the infusion is not given the rule's full course length.
    let ufh = || {
        regimen(
            Agent::Ufh,
            region,
            ChoiceRequest {
                total_days: None,
                ..request
            },
            weight,
        )
    };

    // 1. Pregnant → heparin: LMWH (intl, cn) or UFH (jp); never warfarin or a DOAC.
    if facts.pregnant().is_some() {
        let heparin = if lmwh_available(region) {
            make(Agent::Enoxaparin)
        } else {
            pregnancy_ufh(region, weight)
        };
        return (ChoiceReason::Pregnancy, vec![option(vec![heparin], true)]);
    }
    // 2. APS → warfarin, INR 2.0–3.0.
    if !facts.thrombophilia.aps.is_empty() {
        return (
            ChoiceReason::Aps,
            vec![option(vec![make(Agent::Warfarin)], true)],
        );
    }
    // 3. Child-Pugh C, or renal function below the profile's DOAC threshold → UFH while acute,
    //    then warfarin (LMWH in intl/cn for Child-Pugh C).
    let child_pugh_c = facts
        .liver
        .child_pugh
        .as_ref()
        .is_some_and(|c| c.value == ChildPugh::C);
    if child_pugh_c {
        let mut options = Vec::new();
        if lmwh_available(region) {
            options.push(option(vec![make(Agent::Enoxaparin)], true));
            options.push(option(vec![ufh(), make(Agent::Warfarin)], false));
        } else {
            options.push(option(vec![ufh(), make(Agent::Warfarin)], true));
        }
        return (ChoiceReason::ChildPughC, options);
    }
    let renal_low = facts
        .renal
        .as_ref()
        .is_some_and(|r| r.ml_per_min < xa_renal_threshold(region));
    if renal_low {
        return (
            ChoiceReason::RenalFunction,
            vec![option(vec![ufh(), make(Agent::Warfarin)], true)],
        );
    }
    // 4. Active cancer → apixaban; LMWH also offered where available.
    if !facts.cancer.active.is_empty() {
        let mut options = vec![option(vec![make(Agent::Apixaban)], true)];
        if lmwh_available(region) {
            options.push(option(vec![make(Agent::Enoxaparin)], false));
        }
        return (ChoiceReason::ActiveCancer, options);
    }
    // 5. Otherwise → apixaban; rivaroxaban as the alternative (not in Child-Pugh B).
    let mut options = vec![option(vec![make(Agent::Apixaban)], true)];
    let child_pugh_b = facts
        .liver
        .child_pugh
        .as_ref()
        .is_some_and(|c| c.value == ChildPugh::B);
    if !child_pugh_b {
        options.push(option(vec![make(Agent::Rivaroxaban)], false));
    }
    (ChoiceReason::Default, options)
}
