//! Portal vein thrombosis (clinical-rules.md §4.3; seed 004).
//!
//! Seed 004 (`004_d770563ef041bb5f.txt`) is a Japanese patient-facing review,
//! 「【科学的根拠に基づく】門脈血栓症の全て:原因、症状、最新治療から日本の公的支援制度まで徹底解説」
//! (JapaneseHealth.org editorial committee, undated). Its §3.4 table sets the Japanese guideline
//! (日本のガイドライン) beside the international consensus (国際的コンセンサス); the catalogue
//! takes the indication for anticoagulation in cirrhosis per region profile from it
//! (`jp` = the Japanese column, `intl` and `cn` = the international column), and everything else
//! from the international column unless a rule says otherwise.
//!
//! This module owns the eleven PVT rules: whether to anticoagulate, which anticoagulant fits the
//! Child-Pugh class, variceal screening, duration, work-up, HCC tumour thrombus, reassessment,
//! estrogen after venous thrombosis and Japan's designated intractable disease 346. Each rule
//! below opens with its source sentence (verbatim, from docs/rule-sources.md), an English
//! rendering and a When/Then restatement; the catalogue wins where it differs from the seed, and
//! every choice the catalogue leaves open is written next to the code.
//!
//! It must not: read the clock (the evaluation date is `RuleContext::as_of`), do I/O, see the
//! wire format, or choose a drug itself — every suggested anticoagulant comes from
//! [`drug_choice::choose`] (through [`replacement_suggestions`]).

use chrono::NaiveDate;

use crate::facts::days::{SIX_MONTHS, THREE_MONTHS};
use crate::facts::{
    Acuity, Agent, ChildPugh, DoseClass, DrugClass, Evidence, MedicationOrder, Observed,
    OrderOrigin, PatientFacts, ThrombosisEpisode, ThrombosisSite, ThrombusExtension,
};
use crate::settings::Region;

use super::drug_choice::{self, ChoiceRequest};
use super::general::{agent_term, replacement_suggestions};
use super::reasons;
use super::{
    ActionPlan, Arg, Citation, Finding, Indicator, Mode, Reason, RuleContext, RuleDef,
    SuggestedProcedure, SuggestionPlan,
};

/// "Recent" PVT: onset ≤ 183 days. Seed 004 §3.4 says 最近 (recent) without a number; the
/// catalogue borrows §3.1.2's "ideally within 6 months of thrombus formation"
/// (理想的には血栓形成後6ヶ月以内) for both profiles.
pub const RECENT_ONSET_DAYS: i64 = SIX_MONTHS;

/// Course length PVT-ANTICOAGULATE writes on its suggestion when no permanent risk factor or
/// mesenteric extension calls for lifelong therapy: 6 months, the upper end of the seed's
/// 3–6-month standard (§3.4 table, row 治療期間: 最低3〜6ヶ月が標準 / 3〜6ヶ月の試行期間),
/// after which PVT-REASSESS asks for re-imaging. The catalogue leaves the length open.
pub const PVT_INITIAL_COURSE_DAYS: i64 = SIX_MONTHS;

/// PVT-REASSESS window: a therapeutic course started 91–183 days ago (seed 004 §3.4 table,
/// row 治療期間, Japanese column: 3〜6ヶ月の試行期間, then reassess).
pub const REASSESS_FROM_DAYS: i64 = THREE_MONTHS;
/// Upper end of the PVT-REASSESS window (6 months).
pub const REASSESS_TO_DAYS: i64 = SIX_MONTHS;

// ---------------------------------------------------------------------------------------------
// PVT-ANTICOAGULATE
//
// Source (seed 004 §3.4 table, row 肝硬変における抗凝固療法の適応):
//   日本のガイドライン: 「主に症候性PVT、最近発症のPVT、または進行を示す症例に推奨。無症候性で
//   安定した部分的な血栓に対しては、より選択的なアプローチがしばしば取られる。」
//   国際的コンセンサス: 「より広範な適応が現在好まれている。肝移植候補者のいかなるPVT、症候性の
//   いかなるPVT、および症状に関わらず最近の閉塞性PVTに対して抗凝固療法が推奨される。」
// §3.1.2: 「この治療は、迅速に、理想的には血栓形成後6ヶ月以内に開始された場合に最も効果的です」
// §3.1: 「門脈血栓症の患者の大多数にとって、抗凝固療法(しばしば「血液をサラサラにする薬」と
//   呼ばれる)が治療の基盤です」
// English: Japanese column: "Recommended mainly for symptomatic PVT, recently developed PVT, or
//   cases showing progression. For asymptomatic, stable, partial thrombi a more selective
//   approach is often taken." International column: "Broader indications are now favoured.
//   Anticoagulation is recommended for any PVT in liver-transplant candidates, any symptomatic
//   PVT, and recent occlusive PVT regardless of symptoms." §3.1.2: "This treatment is most
//   effective when started promptly, ideally within 6 months of thrombus formation." §3.1: "For
//   the great majority of patients with PVT, anticoagulation is the foundation of treatment."
// Figures (§3.1.2–3.1.3, meta-analysis in cirrhosis, reference 20): recanalisation 71 % vs 42 %,
//   progression 33 % → 9 %, no significant increase in major bleeding.
// When (review): PVT without tumour thrombus (no HCC, or HCC with `tumour-thrombus` = false),
//   no anticoagulant active, no high bleeding risk, and: without cirrhosis — always; with
//   cirrhosis — `intl` (and `cn`): transplant candidate, symptomatic, or onset ≤ 183 days and
//   `pvt-occlusive` = true; `jp`: symptomatic, onset ≤ 183 days, or progression.
// Then (warning): anticoagulation is recommended, ideally within 6 months of onset; in cirrhosis
//   quote the meta-analysis figures, for non-cirrhotic PVT do not. Suggestion from §5.1.
// ---------------------------------------------------------------------------------------------

/// PVT-ANTICOAGULATE.
pub static PVT_ANTICOAGULATE: RuleDef = RuleDef {
    id: "PVT-ANTICOAGULATE",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Portal vein thrombosis: anticoagulation indicated",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §3.1, §3.4 table (row 肝硬変における抗凝固療法の適応)",
        seed: "004_d770563ef041bb5f.txt §3.1, §3.4 table",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: anticoagulate,
};

