//! Venous stenting (clinical-rules.md §4.4; seed 000, 静脈ステント関連学会協議会
//! 「ステント留置に関する指針」, 2025-09-18: the Japanese venous stent guideline).
//!
//! Owns the 13 STENT-* rules: patient selection and inflow checks on a venous stent order
//! (seed 000 §1–§2), the perioperative antithrombotic plan (§3a–§3d), antiplatelets on
//! reintervention (§3c, §3e) and the duration of antithrombotic therapy after a stent (§3d).
//! Each rule below carries its source sentence(s) verbatim (as quoted in
//! `docs/rule-sources.md`, physical line breaks of the PDF extraction kept), an English
//! rendering and a When/Then restatement.
//!
//! Must not: read the clock, do I/O or see JSON; suggest an antithrombotic drug that does not
//! come from [`drug_choice::choose`] (the one exception is the periprocedural unfractionated
//! heparin that seed 000 §3b gives every stent case, built from the shared regimen table
//! [`drug_choice::regimen`]); claim a fact the record does not hold (absences are worded
//! "on record").
//!
//! "Stent rules fire on an ordered venous stent ServiceRequest unless noted" (§4.4): ordered
//! = selected in order-select, any draft in order-sign (§3.2), i.e.
//! [`PatientFacts::ordered_procedures`] of kind [`ProcedureKind::StentPlacement`]. Noted
//! exceptions: STENT-REINTERVENTION-ANTIPLATELET (a new angioplasty also makes a
//! reintervention), STENT-DURATION-6M and STENT-EXTENDED-THERAPY (a stent on record).

use chrono::{Duration, NaiveDate};

use crate::facts::{
    days, Acuity, Agent, DoseClass, DrugClass, Evidence, InflowType, MedicationOrder, OrderOrigin,
    PatientFacts, ProcedureKind, ProcedureOrder, PtsGrade, ThrombusExtension,
};
use crate::settings::Region;

use super::drug_choice::{self, ChoiceReason, ChoiceRequest, RegimenOption};
use super::general::replacement_suggestions;
use super::reasons;
use super::{
    ActionPlan, Arg, Citation, Finding, Indicator, Mode, Reason, RuleContext, RuleDef,
    SuggestionPlan,
};

/// At least 6 months of antithrombotic therapy after every stent: seed 000 §3d
/// 「術後最低 6ヶ月間の抗血栓療法を継続します」; 6 months = 183 days (clinical-rules.md §3.1).
pub const ANTITHROMBOTIC_MIN_DAYS: i64 = days::SIX_MONTHS;

/// STENT-EXTENDED-THERAPY looks at stents placed 152–183 days ago: the last month before the
/// 6 months of seed 000 §3d end (the catalogue's own timing, clinical-rules.md §4.4).
pub const EXTENDED_THERAPY_FROM_DAYS: i64 = 152;
/// Upper end of the STENT-EXTENDED-THERAPY window (6 months, §3.1).
pub const EXTENDED_THERAPY_TO_DAYS: i64 = days::SIX_MONTHS;

/// STENT-CASE-CONSULT fires when at least this many of its seven checks fire (the catalogue's
/// operationalisation of seed 000 §1e 「全ての点で困難が予想される症例」).
pub const CASE_CONSULT_MIN_CONCERNS: usize = 2;

/// STENT-INFLOW-CONTRAINDICATED.
pub static STENT_INFLOW_CONTRAINDICATED: RuleDef = RuleDef {
    id: "STENT-INFLOW-CONTRAINDICATED",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "Venous stent with inflow Type V",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1a, §2a",
        seed: "000_0a3220f03e4fd094.txt §1a, §2a",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: inflow_contraindicated,
};

/// STENT-INFLOW-OPTIMISE.
pub static STENT_INFLOW_OPTIMISE: RuleDef = RuleDef {
    id: "STENT-INFLOW-OPTIMISE",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Venous stent with inflow Type IVa or IVb",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1a, §2a, §2c",
        seed: "000_0a3220f03e4fd094.txt §1a, §2a, §2c",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: inflow_optimise,
};

/// STENT-INFLOW-UNASSESSED.
pub static STENT_INFLOW_UNASSESSED: RuleDef = RuleDef {
    id: "STENT-INFLOW-UNASSESSED",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Venous stent with inflow not assessed",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1a",
        seed: "000_0a3220f03e4fd094.txt §1a",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: inflow_unassessed,
};

/// STENT-DFV-OSTIUM.
pub static STENT_DFV_OSTIUM: RuleDef = RuleDef {
    id: "STENT-DFV-OSTIUM",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Venous stent with deep femoral vein ostium occluded",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §2a",
        seed: "000_0a3220f03e4fd094.txt §2a",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: dfv_ostium,
};

/// STENT-RESIDUAL-LESION.
pub static STENT_RESIDUAL_LESION: RuleDef = RuleDef {
    id: "STENT-RESIDUAL-LESION",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Lesion left between stent and DFV ostium",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §2b",
        seed: "000_0a3220f03e4fd094.txt §2b",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: residual_lesion,
};

/// STENT-INFLOW-OUTFLOW-UNCLEARED.
pub static STENT_INFLOW_OUTFLOW_UNCLEARED: RuleDef = RuleDef {
    id: "STENT-INFLOW-OUTFLOW-UNCLEARED",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "Venous stent with inflow/outflow not cleared",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1d",
        seed: "000_0a3220f03e4fd094.txt §1d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: inflow_outflow_uncleared,
};

/// STENT-SYMPTOM-ATTRIBUTION.
pub static STENT_SYMPTOM_ATTRIBUTION: RuleDef = RuleDef {
    id: "STENT-SYMPTOM-ATTRIBUTION",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Venous stent when the symptom cause is uncertain",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1b",
        seed: "000_0a3220f03e4fd094.txt §1b",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: symptom_attribution,
};

/// STENT-ADHERENCE.
pub static STENT_ADHERENCE: RuleDef = RuleDef {
    id: "STENT-ADHERENCE",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Venous stent with an adherence concern",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1c",
        seed: "000_0a3220f03e4fd094.txt §1c",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: adherence,
};

/// STENT-CASE-CONSULT.
pub static STENT_CASE_CONSULT: RuleDef = RuleDef {
    id: "STENT-CASE-CONSULT",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Difficult venous stent case: consult first",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1e",
        seed: "000_0a3220f03e4fd094.txt §1e",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: case_consult,
};

/// STENT-PERIOP-PLAN.
pub static STENT_PERIOP_PLAN: RuleDef = RuleDef {
    id: "STENT-PERIOP-PLAN",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Venous stent perioperative antithrombotic plan",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3a–§3d",
        seed: "000_0a3220f03e4fd094.txt §3a–§3d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: periop_plan,
};

/// STENT-REINTERVENTION-ANTIPLATELET.
pub static STENT_REINTERVENTION_ANTIPLATELET: RuleDef = RuleDef {
    id: "STENT-REINTERVENTION-ANTIPLATELET",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Stent reintervention or thrombophilia: antiplatelet",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3c, §3e",
        seed: "000_0a3220f03e4fd094.txt §3c, §3e",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: reintervention_antiplatelet,
};

/// STENT-DURATION-6M.
pub static STENT_DURATION_6M: RuleDef = RuleDef {
    id: "STENT-DURATION-6M",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Antithrombotic therapy under 6 months after a stent",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3d",
        seed: "000_0a3220f03e4fd094.txt §3d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: duration_6m,
};

