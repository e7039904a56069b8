//! The facts behind a card, worded once for every rule: each builder returns a [`Reason`]
//! whose message id lives in `locales/<language>/cards.ftl`.

use crate::facts::{
    Acuity, Agent, BleedingReason, ChildPugh, DoseClass, Evidence, FilterShape, InflowType,
    MedicationOrder, OrderOrigin, ProcedureKind, ProcedureOrder, PtsGrade, RenalFunction,
    RenalMeasure, RiskFactor, SymptomSeverity, ThrombosisEpisode, ThrombosisSite,
    ThrombusExtension, Villalta,
};
use crate::fhir::PartialDate;

use super::{agent_term, Arg, Reason};

fn date_arg(date: Option<PartialDate>) -> Arg {
    Arg::Literal(date.map_or_else(|| "unknown".to_owned(), |d| d.to_string()))
}

/// The message id naming a thrombosis site.
pub fn site_term(site: ThrombosisSite) -> &'static str {
    match site {
        ThrombosisSite::CalfMuscular => "site-calf-muscular",
        ThrombosisSite::Tibial => "site-tibial",
        ThrombosisSite::Peroneal => "site-peroneal",
        ThrombosisSite::DistalUnspecified => "site-distal-unspecified",
        ThrombosisSite::Popliteal => "site-popliteal",
        ThrombosisSite::Femoral => "site-femoral",
        ThrombosisSite::ProximalUnspecified => "site-proximal-unspecified",
        ThrombosisSite::LowerLimbUnspecified => "site-lower-limb-unspecified",
        ThrombosisSite::Iliac => "site-iliac",
        ThrombosisSite::Ivc => "site-ivc",
        ThrombosisSite::Portal => "site-portal",
        ThrombosisSite::Mesenteric => "site-mesenteric",
        ThrombosisSite::PulmonaryEmbolism => "site-pulmonary-embolism",
        ThrombosisSite::UnspecifiedVein => "site-unspecified-vein",
    }
}

/// A current thrombosis: site, acuity and onset.
pub fn thrombosis(episode: &ThrombosisEpisode) -> Reason {
    let acuity = match episode.acuity {
        Acuity::Acute => "acute",
        Acuity::Chronic => "chronic",
        Acuity::Unknown => "unknown",
    };
    Reason::new("reason-thrombosis", &episode.evidence.reference)
        .with("site", Arg::Term(site_term(episode.site)))
        .with("acuity", Arg::Literal(acuity.into()))
        .with("onset", date_arg(episode.onset))
}

/// A medication order: ordered now, planned, or active; with its drug and dose class.
pub fn order(order: &MedicationOrder) -> Reason {
    let key = match order.origin {
        OrderOrigin::Ordered => "reason-ordered",
        OrderOrigin::Planned => "reason-planned",
        OrderOrigin::Active => "reason-active",
    };
    let dose = match order.dose {
        DoseClass::Therapeutic => "therapeutic",
        DoseClass::Prophylactic => "prophylactic",
        DoseClass::Unknown => "unknown",
        DoseClass::NotApplicable => "none",
    };
    Reason::new(key, &order.reference)
        .with(
            "agent",
            Arg::Term(order.agent.map_or("agent-unknown", agent_term)),
        )
        .with("dose", Arg::Literal(dose.into()))
}

/// A procedure order being placed.
pub fn procedure_order(order: &ProcedureOrder) -> Reason {
    Reason::new("reason-procedure-ordered", &order.evidence.reference)
        .with("procedure", Arg::Term(procedure_term(order.kind)))
}

/// The message id naming an ordered procedure.
pub fn procedure_term(kind: ProcedureKind) -> &'static str {
    match kind {
        ProcedureKind::StentPlacement => "procedure-venous-stent",
        ProcedureKind::BalloonAngioplasty => "procedure-balloon-angioplasty",
        ProcedureKind::DrugCoatedBalloon => "procedure-drug-coated-balloon",
        ProcedureKind::FilterInsertion => "procedure-ivc-filter-insertion",
        ProcedureKind::FilterRemoval => "procedure-ivc-filter-removal",
    }
}

/// An extension risk factor (seed 002 §4, seed 003).
pub fn risk_factor(factor: RiskFactor, evidence: &Evidence) -> Reason {
    let key = match factor {
        RiskFactor::DDimerPositive => "reason-risk-d-dimer-positive",
        RiskFactor::Unprovoked => "reason-risk-unprovoked",
        RiskFactor::PriorVte => "reason-risk-prior-vte",
        RiskFactor::ActiveCancer => "reason-risk-active-cancer",
        RiskFactor::Immobilised => "reason-risk-immobilised",
        RiskFactor::LengthOver5Cm => "reason-risk-length",
        RiskFactor::DiameterOver7Mm => "reason-risk-diameter",
        RiskFactor::TwoOrMoreVeins => "reason-risk-veins",
        RiskFactor::NearPopliteal => "reason-risk-near-popliteal",
    };
    Reason::new(key, &evidence.reference).with("date", date_arg(evidence.date))
}

