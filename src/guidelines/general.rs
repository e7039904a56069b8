//! General anticoagulant choice (clinical-rules.md §4.1): which anticoagulant, at which dose,
//! for venous thromboembolism — APS, DOAC versus warfarin, cancer, renal function, the
//! edoxaban dose, pregnancy, the Japanese LMWH restriction and the anticoagulant–antiplatelet
//! combination.
//!
//! Owns: the nine `VTE-*` rules, their citations and thresholds. Every rule here is bound to
//! the anticoagulation services only (`hooks/venous-anticoagulation-*.json`) and returns
//! nothing on patient-view ([`Mode::Review`]). "Ordered" follows §3.2 (selected drafts in
//! order-select, every draft in order-sign); "active" is an active record order.
//!
//! Must not: read the clock, do I/O, see JSON, or pick a drug itself. Every suggestion that
//! creates an antithrombotic order goes through [`replacement_suggestions`], which asks the
//! one drug-choice function ([`drug_choice::choose`], §5.1), so no card here suggests a drug
//! another card forbids. Where a rule would recommend something §5.1 would not suggest for
//! the same patient (e.g. "prefer apixaban" in APS), the rule stays silent and the rule that
//! owns that situation speaks (each such choice is written next to the rule).
//!
//! Sources: seed 000 (静脈ステント関連学会協議会 ステント留置に関する指針, 2025-09-18),
//! seed 002 (肌间静脉血栓到底需不需要抗凝?, undated web review), seed 004 (JapaneseHealth.org
//! portal vein thrombosis review) and, for the rules marked *beyond the seeds*, the drug
//! labels. Quotes are verbatim from `docs/rule-sources.md` (seed 000 keeps its PDF line
//! breaks).
//!
//! Choices where the catalogue is silent (each also written at its rule):
//! - "for VTE" (VTE-WARFARIN-INR-TARGET, VTE-JP-NO-LMWH, `jp` dabigatran in VTE-DOAC-RENAL)
//!   = any current venous thrombosis episode, portal, mesenteric and unspecified veins
//!   included; VTE-DOAC-PREFERRED and VTE-CANCER-AGENT use the catalogue's VTE (leg DVT,
//!   iliac/IVC, PE: `has_vte`).
//! - Replacement orders keep the replaced drafts' planned course length when every draft has
//!   an end ([`planned_days`]); the initial higher DOAC dose is used for an acute VTE with no
//!   therapeutic anticoagulant active yet ([`initial_dose_applies`]).
//! - Renal function is the §3.3 fact: creatinine clearance, else eGFR; cards name the measure.

use crate::facts::{
    Acuity, Agent, ChildPugh, DoseClass, DrugClass, MedicationOrder, OrderOrigin, PatientFacts,
    RenalMeasure,
};

use super::drug_choice::{self, ChoiceReason, ChoiceRequest};
use super::reasons;
use super::{
    ActionPlan, Arg, Citation, Finding, Indicator, Mode, Reason, RuleContext, RuleDef,
    SuggestionPlan,
};
use crate::settings::Region;

// ---------------------------------------------------------------------------------------------
// Thresholds (beyond the seeds: drug labels). Apixaban and rivaroxaban use
// `drug_choice::xa_renal_threshold` (intl/cn 15 mL/min, jp 30 mL/min), the same limit the
// drug-choice function applies.
// ---------------------------------------------------------------------------------------------

/// Edoxaban is not recommended below this renal function (mL/min), every profile (edoxaban
/// label: CrCl < 15 mL/min not recommended; Japanese label the same; clinical-rules.md
/// VTE-DOAC-RENAL).
pub const EDOXABAN_RENAL_THRESHOLD: f64 = 15.0;
/// Dabigatran is contraindicated below this renal function (mL/min) (dabigatran label:
/// CrCl < 30 mL/min; clinical-rules.md VTE-DOAC-RENAL, `intl`). In `jp` dabigatran is not
/// approved for VTE at any renal function; without a VTE on record this limit applies there
/// too (Japanese label for atrial fibrillation: CrCl < 30 mL/min contraindicated).
pub const DABIGATRAN_RENAL_THRESHOLD: f64 = 30.0;
/// Edoxaban full dose, mg once daily (edoxaban label).
pub const EDOXABAN_FULL_DOSE_MG: f64 = 60.0;
/// Edoxaban reduced dose, mg once daily (edoxaban label).
pub const EDOXABAN_REDUCED_DOSE_MG: f64 = 30.0;
/// Edoxaban is reduced to 30 mg at a creatinine clearance from this value (mL/min, inclusive;
/// below it VTE-DOAC-RENAL applies) ...
pub const EDOXABAN_REDUCE_RENAL_FROM: f64 = EDOXABAN_RENAL_THRESHOLD;
/// ... up to this value (mL/min, inclusive): "CrCl 15–50 mL/min" (edoxaban label).
pub const EDOXABAN_REDUCE_RENAL_TO: f64 = 50.0;
/// Edoxaban is reduced to 30 mg at a body weight at or below this (kg) (edoxaban label:
/// "≤ 60 kg").
pub const EDOXABAN_REDUCE_WEIGHT_KG: f64 = 60.0;
/// Tolerance for comparing decimals with thresholds.
const EPSILON: f64 = 1e-9;

/// The renal function (mL/min) below which `agent` is avoided in `region` (VTE-DOAC-RENAL);
/// `None` for drugs without a DOAC renal limit. `jp` dabigatran for VTE is handled apart
/// ([`dabigatran_not_for_vte`]).
///
/// | profile | apixaban | rivaroxaban | edoxaban | dabigatran |
/// |---|---|---|---|---|
/// | `intl`, `cn` | < 15 | < 15 | < 15 | < 30 |
/// | `jp` | < 30 | < 30 | < 15 | any value, for VTE |
pub fn doac_renal_threshold(agent: Agent, region: Region) -> Option<f64> {
    match agent {
        Agent::Apixaban | Agent::Rivaroxaban => Some(drug_choice::xa_renal_threshold(region)),
        Agent::Edoxaban => Some(EDOXABAN_RENAL_THRESHOLD),
        Agent::Dabigatran => Some(DABIGATRAN_RENAL_THRESHOLD),
        _ => None,
    }
}

/// Dabigatran is not approved for VTE in the profile (`jp`: Japanese approval status;
/// clinical-rules.md §5.2 and VTE-DOAC-RENAL).
pub fn dabigatran_not_for_vte(region: Region) -> bool {
    region == Region::Jp
}

// ---------------------------------------------------------------------------------------------
// Rule table.
// ---------------------------------------------------------------------------------------------

/// VTE-APS-NO-DOAC.
pub static VTE_APS_NO_DOAC: RuleDef = RuleDef {
    id: "VTE-APS-NO-DOAC",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "DOAC ordered with antiphospholipid syndrome",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3e",
        seed: "000_0a3220f03e4fd094.txt §3e",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: aps_no_doac,
};

/// VTE-DOAC-PREFERRED.
pub static VTE_DOAC_PREFERRED: RuleDef = RuleDef {
    id: "VTE-DOAC-PREFERRED",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "DOAC preferred over warfarin for VTE",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2",
        seed: "002_126ee537a40a731f.txt §2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: doac_preferred,
};