/// STENT-EXTENDED-THERAPY.
pub static STENT_EXTENDED_THERAPY: RuleDef = RuleDef {
    id: "STENT-EXTENDED-THERAPY",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Stent: antithrombotics beyond 6 months?",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3d",
        seed: "000_0a3220f03e4fd094.txt §3d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: extended_therapy,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &STENT_INFLOW_CONTRAINDICATED,
    &STENT_INFLOW_OPTIMISE,
    &STENT_INFLOW_UNASSESSED,
    &STENT_DFV_OSTIUM,
    &STENT_RESIDUAL_LESION,
    &STENT_INFLOW_OUTFLOW_UNCLEARED,
    &STENT_SYMPTOM_ATTRIBUTION,
    &STENT_ADHERENCE,
    &STENT_CASE_CONSULT,
    &STENT_PERIOP_PLAN,
    &STENT_REINTERVENTION_ANTIPLATELET,
    &STENT_DURATION_6M,
    &STENT_EXTENDED_THERAPY,
];

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// The venous stent orders being placed now (§3.2 "ordered").
fn stent_orders(facts: &PatientFacts) -> Vec<&ProcedureOrder> {
    facts
        .ordered_procedures()
        .filter(|o| o.kind == ProcedureKind::StentPlacement)
        .collect()
}

/// A finding of a stent-order rule, with one "why" line per stent order; `None` when no
/// stent is ordered.
fn stent_finding(
    facts: &PatientFacts,
    rule: &'static RuleDef,
    indicator: Indicator,
) -> Option<Finding> {
    let orders = stent_orders(facts);
    if orders.is_empty() {
        return None;
    }
    let mut finding = Finding::new(rule, indicator);
    for order in orders {
        finding = finding.because(reasons::procedure_order(order));
    }
    Some(finding)
}

fn yes_no(value: bool) -> Arg {
    Arg::Literal(if value { "yes" } else { "no" }.into())
}

fn date_text(evidence: &Evidence) -> Arg {
    Arg::Literal(
        evidence
            .date
            .map_or_else(|| "unknown".to_owned(), |d| d.to_string()),
    )
}

/// An antiplatelet order.
fn is_antiplatelet(order: &MedicationOrder) -> bool {
    order.class() == Some(DrugClass::Antiplatelet)
}

/// A therapeutic anticoagulant order in the sense of a course (§3.2): therapeutic, or a dose
/// that cannot be read (the course of `PatientFacts::course` counts those too).
fn is_course_anticoagulant(order: &MedicationOrder) -> bool {
    order.is_anticoagulant() && order.dose != DoseClass::Prophylactic
}

/// Post-thrombotic syndrome on record: PTS Conditions, or a Villalta score of 5 or more
/// (seed 001 §1.5.3 "≥5提示存在PTS"). One "why" line per piece of evidence.
pub(crate) fn pts_reasons(facts: &PatientFacts) -> Vec<Reason> {
    let mut out: Vec<Reason> = facts
        .post_thrombotic_syndrome
        .iter()
        .map(|e| reasons::dated("reason-post-thrombotic-syndrome", e))
        .collect();
    if let Some(villalta) = facts
        .villalta
        .as_ref()
        .filter(|v| v.grade != PtsGrade::None)
    {
        out.push(reasons::villalta(villalta));
    }
    out
}

/// The thrombophilias on record (APS, MPN, inherited), one "why" line each.
fn thrombophilia_reasons(facts: &PatientFacts) -> Vec<Reason> {
    let t = &facts.thrombophilia;
    t.aps
        .iter()
        .map(|e| reasons::dated("reason-aps", e))
        .chain(t.mpn.iter().map(|e| reasons::dated("reason-mpn", e)))
        .chain(
            t.inherited
                .iter()
                .map(|e| reasons::dated("reason-inherited-thrombophilia", e)),
        )
        .collect()
}

/// When the initial higher DOAC dose applies (seed 000 §3c: 「急性期 DVTでは添付文書どおり、
/// PTSでは新規血栓形成があるときが適応」): the "why" lines, empty when it does not.
///
/// - Acute DVT: a current leg DVT or iliac/IVC thrombosis whose acuity is acute (coded acute,
///   or onset ≤ 28 days, §3.3). A thrombosis of unknown acuity is not taken as acute (no
///   guess: the maintenance dose is then suggested and the card says no acute DVT is on
///   record). Isolated PE is not "DVT" in the seed's wording and does not count.
/// - PTS with new thrombus: PTS on record and follow-up imaging showing thrombus extension
///   (`thrombus-extension` = distal or proximal), the record's only sign of new thrombus
///   apart from an acute thrombosis (which the first branch already covers).
pub(crate) fn initial_dose_reasons(facts: &PatientFacts) -> Vec<Reason> {
    let acute: Vec<Reason> = facts
        .thromboses
        .iter()
        .filter(|e| e.acuity == Acuity::Acute)
        .filter(|e| e.site.is_lower_limb_dvt() || e.site.is_iliocaval())
        .map(reasons::thrombosis)
        .collect();
    if !acute.is_empty() {
        return acute;
    }
    let pts = pts_reasons(facts);
    match facts
        .thrombus_extension
        .as_ref()
        .filter(|x| x.value != ThrombusExtension::None)
    {
        Some(extension) if !pts.is_empty() => {
            let mut out = pts;
            out.push(reasons::extension(extension.value, &extension.evidence));
            out
        }
        _ => Vec::new(),
    }
}

/// The "why" lines that explain a non-default drug choice (§5.1 steps 1–4).
pub(crate) fn choice_reasons(facts: &PatientFacts, reason: ChoiceReason) -> Vec<Reason> {
    match reason {
        ChoiceReason::Pregnancy => facts
            .pregnant()
            .map(|e| reasons::dated("reason-pregnancy", e))
            .into_iter()
            .collect(),
        ChoiceReason::Aps => facts
            .thrombophilia
            .aps
            .first()
            .map(|e| reasons::dated("reason-aps", e))
            .into_iter()
            .collect(),
        ChoiceReason::ChildPughC => facts
            .liver
            .child_pugh
            .as_ref()
            .map(|c| reasons::child_pugh(c.value, &c.evidence))
            .into_iter()
            .collect(),
        ChoiceReason::RenalFunction => facts
            .renal
            .as_ref()
            .map(reasons::renal)
            .into_iter()
            .collect(),
        ChoiceReason::ActiveCancer => facts
            .cancer
            .active
            .first()
            .map(|e| reasons::dated("reason-active-cancer", e))
            .into_iter()
            .collect(),
        ChoiceReason::Default => Vec::new(),
    }
}

/// The selector value naming a drug-choice step, for card texts.
pub(crate) fn choice_arg(reason: ChoiceReason) -> Arg {
    Arg::Literal(
        match reason {
            ChoiceReason::Pregnancy => "pregnancy",
            ChoiceReason::Aps => "aps",
            ChoiceReason::ChildPughC => "child-pugh-c",
            ChoiceReason::RenalFunction => "renal",
            ChoiceReason::ActiveCancer => "cancer",
            ChoiceReason::Default => "default",
        }
        .into(),
    )
}