fn anticoagulate(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    // Bound to the review service only: while an anticoagulant is being ordered the card would
    // only repeat what the clinician is doing.
    if context.mode != Mode::Review {
        return None;
    }
    let pvt = portal_episode(facts)?;
    // "Without tumour thrombus". A recorded tumour thrombus rules the card out with or without
    // an HCC Condition (the catalogue's "no HCC" presumes none; a `tumour-thrombus` = true
    // finding says otherwise). HCC with the question open is PVT-HCC-TUMOUR-THROMBUS's case.
    let tumour = facts.portal.tumour_thrombus.as_ref();
    if tumour.is_some_and(|t| t.value) {
        return None;
    }
    let hcc = facts.liver.hcc.first();
    if hcc.is_some() && tumour.is_none() {
        return None;
    }
    if anticoagulant_possibly_active(facts) || facts.bleeding.is_high() {
        return None;
    }

    let mut finding =
        Finding::new(&PVT_ANTICOAGULATE, Indicator::Warning).because(reasons::thrombosis(pvt));
    let cirrhosis = facts.cirrhosis();
    match cirrhosis {
        None => {
            // Non-cirrhotic PVT: always (the catalogue; the seed says "the great majority").
            finding = finding.because(reasons::absent("reason-portal-no-cirrhosis"));
        }
        Some(cirrhosis) => {
            let indications = cirrhotic_indications(facts, pvt, context.region);
            if indications.is_empty() {
                return None;
            }
            finding = finding
                .because(reasons::dated("reason-cirrhosis", cirrhosis))
                .because(child_pugh_reason(facts));
            for reason in indications {
                finding = finding.because(reason);
            }
        }
    }
    if let (Some(hcc), Some(tumour)) = (hcc, tumour) {
        finding = finding
            .because(reasons::dated("reason-hcc", hcc))
            .because(reasons::dated(
                "reason-tumour-thrombus-absent",
                &tumour.evidence,
            ));
    }
    finding = finding.because(reasons::absent("reason-no-anticoagulant-active"));

    // Lifelong therapy is considered with a permanent risk factor or mesenteric extension
    // (PVT-DURATION-LIFELONG), so the suggestion then sets no end; otherwise 6 months, to be
    // reassessed (PVT-REASSESS). The initial higher DOAC dose only for acute PVT.
    let lifelong = facts.thrombophilia.permanent().next().is_some() || mesenteric(facts).is_some();
    let request = ChoiceRequest {
        initial_dose: pvt.acuity == Acuity::Acute,
        total_days: if lifelong {
            None
        } else {
            u32::try_from(PVT_INITIAL_COURSE_DAYS).ok()
        },
    };
    // Selectors for the text: figures only in cirrhosis; the Child-Pugh sentence; the varices
    // sentence only when no variceal assessment is on record (PVT-VARICES-FIRST's subject).
    let child_pugh = match facts.liver.child_pugh.as_ref().map(|c| c.value) {
        Some(ChildPugh::A) => "A",
        Some(ChildPugh::B) => "B",
        Some(ChildPugh::C) => "C",
        None => "unknown",
    };
    finding = finding
        .with("cirrhosis", yes_no(cirrhosis.is_some()))
        .with(
            "profile",
            Arg::Literal(indication_profile(context.region).into()),
        )
        .with("child_pugh", Arg::Literal(child_pugh.into()))
        .with(
            "varices_assessed",
            yes_no(facts.liver.variceal_assessment().is_some()),
        );
    for suggestion in replacement_suggestions(facts, context, &[], request) {
        finding = finding.suggest(suggestion);
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

/// The column of the §3.4 table a profile follows: `jp` the Japanese guideline, `intl` and `cn`
/// the international consensus (§5.2: `cn` follows `intl` unless a rule says otherwise).
fn indication_profile(region: Region) -> &'static str {
    match region {
        Region::Jp => "jp",
        Region::Intl | Region::Cn => "intl",
    }
}

/// The reasons a cirrhotic PVT meets the profile's indication; empty when it does not.
fn cirrhotic_indications(
    facts: &PatientFacts,
    pvt: &ThrombosisEpisode,
    region: Region,
) -> Vec<Reason> {
    let mut found = Vec::new();
    let symptoms = facts
        .symptoms
        .as_ref()
        .filter(|_| facts.symptomatic().is_some());
    let recent = recent_onset(pvt, facts.as_of);
    match indication_profile(region) {
        "jp" => {
            if let Some(s) = symptoms {
                found.push(reasons::symptoms(s.value, &s.evidence));
            }
            if let Some(onset) = recent {
                found.push(recent_onset_reason(pvt, onset));
            }
            if let Some(progression) = progression(facts, pvt) {
                found.push(reasons::dated(
                    "reason-portal-progression",
                    &progression.evidence,
                ));
            }
        }
        _ => {
            if let Some(candidate) = facts.liver.transplant_candidate.first() {
                found.push(reasons::dated("reason-transplant-candidate", candidate));
            }
            if let Some(s) = symptoms {
                found.push(reasons::symptoms(s.value, &s.evidence));
            }
            let occlusive = facts.portal.occlusive.as_ref().filter(|o| o.value);
            if let (Some(onset), Some(occlusive)) = (recent, occlusive) {
                found.push(recent_onset_reason(pvt, onset));
                found.push(reasons::dated("reason-pvt-occlusive", &occlusive.evidence));
            }
        }
    }
    found
}

/// The onset date when the PVT began ≤ 183 days before `as_of` (a partial date counts when any
/// day of it lies in the window, §3.1); `None` when older or undated.
fn recent_onset(pvt: &ThrombosisEpisode, as_of: NaiveDate) -> Option<crate::fhir::PartialDate> {
    pvt.onset
        .filter(|onset| onset.within_days_before(as_of, RECENT_ONSET_DAYS))
}

fn recent_onset_reason(pvt: &ThrombosisEpisode, onset: crate::fhir::PartialDate) -> Reason {
    reasons::dated(
        "reason-portal-recent-onset",
        &Evidence::new(pvt.evidence.reference.clone(), Some(onset)),
    )
}

/// PVT progression (§3.3): finding `thrombus-extension` = distal or proximal recorded after the
/// PVT onset. "After" must hold for every day a partial date may stand for, so an undated
/// finding or PVT, or one on the day of onset, is not progression.
fn progression<'a>(
    facts: &'a PatientFacts,
    pvt: &ThrombosisEpisode,
) -> Option<&'a Observed<ThrombusExtension>> {
    let extension = facts.thrombus_extension.as_ref()?;
    if extension.value == ThrombusExtension::None {
        return None;
    }
    let recorded = extension.evidence.date?;
    let onset = pvt.onset?;
    (recorded.first_day() > onset.last_day()).then_some(extension)
}

/// The Child-Pugh class, or its absence, for cirrhosis cards.
fn child_pugh_reason(facts: &PatientFacts) -> Reason {
    match &facts.liver.child_pugh {
        Some(class) => reasons::child_pugh(class.value, &class.evidence),
        None => reasons::absent("reason-child-pugh-unknown"),
    }
}