/// A reason for a high bleeding risk.
pub fn bleeding(reason: BleedingReason, evidence: &Evidence) -> Reason {
    let key = match reason {
        BleedingReason::AcuteIch => "reason-bleeding-ich",
        BleedingReason::MajorBleeding => "reason-bleeding-major",
        BleedingReason::LowPlatelets => "reason-bleeding-platelets",
        BleedingReason::JudgedHigh => "reason-bleeding-judged-high",
    };
    Reason::new(key, &evidence.reference).with("date", date_arg(evidence.date))
}

/// Symptoms of the current thrombosis.
pub fn symptoms(severity: SymptomSeverity, evidence: &Evidence) -> Reason {
    let key = match severity {
        SymptomSeverity::Severe => "reason-symptoms-severe",
        SymptomSeverity::Mild => "reason-symptoms-mild",
        SymptomSeverity::None => "reason-symptoms-none",
    };
    Reason::new(key, &evidence.reference)
}

/// Follow-up imaging result.
pub fn extension(result: ThrombusExtension, evidence: &Evidence) -> Reason {
    let key = match result {
        ThrombusExtension::Distal => "reason-extension-distal",
        ThrombusExtension::Proximal => "reason-extension-proximal",
        ThrombusExtension::None => "reason-extension-none",
    };
    Reason::new(key, &evidence.reference).with("date", date_arg(evidence.date))
}

/// Renal function: which measure, its value and date.
pub fn renal(renal: &RenalFunction) -> Reason {
    let measure = match renal.measure {
        RenalMeasure::CreatinineClearance => "crcl",
        RenalMeasure::Egfr => "egfr",
    };
    Reason::new("reason-renal", &renal.evidence.reference)
        .with("measure", Arg::Literal(measure.into()))
        .with(
            "value",
            Arg::Number((renal.ml_per_min * 10.0).round() / 10.0),
        )
        .with("date", date_arg(renal.evidence.date))
}

/// Child-Pugh class.
pub fn child_pugh(class: ChildPugh, evidence: &Evidence) -> Reason {
    let class = match class {
        ChildPugh::A => "A",
        ChildPugh::B => "B",
        ChildPugh::C => "C",
    };
    Reason::new("reason-child-pugh", &evidence.reference).with("class", Arg::Literal(class.into()))
}

/// Inflow type (seed 000).
pub fn inflow(kind: InflowType, evidence: &Evidence) -> Reason {
    let text = match kind {
        InflowType::I => "I",
        InflowType::II => "II",
        InflowType::III => "III",
        InflowType::IVa => "IVa",
        InflowType::IVb => "IVb",
        InflowType::V => "V",
    };
    Reason::new("reason-inflow-type", &evidence.reference).with("type", Arg::Literal(text.into()))
}

/// IVC filter shape.
pub fn filter_shape(shape: FilterShape, evidence: &Evidence) -> Reason {
    let text = match shape {
        FilterShape::Conical => "conical",
        FilterShape::Spindle => "spindle",
    };
    Reason::new("reason-filter-shape", &evidence.reference).with("shape", Arg::Literal(text.into()))
}

/// The Villalta score and PTS grade.
pub fn villalta(villalta: &Villalta) -> Reason {
    let grade = match villalta.grade {
        PtsGrade::None => "none",
        PtsGrade::Mild => "mild",
        PtsGrade::Moderate => "moderate",
        PtsGrade::Severe => "severe",
    };
    Reason::new("reason-villalta", &villalta.evidence.reference)
        .with("score", Arg::Number(villalta.score as f64))
        .with("grade", Arg::Literal(grade.into()))
        .with("date", date_arg(villalta.evidence.date))
}

/// A fact with a date (stent placement, filter insertion, ...): `key` from cards.ftl.
pub fn dated(key: &'static str, evidence: &Evidence) -> Reason {
    Reason::new(key, &evidence.reference).with("date", date_arg(evidence.date))
}

/// A fact with no evidence resource (an absence: "no variceal assessment on record").
pub fn absent(key: &'static str) -> Reason {
    Reason {
        key,
        args: Vec::new(),
        evidence: Vec::new(),
    }
}

/// A drug name for card texts.
pub fn agent(agent: Agent) -> Arg {
    Arg::Term(agent_term(agent))
}