/// The message id (in `locales/<language>/stent.ftl`) that writes out a drug-choice option's
/// regimen, as the catalogue asks (STENT-PERIOP-PLAN, ICVO-POST-PROCEDURE). It is read off the
/// regimens `choose` returned, so the text and the suggested orders cannot disagree (a unit
/// test below pins the doses).
pub(crate) fn option_term(option: &RegimenOption) -> &'static str {
    let agents: Vec<Agent> = option.regimens.iter().map(|r| r.agent).collect();
    let first = option.regimens.first();
    let initial = first.is_some_and(|r| r.phases.len() > 1);
    let jp = first.is_some_and(|r| r.region == Region::Jp);
    match agents.as_slice() {
        [Agent::Apixaban] if initial => "stent-regimen-apixaban-initial",
        [Agent::Apixaban] => "stent-regimen-apixaban",
        [Agent::Rivaroxaban] => match (initial, jp) {
            (true, true) => "stent-regimen-rivaroxaban-initial-jp",
            (true, false) => "stent-regimen-rivaroxaban-initial",
            (false, true) => "stent-regimen-rivaroxaban-jp",
            (false, false) => "stent-regimen-rivaroxaban",
        },
        [Agent::Warfarin] => "stent-regimen-warfarin",
        [Agent::Enoxaparin] => "stent-regimen-enoxaparin",
        [Agent::Ufh, Agent::Warfarin] => "stent-regimen-ufh-warfarin",
        [Agent::Ufh] => "stent-regimen-ufh",
        _ => "stent-regimen-other",
    }
}

/// The agent an option is named by on a card: its first drug other than the bridging UFH.
pub(crate) fn option_agent(option: &RegimenOption) -> Agent {
    option
        .regimens
        .iter()
        .map(|r| r.agent)
        .find(|a| *a != Agent::Ufh)
        .unwrap_or(Agent::Ufh)
}

/// Days from `as_of` to `until`, as a course length for a suggested order (at least 1).
fn remaining_days(as_of: NaiveDate, until: NaiveDate) -> Option<u32> {
    u32::try_from((until - as_of).num_days())
        .ok()
        .filter(|d| *d > 0)
}

// ---------------------------------------------------------------------------------------------
// Patient selection and inflow (seed 000 §1, §2)
// ---------------------------------------------------------------------------------------------

// STENT-INFLOW-CONTRAINDICATED — stent — critical.
// Source, seed 000 §1a:
//   > a. inflow が悪い患者には、inflow が最適化されない限りステント留置を避けてくださ
//   > い（Type Ⅱ、Ⅲが良い適応、Ⅳa、Ⅳbは症例次第であるがなるべく balloon 血管形
//   > 成、血栓除去で inflow 最適化する、Type Ⅴは禁忌 ＊分類は参考を参照）。
// §2a:
//   > a. 大腿深静脈は開口部を含めて開存している必要があります（大腿静脈の inflow だけ
//   > では不十分、インターベンション後の Type ⅣbまたはⅤはステント留置の良い適
//   > 応ではありません）。
// English: "In patients with poor inflow, avoid stenting unless the inflow has been optimised
//   (Types II and III are good indications; IVa and IVb depend on the case, but inflow should
//   as far as possible be optimised by balloon angioplasty or thrombectomy; Type V is a
//   contraindication. *For the classification see the reference)." — "The deep femoral vein
//   must be patent including its ostium (femoral-vein inflow alone is insufficient; Type IVb
//   or V after intervention is not a good indication for stenting)."
// When a venous stent is ordered and `inflow-type` = V, then stenting is contraindicated
// (critical); suggestion: delete the stent order.
// The catalogue does not distinguish a Type V recorded before or after an inflow intervention;
// both block (§1a "禁忌").
fn inflow_contraindicated(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let inflow = facts
        .stent_workup
        .inflow_type
        .as_ref()
        .filter(|i| i.value == InflowType::V)?;
    let mut finding = stent_finding(facts, &STENT_INFLOW_CONTRAINDICATED, Indicator::Critical)?
        .because(reasons::inflow(inflow.value, &inflow.evidence));
    finding.asks_to_change_course = true;
    // Only drafts with an id can be deleted (CDS Hooks `resourceId`).
    let deletions: Vec<ActionPlan> = stent_orders(facts)
        .into_iter()
        .filter(|o| o.evidence.reference.id().is_some())
        .map(|o| ActionPlan::Delete(o.evidence.reference.clone()))
        .collect();
    if !deletions.is_empty() {
        finding = finding.suggest(SuggestionPlan {
            key: "suggestion-stent-remove-order",
            args: Vec::new(),
            recommended: true,
            actions: deletions,
        });
    }
    Some(finding)
}

// STENT-INFLOW-OPTIMISE — stent — warning.
// Source, seed 000 §1a and §2a (quoted above, STENT-INFLOW-CONTRAINDICATED), and §2c:
//   > c. 最終的なステント留置の前に inflowを改善するためのカテーテル治療を検討してく
//   > ださい（急性 DVT では大腿深静脈を含めた血栓摘除、PTSでは大腿深静脈入口部
//   > の balloon 血管形成など）。
// English (§2c): "Before final stent placement, consider catheter treatment to improve inflow
//   (for acute DVT, thrombectomy including the deep femoral vein; for PTS, balloon angioplasty
//   of the deep femoral vein inlet, etc.)."
// When a venous stent is ordered and `inflow-type` = IVa or IVb, then optimise inflow first
// (balloon angioplasty of the DFV ostium, thrombectomy including the DFV); Type IVb or V after
// intervention is not a good indication (warning). The card keeps the seed's pairing of each
// technique with its setting (thrombectomy for acute DVT, ostial balloon for PTS).
fn inflow_optimise(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let inflow = facts
        .stent_workup
        .inflow_type
        .as_ref()
        .filter(|i| matches!(i.value, InflowType::IVa | InflowType::IVb))?;
    let kind = if inflow.value == InflowType::IVa {
        "IVa"
    } else {
        "IVb"
    };
    let mut finding = stent_finding(facts, &STENT_INFLOW_OPTIMISE, Indicator::Warning)?
        .because(reasons::inflow(inflow.value, &inflow.evidence))
        .with("type", Arg::Literal(kind.into()));
    finding.asks_to_change_course = true;
    Some(finding)
}

// STENT-INFLOW-UNASSESSED — stent — warning.
// Source, seed 000 §1a (end of item a):
//   > ただし
//   > 画像診断は単一の方法では困難なことがあり CT、エコー、静脈造影、IVUSなどで
//   > 総合的に判断してください。
// English: "However, imaging diagnosis with a single modality can be difficult, so judge
//   comprehensively using CT, ultrasound, venography, IVUS and so on."
// When a venous stent is ordered and no `inflow-type` is on record (a finding counts for 183
// days, §3.1), then assess inflow combining CT, duplex ultrasound, venography and IVUS before
// stenting (warning). Asking for a *recorded* type is the catalogue's way of putting §1a into
// practice; the card says so.
fn inflow_unassessed(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    if facts.stent_workup.inflow_type.is_some() {
        return None;
    }
    let mut finding = stent_finding(facts, &STENT_INFLOW_UNASSESSED, Indicator::Warning)?
        .because(reasons::absent("reason-inflow-unassessed"));
    finding.asks_to_change_course = true;
    Some(finding)
}

// STENT-DFV-OSTIUM — stent — warning.
// Source, seed 000 §2a:
//   > a. 大腿深静脈は開口部を含めて開存している必要があります（大腿静脈の inflow だけ
//   > では不十分、インターベンション後の Type ⅣbまたはⅤはステント留置の良い適
//   > 応ではありません）。
// English: "The deep femoral vein must be patent including its ostium (femoral-vein inflow
//   alone is insufficient; Type IVb or V after intervention is not a good indication for
//   stenting)."
// When a venous stent is ordered and `dfv-ostium-patent` = false, then the DFV must be patent
// including its ostium; femoral vein inflow alone is insufficient (warning, as the catalogue
// rates it; rule-sources.md notes reviewers may weigh critical).
fn dfv_ostium(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let patent = facts
        .stent_workup
        .dfv_ostium_patent
        .as_ref()
        .filter(|f| !f.value)?;
    let mut finding = stent_finding(facts, &STENT_DFV_OSTIUM, Indicator::Warning)?.because(
        reasons::dated("reason-dfv-ostium-occluded", &patent.evidence),
    );
    finding.asks_to_change_course = true;
    Some(finding)
}