// ---------------------------------------------------------------------------------------------
// PVT-DOAC-CHILD-PUGH-C
//
// Source (seed 004 §3.4 table, row 第一選択の抗凝固薬, international consensus):
//   「急性/重症PVTの初期治療にはLMWHが好まれる。長期療法では、代償性(Child-Pugh A)肝硬変患者に
//   おいてワルファリンの代替としてDOACsがますます使用されているが、Child-Pugh Bでは注意が必要で、
//   Child-Pugh Cでは避けるべきである」
// §3.1.4: 「現在のガイドラインでは、特に進行した(代償不全の)肝硬変患者では注意を促しています」
// English: "LMWH is preferred for the initial treatment of acute/severe PVT. For long-term therapy
//   DOACs are increasingly used as an alternative to warfarin in patients with compensated
//   (Child-Pugh A) cirrhosis, but caution is needed in Child-Pugh B, and they should be avoided
//   in Child-Pugh C." §3.1.4: "Current guidelines urge caution especially in patients with
//   advanced (decompensated) cirrhosis."
// When (anticoag): cirrhosis Child-Pugh C and a DOAC is ordered (PVT not required).
// Then (critical): avoid DOACs; use LMWH or VKA (§5.1: `jp` UFH while acute, then warfarin);
//   suggestion: replace the DOAC draft with what §5.1 chooses.
// ---------------------------------------------------------------------------------------------

/// PVT-DOAC-CHILD-PUGH-C.
pub static PVT_DOAC_CHILD_PUGH_C: RuleDef = RuleDef {
    id: "PVT-DOAC-CHILD-PUGH-C",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "DOAC ordered in Child-Pugh C cirrhosis",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §3.4 table (row 第一選択の抗凝固薬, international consensus)",
        seed: "004_d770563ef041bb5f.txt §3.4 table",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: doac_child_pugh_c,
};