/// VTE-CANCER-AGENT.
pub static VTE_CANCER_AGENT: RuleDef = RuleDef {
    id: "VTE-CANCER-AGENT",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Anticoagulant choice in cancer-associated VTE",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2, §7",
        seed: "002_126ee537a40a731f.txt §2, §7",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: cancer_agent,
};

/// VTE-WARFARIN-INR-TARGET.
pub static VTE_WARFARIN_INR_TARGET: RuleDef = RuleDef {
    id: "VTE-WARFARIN-INR-TARGET",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Warfarin for VTE without an INR target",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3c",
        seed: "000_0a3220f03e4fd094.txt §3c",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: warfarin_inr_target,
};

/// VTE-DOAC-RENAL.
pub static VTE_DOAC_RENAL: RuleDef = RuleDef {
    id: "VTE-DOAC-RENAL",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "DOAC with renal function below threshold",
    citation: Citation {
        label: "Drug labels: apixaban, rivaroxaban, edoxaban, dabigatran",
        seed: "none (beyond the seeds); nearby: 002_126ee537a40a731f.txt §5.2, 000_0a3220f03e4fd094.txt §3 preface",
        url: None,
        beyond_seeds: Some("beyond-seeds-doac-labels"),
    },
    region: None,
    evaluate: doac_renal,
};

/// VTE-EDOXABAN-REDUCED-DOSE.
pub static VTE_EDOXABAN_REDUCED_DOSE: RuleDef = RuleDef {
    id: "VTE-EDOXABAN-REDUCED-DOSE",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Edoxaban 60 mg where 30 mg is indicated",
    citation: Citation {
        label: "Drug label: edoxaban",
        seed: "000_0a3220f03e4fd094.txt §3c (edoxaban named)",
        url: None,
        beyond_seeds: Some("beyond-seeds-edoxaban-label"),
    },
    region: None,
    evaluate: edoxaban_reduced_dose,
};

/// VTE-PREGNANCY-NO-ORAL.
pub static VTE_PREGNANCY_NO_ORAL: RuleDef = RuleDef {
    id: "VTE-PREGNANCY-NO-ORAL",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "DOAC or warfarin ordered in pregnancy",
    citation: Citation {
        label: "Drug labels: warfarin, DOACs",
        seed: "004_d770563ef041bb5f.txt §4.2 (nearby); 000_0a3220f03e4fd094.txt §3 preface (heparin in Japan)",
        url: None,
        beyond_seeds: Some("beyond-seeds-warfarin-and-doac-labels"),
    },
    region: None,
    evaluate: pregnancy_no_oral,
};

/// VTE-JP-NO-LMWH.
pub static VTE_JP_NO_LMWH: RuleDef = RuleDef {
    id: "VTE-JP-NO-LMWH",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Therapeutic LMWH for VTE (not approved in Japan)",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3 (opening paragraph)",
        seed: "000_0a3220f03e4fd094.txt §3 preface",
        url: None,
        beyond_seeds: None,
    },
    region: Some(Region::Jp),
    evaluate: jp_no_lmwh,
};

/// VTE-ANTICOAG-ANTIPLATELET.
pub static VTE_ANTICOAG_ANTIPLATELET: RuleDef = RuleDef {
    id: "VTE-ANTICOAG-ANTIPLATELET",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Anticoagulant combined with an antiplatelet",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3a, §3c; Chinese review on calf muscular vein thrombosis §5.2",
        seed: "000_0a3220f03e4fd094.txt §3a, §3c; 002_126ee537a40a731f.txt §5.2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: anticoag_antiplatelet,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &VTE_APS_NO_DOAC,
    &VTE_DOAC_PREFERRED,
    &VTE_CANCER_AGENT,
    &VTE_WARFARIN_INR_TARGET,
    &VTE_DOAC_RENAL,
    &VTE_EDOXABAN_REDUCED_DOSE,
    &VTE_PREGNANCY_NO_ORAL,
    &VTE_JP_NO_LMWH,
    &VTE_ANTICOAG_ANTIPLATELET,
];

// ---------------------------------------------------------------------------------------------
// VTE-APS-NO-DOAC — anticoag — critical.
//
// Source: seed 000 §3e (the INR target from §3c):
//   > 抗リン脂質抗体症候群（APS）：DOACを避け、ワルファリンを使用します。
//   "Antiphospholipid antibody syndrome (APS): avoid DOACs and use warfarin."
//
// When APS is present and a DOAC is ordered.
// Then avoid the DOAC and use warfarin with INR 2.0–3.0 — or heparin when pregnant (§5.1);
// suggest deleting the DOAC draft and creating the drug §5.1 chooses.
// ---------------------------------------------------------------------------------------------