// STENT-RESIDUAL-LESION — stent — warning.
// Source, seed 000 §2b:
//   > b. 静脈ステントと大腿深静脈の開口部の間に病変が残らないようにしてください。静
//   > 脈造影（場合によっては中枢 balloon拡張下）、IVUS、体表エコーなどにより確認し
//   > てください。
// English: "Make sure no lesion remains between the venous stent and the ostium of the deep
//   femoral vein. Confirm this with venography (in some cases under central balloon
//   dilatation), IVUS, transcutaneous ultrasound and so on."
// When a venous stent is ordered and `residual-lesion-to-dfv` = true, then leave no lesion
// between the stent and the DFV ostium; confirm with venography, IVUS or duplex (warning).
fn residual_lesion(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let lesion = facts
        .stent_workup
        .residual_lesion_to_dfv
        .as_ref()
        .filter(|f| f.value)?;
    let mut finding = stent_finding(facts, &STENT_RESIDUAL_LESION, Indicator::Warning)?
        .because(reasons::dated("reason-residual-lesion", &lesion.evidence));
    finding.asks_to_change_course = true;
    Some(finding)
}

// STENT-INFLOW-OUTFLOW-UNCLEARED — stent — critical.
// Source, seed 000 §1d:
//   > d. Inflow、outflow の血栓・狭窄が十分に解除され、inflow、outflow が担保されていな
//   > い限り（手技中を含めて）、その間の部位にステントを留置しないでください。た
//   > だしステント留置部の遺残血栓はある程度許容されます。
// English: "Unless thrombus and stenosis of the inflow and outflow have been sufficiently
//   cleared and inflow and outflow are secured (including during the procedure), do not place
//   a stent in the segment between them. Residual thrombus at the stent site itself is,
//   however, tolerated to some extent."
// When a venous stent is ordered and `inflow-outflow-cleared` = false, then do not place a
// stent between uncleared inflow and outflow (critical). The catalogue gives no suggestion:
// the stent order is not deleted for the clinician, because clearance may be planned in the
// same procedure (the seed's 「手技中を含めて」); the card asks to confirm clearance before
// deployment and offers override reasons.
fn inflow_outflow_uncleared(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let cleared = facts
        .stent_workup
        .inflow_outflow_cleared
        .as_ref()
        .filter(|f| !f.value)?;
    let mut finding =
        stent_finding(facts, &STENT_INFLOW_OUTFLOW_UNCLEARED, Indicator::Critical)?.because(
            reasons::dated("reason-inflow-outflow-uncleared", &cleared.evidence),
        );
    finding.asks_to_change_course = true;
    Some(finding)
}