fn doac_child_pugh_c(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    // The Child-Pugh class is what decides: it is a grade of cirrhosis, so a class C on record
    // fires the card even when the cirrhosis itself is not coded as a Condition (a blocking
    // safety rule errs on the side of the label: DOACs are avoided in Child-Pugh C).
    let class = child_pugh_is(facts, ChildPugh::C)?;
    // Any dose: the avoidance does not depend on the dose.
    let doacs: Vec<&MedicationOrder> = facts
        .ordered_medications()
        .filter(|o| o.is_doac())
        .collect();
    let first = doacs.first()?;
    let mut finding = Finding::new(&PVT_DOAC_CHILD_PUGH_C, Indicator::Critical)
        .with("agent", agent_term(first))
        .with("lmwh", yes_no(drug_choice::lmwh_available(context.region)));
    if let Some(cirrhosis) = facts.cirrhosis() {
        finding = finding.because(reasons::dated("reason-cirrhosis", cirrhosis));
    }
    finding = finding.because(reasons::child_pugh(class.value, &class.evidence));
    for doac in &doacs {
        finding = finding.because(reasons::order(doac));
    }
    for suggestion in replacement_suggestions(facts, context, &doacs, replacement_request(facts)) {
        finding = finding.suggest(suggestion);
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-RIVAROXABAN-CHILD-PUGH-B — beyond the seeds (rivaroxaban label).
//
// Nearby source (seed 004 §3.4 table, row 第一選択の抗凝固薬, international consensus):
//   「長期療法では、代償性(Child-Pugh A)肝硬変患者においてワルファリンの代替としてDOACsが
//   ますます使用されているが、Child-Pugh Bでは注意が必要で、Child-Pugh Cでは避けるべきである」
// English: "For long-term therapy DOACs are increasingly used as an alternative to warfarin in
//   patients with compensated (Child-Pugh A) cirrhosis, but caution is needed in Child-Pugh B,
//   and they should be avoided in Child-Pugh C."
// The seed says only "caution" for DOACs in Child-Pugh B; the contraindication of rivaroxaban
// (moderate hepatic impairment, Child-Pugh B) rests on the rivaroxaban label.
// When (anticoag): Child-Pugh B and rivaroxaban is ordered (PVT not required).
// Then (critical): rivaroxaban is contraindicated in Child-Pugh B; choose another agent;
//   suggestion: replace it with what §5.1 chooses (§5.1 never offers rivaroxaban in B).
// ---------------------------------------------------------------------------------------------

/// PVT-RIVAROXABAN-CHILD-PUGH-B.
pub static PVT_RIVAROXABAN_CHILD_PUGH_B: RuleDef = RuleDef {
    id: "PVT-RIVAROXABAN-CHILD-PUGH-B",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "Rivaroxaban ordered in Child-Pugh B cirrhosis",
    citation: Citation {
        label: "Rivaroxaban drug label; beyond the seeds (cf. Japanese PVT patient review (JapaneseHealth.org) §3.4 table: caution in Child-Pugh B)",
        seed: "004_d770563ef041bb5f.txt §3.4 table (nearby text only: caution in B)",
        url: None,
        beyond_seeds: Some("beyond-seeds-rivaroxaban-label"),
    },
    region: None,
    evaluate: rivaroxaban_child_pugh_b,
};

fn rivaroxaban_child_pugh_b(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    // As for Child-Pugh C: the recorded class decides, whether or not cirrhosis is coded.
    let class = child_pugh_is(facts, ChildPugh::B)?;
    let orders: Vec<&MedicationOrder> = facts
        .ordered_medications()
        .filter(|o| o.agent == Some(Agent::Rivaroxaban))
        .collect();
    let first = orders.first()?;
    let mut finding = Finding::new(&PVT_RIVAROXABAN_CHILD_PUGH_B, Indicator::Critical)
        .with("agent", agent_term(first));
    if let Some(cirrhosis) = facts.cirrhosis() {
        finding = finding.because(reasons::dated("reason-cirrhosis", cirrhosis));
    }
    finding = finding.because(reasons::child_pugh(class.value, &class.evidence));
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    for suggestion in replacement_suggestions(facts, context, &orders, replacement_request(facts)) {
        finding = finding.suggest(suggestion);
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-DOAC-CHILD-PUGH-B
//
// Source (seed 004 §3.4 table, row 第一選択の抗凝固薬, international consensus):
//   「長期療法では、代償性(Child-Pugh A)肝硬変患者においてワルファリンの代替としてDOACsが
//   ますます使用されているが、Child-Pugh Bでは注意が必要で、Child-Pugh Cでは避けるべきである」
// English: "For long-term therapy DOACs are increasingly used as an alternative to warfarin in
//   patients with compensated (Child-Pugh A) cirrhosis, but caution is needed in Child-Pugh B,
//   and they should be avoided in Child-Pugh C."
// When (anticoag): Child-Pugh B and apixaban, edoxaban or dabigatran is ordered.
// Then (warning): use with caution. No suggestion: the seed asks for caution, not a change.
// ---------------------------------------------------------------------------------------------

/// PVT-DOAC-CHILD-PUGH-B.
pub static PVT_DOAC_CHILD_PUGH_B: RuleDef = RuleDef {
    id: "PVT-DOAC-CHILD-PUGH-B",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Apixaban, edoxaban or dabigatran in Child-Pugh B",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §3.4 table (row 第一選択の抗凝固薬, international consensus)",
        seed: "004_d770563ef041bb5f.txt §3.4 table",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: doac_child_pugh_b,
};

fn doac_child_pugh_b(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let class = child_pugh_is(facts, ChildPugh::B)?;
    let orders: Vec<&MedicationOrder> = facts
        .ordered_medications()
        .filter(|o| {
            matches!(
                o.agent,
                Some(Agent::Apixaban | Agent::Edoxaban | Agent::Dabigatran)
            )
        })
        .collect();
    let first = orders.first()?;
    let mut finding =
        Finding::new(&PVT_DOAC_CHILD_PUGH_B, Indicator::Warning).with("agent", agent_term(first));
    if let Some(cirrhosis) = facts.cirrhosis() {
        finding = finding.because(reasons::dated("reason-cirrhosis", cirrhosis));
    }
    finding = finding.because(reasons::child_pugh(class.value, &class.evidence));
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    // A risk that needs a decision: the card offers override reasons.
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-VARICES-FIRST
//
// Source (seed 004):
//   §2.1: 「上部消化管内視鏡検査(胃カメラ)は、門脈血栓症が疑われるまたは確定されたすべての患者に
//   とって不可欠です。」
//   §3.2: 「内視鏡検査で出血リスクの高い中等度から大型の静脈瘤が明らかになった場合、予防的治療が
//   開始されます。」
//   §3.4 table, row 抗凝固療法前の静脈瘤管理, Japanese column: 「確固たるコンセンサスがない議論の
//   多いトピック。理想的には、出血リスクを最小限に抑えるために、抗凝固療法を開始する前に高リスクの
//   静脈瘤を内視鏡(EVL)で根絶する。」
//   International column: 「世界的なコンセンサスも議論を反映している。静脈瘤の予防的根絶は健全な
//   戦略であるが、効果的な再開通の窓は限られているため、抗凝固療法の開始を過度に遅らせるべきでは
//   ない」
// English: §2.1 "Upper GI endoscopy (gastroscopy) is essential for every patient with suspected
//   or confirmed PVT." §3.2 "If endoscopy reveals medium-to-large varices at high risk of
//   bleeding, preventive treatment is started." Japanese column: "A much-debated topic without
//   firm consensus. Ideally, high-risk varices are eradicated endoscopically (EVL) before
//   anticoagulation is started, to minimise bleeding risk." International column: "Prophylactic
//   eradication of varices is a sound strategy, but because the window for effective
//   recanalisation is limited, the start of anticoagulation should not be unduly delayed."
// When (anticoag, review): PVT and either no variceal assessment on record (§3.3) or high-risk
//   varices without band ligation.
// Then (warning): upper endoscopy and, for high-risk varices, band ligation or a non-selective
//   beta-blocker — without delaying anticoagulation unduly. Suggestion: an upper endoscopy
//   ServiceRequest.
// ---------------------------------------------------------------------------------------------

/// PVT-VARICES-FIRST.
pub static PVT_VARICES_FIRST: RuleDef = RuleDef {
    id: "PVT-VARICES-FIRST",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "PVT: screen or treat varices",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §2.1, §3.2, §3.4 table (row 抗凝固療法前の静脈瘤管理)",
        seed: "004_d770563ef041bb5f.txt §2.1, §3.2, §3.4 table",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: varices_first,
};

fn varices_first(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let pvt = portal_episode(facts)?;
    // In the anticoagulation services the card answers an antithrombotic order (anticoagulant or
    // antiplatelet, any dose): that is what raises the variceal bleeding risk. An estrogen
    // order alone does not make it relevant. In review it fires for every PVT (§2.1: endoscopy
    // is essential for every patient with PVT).
    let ordered = match context.mode {
        Mode::Ordering => Some(
            facts
                .ordered_medications()
                .find(|o| o.is_anticoagulant() || o.class() == Some(DrugClass::Antiplatelet))?,
        ),
        Mode::Review => None,
    };
    let mut finding =
        Finding::new(&PVT_VARICES_FIRST, Indicator::Warning).because(reasons::thrombosis(pvt));
    let variant = match facts.liver.variceal_assessment() {
        None => {
            finding = finding.because(reasons::absent("reason-no-variceal-assessment"));
            "unassessed"
        }
        Some(_) => {
            let high_risk = facts.liver.varices_high_risk.as_ref().filter(|v| v.value)?;
            if ligated_since(facts, &high_risk.evidence) {
                return None;
            }
            finding = finding
                .because(reasons::dated(
                    "reason-varices-high-risk",
                    &high_risk.evidence,
                ))
                .because(reasons::absent("reason-varices-untreated"));
            "untreated"
        }
    };
    if let Some(order) = ordered {
        finding = finding.because(reasons::order(order));
    }
    // No due date: the seed gives none, and "without delaying anticoagulation unduly" is said
    // in the text; the ordering clinician sets the date.
    finding = finding
        .with("variant", Arg::Literal(variant.into()))
        .suggest(SuggestionPlan {
            key: "suggestion-portal-upper-endoscopy",
            args: vec![("variant", Arg::Literal(variant.into()))],
            recommended: true,
            actions: vec![ActionPlan::CreateProcedure {
                procedure: SuggestedProcedure::UpperEndoscopy,
                due_in_days: None,
            }],
        });
    finding.asks_to_change_course = true;
    Some(finding)
}

/// Whether a band ligation on record treats the high-risk varices found at `found`: it counts
/// unless it was done (for certain) before that finding — varices still high-risk after an
/// older ligation are untreated. Undated ligations count (the catalogue asks only for one).
fn ligated_since(facts: &PatientFacts, found: &Evidence) -> bool {
    facts
        .liver
        .band_ligation
        .iter()
        .any(|ligation| match (ligation.date, found.date) {
            (Some(done), Some(found)) => done.last_day() >= found.first_day(),
            _ => true,
        })
}

// ---------------------------------------------------------------------------------------------
// PVT-DURATION-LIFELONG
//
// Source (seed 004 §3.4 table, row 治療期間, international consensus):
//   「最低3〜6ヶ月が標準。恒久的な基礎的リスク因子(例:MPN、遺伝性血栓性素因)が存在する場合、
//   または血栓症が腸間膜静脈に及ぶ場合は、生涯にわたる抗凝固療法が強く考慮される」
// FAQ: 「しかし、遺伝的な凝固障害や骨髄増殖性腫瘍などの恒久的な基礎リスク要因がある場合は、
//   新たな血栓の形成を防ぐために生涯にわたる治療がしばしば推奨されます」
// English: "A minimum of 3–6 months is standard. Where a permanent underlying risk factor (e.g.
//   MPN, inherited thrombophilia) is present, or the thrombosis extends into the mesenteric
//   veins, lifelong anticoagulation is strongly considered." FAQ: "However, where there is a
//   permanent underlying risk factor such as a genetic clotting disorder or a myeloproliferative
//   neoplasm, lifelong treatment is often recommended to prevent new clots."
// When: PVT with a permanent risk factor (APS, MPN, inherited thrombophilia; APS is the
//   catalogue's addition) or mesenteric extension, and the ordered course is finite (anticoag)
//   or no anticoagulant is active (review).
// Then (warning): consider lifelong anticoagulation.
// ---------------------------------------------------------------------------------------------

/// PVT-DURATION-LIFELONG.
pub static PVT_DURATION_LIFELONG: RuleDef = RuleDef {
    id: "PVT-DURATION-LIFELONG",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "PVT with a permanent risk factor: lifelong therapy",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §3.4 table (row 治療期間, international consensus), FAQ (よくある質問)",
        seed: "004_d770563ef041bb5f.txt §3.4 table, FAQ",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: duration_lifelong,
};

fn duration_lifelong(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let pvt = portal_episode(facts)?;
    let aps = facts.thrombophilia.aps.first();
    let mpn = facts.thrombophilia.mpn.first();
    let inherited = facts.thrombophilia.inherited.first();
    let mesenteric = mesenteric(facts);
    if aps.is_none() && mpn.is_none() && inherited.is_none() && mesenteric.is_none() {
        return None;
    }
    let mut finding =
        Finding::new(&PVT_DURATION_LIFELONG, Indicator::Warning).because(reasons::thrombosis(pvt));
    if let Some(episode) = mesenteric {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for (key, evidence) in [
        ("reason-aps", aps),
        ("reason-mpn", mpn),
        ("reason-inherited-thrombophilia", inherited),
    ] {
        if let Some(evidence) = evidence {
            finding = finding.because(reasons::dated(key, evidence));
        }
    }
    match context.mode {
        Mode::Ordering => {
            // The ordered course (§3.2): the therapeutic (or unreadable-dose) anticoagulant
            // orders being placed, chained with planned and active ones. A prophylactic order
            // alone is no course. Open-ended (any order without an end) → silent.
            let ordered = facts
                .ordered_medications()
                .find(|o| o.is_anticoagulant() && o.dose != DoseClass::Prophylactic)?;
            let course = facts.course()?;
            let days = course.duration_days()?;
            finding = finding.because(reasons::order(ordered)).because(Reason {
                key: "reason-course",
                args: vec![("days", Arg::Number(days as f64))],
                evidence: course.orders.clone(),
            });
            finding = finding.with("mode", Arg::Literal("ordering".into()));
        }
        Mode::Review => {
            if anticoagulant_possibly_active(facts) {
                return None;
            }
            finding = finding
                .because(reasons::absent("reason-no-anticoagulant-active"))
                .with("mode", Arg::Literal("review".into()));
        }
    }
    finding = finding.with(
        "cause",
        Arg::Literal(
            match (
                facts.thrombophilia.permanent().next().is_some(),
                mesenteric.is_some(),
            ) {
                (true, true) => "both",
                (true, false) => "permanent",
                _ => "mesenteric",
            }
            .into(),
        ),
    );
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-NONCIRRHOTIC-WORKUP
//
// Source (seed 004):
//   §2.1: 「肝硬変がない場合、骨髄増殖性腫瘍や遺伝性血栓性素因などの他の原因に対する包括的な調査が
//   必須となります。」
//   §1.2.4: 「多くの患者、特に肝硬変のない患者では、門脈血栓症は血液が凝固しやすくなる基礎的な
//   全身性疾患(過凝固状態)によって引き起こされます。」「これにより血液が「濃く」なり、肝硬変なしで
//   発症する門脈血栓症患者の30-40%に見られる非常に一般的な根本原因です」
// English: §2.1 "Where there is no cirrhosis, a comprehensive investigation for other causes such
//   as myeloproliferative neoplasms and inherited thrombophilia is mandatory." §1.2.4 "In many
//   patients, particularly those without cirrhosis, PVT is caused by an underlying systemic
//   disease that makes the blood clot easily." "... a very common root cause, found in 30–40 % of
//   patients who develop PVT without cirrhosis." (said of MPNs)
// When (review): PVT without cirrhosis and no thrombophilia work-up on record (§3.3).
// Then (info): work up MPN (JAK2), inherited thrombophilia, APS and local causes.
// ---------------------------------------------------------------------------------------------

/// PVT-NONCIRRHOTIC-WORKUP.
pub static PVT_NONCIRRHOTIC_WORKUP: RuleDef = RuleDef {
    id: "PVT-NONCIRRHOTIC-WORKUP",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Non-cirrhotic PVT without thrombophilia work-up",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §1.2.4, §2.1",
        seed: "004_d770563ef041bb5f.txt §1.2.4, §2.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: noncirrhotic_workup,
};

fn noncirrhotic_workup(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Review {
        return None;
    }
    let pvt = portal_episode(facts)?;
    if facts.cirrhosis().is_some() || !facts.thrombophilia.workup.is_empty() {
        return None;
    }
    let mut finding = Finding::new(&PVT_NONCIRRHOTIC_WORKUP, Indicator::Info)
        .because(reasons::thrombosis(pvt))
        .because(reasons::absent("reason-portal-no-cirrhosis"))
        .because(reasons::absent("reason-thrombophilia-workup-missing"));
    finding.asks_to_change_course = false;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-HCC-TUMOUR-THROMBUS
//
// Source (seed 004 §4.2, 肝細胞がん(HCC)患者):
//   「良性の血栓(PVT)と悪性の腫瘍血栓(静脈内に増殖するがん細胞)を区別することが重要です。これは、
//   高度な画像検査における特定の基準を用いて行われます。」
//   「したがって、この高リスク群で良性のPVTが特定されたらすぐに、進行を防ぎ、がん治療の選択肢を
//   維持するために、全用量の抗凝固療法を強く考慮すべきです」
// English: "It is important to distinguish a benign (bland) thrombus (PVT) from a malignant tumour
//   thrombus (cancer cells growing inside the vein). This is done with specific criteria on
//   advanced imaging. … Therefore, as soon as bland PVT is identified in this high-risk group,
//   full-dose anticoagulation should be strongly considered, to prevent progression and preserve
//   cancer-treatment options."
// When (review): PVT and HCC and no `tumour-thrombus` finding.
// Then (info): distinguish bland from tumour thrombus on imaging; bland PVT in HCC → consider
//   full-dose anticoagulation.
// ---------------------------------------------------------------------------------------------

/// PVT-HCC-TUMOUR-THROMBUS.
pub static PVT_HCC_TUMOUR_THROMBUS: RuleDef = RuleDef {
    id: "PVT-HCC-TUMOUR-THROMBUS",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "PVT with HCC: bland or tumour thrombus?",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §4.2",
        seed: "004_d770563ef041bb5f.txt §4.2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: hcc_tumour_thrombus,
};

fn hcc_tumour_thrombus(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Review {
        return None;
    }
    let pvt = portal_episode(facts)?;
    let hcc = facts.liver.hcc.first()?;
    if facts.portal.tumour_thrombus.is_some() {
        return None;
    }
    let mut finding = Finding::new(&PVT_HCC_TUMOUR_THROMBUS, Indicator::Info)
        .because(reasons::thrombosis(pvt))
        .because(reasons::dated("reason-hcc", hcc))
        .because(reasons::absent("reason-tumour-thrombus-unknown"));
    finding.asks_to_change_course = false;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-REASSESS
//
// Source (seed 004):
//   §3.4 table, row 治療期間, Japanese column: 「しばしば3〜6ヶ月の試行期間で開始され、その後、
//   再開通と出血リスクに基づいて継続的な治療の必要性が再評価される。」
//   FAQ: 「門脈血栓症が解決した一時的な問題(最近の手術や感染症など)によって引き起こされた場合、
//   医師は3〜6ヶ月後に抗凝固薬を中止することがあります。」
// English: "It is often started as a trial of 3–6 months, after which the need for continued
//   treatment is reassessed on the basis of recanalisation and bleeding risk." FAQ: "If the PVT
//   was caused by a temporary problem that has resolved (such as recent surgery or infection),
//   the doctor may stop the anticoagulant after 3–6 months."
// When (review): PVT and a therapeutic anticoagulant course started 91–183 days ago and still
//   active.
// Then (info): re-image and reassess recanalisation and bleeding risk to decide on continuing.
// ---------------------------------------------------------------------------------------------

/// PVT-REASSESS.
pub static PVT_REASSESS: RuleDef = RuleDef {
    id: "PVT-REASSESS",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "PVT: reassess after 3–6 months of anticoagulation",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §3.4 table (row 治療期間, Japanese guideline)",
        seed: "004_d770563ef041bb5f.txt §3.4 table, FAQ",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: reassess,
};

fn reassess(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Review {
        return None;
    }
    let pvt = portal_episode(facts)?;
    // "Still active": an active therapeutic order; the course (§3.2) chains it with the other
    // therapeutic orders of the record and starts at the earliest of them. Orders that were
    // completed or stopped are not in the record's facts, so a course that switched agents
    // counts from the start of the orders still active or planned.
    let active = facts.therapeutic_anticoagulant_active()?;
    let course = facts.course()?;
    let days = (context.as_of - course.start).num_days();
    if !(REASSESS_FROM_DAYS..=REASSESS_TO_DAYS).contains(&days) {
        return None;
    }
    let mut finding = Finding::new(&PVT_REASSESS, Indicator::Info)
        .with("days", Arg::Number(days as f64))
        .because(reasons::thrombosis(pvt))
        .because(reasons::order(active))
        .because(Reason {
            key: "reason-portal-course-started",
            args: vec![
                ("date", Arg::Date(course.start)),
                ("days", Arg::Number(days as f64)),
            ],
            evidence: course.orders.clone(),
        });
    finding.asks_to_change_course = false;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-ESTROGEN
//
// Source (seed 004):
//   §4.2 (妊婦): 「門脈血栓症を持つ出産可能年齢の女性にとって、慎重な計画が鍵となります。エストロ
//   ゲン含有避妊薬は血栓形成リスクのため避けるべきであり、プロゲスチンのみの方法や子宮内器具が
//   好まれます。」
//   §1.2.5: 「成人では、妊娠や経口避妊薬の使用といった他のあまり一般的でない危険因子もあり、これらは
//   いずれも一時的に血液の凝固傾向を高める可能性があります」
// English: §4.2 "For women of child-bearing age with PVT, careful planning is key.
//   Estrogen-containing contraceptives should be avoided because of the thrombotic risk;
//   progestin-only methods or intrauterine devices are preferred." §1.2.5 "In adults there are
//   other, less common risk factors such as pregnancy and the use of oral contraceptives, both
//   of which can temporarily increase the blood's tendency to clot."
// When (anticoag): PVT or any VTE (active or history) and an estrogen-containing contraceptive
//   is ordered.
// Then (critical): avoid estrogen; progestin-only or intrauterine methods. Suggestion: remove
//   the estrogen draft (no replacement drug is created).
// ---------------------------------------------------------------------------------------------

/// PVT-ESTROGEN.
pub static PVT_ESTROGEN: RuleDef = RuleDef {
    id: "PVT-ESTROGEN",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "Estrogen contraceptive ordered after VTE or PVT",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §4.2",
        seed: "004_d770563ef041bb5f.txt §4.2, §1.2.5",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: estrogen,
};

fn estrogen(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let orders: Vec<&MedicationOrder> = facts
        .ordered_medications()
        .filter(|o| o.agent == Some(Agent::EstrogenContraceptive))
        .collect();
    let first = orders.first()?;
    // "Any VTE": every current venous thrombosis the facts know (leg DVT, iliac/IVC, PE, portal,
    // mesenteric, unstated vein) and any thrombosis history. Superficial vein thrombosis is not
    // a thrombosis fact (terminology.md §9) and does not count.
    let pvt = portal_episode(facts);
    let current: Vec<&ThrombosisEpisode> = match pvt {
        Some(pvt) => vec![pvt],
        None => facts.thromboses.iter().take(1).collect(),
    };
    let history = facts.risk_factors.prior_vte.first();
    if current.is_empty() && history.is_none() {
        return None;
    }
    let mut finding = Finding::new(&PVT_ESTROGEN, Indicator::Critical)
        .with("agent", agent_term(first))
        .with("pvt", yes_no(pvt.is_some()));
    for episode in current {
        finding = finding.because(reasons::thrombosis(episode));
    }
    if let Some(history) = history {
        finding = finding.because(reasons::dated("reason-prior-vte", history));
    }
    for order in &orders {
        finding = finding.because(reasons::order(order));
    }
    // Remove the estrogen drafts; no replacement drug (progestin-only and intrauterine methods
    // are named in the text, not ordered). Only drafts with an id can be deleted.
    let drafts: Vec<&&MedicationOrder> = orders
        .iter()
        .filter(|o| o.origin != OrderOrigin::Active)
        .collect();
    if !drafts.is_empty() && drafts.iter().all(|o| o.reference.id().is_some()) {
        finding = finding.suggest(SuggestionPlan {
            key: "suggestion-portal-remove-estrogen",
            args: Vec::new(),
            recommended: true,
            actions: drafts
                .iter()
                .map(|o| ActionPlan::Delete(o.reference.clone()))
                .collect(),
        });
    }
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// PVT-JP-INTRACTABLE-DISEASE — region `jp` only.
//
// Source (seed 004 §2.2):
//   「日本では、非肝硬変性門脈血栓症の特定のサブタイプである原発性肝外門脈閉塞症が、厚生労働省に
//   よって指定難病346として公式に認定されています」
//   「必須の画像所見: 診断には、肝外の主門脈における閉塞の画像証拠(超音波、CT、またはMRIから)と、
//   閉塞を迂回する顕著な側副血行路の発達(「海綿状血管腫」)が必要です。」
//   「これには、肝硬変、他の形態の門脈圧亢進症(特発性門脈圧亢進症など)、および腫瘍、膵炎、または
//   最近の腹部手術などの二次的な原因が含まれます。」
//   「重症度分類はいくつかの要因を評価し、患者はグレードIII以上の基準を満たす必要があります」
// English: "In Japan, primary extrahepatic portal vein obstruction, a particular subtype of
//   non-cirrhotic PVT, is officially recognised by the Ministry of Health, Labour and Welfare as
//   designated intractable disease 346." "The diagnosis requires imaging evidence of obstruction
//   of the extrahepatic main portal vein and the development of marked collateral vessels
//   bypassing the obstruction (cavernous transformation)." "[Exclusions] include cirrhosis,
//   other forms of portal hypertension, and secondary causes such as tumours, pancreatitis or
//   recent abdominal surgery." "The patient must meet severity grade III or higher."
// (The seed's §5.2 calls it 指定難病82; the card follows §2.2 and reference 18: 346.)
// When (review, `jp`): PVT with `portal-cavernoma` = true, no cirrhosis, no HCC or other
//   malignancy, and no recent abdominal cause (acute pancreatitis, abdominal surgery ≤ 91 days).
// Then (info): may qualify as primary extrahepatic portal vein obstruction (designated
//   intractable disease 346): public subsidy at severity grade III or above.
// ---------------------------------------------------------------------------------------------

/// PVT-JP-INTRACTABLE-DISEASE.
pub static PVT_JP_INTRACTABLE_DISEASE: RuleDef = RuleDef {
    id: "PVT-JP-INTRACTABLE-DISEASE",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "PVT: possible designated intractable disease 346",
    citation: Citation {
        label: "Japanese PVT patient review (JapaneseHealth.org) §2.2, §4.3",
        seed: "004_d770563ef041bb5f.txt §2.2, §4.3",
        url: None,
        beyond_seeds: None,
    },
    region: Some(Region::Jp),
    evaluate: jp_intractable_disease,
};

fn jp_intractable_disease(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    // The rule table limits the rule to `jp`; checked here too so the function holds alone.
    if context.mode != Mode::Review || context.region != Region::Jp {
        return None;
    }
    let pvt = portal_episode(facts)?;
    let cavernoma = facts.portal.cavernoma.as_ref().filter(|c| c.value)?;
    // HCC is also filed as active cancer by the facts; both lists are checked anyway.
    if facts.cirrhosis().is_some()
        || !facts.liver.hcc.is_empty()
        || !facts.cancer.active.is_empty()
        || !facts.recent_abdominal_cause.is_empty()
    {
        return None;
    }
    let mut finding = Finding::new(&PVT_JP_INTRACTABLE_DISEASE, Indicator::Info)
        .because(reasons::thrombosis(pvt))
        .because(reasons::dated(
            "reason-portal-cavernoma",
            &cavernoma.evidence,
        ))
        .because(reasons::absent("reason-portal-no-cirrhosis"))
        .because(reasons::absent("reason-portal-no-malignancy"))
        .because(reasons::absent("reason-portal-no-abdominal-cause"));
    finding.asks_to_change_course = false;
    Some(finding)
}

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &PVT_ANTICOAGULATE,
    &PVT_DOAC_CHILD_PUGH_C,
    &PVT_RIVAROXABAN_CHILD_PUGH_B,
    &PVT_DOAC_CHILD_PUGH_B,
    &PVT_VARICES_FIRST,
    &PVT_DURATION_LIFELONG,
    &PVT_NONCIRRHOTIC_WORKUP,
    &PVT_HCC_TUMOUR_THROMBUS,
    &PVT_REASSESS,
    &PVT_ESTROGEN,
    &PVT_JP_INTRACTABLE_DISEASE,
];

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// The current PVT a card speaks of: of several portal episodes, the one with the latest onset
/// (the one "recent onset" and "progression after onset" are judged on); undated ones last.
fn portal_episode(facts: &PatientFacts) -> Option<&ThrombosisEpisode> {
    facts
        .episodes_at(ThrombosisSite::Portal)
        .max_by_key(|e| e.onset.map(|d| d.last_day()))
}

/// Mesenteric extension: a current mesenteric vein thrombosis beside the PVT.
fn mesenteric(facts: &PatientFacts) -> Option<&ThrombosisEpisode> {
    facts.episodes_at(ThrombosisSite::Mesenteric).next()
}

/// "An anticoagulant is active" for rules that fire only when none is: any active anticoagulant
/// (any dose), or an active order whose drug could not be identified — an unknown drug is never
/// read as "no drug" (§2: a card never claims what the record does not hold).
fn anticoagulant_possibly_active(facts: &PatientFacts) -> bool {
    facts.anticoagulant_active().is_some() || facts.active_medications().any(|o| o.agent.is_none())
}

/// The recorded Child-Pugh class when it is `class`.
fn child_pugh_is(facts: &PatientFacts, class: ChildPugh) -> Option<&Observed<ChildPugh>> {
    facts.liver.child_pugh.as_ref().filter(|c| c.value == class)
}

/// What a replacement asks of the drug-choice function: the initial higher DOAC dose when a
/// current thrombosis is acute. No course length: these rules do not set one, and a draft's own
/// end may be only the loading phase of a longer course (as VTE-APS-NO-DOAC, the length is left
/// to the prescriber).
fn replacement_request(facts: &PatientFacts) -> ChoiceRequest {
    ChoiceRequest {
        initial_dose: facts.thromboses.iter().any(|e| e.acuity == Acuity::Acute),
        total_days: None,
    }
}

fn yes_no(value: bool) -> Arg {
    Arg::Literal(if value { "yes" } else { "no" }.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Course, SymptomSeverity};
    use crate::fhir::{PartialDate, ResourceRef};

    fn day(offset: i64) -> NaiveDate {
        as_of() - chrono::Duration::days(offset)
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn evidence(kind: &str, id: &str, days_ago: Option<i64>) -> Evidence {
        Evidence::new(
            ResourceRef::new(kind, id),
            days_ago.map(|d| PartialDate::day(day(d))),
        )
    }

    fn pvt(days_ago: Option<i64>) -> ThrombosisEpisode {
        ThrombosisEpisode {
            site: ThrombosisSite::Portal,
            acuity: Acuity::Chronic,
            laterality: crate::facts::Laterality::Unknown,
            onset: days_ago.map(|d| PartialDate::day(day(d))),
            evidence: evidence("Condition", "pvt", days_ago),
        }
    }

    fn facts_with_pvt(days_ago: Option<i64>) -> PatientFacts {
        PatientFacts {
            as_of: as_of(),
            thromboses: vec![pvt(days_ago)],
            ..Default::default()
        }
    }

    fn context(region: Region, mode: Mode) -> RuleContext {
        RuleContext {
            as_of: as_of(),
            region,
            mode,
        }
    }

    fn order(
        agent: Agent,
        origin: OrderOrigin,
        start_ago: i64,
        dose: DoseClass,
    ) -> MedicationOrder {
        MedicationOrder {
            reference: ResourceRef::new("MedicationRequest", format!("{agent:?}-{start_ago}")),
            origin,
            agent: Some(agent),
            dose,
            amount_per_dose: None,
            doses_per_day: None,
            start: day(start_ago),
            end: None,
            dosage_text: String::new(),
        }
    }

    fn cirrhotic(mut facts: PatientFacts) -> PatientFacts {
        facts
            .liver
            .cirrhosis
            .push(evidence("Condition", "cirrhosis", Some(400)));
        facts
    }

    #[test]
    fn cirrhotic_recent_pvt_is_an_indication_in_jp_but_needs_occlusion_in_intl() {
        let facts = cirrhotic(facts_with_pvt(Some(60)));
        let review = |region| anticoagulate(&facts, &context(region, Mode::Review));
        assert!(review(Region::Jp).is_some());
        assert!(review(Region::Intl).is_none());
        assert!(review(Region::Cn).is_none());
        let mut occlusive = facts.clone();
        occlusive.portal.occlusive = Some(Observed {
            value: true,
            evidence: evidence("Observation", "occl", Some(10)),
        });
        assert!(anticoagulate(&occlusive, &context(Region::Intl, Mode::Review)).is_some());
    }

    #[test]
    fn progression_must_be_recorded_after_the_onset() {
        let mut facts = cirrhotic(facts_with_pvt(Some(400)));
        let extension = |days_ago| Observed {
            value: ThrombusExtension::Proximal,
            evidence: evidence("Observation", "ext", Some(days_ago)),
        };
        facts.thrombus_extension = Some(extension(400));
        assert!(anticoagulate(&facts, &context(Region::Jp, Mode::Review)).is_none());
        facts.thrombus_extension = Some(extension(30));
        assert!(anticoagulate(&facts, &context(Region::Jp, Mode::Review)).is_some());
        // An undated PVT cannot be shown to have progressed after its onset.
        let mut undated = cirrhotic(facts_with_pvt(None));
        undated.thrombus_extension = Some(extension(30));
        assert!(anticoagulate(&undated, &context(Region::Jp, Mode::Review)).is_none());
    }

    #[test]
    fn non_cirrhotic_pvt_always_qualifies_but_not_with_an_unknown_active_drug() {
        let mut facts = facts_with_pvt(Some(800));
        let finding = anticoagulate(&facts, &context(Region::Intl, Mode::Review)).unwrap();
        assert!(finding.asks_to_change_course);
        assert!(finding
            .args
            .contains(&("cirrhosis", Arg::Literal("no".into()))));
        assert!(!finding.suggestions.is_empty());
        let mut unknown = order(Agent::Apixaban, OrderOrigin::Active, 10, DoseClass::Unknown);
        unknown.agent = None;
        facts.medication_orders.push(unknown);
        assert!(anticoagulate(&facts, &context(Region::Intl, Mode::Review)).is_none());
    }

    #[test]
    fn hcc_needs_a_bland_thrombus_finding_before_anticoagulation_is_suggested() {
        let mut facts = facts_with_pvt(Some(30));
        facts
            .liver
            .hcc
            .push(evidence("Condition", "hcc", Some(100)));
        let review = context(Region::Intl, Mode::Review);
        assert!(anticoagulate(&facts, &review).is_none());
        assert!(hcc_tumour_thrombus(&facts, &review).is_some());
        facts.portal.tumour_thrombus = Some(Observed {
            value: false,
            evidence: evidence("Observation", "tt", Some(5)),
        });
        assert!(anticoagulate(&facts, &review).is_some());
        assert!(hcc_tumour_thrombus(&facts, &review).is_none());
    }

    #[test]
    fn lifelong_fires_on_a_finite_course_only() {
        let mut facts = facts_with_pvt(Some(30));
        facts
            .thrombophilia
            .mpn
            .push(evidence("Condition", "mpn", Some(300)));
        let mut finite = order(
            Agent::Apixaban,
            OrderOrigin::Ordered,
            0,
            DoseClass::Therapeutic,
        );
        finite.end = Some(day(-183));
        facts.medication_orders.push(finite.clone());
        let ordering = context(Region::Intl, Mode::Ordering);
        assert!(duration_lifelong(&facts, &ordering).is_some());
        facts.medication_orders[0].end = None;
        assert!(duration_lifelong(&facts, &ordering).is_none());
        assert_eq!(
            facts.course(),
            Some(Course {
                start: day(0),
                end: None,
                orders: vec![finite.reference.clone()],
            })
        );
    }

    #[test]
    fn reassess_window_is_91_to_183_days_inclusive() {
        let review = context(Region::Intl, Mode::Review);
        for (start, fires) in [(90, false), (91, true), (183, true), (184, false)] {
            let mut facts = facts_with_pvt(Some(200));
            facts.medication_orders.push(order(
                Agent::Warfarin,
                OrderOrigin::Active,
                start,
                DoseClass::Therapeutic,
            ));
            assert_eq!(reassess(&facts, &review).is_some(), fires, "{start}");
        }
    }

    #[test]
    fn varices_treated_before_the_high_risk_finding_are_still_untreated() {
        let mut facts = facts_with_pvt(Some(30));
        facts.liver.varices_high_risk = Some(Observed {
            value: true,
            evidence: evidence("Observation", "hr", Some(10)),
        });
        facts
            .liver
            .band_ligation
            .push(evidence("Procedure", "evl", Some(300)));
        let review = context(Region::Intl, Mode::Review);
        let finding = varices_first(&facts, &review).unwrap();
        assert!(finding
            .args
            .contains(&("variant", Arg::Literal("untreated".into()))));
        facts
            .liver
            .band_ligation
            .push(evidence("Procedure", "evl2", Some(5)));
        assert!(varices_first(&facts, &review).is_none());
    }

    #[test]
    fn the_symptom_finding_none_is_no_indication() {
        let mut facts = cirrhotic(facts_with_pvt(Some(400)));
        facts.symptoms = Some(Observed {
            value: SymptomSeverity::None,
            evidence: evidence("Observation", "sym", Some(3)),
        });
        assert!(anticoagulate(&facts, &context(Region::Jp, Mode::Review)).is_none());
        facts.symptoms.as_mut().unwrap().value = SymptomSeverity::Mild;
        assert!(anticoagulate(&facts, &context(Region::Jp, Mode::Review)).is_some());
    }

    #[test]
    fn replacements_take_the_initial_dose_only_for_an_acute_thrombosis() {
        let mut facts = facts_with_pvt(Some(3));
        assert!(!replacement_request(&facts).initial_dose);
        facts.thromboses[0].acuity = Acuity::Acute;
        let request = replacement_request(&facts);
        assert!(request.initial_dose);
        assert_eq!(request.total_days, None);
    }
}