fn aps_no_doac(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let aps = facts.thrombophilia.aps.first()?;
    let doacs: Vec<&MedicationOrder> = facts
        .ordered_medications()
        .filter(|o| o.is_doac())
        .collect();
    let first = doacs.first()?;
    let mut finding = Finding::new(&VTE_APS_NO_DOAC, Indicator::Critical)
        .because(Reason::new("reason-aps", &aps.reference))
        .with("agent", agent_term(first));
    for doac in &doacs {
        finding = finding.because(
            Reason::new("reason-ordered", &doac.reference).with("agent", agent_term(doac)),
        );
    }
    let request = ChoiceRequest {
        initial_dose: false,
        total_days: None,
    };
    let (reason, _) = drug_choice::choose(facts, context.region, request);
    finding = finding.with(
        "pregnant",
        Arg::Literal(
            if reason == ChoiceReason::Pregnancy {
                "yes"
            } else {
                "no"
            }
            .into(),
        ),
    );
    if let Some(pregnancy) = facts.pregnant() {
        finding = finding.because(Reason::new("reason-pregnancy", &pregnancy.reference));
    }
    for suggestion in replacement_suggestions(facts, context, &doacs, request) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-DOAC-PREFERRED — anticoag — info.
//
// Source: seed 002 §2:
//   > 用药选择:在需要抗凝的 VTE 患者中,指南更倾向 DOAC 优于华法林(颅内出血更少,流程更简便);
//   "Drug choice: in VTE patients who need anticoagulation, guidelines lean towards DOACs
//   over warfarin (less intracranial haemorrhage, simpler process);"
//   > ESVS 2021对症状性远端 DVT 的意见基本一致:需要抗凝时给3 个月,优先直接口服抗凝药(DOAC);
//   "ESVS 2021's view on symptomatic distal DVT is essentially the same: when anticoagulation
//   is needed give 3 months, preferring a direct oral anticoagulant (DOAC);"
//
// When warfarin is ordered and the patient has a lower-limb DVT, iliac/IVC thrombosis or PE.
// Not when (catalogue): APS; pregnancy; any PVT or mesenteric thrombosis; cirrhosis without a
// recorded Child-Pugh class A; renal function below the DOAC threshold of VTE-DOAC-RENAL.
// Then DOACs are preferred (less intracranial bleeding, simpler monitoring); suggestion:
// replace warfarin with apixaban (§5.1).
//
// Choices where the catalogue is silent:
// - "Renal function below the DOAC thresholds" is read against the drug suggested:
//   apixaban's limit of the profile (`xa_renal_threshold`: intl/cn 15, jp 30 mL/min), the
//   same limit at which §5.1 stops suggesting apixaban.
// - Also not when Child-Pugh class B or C is recorded without a cirrhosis Condition (the
//   class itself says the liver disease that the cirrhosis exclusion is about), and not when
//   a prosthetic heart valve is on record (DOACs are contraindicated with mechanical valves
//   and the record's code, ICD-10 Z95.2, does not tell mechanical from biological): switching
//   such a patient to a DOAC needs the valve type first. Flagged for clinical review.
// - Renal function unknown: the card still fires (the exclusion needs a low value), but says
//   that renal function must be checked before choosing a DOAC.
// - As a guard, the card fires only when §5.1 itself chooses apixaban for this patient
//   (default or cancer branch), so the suggestion can never contradict another card.
// ---------------------------------------------------------------------------------------------

fn doac_preferred(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let warfarin = distinct(
        facts
            .ordered_medications()
            .filter(|o| o.agent == Some(Agent::Warfarin)),
    );
    let first = *warfarin.first()?;
    let episode = facts.thromboses.iter().find(|e| e.site.is_vte())?;
    if !facts.thrombophilia.aps.is_empty() || facts.pregnant().is_some() {
        return None;
    }
    if facts.pvt().is_some()
        || facts.has_thrombosis(|s| s == crate::facts::ThrombosisSite::Mesenteric)
    {
        return None;
    }
    if warfarin_to_doac_blocked(facts, context.region) {
        return None;
    }
    let request = replacement_request(facts, &warfarin);
    let (choice, _) = drug_choice::choose(facts, context.region, request);
    if !matches!(choice, ChoiceReason::Default | ChoiceReason::ActiveCancer) {
        return None;
    }

    let mut finding = Finding::new(&VTE_DOAC_PREFERRED, Indicator::Info)
        .with("agent", agent_term(first))
        .with("renal", yes_no(facts.renal.is_some()))
        .with("bridge", yes_no(parenteral_bridge(facts).is_some()))
        .because(reasons::thrombosis(episode));
    for order in &warfarin {
        finding = finding.because(reasons::order(order));
    }
    finding = match &facts.renal {
        Some(renal) => finding.because(reasons::renal(renal)),
        None => finding.because(reasons::absent("reason-general-renal-unknown")),
    };
    if let Some(cirrhosis) = facts.cirrhosis() {
        finding = finding.because(Reason::new("reason-cirrhosis", &cirrhosis.reference));
    }
    if let Some(class) = &facts.liver.child_pugh {
        finding = finding.because(reasons::child_pugh(class.value, &class.evidence));
    }
    if let Some(bridge) = parenteral_bridge(facts) {
        finding = finding.because(reasons::order(bridge));
    }
    for suggestion in replacement_suggestions(facts, context, &warfarin, request) {
        finding = finding.suggest(suggestion);
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-CANCER-AGENT — anticoag — info.
//
// Source: seed 002 §2:
//   > 合并肿瘤的 VTE 多数情形可选 Xa 抑制剂或 LMWH(部分消化/泌尿道肿瘤出血倾向时可优先阿哌沙班或 LMWH)。
//   "For VTE with cancer, in most situations a factor Xa inhibitor or LMWH may be chosen (for
//   some digestive/urinary-tract tumours with a bleeding tendency, apixaban or LMWH may be
//   preferred)."
// and §7:
//   > 需要抗凝时:优先 DOAC,疗程 3 个月;肿瘤相关 VTE 按实体瘤部位与出血风险选 Xa 抑制剂/LMWH。
//   "When anticoagulation is needed: prefer a DOAC, course 3 months; for cancer-associated VTE
//   choose a Xa inhibitor/LMWH according to the solid tumour's site and the bleeding risk."
//
// When active cancer and VTE, and either warfarin or dabigatran is ordered, or GI/GU cancer
// (§3.3: C15–C26, C51–C68) and rivaroxaban or edoxaban is ordered.
// Then prefer a factor Xa inhibitor or LMWH; with bleeding-prone GI/GU cancer prefer apixaban
// or LMWH (`jp`: apixaban). Suggestion: replacement from §5.1 (apixaban; LMWH also offered
// where the profile allows it).
//
// Choices where the catalogue is silent:
// - Orders at a prophylactic dose (§3.2) are left alone: replacing an extended-phase reduced
//   dose with apixaban 5 mg twice daily would raise the dose; the rule is about the treatment
//   agent. Warfarin is always therapeutic; an unreadable dose counts (it may be a treatment).
// - The card fires only when §5.1 reaches its cancer step for this patient. Before it come
//   pregnancy (VTE-PREGNANCY-NO-ORAL owns it), APS (warfarin is then right, VTE-APS-NO-DOAC),
//   Child-Pugh C and renal function below the apixaban limit (§5.1 then chooses UFH/warfarin,
//   so "prefer a Xa inhibitor" would contradict it).
// - Replacing warfarin by a DOAC is skipped in the same situations as VTE-DOAC-PREFERRED
//   (cirrhosis without Child-Pugh A, Child-Pugh B/C, prosthetic heart valve); a DOAC →
//   apixaban switch changes nothing there and stays.
// ---------------------------------------------------------------------------------------------

fn cancer_agent(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let cancer = facts.cancer.active.first()?;
    let episode = facts.thromboses.iter().find(|e| e.site.is_vte())?;
    let gi_gu = facts.cancer.gi_gu.first();
    let warfarin_blocked = warfarin_to_doac_blocked(facts, context.region);
    let orders = distinct(facts.ordered_medications().filter(|o| {
        if o.dose == DoseClass::Prophylactic {
            return false;
        }
        match o.agent {
            Some(Agent::Warfarin) => !warfarin_blocked,
            Some(Agent::Dabigatran) => true,
            Some(Agent::Rivaroxaban | Agent::Edoxaban) => gi_gu.is_some(),
            _ => false,
        }
    }));
    let first = *orders.first()?;
    let request = replacement_request(facts, &orders);
    let (choice, _) = drug_choice::choose(facts, context.region, request);
    if choice != ChoiceReason::ActiveCancer {
        return None;
    }

    let mut finding = Finding::new(&VTE_CANCER_AGENT, Indicator::Info)
        .with("agent", agent_term(first))
        .with(
            "group",
            Arg::Literal(if gi_gu.is_some() { "gi-gu" } else { "other" }.into()),
        )
        .with("lmwh", yes_no(drug_choice::lmwh_available(context.region)))
        .with(
            "bridge",
            yes_no(first.agent == Some(Agent::Warfarin) && parenteral_bridge(facts).is_some()),
        )
        .because(reasons::thrombosis(episode));
    finding = match gi_gu {
        Some(e) => finding.because(Reason::new("reason-gi-gu-cancer", &e.reference)),
        None => finding.because(Reason::new("reason-active-cancer", &cancer.reference)),
    };
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    for suggestion in replacement_suggestions(facts, context, &orders, request) {
        finding = finding.suggest(suggestion);
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-WARFARIN-INR-TARGET — anticoag — info.
//
// Source: seed 000 §3c:
//   > • 患者の病態と血栓症の状態に応じて、DOAC（例：アピキサバン 5mg BID、エ
//   > ドキサバン、またはリバーロキサバン）またはワルファリン（INR 2.0～3.0）
//   > に切り替えます。
//   "Depending on the patient's condition and the state of the thrombosis, switch to a DOAC
//   (e.g. apixaban 5 mg BID, edoxaban or rivaroxaban) or warfarin (INR 2.0–3.0)."
//
// When warfarin is ordered for VTE and its dosage text names no INR target.
// Then target INR 2.0–3.0.
//
// Choices where the catalogue is silent:
// - "For VTE" = any current venous thrombosis (PVT and mesenteric included). In cirrhosis the
//   card adds seed 004 §3.1.4's caveat that the baseline INR may already be raised:
//   > このモニタリングは、肝機能障害によりベースラインのINRがすでに上昇している可能性がある肝硬変患者では困難な場合があります
// - With a prosthetic heart valve on record the card says that a mechanical valve may need a
//   higher target (the valve's target then governs); it still fires, since the order names none.
// - "Names an INR target": the text says INR followed (after words such as target, goal,
//   range, 目標) by a number from 1.5 to 4.5, or target/goal followed by such a number while
//   INR is mentioned ([`names_inr_target`]). "Adjust to INR" alone is no target.
// - The card asks to amend the order (add the target), so it offers override reasons; it has
//   no suggestion (FHIR Hooks cannot edit a draft's dosage text in place).
// ---------------------------------------------------------------------------------------------

fn warfarin_inr_target(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let episode = facts.thromboses.first()?;
    let orders = distinct(
        facts
            .ordered_medications()
            .filter(|o| o.agent == Some(Agent::Warfarin) && !names_inr_target(&o.dosage_text)),
    );
    let first = *orders.first()?;
    let mut finding = Finding::new(&VTE_WARFARIN_INR_TARGET, Indicator::Info)
        .with("agent", agent_term(first))
        .with("cirrhosis", yes_no(facts.cirrhosis().is_some()))
        .with("valve", yes_no(!facts.mechanical_valve.is_empty()))
        .because(reasons::thrombosis(episode));
    for order in &orders {
        finding = finding.because(reasons::order(order)).because(Reason::new(
            "reason-general-no-inr-target",
            &order.reference,
        ));
    }
    if let Some(cirrhosis) = facts.cirrhosis() {
        finding = finding.because(Reason::new("reason-cirrhosis", &cirrhosis.reference));
    }
    if let Some(valve) = facts.mechanical_valve.first() {
        finding = finding.because(Reason::new("reason-mechanical-valve", &valve.reference));
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

/// Whether a warfarin dosage text names an INR target: "INR" followed — after connecting
/// words (target, goal, range, of, 目標, …) and punctuation — by a number from 1.5 to 4.5
/// ("target INR 2.0–3.0", "PT-INR 2.0～3.0", "INR goal: 2.5"), or, when INR is mentioned at
/// all, "target"/"goal"/"目標" followed the same way by such a number ("dose by INR, target
/// 2–3"). "Adjust to INR", "check INR in 3 days" name none.
pub fn names_inr_target(text: &str) -> bool {
    let lower = text.to_lowercase();
    if !lower.contains("inr") {
        return false;
    }
    ["inr", "target", "goal", "目標"].iter().any(|anchor| {
        lower
            .match_indices(anchor)
            .any(|(at, word)| number_follows(&lower[at + word.len()..]))
    })
}

/// After skipping connecting words and punctuation, `rest` starts with a plausible INR value.
fn number_follows(mut rest: &str) -> bool {
    const SKIP_WORDS: &[&str] = &[
        "target",
        "goal",
        "range",
        "of",
        "aim",
        "between",
        "is",
        "at",
        "inr",
        "目標値",
        "目標",
        "範囲",
        "は",
        "を",
    ];
    const SKIP_CHARS: &[char] = &[
        ' ', '\t', ':', '：', '=', '(', ')', '（', '）', '>', '<', '≥', '≤', '~', '～', ',',
    ];
    loop {
        let trimmed = rest.trim_start_matches(SKIP_CHARS);
        match SKIP_WORDS.iter().find(|w| trimmed.starts_with(**w)) {
            Some(word) => rest = &trimmed[word.len()..],
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number
        .trim_end_matches('.')
        .parse::<f64>()
        .is_ok_and(|value| (1.5..=4.5).contains(&value))
}

// ---------------------------------------------------------------------------------------------
// VTE-DOAC-RENAL — anticoag — critical. Beyond the seeds (drug labels).
//
// Nearest seed text (no seed gives a renal limit): seed 002 §5.2:
//   > 症状明显/存在高危因素:抗凝 3 个月;多数情形可用 DOAC,但需结合吞咽功能、肾功能、与同步使用的抗血小板方案(如近期支架/取栓后)做个体化权衡。
//   "... in most situations a DOAC can be used, but weigh it individually against swallowing
//   function, renal function and any concurrent antiplatelet regimen ..."
// and seed 000 §3 preface:
//   > 日本では低分子ヘパリン使用ができないなど、海外と薬剤の適応および用量が異なるこ
//   > とに留意してください。
//   "Note that in Japan the indications and doses of drugs differ from those abroad, e.g.
//   low-molecular-weight heparin cannot be used."
//
// When a DOAC is ordered and renal function (§3.3: CrCl, else eGFR, ≤ 90 days) is below the
// profile's threshold ([`doac_renal_threshold`]): `intl`/`cn` apixaban, rivaroxaban, edoxaban
// < 15 mL/min, dabigatran < 30; `jp` apixaban and rivaroxaban < 30, edoxaban < 15, dabigatran
// for VTE at any value (not approved for VTE in Japan).
// Then avoid it; suggestion from §5.1.
//
// Choices where the catalogue is silent:
// - Any dose counts (a reduced DOAC dose is not recommended below these limits either).
// - eGFR is used when no creatinine clearance is on record (§3.3); the card names the measure
//   and says the labels use creatinine clearance.
// - `jp` dabigatran "for VTE": when a current venous thrombosis is on record (any site, PVT
//   included, as in VTE-JP-NO-LMWH) the card fires whatever the renal function, also when
//   none is on record (the value does not matter). Without one the dabigatran limit of
//   30 mL/min applies (Japanese AF label).
// - No renal function on record (and not the `jp` dabigatran case): silent (§2: no guessing).
// ---------------------------------------------------------------------------------------------

fn doac_renal(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let region = context.region;
    let dabigatran_unapproved = dabigatran_not_for_vte(region) && !facts.thromboses.is_empty();
    // (order, threshold it falls below; None = not approved for VTE in the profile)
    let mut offending: Vec<(&MedicationOrder, Option<f64>)> = Vec::new();
    for order in distinct(facts.ordered_medications().filter(|o| o.is_doac())) {
        let Some(agent) = order.agent else { continue };
        if agent == Agent::Dabigatran && dabigatran_unapproved {
            offending.push((order, None));
            continue;
        }
        if let (Some(renal), Some(limit)) = (&facts.renal, doac_renal_threshold(agent, region)) {
            if renal.ml_per_min < limit - EPSILON {
                offending.push((order, Some(limit)));
            }
        }
    }
    let (first, limit) = *offending.first()?;
    let orders: Vec<&MedicationOrder> = offending.iter().map(|(o, _)| *o).collect();

    let mut finding = Finding::new(&VTE_DOAC_RENAL, Indicator::Critical)
        .with("agent", agent_term(first))
        .with(
            "cause",
            Arg::Literal(
                if limit.is_some() {
                    "renal"
                } else {
                    "jp-dabigatran"
                }
                .into(),
            ),
        )
        .with("measure", measure_arg(facts))
        .with(
            "value",
            facts
                .renal
                .as_ref()
                .map_or(Arg::Literal("unknown".into()), |r| {
                    Arg::Number((r.ml_per_min * 10.0).round() / 10.0)
                }),
        )
        .with("threshold", Arg::Number(limit.unwrap_or(0.0)))
        .with("profile", profile_arg(region));
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    if let Some(renal) = &facts.renal {
        finding = finding.because(reasons::renal(renal));
    }
    if limit.is_none() {
        if let Some(episode) = facts.thromboses.first() {
            finding = finding.because(reasons::thrombosis(episode));
        }
    }
    let request = replacement_request(facts, &orders);
    for suggestion in replacement_suggestions(facts, context, &orders, request) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-EDOXABAN-REDUCED-DOSE — anticoag — warning. Beyond the seeds (edoxaban label).
//
// Nearest seed text: seed 000 §3c names edoxaban as an option, with no dose:
//   > • 患者の病態と血栓症の状態に応じて、DOAC（例：アピキサバン 5mg BID、エ
//   > ドキサバン、またはリバーロキサバン）またはワルファリン（INR 2.0～3.0）
//   > に切り替えます。
//   "... switch to a DOAC (e.g. apixaban 5 mg BID, edoxaban or rivaroxaban) or warfarin ..."
//
// When edoxaban 60 mg is ordered and CrCl is 15–50 mL/min (or weight ≤ 60 kg).
// Then 30 mg once daily.
//
// Choices where the catalogue is silent:
// - "60 mg": the order's amount per dose is 60 mg or more. An unreadable dose is not
//   guessed (silent).
// - Only eGFR on record: the label's criterion is creatinine clearance (Cockcroft–Gault),
//   but §3.3 makes eGFR the renal fact when no clearance exists. The card fires on eGFR
//   15–50 as well, names eGFR, and asks for a creatinine clearance to confirm: a missed
//   reduction means more bleeding, and eGFR overestimates clearance most in the small and
//   elderly patients the reduction is for (weight ≤ 60 kg fires on its own anyway).
// - Renal function below 15 mL/min: silent whatever the weight (VTE-DOAC-RENAL says avoid
//   edoxaban there; recommending 30 mg would contradict it). Likewise silent in pregnancy,
//   APS and Child-Pugh C, where a critical card removes edoxaban altogether.
// - The label has further reasons to reduce (certain P-gp inhibitors); the card says it
//   checks only renal function and weight.
// - No suggestion: the drug-choice module has no edoxaban 30 mg regimen/product yet; the card
//   says to change the dose by hand.
// ---------------------------------------------------------------------------------------------

fn edoxaban_reduced_dose(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    if facts.pregnant().is_some() || !facts.thrombophilia.aps.is_empty() || child_pugh_c(facts) {
        return None;
    }
    if facts
        .renal
        .as_ref()
        .is_some_and(|r| r.ml_per_min < EDOXABAN_RENAL_THRESHOLD - EPSILON)
    {
        return None;
    }
    let renal = facts.renal.as_ref().filter(|r| {
        r.ml_per_min >= EDOXABAN_REDUCE_RENAL_FROM - EPSILON
            && r.ml_per_min <= EDOXABAN_REDUCE_RENAL_TO + EPSILON
    });
    let weight = facts
        .weight_kg
        .as_ref()
        .filter(|w| w.value <= EDOXABAN_REDUCE_WEIGHT_KG + EPSILON);
    if renal.is_none() && weight.is_none() {
        return None;
    }
    let orders = distinct(facts.ordered_medications().filter(|o| {
        o.agent == Some(Agent::Edoxaban)
            && o.amount_per_dose
                .is_some_and(|mg| mg >= EDOXABAN_FULL_DOSE_MG - EPSILON)
    }));
    let first = *orders.first()?;

    let mut finding = Finding::new(&VTE_EDOXABAN_REDUCED_DOSE, Indicator::Warning)
        .with(
            "dose",
            Arg::Number(first.amount_per_dose.unwrap_or(EDOXABAN_FULL_DOSE_MG)),
        )
        .with("reduced", Arg::Number(EDOXABAN_REDUCED_DOSE_MG))
        .with("renal", yes_no(renal.is_some()))
        .with("weight", yes_no(weight.is_some()))
        .with(
            "measure",
            match renal {
                Some(r) => measure_literal(r.measure),
                None => Arg::Literal("none".into()),
            },
        );
    for order in &orders {
        finding = finding.because(
            Reason::new("reason-general-edoxaban-dose", &order.reference)
                .with("dose", Arg::Number(order.amount_per_dose.unwrap_or(0.0))),
        );
    }
    if let Some(renal) = renal {
        finding = finding.because(reasons::renal(renal));
    }
    if let Some(weight) = weight {
        finding = finding.because(
            Reason::new("reason-weight", &weight.evidence.reference)
                .with("value", Arg::Number((weight.value * 10.0).round() / 10.0)),
        );
    }
    // The suggestion replaces the full-dose draft(s) with the label's reduced dose, keeping the
    // course length the drafts planned. Only drafts with ids can be replaced.
    let drafts: Vec<&MedicationOrder> = orders
        .iter()
        .copied()
        .filter(|o| o.origin != OrderOrigin::Active)
        .collect();
    if !drafts.is_empty() && drafts.iter().all(|o| o.reference.id().is_some()) {
        let total_days = drafts
            .iter()
            .map(|o| o.end.map(|end| (end - o.start).num_days()))
            .collect::<Option<Vec<i64>>>()
            .and_then(|lengths| lengths.into_iter().max())
            .and_then(|days| u32::try_from(days).ok());
        let mut actions: Vec<ActionPlan> = drafts
            .iter()
            .map(|o| ActionPlan::Delete(o.reference.clone()))
            .collect();
        actions.push(ActionPlan::CreateMedication(drug_choice::reduced_edoxaban(
            context.region,
            EDOXABAN_REDUCED_DOSE_MG,
            total_days,
        )));
        finding = finding.suggest(SuggestionPlan {
            key: "suggestion-replace",
            args: vec![("from", agent_term(first))],
            recommended: true,
            actions,
        });
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-PREGNANCY-NO-ORAL — anticoag — critical. Beyond the seeds (drug labels).
//
// Nearest seed text: seed 004 §4.2 (妊婦):
//   > 目標は、基礎となる血栓形成傾向の状態を制御し、門脈圧亢進症を管理して出血を防ぎ、胎児の安全のために薬物を調整することです。
//   "The goals are to control the underlying prothrombotic condition, manage portal
//   hypertension to prevent bleeding, and adjust medicines for the safety of the fetus."
// and seed 000 §3 preface (no LMWH in Japan, quoted at VTE-DOAC-RENAL).
//
// When pregnant (§3.3) and a DOAC or warfarin is ordered.
// Then use heparin (LMWH where available, else UFH); warfarin and DOACs harm the fetus.
// Suggestion: §5.1 (pregnancy → LMWH in intl/cn, UFH in jp).
//
// Choices where the catalogue is silent: any dose counts; the card's "disagree" text names
// the specialist-managed exception of the warfarin label (some mechanical heart valves).
// ---------------------------------------------------------------------------------------------

fn pregnancy_no_oral(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let pregnancy = facts.pregnant()?;
    let orders = distinct(
        facts
            .ordered_medications()
            .filter(|o| matches!(o.class(), Some(DrugClass::Doac | DrugClass::Vka))),
    );
    let first = *orders.first()?;
    let mut finding = Finding::new(&VTE_PREGNANCY_NO_ORAL, Indicator::Critical)
        .with("agent", agent_term(first))
        .with(
            "heparin",
            Arg::Literal(
                if drug_choice::lmwh_available(context.region) {
                    "lmwh"
                } else {
                    "ufh"
                }
                .into(),
            ),
        )
        .because(Reason::new("reason-pregnancy", &pregnancy.reference));
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    let request = replacement_request(facts, &orders);
    for suggestion in replacement_suggestions(facts, context, &orders, request) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-JP-NO-LMWH — anticoag — warning — region `jp` only.
//
// Source: seed 000 §3 (opening paragraph, "§3 preface"):
//   > 日本では低分子ヘパリン使用ができないなど、海外と薬剤の適応および用量が異なるこ
//   > とに留意してください。
//   "Note that in Japan the indications and doses of drugs differ from those abroad, e.g.
//   low-molecular-weight heparin cannot be used."
//
// When (profile `jp`) LMWH at a therapeutic dose (§3.2) is ordered for VTE.
// Then in Japan LMWH is approved for prophylaxis, not for VTE treatment; use UFH,
// fondaparinux or an oral agent. Suggestion: §5.1 replacement.
//
// Choices where the catalogue is silent:
// - "Therapeutic dose" is §3.2's class exactly: an unreadable dose is unknown, not
//   therapeutic, for this warning (silent).
// - "For VTE" = any current venous thrombosis (PVT included: treatment-dose LMWH is off-label
//   in Japan for it too).
// ---------------------------------------------------------------------------------------------

fn jp_no_lmwh(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering || context.region != Region::Jp {
        return None;
    }
    let episode = facts.thromboses.first()?;
    let orders = distinct(
        facts
            .ordered_medications()
            .filter(|o| o.class() == Some(DrugClass::Lmwh) && o.dose == DoseClass::Therapeutic),
    );
    let first = *orders.first()?;
    let mut finding = Finding::new(&VTE_JP_NO_LMWH, Indicator::Warning)
        .with("agent", agent_term(first))
        .because(reasons::thrombosis(episode));
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    let request = replacement_request(facts, &orders);
    for suggestion in replacement_suggestions(facts, context, &orders, request) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-ANTICOAG-ANTIPLATELET — anticoag — warning.
//
// Source: seed 000 §3c:
//   > ただし出血リスクが上昇すること、クロピドグレルにおいては有効となるまで
//   > 時間がかかることに留意します。
//   "Note, however, that the bleeding risk rises and that clopidogrel takes time to become
//   effective."
// seed 000 §3a:
//   > • 基本的には術前施行されている抗凝固薬、抗血小板薬を中止しない。ただし出
//   > 血リスクは上昇することに留意してください。中止する場合はヘパリンによる
//   > 代替療法を行います。
//   "As a rule, do not stop the anticoagulants and antiplatelet drugs the patient is taking
//   before the procedure. Note, however, that the bleeding risk rises. If they are stopped,
//   bridge with heparin."
// seed 002 §5.2:
//   > 多数情形可用 DOAC,但需结合吞咽功能、肾功能、与同步使用的抗血小板方案(如近期支架/取栓后)做个体化权衡。
//   "In most situations a DOAC can be used, but weigh it individually against swallowing
//   function, renal function and any concurrent antiplatelet regimen (e.g. after a recent
//   stent/thrombectomy)."
//
// When a therapeutic anticoagulant and an antiplatelet will be taken together (one ordered,
// the other ordered or active).
// Not when a venous stent reintervention with low bleeding risk (§3.3; then
// STENT-REINTERVENTION-ANTIPLATELET covers it).
// Then review the combination: bleeding risk rises; continue it only for a reason.
//
// Choices where the catalogue is silent:
// - "Therapeutic" is §3.2's class exactly (warning, not blocking): an unreadable anticoagulant
//   dose does not count. Planned drafts (unselected in order-select) do not count: the
//   catalogue says ordered or active.
// - Reintervention (§3.3: a venous stent on record and a new stent or angioplasty ordered):
//   the stent/angioplasty ServiceRequest counts whether selected or only drafted alongside
//   (in order-select the medication is what is selected).
// - No suggestion, and the text does not tell the clinician to stop the antiplatelet around
//   venous stenting (seed 000 §3a: keep what the patient takes); with a venous stent on
//   record or ordered the card says so.
// ---------------------------------------------------------------------------------------------

fn anticoag_antiplatelet(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let taken =
        |o: &&MedicationOrder| matches!(o.origin, OrderOrigin::Ordered | OrderOrigin::Active);
    let mut anticoagulants: Vec<&MedicationOrder> = facts
        .medication_orders
        .iter()
        .filter(taken)
        .filter(|o| o.is_anticoagulant() && o.dose == DoseClass::Therapeutic)
        .collect();
    let mut antiplatelets: Vec<&MedicationOrder> = facts
        .medication_orders
        .iter()
        .filter(taken)
        .filter(|o| o.class() == Some(DrugClass::Antiplatelet))
        .collect();
    if anticoagulants.is_empty() || antiplatelets.is_empty() {
        return None;
    }
    let any_ordered = anticoagulants
        .iter()
        .chain(&antiplatelets)
        .any(|o| o.origin == OrderOrigin::Ordered);
    if !any_ordered {
        return None;
    }
    if stent_reintervention(facts) && facts.bleeding.is_low() {
        return None;
    }
    // Orders being placed first, for the summary's drug names.
    anticoagulants.sort_by_key(|o| o.origin != OrderOrigin::Ordered);
    antiplatelets.sort_by_key(|o| o.origin != OrderOrigin::Ordered);
    let stent = facts.latest_stent();
    let stent_ordered = facts
        .procedure_orders
        .iter()
        .any(|p| p.kind.is_venous_intervention());

    let mut finding = Finding::new(&VTE_ANTICOAG_ANTIPLATELET, Indicator::Warning)
        .with("anticoagulant", agent_term(anticoagulants[0]))
        .with("antiplatelet", agent_term(antiplatelets[0]))
        .with("stent", yes_no(stent.is_some() || stent_ordered));
    for order in anticoagulants.iter().chain(&antiplatelets) {
        finding = finding.because(reasons::order(order));
    }
    for (reason, evidence) in facts.bleeding.high_risk_reasons() {
        finding = finding.because(reasons::bleeding(reason, evidence));
    }
    if stent_reintervention(facts) {
        // Why the reintervention exception did not apply: the bleeding risk is not low.
        let key = "reason-general-reintervention-bleeding-not-low";
        finding = finding.because(match &facts.bleeding.judgement {
            Some(judgement) => Reason::new(key, &judgement.evidence.reference),
            None => reasons::absent(key),
        });
    }
    if let Some(stent) = stent {
        finding = finding.because(reasons::dated("reason-venous-stent", stent));
    }
    for order in facts
        .procedure_orders
        .iter()
        .filter(|p| p.kind.is_venous_intervention())
    {
        finding = finding.because(reasons::procedure_order(order));
    }
    Some(finding)
}

/// §3.3: a venous stent on record and a new stent or (plain or drug-coated balloon)
/// angioplasty drafted — selected or not (see VTE-ANTICOAG-ANTIPLATELET).
fn stent_reintervention(facts: &PatientFacts) -> bool {
    !facts.venous_stents.is_empty()
        && facts
            .procedure_orders
            .iter()
            .any(|p| p.kind.is_venous_intervention())
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.
// ---------------------------------------------------------------------------------------------

/// Switching this patient from warfarin to a DOAC needs facts the rule does not have, or is
/// wrong (VTE-DOAC-PREFERRED "Not when", liver and valve part; renal function below the
/// apixaban limit of the profile).
fn warfarin_to_doac_blocked(facts: &PatientFacts, region: Region) -> bool {
    let class = facts.liver.child_pugh.as_ref().map(|c| c.value);
    let cirrhosis_not_a = facts.cirrhosis().is_some() && class != Some(ChildPugh::A);
    let class_b_or_c = matches!(class, Some(ChildPugh::B | ChildPugh::C));
    let renal_low = facts
        .renal
        .as_ref()
        .is_some_and(|r| r.ml_per_min < drug_choice::xa_renal_threshold(region) - EPSILON);
    cirrhosis_not_a || class_b_or_c || renal_low || !facts.mechanical_valve.is_empty()
}

fn child_pugh_c(facts: &PatientFacts) -> bool {
    facts
        .liver
        .child_pugh
        .as_ref()
        .is_some_and(|c| c.value == ChildPugh::C)
}

/// A parenteral anticoagulant (UFH, LMWH, fondaparinux, argatroban) ordered or planned beside
/// warfarin: the bridge a warfarin start needs and a DOAC start does not.
fn parenteral_bridge(facts: &PatientFacts) -> Option<&MedicationOrder> {
    facts.medication_orders.iter().find(|o| {
        o.origin != OrderOrigin::Active
            && matches!(
                o.class(),
                Some(
                    DrugClass::Ufh
                        | DrugClass::Lmwh
                        | DrugClass::Fondaparinux
                        | DrugClass::Argatroban
                )
            )
    })
}

/// The request to §5.1 for a replacement of `orders`.
fn replacement_request(facts: &PatientFacts, orders: &[&MedicationOrder]) -> ChoiceRequest {
    ChoiceRequest {
        initial_dose: initial_dose_applies(facts),
        total_days: planned_days(orders),
    }
}

/// The initial higher DOAC dose (apixaban 10 mg / rivaroxaban 15 mg twice daily) applies: an
/// acute VTE (§3.3) and no therapeutic anticoagulant active yet (seed 000 §3c: initial dose
/// for acute DVT per the label).
pub(crate) fn initial_dose_applies(facts: &PatientFacts) -> bool {
    facts
        .thromboses
        .iter()
        .any(|e| e.site.is_vte() && e.acuity == Acuity::Acute)
        && facts.therapeutic_anticoagulant_active().is_none()
}

/// The course length the replaced drafts planned (latest end − earliest start, §3.2), so a
/// replacement keeps the prescriber's duration; `None` when any draft is open-ended.
pub(crate) fn planned_days(orders: &[&MedicationOrder]) -> Option<u32> {
    let drafts: Vec<&&MedicationOrder> = orders
        .iter()
        .filter(|o| o.origin != OrderOrigin::Active)
        .collect();
    let start = drafts.iter().map(|o| o.start).min()?;
    let mut end = None;
    for order in &drafts {
        let this = order.end?;
        end = Some(end.map_or(this, |e: chrono::NaiveDate| e.max(this)));
    }
    u32::try_from((end? - start).num_days())
        .ok()
        .filter(|days| *days > 0)
}

/// Orders with distinct references (a combination product yields one order per agent; a
/// replacement must delete each draft once).
fn distinct<'a>(orders: impl Iterator<Item = &'a MedicationOrder>) -> Vec<&'a MedicationOrder> {
    let mut out: Vec<&MedicationOrder> = Vec::new();
    for order in orders {
        if !out.iter().any(|o| o.reference == order.reference) {
            out.push(order);
        }
    }
    out
}

fn yes_no(value: bool) -> Arg {
    Arg::Literal(if value { "yes" } else { "no" }.into())
}

fn measure_literal(measure: RenalMeasure) -> Arg {
    Arg::Literal(
        match measure {
            RenalMeasure::CreatinineClearance => "crcl",
            RenalMeasure::Egfr => "egfr",
        }
        .into(),
    )
}

fn measure_arg(facts: &PatientFacts) -> Arg {
    facts
        .renal
        .as_ref()
        .map_or(Arg::Literal("none".into()), |r| measure_literal(r.measure))
}

fn profile_arg(region: Region) -> Arg {
    Arg::Literal(
        match region {
            Region::Jp => "jp",
            Region::Intl | Region::Cn => "intl",
        }
        .into(),
    )
}

/// The message id naming an order's drug.
pub(crate) fn agent_term(order: &MedicationOrder) -> Arg {
    Arg::Term(match order.agent {
        Some(agent) => super::agent_term(agent),
        None => "agent-unknown",
    })
}

/// Suggestions that replace `orders` (drafts) with each option of the drug-choice function.
/// No suggestion is made when a draft to replace has no id: a replacement that cannot delete
/// the old order would leave two anticoagulants.
pub(crate) fn replacement_suggestions(
    facts: &PatientFacts,
    context: &RuleContext,
    orders: &[&MedicationOrder],
    request: ChoiceRequest,
) -> Vec<SuggestionPlan> {
    let drafts: Vec<&MedicationOrder> = orders
        .iter()
        .copied()
        .filter(|o| o.origin != OrderOrigin::Active)
        .collect();
    if drafts.iter().any(|o| o.reference.id().is_none()) {
        return Vec::new();
    }
    let (_, options) = drug_choice::choose(facts, context.region, request);
    options
        .into_iter()
        .map(|option| {
            let mut actions: Vec<ActionPlan> = drafts
                .iter()
                .map(|o| ActionPlan::Delete(o.reference.clone()))
                .collect();
            actions.extend(
                option
                    .regimens
                    .into_iter()
                    .map(ActionPlan::CreateMedication),
            );
            let (key, args) = match drafts.first() {
                Some(first) => ("suggestion-replace", vec![("from", agent_term(first))]),
                None => ("suggestion-start", Vec::new()),
            };
            SuggestionPlan {
                key,
                args,
                recommended: option.recommended,
                actions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::facts::{
        Evidence, Laterality, Observed, RenalFunction, ThrombosisEpisode, ThrombosisSite,
    };
    use crate::fhir::ResourceRef;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn context(region: Region) -> RuleContext {
        RuleContext {
            as_of: as_of(),
            region,
            mode: Mode::Ordering,
        }
    }

    fn order(id: &str, agent: Agent, dose: DoseClass, mg: Option<f64>) -> MedicationOrder {
        MedicationOrder {
            reference: ResourceRef::new("MedicationRequest", id),
            origin: OrderOrigin::Ordered,
            agent: Some(agent),
            dose,
            amount_per_dose: mg,
            doses_per_day: Some(1.0),
            start: as_of(),
            end: None,
            dosage_text: String::new(),
        }
    }

    fn evidence(kind: &str, id: &str) -> Evidence {
        Evidence::new(ResourceRef::new(kind, id), None)
    }

    fn with_vte(mut facts: PatientFacts) -> PatientFacts {
        facts.thromboses.push(ThrombosisEpisode {
            site: ThrombosisSite::Femoral,
            acuity: Acuity::Acute,
            laterality: Laterality::Left,
            onset: None,
            evidence: evidence("Condition", "dvt"),
        });
        facts
    }

    fn renal(facts: &mut PatientFacts, measure: RenalMeasure, value: f64) {
        facts.renal = Some(RenalFunction {
            measure,
            ml_per_min: value,
            evidence: evidence("Observation", "renal"),
        });
    }

    fn fires(rule: &RuleDef, facts: &PatientFacts, region: Region) -> bool {
        (rule.evaluate)(facts, &context(region)).is_some()
    }

    fn doac_with_renal(agent: Agent, value: f64) -> PatientFacts {
        let mut facts = with_vte(PatientFacts {
            as_of: as_of(),
            ..Default::default()
        });
        facts
            .medication_orders
            .push(order("doac", agent, DoseClass::Therapeutic, Some(5.0)));
        renal(&mut facts, RenalMeasure::CreatinineClearance, value);
        facts
    }

    #[test]
    fn renal_thresholds_per_profile_at_the_boundaries() {
        let cases = [
            // (agent, region, value, fires)
            (Agent::Apixaban, Region::Intl, 14.9, true),
            (Agent::Apixaban, Region::Intl, 15.0, false),
            (Agent::Rivaroxaban, Region::Intl, 14.0, true),
            (Agent::Rivaroxaban, Region::Intl, 15.0, false),
            (Agent::Edoxaban, Region::Intl, 14.0, true),
            (Agent::Edoxaban, Region::Intl, 15.0, false),
            (Agent::Dabigatran, Region::Intl, 29.0, true),
            (Agent::Dabigatran, Region::Intl, 30.0, false),
            (Agent::Apixaban, Region::Cn, 14.0, true),
            (Agent::Apixaban, Region::Cn, 15.0, false),
            (Agent::Apixaban, Region::Jp, 29.0, true),
            (Agent::Apixaban, Region::Jp, 30.0, false),
            (Agent::Rivaroxaban, Region::Jp, 29.0, true),
            (Agent::Rivaroxaban, Region::Jp, 30.0, false),
            (Agent::Edoxaban, Region::Jp, 14.0, true),
            (Agent::Edoxaban, Region::Jp, 15.0, false),
            (Agent::Edoxaban, Region::Jp, 29.0, false),
            (Agent::Dabigatran, Region::Jp, 90.0, true),
        ];
        for (agent, region, value, expected) in cases {
            let facts = doac_with_renal(agent, value);
            assert_eq!(
                fires(&VTE_DOAC_RENAL, &facts, region),
                expected,
                "{agent:?} {region:?} {value}"
            );
        }
    }

    #[test]
    fn jp_dabigatran_for_vte_fires_without_renal_function_and_not_without_vte() {
        let mut facts = doac_with_renal(Agent::Dabigatran, 90.0);
        facts.renal = None;
        assert!(fires(&VTE_DOAC_RENAL, &facts, Region::Jp));
        assert!(!fires(&VTE_DOAC_RENAL, &facts, Region::Intl));
        facts.thromboses.clear();
        renal(&mut facts, RenalMeasure::CreatinineClearance, 40.0);
        assert!(!fires(&VTE_DOAC_RENAL, &facts, Region::Jp));
        renal(&mut facts, RenalMeasure::CreatinineClearance, 29.0);
        assert!(fires(&VTE_DOAC_RENAL, &facts, Region::Jp));
    }

    #[test]
    fn renal_rule_names_egfr_when_it_is_the_measure() {
        let mut facts = doac_with_renal(Agent::Apixaban, 10.0);
        renal(&mut facts, RenalMeasure::Egfr, 10.0);
        let finding = (VTE_DOAC_RENAL.evaluate)(&facts, &context(Region::Intl)).unwrap();
        assert!(finding
            .args
            .contains(&("measure", Arg::Literal("egfr".into()))));
    }

    fn edoxaban(mg: f64) -> PatientFacts {
        let mut facts = PatientFacts {
            as_of: as_of(),
            ..Default::default()
        };
        facts.medication_orders.push(order(
            "edoxaban",
            Agent::Edoxaban,
            DoseClass::Therapeutic,
            Some(mg),
        ));
        facts
    }

    #[test]
    fn edoxaban_reduction_at_crcl_15_to_50_and_weight_60() {
        for (value, expected) in [(14.0, false), (15.0, true), (50.0, true), (50.5, false)] {
            let mut facts = edoxaban(60.0);
            renal(&mut facts, RenalMeasure::CreatinineClearance, value);
            assert_eq!(
                fires(&VTE_EDOXABAN_REDUCED_DOSE, &facts, Region::Intl),
                expected,
                "CrCl {value}"
            );
        }
        for (kg, expected) in [(60.0, true), (60.5, false)] {
            let mut facts = edoxaban(60.0);
            facts.weight_kg = Some(Observed {
                value: kg,
                evidence: evidence("Observation", "weight"),
            });
            assert_eq!(
                fires(&VTE_EDOXABAN_REDUCED_DOSE, &facts, Region::Intl),
                expected,
                "{kg} kg"
            );
        }
        let mut facts = edoxaban(30.0);
        renal(&mut facts, RenalMeasure::CreatinineClearance, 40.0);
        assert!(!fires(&VTE_EDOXABAN_REDUCED_DOSE, &facts, Region::Intl));
        // Below 15 mL/min VTE-DOAC-RENAL owns it, whatever the weight.
        let mut facts = edoxaban(60.0);
        renal(&mut facts, RenalMeasure::CreatinineClearance, 14.0);
        facts.weight_kg = Some(Observed {
            value: 55.0,
            evidence: evidence("Observation", "weight"),
        });
        assert!(!fires(&VTE_EDOXABAN_REDUCED_DOSE, &facts, Region::Intl));
    }

    #[test]
    fn doac_preferred_follows_the_apixaban_renal_limit_of_the_profile() {
        for (region, value, expected) in [
            (Region::Intl, 14.0, false),
            (Region::Intl, 15.0, true),
            (Region::Jp, 29.0, false),
            (Region::Jp, 30.0, true),
        ] {
            let mut facts = with_vte(PatientFacts {
                as_of: as_of(),
                ..Default::default()
            });
            facts.medication_orders.push(order(
                "warfarin",
                Agent::Warfarin,
                DoseClass::Therapeutic,
                None,
            ));
            renal(&mut facts, RenalMeasure::CreatinineClearance, value);
            assert_eq!(
                fires(&VTE_DOAC_PREFERRED, &facts, region),
                expected,
                "{region:?} {value}"
            );
        }
    }

    #[test]
    fn inr_targets_are_recognised() {
        for text in [
            "Target INR 2.0-3.0",
            "INR target 2–3, daily dose by INR",
            "PT-INR 2.0～3.0",
            "dose per INR; goal 2.5",
            "INR goal: 2.5",
            "INR目標 2.0-3.0",
        ] {
            assert!(names_inr_target(text), "{text}");
        }
        for text in [
            "",
            "5 mg once daily",
            "Adjust dose to INR",
            "check INR in 3 days",
            "5 mg daily, target 2-3",
            "INR 12 hours after",
        ] {
            assert!(!names_inr_target(text), "{text}");
        }
    }
}
