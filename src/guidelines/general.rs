//! General anticoagulant choice (clinical-rules.md §4.1).
//!
//! Sources implemented here:
//!
//! - VTE-APS-NO-DOAC — seed 000 (静脈ステント関連学会協議会 ステント留置に関する指針, 2025-09-18) §3e:
//!   「抗リン脂質抗体症候群（APS）：DOACを避け、ワルファリンを使用します。」
//!   "Antiphospholipid syndrome (APS): avoid DOACs and use warfarin."
//!   When APS is present and a DOAC is ordered, then (critical) avoid the DOAC and use
//!   warfarin with INR 2.0–3.0 — or heparin when pregnant (§5.1); suggest deleting the DOAC
//!   draft and creating the drug §5.1 chooses.

use crate::facts::{MedicationOrder, OrderOrigin, PatientFacts};

use super::drug_choice::{self, ChoiceReason, ChoiceRequest};
use super::reasons;
use super::{
    not_yet_implemented, ActionPlan, Arg, Citation, Finding, Indicator, Mode, Reason, RuleContext,
    RuleDef, SuggestionPlan,
};
use crate::settings::Region;

/// VTE-APS-NO-DOAC.
pub static VTE_APS_NO_DOAC: RuleDef = RuleDef {
    id: "VTE-APS-NO-DOAC",
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
    title: "DOAC preferred over warfarin for VTE",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2",
        seed: "002_126ee537a40a731f.txt §2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-CANCER-AGENT.
pub static VTE_CANCER_AGENT: RuleDef = RuleDef {
    id: "VTE-CANCER-AGENT",
    title: "Anticoagulant choice in cancer-associated VTE",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2",
        seed: "002_126ee537a40a731f.txt §2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-WARFARIN-INR-TARGET.
pub static VTE_WARFARIN_INR_TARGET: RuleDef = RuleDef {
    id: "VTE-WARFARIN-INR-TARGET",
    title: "Warfarin for VTE without an INR target",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3c",
        seed: "000_0a3220f03e4fd094.txt §3c",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-DOAC-RENAL.
pub static VTE_DOAC_RENAL: RuleDef = RuleDef {
    id: "VTE-DOAC-RENAL",
    title: "DOAC with renal function below threshold",
    citation: Citation {
        label: "Drug labels: apixaban, rivaroxaban, edoxaban, dabigatran",
        seed: "none (beyond the seeds)",
        url: None,
        beyond_seeds: Some("apixaban, rivaroxaban, edoxaban and dabigatran labels"),
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-EDOXABAN-REDUCED-DOSE.
pub static VTE_EDOXABAN_REDUCED_DOSE: RuleDef = RuleDef {
    id: "VTE-EDOXABAN-REDUCED-DOSE",
    title: "Edoxaban 60 mg where 30 mg is indicated",
    citation: Citation {
        label: "Drug label: edoxaban",
        seed: "000_0a3220f03e4fd094.txt §3c (edoxaban named)",
        url: None,
        beyond_seeds: Some("the edoxaban label"),
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-PREGNANCY-NO-ORAL.
pub static VTE_PREGNANCY_NO_ORAL: RuleDef = RuleDef {
    id: "VTE-PREGNANCY-NO-ORAL",
    title: "DOAC or warfarin ordered in pregnancy",
    citation: Citation {
        label: "Drug labels: warfarin, DOACs",
        seed: "004_d770563ef041bb5f.txt §4.2 (nearby)",
        url: None,
        beyond_seeds: Some("the warfarin and DOAC labels"),
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-JP-NO-LMWH.
pub static VTE_JP_NO_LMWH: RuleDef = RuleDef {
    id: "VTE-JP-NO-LMWH",
    title: "Therapeutic LMWH for VTE (not approved in Japan)",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3",
        seed: "000_0a3220f03e4fd094.txt §3 preface",
        url: None,
        beyond_seeds: None,
    },
    region: Some(Region::Jp),
    evaluate: not_yet_implemented,
};

/// VTE-ANTICOAG-ANTIPLATELET.
pub static VTE_ANTICOAG_ANTIPLATELET: RuleDef = RuleDef {
    id: "VTE-ANTICOAG-ANTIPLATELET",
    title: "Anticoagulant combined with an antiplatelet",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3c; Chinese review on calf muscular vein thrombosis §5.2",
        seed: "000_0a3220f03e4fd094.txt §3c; 002_126ee537a40a731f.txt §5.2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
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