// STENT-SYMPTOM-ATTRIBUTION — stent — warning.
// Source, seed 000 §1b:
//   > b. 静脈閉塞が症状の原因であることが明確でない患者（両側性浮腫患者など）には、
//   > ステント留置を避けてください。
// English: "Avoid stenting in patients in whom it is not clear that the venous obstruction is
//   the cause of the symptoms (e.g. patients with bilateral oedema)."
// When a venous stent is ordered and `symptom-attribution-uncertain` = true or bilateral leg
// oedema is recorded, then avoid stenting when the obstruction is not clearly the cause
// (warning).
// Choices: the catalogue fires on recorded bilateral oedema even when the clinician recorded
// `symptom-attribution-uncertain` = false; the card then shows that judgement too, and says
// that bilateral oedema is expected with bilateral iliac or caval obstruction (seed 001:
// 「主要表现为进行性加重的双下肢肿胀」), so it may be explained (rule-sources.md note).
fn symptom_attribution(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let workup = &facts.stent_workup;
    let uncertain = workup
        .symptom_attribution_uncertain
        .as_ref()
        .filter(|f| f.value);
    let judged_clear = workup
        .symptom_attribution_uncertain
        .as_ref()
        .filter(|f| !f.value);
    let oedema = &workup.bilateral_leg_oedema;
    if uncertain.is_none() && oedema.is_empty() {
        return None;
    }
    let mut finding = stent_finding(facts, &STENT_SYMPTOM_ATTRIBUTION, Indicator::Warning)?
        .with("uncertain", yes_no(uncertain.is_some()))
        .with("oedema", yes_no(!oedema.is_empty()))
        .with("judged-clear", yes_no(judged_clear.is_some()));
    if let Some(uncertain) = uncertain {
        finding = finding.because(reasons::dated(
            "reason-symptom-attribution-uncertain",
            &uncertain.evidence,
        ));
    }
    for evidence in oedema {
        finding = finding.because(reasons::dated("reason-bilateral-oedema", evidence));
    }
    if let Some(clear) = judged_clear {
        finding = finding.because(reasons::dated(
            "reason-stent-attribution-judged-clear",
            &clear.evidence,
        ));
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// STENT-ADHERENCE — stent — warning.
// Source, seed 000 §1c:
//   > c. 抗凝固薬の服薬、術後フォローを遵守できる患者を選択してください。
// English: "Select patients who can adhere to anticoagulant medication and post-operative
//   follow-up."
// When a venous stent is ordered and `adherence-concern` = true, then select patients who can
// keep anticoagulation and follow-up (warning).
fn adherence(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let concern = facts
        .stent_workup
        .adherence_concern
        .as_ref()
        .filter(|f| f.value)?;
    let mut finding = stent_finding(facts, &STENT_ADHERENCE, Indicator::Warning)?.because(
        reasons::dated("reason-adherence-concern", &concern.evidence),
    );
    finding.asks_to_change_course = true;
    Some(finding)
}

/// The seven checks STENT-CASE-CONSULT counts (clinical-rules.md §4.4), in catalogue order.
/// STENT-INFLOW-UNASSESSED is not among them (the catalogue leaves it out).
const CASE_CONSULT_CHECKS: [fn(&PatientFacts, &RuleContext) -> Option<Finding>; 7] = [
    inflow_contraindicated,
    inflow_optimise,
    dfv_ostium,
    residual_lesion,
    inflow_outflow_uncleared,
    symptom_attribution,
    adherence,
];

// STENT-CASE-CONSULT — stent — warning.
// Source, seed 000 §1e:
//   > e. 全ての点で困難が予想される症例は、必ず治療前に症例コンサルテーションを行っ
//   > てください。
// English: "In cases where difficulties are anticipated on all [these] points, always hold a
//   case consultation before treatment."
// When a venous stent is ordered and two or more of STENT-INFLOW-CONTRAINDICATED,
// -INFLOW-OPTIMISE, -DFV-OSTIUM, -RESIDUAL-LESION, -INFLOW-OUTFLOW-UNCLEARED,
// -SYMPTOM-ATTRIBUTION and -ADHERENCE fire, then hold a case consultation before treatment
// (warning). The seven rule functions are evaluated here (they are pure); the card lists the
// facts that made each of them fire. "Two or more" is the catalogue's reading of the seed's
// ambiguous 「全ての点で」 (rule-sources.md).
fn case_consult(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let fired: Vec<Finding> = CASE_CONSULT_CHECKS
        .iter()
        .filter_map(|check| check(facts, context))
        .collect();
    if fired.len() < CASE_CONSULT_MIN_CONCERNS {
        return None;
    }
    let mut finding = stent_finding(facts, &STENT_CASE_CONSULT, Indicator::Warning)?
        .with("count", Arg::Number(fired.len() as f64));
    let mut seen: Vec<Reason> = finding.reasons.clone();
    for reason in fired.into_iter().flat_map(|f| f.reasons) {
        if !seen.contains(&reason) {
            seen.push(reason.clone());
            finding = finding.because(reason);
        }
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// Perioperative and post-stent antithrombotic therapy (seed 000 §3)
// ---------------------------------------------------------------------------------------------

// STENT-PERIOP-PLAN — stent — info.
// Source, seed 000 §3a:
//   > • 基本的には術前施行されている抗凝固薬、抗血小板薬を中止しない。ただし出
//   > 血リスクは上昇することに留意してください。中止する場合はヘパリンによる
//   > 代替療法を行います。
// §3b:
//   > • 手技開始後（症例によっては CTO 通過後）に未分画ヘパリンを開始します。
//   > 活性化部分トロンボプラスチン時間（APTT）の目標値は正常値の 1.5～2.5
//   > 倍、あるいは ACT200 秒以上です。
//   > • 術中 ACT でモニターを行います。
//   > • 未分画ヘパリンは経口抗凝固療法が確立されるまで継続します。これは術直後
//   > を含む場合もあります。
// §3c:
//   > • 患者の病態と血栓症の状態に応じて、DOAC（例：アピキサバン 5mg BID、エ
//   > ドキサバン、またはリバーロキサバン）またはワルファリン（INR 2.0～3.0）
//   > に切り替えます。
//   > • DOAC（アピキサバンまたはリバーロキサバン）においては、適応があれば初
//   > 期用量（２倍量）投与も検討します。急性期 DVTでは添付文書どおり、PTS
//   > では新規血栓形成があるときが適応となります。
// §3d:
//   > • すべてのステント留置症例に対して術後最低 6ヶ月間の抗血栓療法を継続しま
//   > す。
// English: "Basically, do not stop anticoagulants or antiplatelets taken before the operation
//   (bleeding risk rises); if they are stopped, bridge with heparin." — "Start unfractionated
//   heparin after the procedure starts (in some cases after CTO crossing). The target APTT is
//   1.5–2.5 times normal, or ACT ≥ 200 seconds. Monitor ACT during the procedure. Continue
//   UFH until oral anticoagulation is established." — "Depending on the patient's condition
//   and the state of the thrombosis, switch to a DOAC (e.g. apixaban 5 mg BID, edoxaban or
//   rivaroxaban) or warfarin (INR 2.0–3.0). For DOACs (apixaban or rivaroxaban), also
//   consider giving the initial dose (double dose) where indicated: in acute DVT as per the
//   package insert; in PTS when there is new thrombus formation." — "Continue antithrombotic
//   therapy for at least 6 months after the procedure in every stent case."
// When any venous stent is ordered, then (info) the perioperative plan: keep current
// anticoagulants/antiplatelets (heparin bridge if stopped); UFH after access, APTT 1.5–2.5× or
// ACT ≥ 200 s, monitored, until oral anticoagulation is established; then the §5.1 agent with
// its regimen written out, initial dose only for acute DVT or PTS with new thrombus, for at
// least 6 months. Suggestions: create the UFH order and the post-procedure order.
// Choices where the catalogue is silent:
// - The post-procedure order comes from `drug_choice::choose` (initial dose per
//   `initial_dose_reasons`, 183 days); the UFH order from the shared regimen table. A UFH
//   inside a chosen option (UFH then warfarin) is the same infusion and is not ordered twice.
// - When a therapeutic anticoagulant other than UFH is already active, planned or ordered,
//   no second one is suggested: §3a says to keep it. The card names it and, when §5.1 would
//   choose another drug, says so (another card may advise the change).
// - When a therapeutic UFH order is already planned or ordered, no second UFH is suggested.
fn periop_plan(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let mut finding = stent_finding(facts, &STENT_PERIOP_PLAN, Indicator::Info)?;
    finding.asks_to_change_course = false;

    // §3a: what the patient already takes is kept; list it.
    for order in facts
        .active_medications()
        .filter(|o| o.is_anticoagulant() || is_antiplatelet(o))
    {
        finding = finding.because(reasons::order(order));
    }
    let current = facts
        .medication_orders
        .iter()
        .find(|o| is_course_anticoagulant(o) && o.agent != Some(Agent::Ufh));
    let ufh_drafted = facts.medication_orders.iter().any(|o| {
        o.origin != OrderOrigin::Active
            && o.agent == Some(Agent::Ufh)
            && o.dose != DoseClass::Prophylactic
    });
    for order in facts
        .medication_orders
        .iter()
        .filter(|o| o.origin != OrderOrigin::Active)
        .filter(|o| is_course_anticoagulant(o))
    {
        finding = finding.because(reasons::order(order));
    }

    let initial = initial_dose_reasons(facts);
    let request = ChoiceRequest {
        initial_dose: !initial.is_empty(),
        total_days: Some(ANTITHROMBOTIC_MIN_DAYS as u32),
    };
    let (choice, options) = drug_choice::choose(facts, context.region, request);
    let preferred = options.iter().find(|o| o.recommended).or(options.first())?;
    let alternative = options.iter().find(|o| *o != preferred);

    let doac = option_agent(preferred).class() == DrugClass::Doac;
    // Whether the anticoagulant already in place is one §5.1 would offer for this patient.
    let current_fits = current.and_then(|o| o.agent).is_some_and(|agent| {
        options
            .iter()
            .any(|o| o.regimens.iter().any(|r| r.agent == agent))
    });
    finding = finding
        .with("plan", Arg::Term(option_term(preferred)))
        .with("has-alternative", yes_no(alternative.is_some()))
        .with(
            "alternative",
            Arg::Term(alternative.map_or("stent-regimen-other", option_term)),
        )
        .with("choice", choice_arg(choice))
        .with("doac", yes_no(doac))
        .with("initial", yes_no(request.initial_dose))
        .with("current", yes_no(current.is_some()))
        .with("current-fits", yes_no(current_fits));
    let summary_agent = match current.and_then(|o| o.agent) {
        Some(agent) => agent,
        None => option_agent(preferred),
    };
    finding = finding.with("agent", reasons::agent(summary_agent));
    for reason in choice_reasons(facts, choice) {
        finding = finding.because(reason);
    }
    // The initial-dose facts matter only when a DOAC is about to be started here.
    if current.is_none() && doac {
        if request.initial_dose {
            for reason in initial {
                finding = finding.because(reason);
            }
        } else {
            finding = finding.because(reasons::absent("reason-stent-no-initial-dose-indication"));
        }
    }

    let ufh = drug_choice::regimen(
        Agent::Ufh,
        context.region,
        ChoiceRequest {
            initial_dose: false,
            total_days: None,
        },
        facts.weight_kg.as_ref().map(|w| w.value),
    );
    if current.is_none() {
        for option in &options {
            let mut actions = Vec::new();
            if !ufh_drafted {
                actions.push(ActionPlan::CreateMedication(ufh.clone()));
            }
            actions.extend(
                option
                    .regimens
                    .iter()
                    .filter(|r| r.agent != Agent::Ufh)
                    .cloned()
                    .map(ActionPlan::CreateMedication),
            );
            if actions.is_empty() {
                continue;
            }
            finding = finding.suggest(SuggestionPlan {
                key: "suggestion-start",
                args: Vec::new(),
                recommended: option.recommended,
                actions,
            });
        }
    } else if !ufh_drafted {
        finding = finding.suggest(SuggestionPlan {
            key: "suggestion-start",
            args: Vec::new(),
            recommended: true,
            actions: vec![ActionPlan::CreateMedication(ufh)],
        });
    }
    Some(finding)
}

// STENT-REINTERVENTION-ANTIPLATELET — stent — info.
// Source, seed 000 §3c:
//   > • 血栓症のハイリスク患者、再インターベンションにおいて、出血リスクが低け
//   > れば抗血小板薬（例：クロピドグレル、アスピリン）の追加を検討します。
//   > ただし出血リスクが上昇すること、クロピドグレルにおいては有効となるまで
//   > 時間がかかることに留意します。
// §3e:
//   > • 再インターベンション：抗凝固療法に加えて抗血小板療法（クロピドグレル、
//   > アスピリン）の追加を検討します。
// English: "In patients at high thrombotic risk and in reinterventions, if the bleeding risk is
//   low, consider adding an antiplatelet drug (e.g. clopidogrel, aspirin). Note, however,
//   that the bleeding risk rises and that clopidogrel takes time to become effective." —
//   "Reintervention: consider adding antiplatelet therapy (clopidogrel, aspirin) to
//   anticoagulation."
// When (reintervention — a stent on record and a new stent, balloon or drug-coated balloon
// angioplasty ordered — or thrombophilia with a stent ordered) and low bleeding risk (a
// recorded `bleeding-risk` = low and no high-risk reason, §3.3), then consider adding
// clopidogrel or aspirin to anticoagulation (info).
// Choices: no suggestion (the catalogue gives none, and an antiplatelet is not a §5.1 choice).
// An antiplatelet already active or ordered does not silence the card: VTE-ANTICOAG-ANTIPLATELET
// leaves this combination to this card, so it stays and lists the antiplatelet.
fn reintervention_antiplatelet(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let interventions: Vec<&ProcedureOrder> = facts
        .ordered_procedures()
        .filter(|o| o.kind.is_venous_intervention())
        .collect();
    let prior_stent = facts.latest_stent();
    let reintervention = prior_stent.is_some() && !interventions.is_empty();
    let stent_ordered = interventions
        .iter()
        .any(|o| o.kind == ProcedureKind::StentPlacement);
    let thrombophilia = facts.thrombophilia.any() && stent_ordered;
    if !(reintervention || thrombophilia) || !facts.bleeding.is_low() {
        return None;
    }
    let why = match (reintervention, thrombophilia) {
        (true, true) => "both",
        (true, false) => "reintervention",
        _ => "thrombophilia",
    };
    let mut finding = Finding::new(&STENT_REINTERVENTION_ANTIPLATELET, Indicator::Info)
        .with("why", Arg::Literal(why.into()));
    finding.asks_to_change_course = false;
    for order in interventions {
        finding = finding.because(reasons::procedure_order(order));
    }
    if let (true, Some(stent)) = (reintervention, prior_stent) {
        finding = finding.because(reasons::dated("reason-venous-stent", stent));
    }
    if thrombophilia {
        for reason in thrombophilia_reasons(facts) {
            finding = finding.because(reason);
        }
    }
    if let Some(judgement) = &facts.bleeding.judgement {
        finding = finding.because(reasons::dated(
            "reason-bleeding-judged-low",
            &judgement.evidence,
        ));
    }
    for order in facts
        .medication_orders
        .iter()
        .filter(|o| is_antiplatelet(o))
    {
        finding = finding.because(reasons::order(order));
    }
    Some(finding)
}

// STENT-DURATION-6M — anticoag, review — warning.
// Source, seed 000 §3d:
//   > • すべてのステント留置症例に対して術後最低 6ヶ月間の抗血栓療法を継続しま
//   > す。
// English: "Continue antithrombotic therapy for at least 6 months after the procedure in every
//   stent case."
// When a venous stent was placed ≤ 183 days ago and the ordered antithrombotic course ends
// before 183 days after the stent (anticoag), or no anticoagulant or antiplatelet is active
// (review), then continue antithrombotic therapy at least 6 months after stenting (warning).
// Choices:
// - "Antithrombotic course": the antithrombotic classes of §3.2 include antiplatelets, and the
//   seed says 抗血栓療法; so the orders that carry the therapy are the therapeutic (or
//   unreadable-dose) anticoagulants of the §3.2 course *and* antiplatelet orders, active,
//   planned or ordered. Their latest end is the end of therapy; any open-ended one leaves it
//   open (no card). This keeps the anticoag variant consistent with the review variant, which
//   accepts an antiplatelet (rule-sources.md note). The card fires only when such an order is
//   being ordered now ("the ordered course"); a prophylactic-dose order alone is not a course.
// - The stent date counts at its latest possible day (a partial date stands for its period):
//   the stricter reading of "183 days after the stent".
// - Suggestions (§5.1, `drug_choice::choose`): in anticoag, replace the ordered anticoagulant
//   drafts with a course that reaches 183 days after the stent — only when no anticoagulant of
//   the course is active (a new order beside an active one would double the anticoagulation)
//   and every draft has an id; in review, start one for the remaining days. The initial dose
//   follows the same test as STENT-PERIOP-PLAN.
fn duration_6m(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let stent = facts.latest_stent()?;
    let placed = stent.date?;
    if !placed.within_days_before(context.as_of, ANTITHROMBOTIC_MIN_DAYS) {
        return None;
    }
    let until = placed.last_day() + Duration::days(ANTITHROMBOTIC_MIN_DAYS);
    let request = ChoiceRequest {
        initial_dose: !initial_dose_reasons(facts).is_empty(),
        total_days: remaining_days(context.as_of, until),
    };
    let mut finding = Finding::new(&STENT_DURATION_6M, Indicator::Warning)
        .because(reasons::dated("reason-venous-stent", stent))
        .with("date", date_text(stent))
        .with("until", Arg::Date(until));
    finding.asks_to_change_course = true;
    match context.mode {
        Mode::Review => {
            let active = facts
                .active_medications()
                .any(|o| o.is_anticoagulant() || is_antiplatelet(o));
            if active {
                return None;
            }
            finding = finding
                .with("variant", Arg::Literal("none-active".into()))
                .because(reasons::absent("reason-stent-no-antithrombotic-active"));
            if request.total_days.is_some() {
                for suggestion in replacement_suggestions(facts, context, &[], request) {
                    finding = finding.suggest(suggestion);
                }
            }
        }
        Mode::Ordering => {
            let cover: Vec<&MedicationOrder> = facts
                .medication_orders
                .iter()
                .filter(|o| is_course_anticoagulant(o) || is_antiplatelet(o))
                .collect();
            if !cover.iter().any(|o| o.origin == OrderOrigin::Ordered) {
                return None;
            }
            if cover.iter().any(|o| o.end.is_none()) {
                return None;
            }
            let end = cover.iter().filter_map(|o| o.end).max()?;
            if end >= until {
                return None;
            }
            let after = (end - placed.last_day()).num_days();
            finding = finding
                .with("variant", Arg::Literal("short".into()))
                .with("days", Arg::Number(after as f64))
                .with("end", Arg::Date(end));
            for order in &cover {
                finding = finding.because(reasons::order(order));
            }
            finding = finding.because(Reason {
                key: "reason-stent-antithrombotic-end",
                args: vec![("end", Arg::Date(end)), ("days", Arg::Number(after as f64))],
                evidence: Vec::new(),
            });
            let active_anticoagulant = cover
                .iter()
                .any(|o| o.origin == OrderOrigin::Active && o.is_anticoagulant());
            let drafts: Vec<&MedicationOrder> = cover
                .iter()
                .copied()
                .filter(|o| o.origin != OrderOrigin::Active && o.is_anticoagulant())
                .collect();
            if !active_anticoagulant && !drafts.is_empty() && request.total_days.is_some() {
                for suggestion in replacement_suggestions(facts, context, &drafts, request) {
                    finding = finding.suggest(suggestion);
                }
            }
        }
    }
    Some(finding)
}

// STENT-EXTENDED-THERAPY — review — info.
// Source, seed 000 §3d:
//   > • PTS、inflow 不良、または血栓傾向がある症例には出血リスクを考えながら継
//   > 続投与を検討します。
// English: "In cases with PTS, poor inflow or a thrombotic tendency, consider continued
//   administration while weighing the bleeding risk."
// When the latest venous stent was placed 152–183 days ago and PTS (Condition, or Villalta
// ≥ 5), inflow Type IVa/IVb/V or thrombophilia is present, then consider continuing beyond
// 6 months, weighing bleeding risk (info). "Poor inflow" = Types IVa/IVb/V and "thrombotic
// tendency" = thrombophilia are the catalogue's readings. The card does not require an active
// therapy (STENT-DURATION-6M covers a patient without one); a high bleeding risk on record is
// shown for the weighing.
fn extended_therapy(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let stent = facts.latest_stent()?;
    let placed = stent.date?;
    let from = context.as_of - Duration::days(EXTENDED_THERAPY_TO_DAYS);
    let to = context.as_of - Duration::days(EXTENDED_THERAPY_FROM_DAYS);
    if !placed.overlaps(from, to) {
        return None;
    }
    let pts = pts_reasons(facts);
    let poor_inflow = facts
        .stent_workup
        .inflow_type
        .as_ref()
        .filter(|i| matches!(i.value, InflowType::IVa | InflowType::IVb | InflowType::V));
    let thrombophilia = thrombophilia_reasons(facts);
    let kinds = [
        (!pts.is_empty(), "pts"),
        (poor_inflow.is_some(), "inflow"),
        (!thrombophilia.is_empty(), "thrombophilia"),
    ];
    let present: Vec<&str> = kinds.iter().filter(|(p, _)| *p).map(|(_, k)| *k).collect();
    let factor = match present.as_slice() {
        [] => return None,
        [one] => *one,
        _ => "several",
    };
    let mut factors = pts;
    if let Some(inflow) = poor_inflow {
        factors.push(reasons::inflow(inflow.value, &inflow.evidence));
    }
    factors.extend(thrombophilia);
    let until = placed.last_day() + Duration::days(ANTITHROMBOTIC_MIN_DAYS);
    let high_bleeding = facts.bleeding.high_risk_reasons();
    let mut finding = Finding::new(&STENT_EXTENDED_THERAPY, Indicator::Info)
        .because(reasons::dated("reason-venous-stent", stent))
        .with("date", date_text(stent))
        .with("until", Arg::Date(until))
        .with("bleeding", yes_no(!high_bleeding.is_empty()))
        .with("factor", Arg::Literal(factor.into()));
    finding.asks_to_change_course = false;
    for reason in factors {
        finding = finding.because(reason);
    }
    for (reason, evidence) in high_bleeding {
        finding = finding.because(reasons::bleeding(reason, evidence));
    }
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Observed, StentWorkup, ThrombosisEpisode, ThrombosisSite};
    use crate::fhir::{PartialDate, ResourceRef};

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn context(mode: Mode) -> RuleContext {
        RuleContext {
            as_of: as_of(),
            region: Region::Intl,
            mode,
        }
    }

    fn evidence(kind: &str, id: &str, days_ago: i64) -> Evidence {
        Evidence::new(
            ResourceRef::new(kind, id),
            Some(PartialDate::day(as_of() - Duration::days(days_ago))),
        )
    }

    fn observed<T>(value: T, id: &str) -> Option<Observed<T>> {
        Some(Observed {
            value,
            evidence: evidence("Observation", id, 3),
        })
    }

    fn with_stent_order() -> PatientFacts {
        PatientFacts {
            as_of: as_of(),
            procedure_orders: vec![ProcedureOrder {
                kind: ProcedureKind::StentPlacement,
                evidence: evidence("ServiceRequest", "draft-stent", 0),
                ordered: true,
            }],
            ..Default::default()
        }
    }

    fn fires(
        rule: fn(&PatientFacts, &RuleContext) -> Option<Finding>,
        facts: &PatientFacts,
    ) -> bool {
        rule(facts, &context(Mode::Ordering)).is_some()
    }

    #[test]
    fn case_consult_needs_two_of_its_seven_checks() {
        let mut facts = with_stent_order();
        facts.stent_workup = StentWorkup {
            inflow_type: observed(InflowType::II, "inflow"),
            adherence_concern: observed(true, "adherence"),
            ..Default::default()
        };
        assert!(fires(adherence, &facts));
        assert!(!fires(case_consult, &facts), "one concern is not enough");

        facts.stent_workup.dfv_ostium_patent = observed(false, "dfv");
        let finding = case_consult(&facts, &context(Mode::Ordering)).expect("two concerns");
        assert_eq!(finding.indicator, Indicator::Warning);
        assert!(finding.args.contains(&("count", Arg::Number(2.0))));
        // The stent order once, then the facts behind each concern.
        let keys: Vec<&str> = finding.reasons.iter().map(|r| r.key).collect();
        assert_eq!(
            keys,
            vec![
                "reason-procedure-ordered",
                "reason-dfv-ostium-occluded",
                "reason-adherence-concern"
            ]
        );
    }

    #[test]
    fn case_consult_does_not_count_an_unassessed_inflow() {
        let mut facts = with_stent_order();
        facts.stent_workup.adherence_concern = observed(true, "adherence");
        assert!(fires(inflow_unassessed, &facts));
        assert!(fires(adherence, &facts));
        assert!(!fires(case_consult, &facts));
    }

    #[test]
    fn case_consult_counts_inflow_type_v_once_even_though_it_is_critical() {
        let mut facts = with_stent_order();
        facts.stent_workup.inflow_type = observed(InflowType::V, "inflow");
        assert!(fires(inflow_contraindicated, &facts));
        assert!(!fires(inflow_optimise, &facts));
        assert!(!fires(case_consult, &facts));
        facts.stent_workup.inflow_outflow_cleared = observed(false, "cleared");
        assert!(fires(case_consult, &facts));
    }

    #[test]
    fn stent_rules_stay_silent_without_a_stent_order() {
        let mut facts = with_stent_order();
        facts.procedure_orders[0].kind = ProcedureKind::BalloonAngioplasty;
        facts.stent_workup.inflow_type = observed(InflowType::V, "inflow");
        facts.stent_workup.adherence_concern = observed(true, "adherence");
        for check in CASE_CONSULT_CHECKS {
            assert!(!fires(check, &facts));
        }
        assert!(!fires(case_consult, &facts));
        assert!(!fires(periop_plan, &facts));
    }

    #[test]
    fn inflow_type_v_deletes_only_drafts_with_an_id() {
        let mut facts = with_stent_order();
        facts.stent_workup.inflow_type = observed(InflowType::V, "inflow");
        let finding = inflow_contraindicated(&facts, &context(Mode::Ordering)).unwrap();
        assert_eq!(
            finding.suggestions[0].actions,
            vec![ActionPlan::Delete(ResourceRef::new(
                "ServiceRequest",
                "draft-stent"
            ))]
        );
        facts.procedure_orders[0].evidence.reference =
            ResourceRef::unidentified("ServiceRequest", "context.draftOrders.entry[0]");
        let finding = inflow_contraindicated(&facts, &context(Mode::Ordering)).unwrap();
        assert!(finding.suggestions.is_empty());
    }

    #[test]
    fn the_initial_dose_needs_acute_dvt_or_pts_with_new_thrombus() {
        let mut facts = with_stent_order();
        facts.thromboses.push(ThrombosisEpisode {
            site: ThrombosisSite::Iliac,
            acuity: Acuity::Chronic,
            laterality: crate::facts::Laterality::Left,
            onset: None,
            evidence: evidence("Condition", "iliac", 400),
        });
        assert!(initial_dose_reasons(&facts).is_empty());
        facts
            .post_thrombotic_syndrome
            .push(evidence("Condition", "pts", 300));
        assert!(initial_dose_reasons(&facts).is_empty(), "PTS alone");
        facts.thrombus_extension = observed(ThrombusExtension::Proximal, "extension");
        assert_eq!(
            initial_dose_reasons(&facts).len(),
            2,
            "PTS with new thrombus"
        );
        facts.post_thrombotic_syndrome.clear();
        assert!(
            initial_dose_reasons(&facts).is_empty(),
            "new thrombus without PTS"
        );
        facts.thromboses[0].acuity = Acuity::Acute;
        assert_eq!(initial_dose_reasons(&facts).len(), 1, "acute DVT");
    }

    #[test]
    fn regimen_texts_match_what_the_drug_choice_function_orders() {
        use crate::guidelines::drug_choice::{regimen, DoseUnit};
        let dose = |agent, region, initial| {
            let r = regimen(
                agent,
                region,
                ChoiceRequest {
                    initial_dose: initial,
                    total_days: None,
                },
                None,
            );
            let term = option_term(&RegimenOption {
                regimens: vec![r.clone()],
                recommended: true,
            });
            let doses: Vec<(f64, u32, Option<u32>)> = r
                .phases
                .iter()
                .map(|p| {
                    let (mg, unit) = p.dose.unwrap();
                    assert_eq!(unit, DoseUnit::Mg);
                    (mg, p.per_day.unwrap(), p.days)
                })
                .collect();
            (term, doses)
        };
        assert_eq!(
            dose(Agent::Apixaban, Region::Intl, true),
            (
                "stent-regimen-apixaban-initial",
                vec![(10.0, 2, Some(7)), (5.0, 2, None)]
            )
        );
        assert_eq!(
            dose(Agent::Apixaban, Region::Jp, false),
            ("stent-regimen-apixaban", vec![(5.0, 2, None)])
        );
        assert_eq!(
            dose(Agent::Rivaroxaban, Region::Intl, true),
            (
                "stent-regimen-rivaroxaban-initial",
                vec![(15.0, 2, Some(21)), (20.0, 1, None)]
            )
        );
        assert_eq!(
            dose(Agent::Rivaroxaban, Region::Jp, true),
            (
                "stent-regimen-rivaroxaban-initial-jp",
                vec![(15.0, 2, Some(21)), (15.0, 1, None)]
            )
        );
        assert_eq!(
            dose(Agent::Rivaroxaban, Region::Cn, false),
            ("stent-regimen-rivaroxaban", vec![(20.0, 1, None)])
        );
        assert_eq!(
            dose(Agent::Rivaroxaban, Region::Jp, false),
            ("stent-regimen-rivaroxaban-jp", vec![(15.0, 1, None)])
        );
    }

    fn order(agent: Agent, origin: OrderOrigin, end_in_days: Option<i64>) -> MedicationOrder {
        MedicationOrder {
            reference: ResourceRef::new("MedicationRequest", format!("{agent:?}-{origin:?}")),
            origin,
            agent: Some(agent),
            dose: if agent.class() == DrugClass::Antiplatelet {
                DoseClass::NotApplicable
            } else {
                DoseClass::Therapeutic
            },
            amount_per_dose: None,
            doses_per_day: None,
            start: as_of(),
            end: end_in_days.map(|d| as_of() + Duration::days(d)),
            dosage_text: String::new(),
        }
    }

    #[test]
    fn duration_counts_antiplatelets_as_antithrombotic_therapy() {
        let mut facts = PatientFacts {
            as_of: as_of(),
            venous_stents: vec![evidence("Procedure", "stent", 60)],
            ..Default::default()
        };
        // Ordered apixaban for 60 days: ends 120 days after the stent.
        facts
            .medication_orders
            .push(order(Agent::Apixaban, OrderOrigin::Ordered, Some(60)));
        let finding = duration_6m(&facts, &context(Mode::Ordering)).expect("too short");
        assert!(finding.args.contains(&("days", Arg::Number(120.0))));
        assert_eq!(finding.suggestions.len(), 2, "apixaban or rivaroxaban");
        // An open-ended aspirin carries the therapy on.
        facts
            .medication_orders
            .push(order(Agent::Aspirin, OrderOrigin::Active, None));
        assert!(duration_6m(&facts, &context(Mode::Ordering)).is_none());
        // An aspirin ending in time does too.
        facts.medication_orders[1].end = Some(as_of() + Duration::days(123));
        assert!(duration_6m(&facts, &context(Mode::Ordering)).is_none());
        facts.medication_orders[1].end = Some(as_of() + Duration::days(122));
        let finding = duration_6m(&facts, &context(Mode::Ordering)).expect("one day short");
        assert!(finding.args.contains(&("days", Arg::Number(182.0))));
    }

    #[test]
    fn duration_does_not_replace_a_draft_beside_an_active_anticoagulant() {
        let mut facts = PatientFacts {
            as_of: as_of(),
            venous_stents: vec![evidence("Procedure", "stent", 30)],
            ..Default::default()
        };
        facts
            .medication_orders
            .push(order(Agent::Apixaban, OrderOrigin::Active, Some(20)));
        facts
            .medication_orders
            .push(order(Agent::Apixaban, OrderOrigin::Ordered, Some(60)));
        let finding = duration_6m(&facts, &context(Mode::Ordering)).expect("too short");
        assert!(finding.suggestions.is_empty());
    }

    #[test]
    fn duration_ends_with_the_stent_window() {
        let mut facts = PatientFacts {
            as_of: as_of(),
            venous_stents: vec![evidence("Procedure", "stent", 184)],
            ..Default::default()
        };
        assert!(duration_6m(&facts, &context(Mode::Review)).is_none());
        facts.venous_stents[0] = evidence("Procedure", "stent", 183);
        assert!(duration_6m(&facts, &context(Mode::Review)).is_some());
    }

    #[test]
    fn extended_therapy_window_is_152_to_183_days() {
        let mut facts = PatientFacts {
            as_of: as_of(),
            venous_stents: vec![evidence("Procedure", "stent", 151)],
            post_thrombotic_syndrome: vec![evidence("Condition", "pts", 400)],
            ..Default::default()
        };
        let review = context(Mode::Review);
        assert!(extended_therapy(&facts, &review).is_none());
        for days in [152, 170, 183] {
            facts.venous_stents[0] = evidence("Procedure", "stent", days);
            assert!(extended_therapy(&facts, &review).is_some(), "{days}");
        }
        facts.venous_stents[0] = evidence("Procedure", "stent", 184);
        assert!(extended_therapy(&facts, &review).is_none());
    }
}
