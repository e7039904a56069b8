//! Calf muscular vein thrombosis (CMVT), isolated distal DVT (IDDVT), and anticoagulation
//! around spontaneous intracerebral haemorrhage (clinical-rules.md §4.2; seeds 002 and 003).
//!
//! This module owns the twelve rules of catalogue §4.2: when to watch a calf thrombosis with
//! serial ultrasound and when to anticoagulate it, how long, what to do when the bleeding risk
//! is high or an ICH is recent, and when an IVC filter is out of place. It must not read the
//! clock, do I/O or see JSON: every rule is a pure function of [`PatientFacts`] and the
//! [`RuleContext`]. Every suggestion that creates an antithrombotic order comes from
//! [`drug_choice::choose`] (directly or through [`general::replacement_suggestions`]).
//!
//! Sources (short titles as in docs/rule-sources.md):
//! - seed 002 `002_126ee537a40a731f.txt`, 《肌间静脉血栓到底需不需要抗凝?》 — "Chinese CMVT
//!   anticoagulation review (undated)", cited by its own section numbers §1–§7;
//! - seed 003 `003_f20073cb548b4c28.txt`, 杨逸成, 熊长明《小腿肌间静脉血栓的抗凝治疗进展》,
//!   中国医学科学院学报 2021;43(5):822-826 — "Yang & Xiong, Acta Acad Med Sin 2021", cited by
//!   heading (抗凝治疗的争议, 抗凝疗程, 总结与展望): the seed has no section numbers.
//!
//! Each rule below opens with its source sentence(s) in the original language (verbatim from
//! docs/rule-sources.md), an English translation, and a When/Then restatement of the
//! catalogue. Where the catalogue leaves a point open, the choice is written next to the code.
//!
//! Readings shared by several rules (choices the catalogue leaves open):
//! - "No therapeutic anticoagulant active (or ordered)" is a claim about an absence, so an
//!   anticoagulant whose dose cannot be read, or an order whose drug cannot be identified,
//!   counts as *possibly* therapeutic and keeps such rules silent (§2: a card never claims a
//!   fact the record does not hold). In the ordering services the other drafts of the same
//!   order session ("planned", §3.2) count as well: the clinician is ordering them now.
//! - Rules that block or warn about an ordered anticoagulant read the dose the "blocking"
//!   way (§3.2: an unreadable dose counts as therapeutic), and the card says the dose was not
//!   readable.
//! - "Acute" thrombosis (which decides the initial higher DOAC dose) is the acuity of the
//!   episode as the facts give it (§3.3); an unknown acuity gets the maintenance dose only,
//!   as STENT-PERIOP-PLAN restricts the initial dose to acute DVT.

use crate::facts::days::{FOUR_WEEKS, SIX_MONTHS, SIX_WEEKS, THREE_MONTHS, TWO_WEEKS, WEEK};
use crate::facts::{
    Acuity, Agent, BleedingReason, DoseClass, DrugClass, Evidence, MedicationOrder, OrderOrigin,
    PatientFacts, ProcedureKind, ProcedureOrder, RiskFactor, SymptomSeverity, ThrombosisEpisode,
    ThrombosisSite, ThrombusExtension,
};
use crate::fhir::{PartialDate, ResourceRef};
use crate::settings::Region;

use super::drug_choice::{self, ChoiceReason, ChoiceRequest, RegimenOption};
use super::general::replacement_suggestions;
use super::reasons;
use super::{
    ActionPlan, Arg, Citation, Finding, Indicator, Mode, Reason, RuleContext, RuleDef,
    SuggestedProcedure, SuggestionPlan,
};

// ---------------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------------

/// Onset window (days) of CMVT-SURVEILLANCE and CMVT-RISK-UNASSESSED: "onset ≤ 14 days"
/// (catalogue). Seed 003 (MacDonald) ties the 2 weeks to the diagnosis: "明确 CMVT 诊断后的
/// 2 周内, 90.9% 的血栓延展情况可通过血管超声发现"; the catalogue counts from onset (or
/// `recordedDate`).
pub const SURVEILLANCE_ONSET_MAX_DAYS: i64 = TWO_WEEKS;

/// Onset window (days) of CMVT-ANTICOAGULATE: "onset ≤ 91 days" — the catalogue's own window;
/// the seeds give none.
pub const ANTICOAGULATE_ONSET_MAX_DAYS: i64 = THREE_MONTHS;

/// Course length (days) of the anticoagulation the rules suggest: 3 months (seed 002 §2
/// "推荐疗程3 个月", §6 "抗凝 3 个月"; seed 003 "建议疗程至少为 3 个月"); 3 months = 91 days
/// (clinical-rules.md §3.1).
pub const TREATMENT_COURSE_DAYS: u32 = THREE_MONTHS as u32;

/// Due dates (days from the evaluation date) of the surveillance scans: weekly for 2 weeks
/// (seed 002 §6 "CHEST 建议周周查,连查两周"; ESVS "1 周复查全下肢超声").
pub const SURVEILLANCE_SCAN_DAYS: [i64; 2] = [WEEK, TWO_WEEKS];

/// A course this short (days) or shorter is "short": seed 002 §7 "若选择短疗程(≤6 周)" — 6 weeks
/// = 42 days (CMVT-DURATION-SHORT).
pub const SHORT_COURSE_MAX_DAYS: i64 = SIX_WEEKS;

/// ICH onset at most this many days ago blocks therapeutic anticoagulation for proximal DVT/PE
/// (VTE-ICH-EARLY-THERAPEUTIC): the lower end of seed 002 §5.1 "1–2 周后(自 ICH 起病算起)".
pub const ICH_EARLY_MAX_DAYS: i64 = WEEK;

/// Earliest day after ICH onset to consider therapeutic UFH/LMWH: 1 week (seed 002 §5.1
/// "1–2 周后(自 ICH 起病算起)再考虑启动治疗剂量 UFH/LMWH").
pub const ICH_THERAPEUTIC_FROM_DAYS: i64 = WEEK;

/// Latest day of that window: 2 weeks (seed 002 §5.1, as above).
pub const ICH_THERAPEUTIC_TO_DAYS: i64 = TWO_WEEKS;

/// A venous stent placed this recently (days) is another reason to anticoagulate
/// (CMVT-SURVEILLANCE "a venous stent ≤ 183 days"; seed 000 §3d: at least 6 months).
pub const RECENT_STENT_DAYS: i64 = SIX_MONTHS;

/// Course age (days) from which CMVT-EXTENDED-PHASE asks to reassess: "≥ 91 days" (catalogue;
/// seed 002 §6 "需要抗凝者足疗程 3 个月").
pub const EXTENDED_PHASE_FROM_DAYS: i64 = THREE_MONTHS;

/// An extension seen on follow-up at most this many days ago is new (acute) thrombus, so the
/// initial higher DOAC dose applies (seed 001 §1.1: thrombosis is chronic after 28 days).
pub const EXTENSION_ACUTE_MAX_DAYS: i64 = FOUR_WEEKS;

// ---------------------------------------------------------------------------------------------
// Rule definitions
// ---------------------------------------------------------------------------------------------

/// CMVT-NOT-ISOLATED.
pub static CMVT_NOT_ISOLATED: RuleDef = RuleDef {
    id: "CMVT-NOT-ISOLATED",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Calf muscular DVT with proximal DVT or PE",
    citation: Citation {
        label: "Yang & Xiong, Acta Acad Med Sin 2021, 'Summary and outlook' (总结与展望)",
        seed: "003_f20073cb548b4c28.txt 总结与展望; 002_126ee537a40a731f.txt AI commentary 二",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_isolated,
};

/// CMVT-SURVEILLANCE.
pub static CMVT_SURVEILLANCE: RuleDef = RuleDef {
    id: "CMVT-SURVEILLANCE",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Isolated calf muscular DVT: ultrasound surveillance",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §2, §6; Yang & Xiong, Acta Acad Med Sin 2021, 'Controversy over anticoagulation' (抗凝治疗的争议)",
        seed: "002_126ee537a40a731f.txt §2, §6; 003_f20073cb548b4c28.txt 抗凝治疗的争议",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: surveillance,
};

/// CMVT-RISK-UNASSESSED.
pub static CMVT_RISK_UNASSESSED: RuleDef = RuleDef {
    id: "CMVT-RISK-UNASSESSED",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Isolated calf muscular DVT: extension risk unassessed",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §4, §6; Yang & Xiong, Acta Acad Med Sin 2021, 'Summary and outlook' (总结与展望)",
        seed: "002_126ee537a40a731f.txt §4, §6; 003_f20073cb548b4c28.txt 总结与展望",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: risk_unassessed,
};

/// CMVT-ANTICOAGULATE.
pub static CMVT_ANTICOAGULATE: RuleDef = RuleDef {
    id: "CMVT-ANTICOAGULATE",
    indicator: Indicator::Info,
    review_indicator: Some(Indicator::Warning),
    title: "Isolated calf muscular DVT: anticoagulate 3 months",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §2, §4, §6; Yang & Xiong, Acta Acad Med Sin 2021, 'Controversy over anticoagulation' (抗凝治疗的争议, ACCP 2016)",
        seed: "002_126ee537a40a731f.txt §2, §4, §6; 003_f20073cb548b4c28.txt 抗凝治疗的争议 (ACCP 2016)",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: anticoagulate,
};

/// CMVT-EXTENSION.
pub static CMVT_EXTENSION: RuleDef = RuleDef {
    id: "CMVT-EXTENSION",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Isolated distal DVT extended on follow-up",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §2, §6; Yang & Xiong, Acta Acad Med Sin 2021, 'Summary and outlook' (总结与展望)",
        seed: "002_126ee537a40a731f.txt §2, §6; 003_f20073cb548b4c28.txt 总结与展望",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: extension,
};

/// CMVT-DURATION-SHORT.
pub static CMVT_DURATION_SHORT: RuleDef = RuleDef {
    id: "CMVT-DURATION-SHORT",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Isolated distal DVT: course of 6 weeks or less",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §2, §7; Yang & Xiong, Acta Acad Med Sin 2021, 'Duration of anticoagulation' (抗凝疗程)",
        seed: "002_126ee537a40a731f.txt §2, §7; 003_f20073cb548b4c28.txt 抗凝疗程",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: duration_short,
};

/// CMVT-HIGH-BLEEDING.
pub static CMVT_HIGH_BLEEDING: RuleDef = RuleDef {
    id: "CMVT-HIGH-BLEEDING",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Calf muscular DVT with high bleeding risk",
    citation: Citation {
        label: "Yang & Xiong, Acta Acad Med Sin 2021, 'Summary and outlook' (总结与展望); Chinese CMVT anticoagulation review (undated) §3, §5.1",
        seed: "003_f20073cb548b4c28.txt 总结与展望; 002_126ee537a40a731f.txt §3, §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: high_bleeding,
};

/// CMVT-ICH-DEFER.
pub static CMVT_ICH_DEFER: RuleDef = RuleDef {
    id: "CMVT-ICH-DEFER",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "Full-dose anticoagulation for distal DVT after ICH",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §5.1",
        seed: "002_126ee537a40a731f.txt §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: ich_defer,
};

/// VTE-ICH-EARLY-THERAPEUTIC.
pub static VTE_ICH_EARLY_THERAPEUTIC: RuleDef = RuleDef {
    id: "VTE-ICH-EARLY-THERAPEUTIC",
    indicator: Indicator::Critical,
    review_indicator: None,
    title: "Therapeutic anticoagulation within 7 days of ICH",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §5.1",
        seed: "002_126ee537a40a731f.txt §5.1, §7",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: ich_early_therapeutic,
};

/// VTE-ICH-PROXIMAL-BRIDGE.
pub static VTE_ICH_PROXIMAL_BRIDGE: RuleDef = RuleDef {
    id: "VTE-ICH-PROXIMAL-BRIDGE",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Proximal DVT or PE after recent ICH: bridging",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §5.1",
        seed: "002_126ee537a40a731f.txt §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: ich_proximal_bridge,
};

/// CMVT-NO-IVC-FILTER.
pub static CMVT_NO_IVC_FILTER: RuleDef = RuleDef {
    id: "CMVT-NO-IVC-FILTER",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "IVC filter ordered for isolated calf muscular DVT",
    citation: Citation {
        label: "Yang & Xiong, Acta Acad Med Sin 2021, 'Summary and outlook' (总结与展望)",
        seed: "003_f20073cb548b4c28.txt 总结与展望",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: no_ivc_filter,
};

/// CMVT-EXTENDED-PHASE.
pub static CMVT_EXTENDED_PHASE: RuleDef = RuleDef {
    id: "CMVT-EXTENDED-PHASE",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Isolated distal DVT: reassess after 3 months",
    citation: Citation {
        label: "Chinese CMVT anticoagulation review (undated) §6; Yang & Xiong, Acta Acad Med Sin 2021, 'Summary and outlook' (总结与展望)",
        seed: "002_126ee537a40a731f.txt §6; 003_f20073cb548b4c28.txt 总结与展望",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: extended_phase,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &CMVT_NOT_ISOLATED,
    &CMVT_SURVEILLANCE,
    &CMVT_RISK_UNASSESSED,
    &CMVT_ANTICOAGULATE,
    &CMVT_EXTENSION,
    &CMVT_DURATION_SHORT,
    &CMVT_HIGH_BLEEDING,
    &CMVT_ICH_DEFER,
    &VTE_ICH_EARLY_THERAPEUTIC,
    &VTE_ICH_PROXIMAL_BRIDGE,
    &CMVT_NO_IVC_FILTER,
    &CMVT_EXTENDED_PHASE,
];

// ---------------------------------------------------------------------------------------------
// CMVT-NOT-ISOLATED
//
// Source — seed 003, 总结与展望:
//   「非孤立性 CMVT 患者明确低出血风险后应首选抗凝治疗;」
//   "In patients with non-isolated CMVT, anticoagulation should be the first choice once a low
//   bleeding risk has been established;"
// Supporting — seed 002, AI commentary 二 (▶第一阶), machine-generated text, not cited as primary:
//   「✦ 若超声证实为孤立性IMVT(无近端延伸、无对侧血栓),方可进入第二阶评估;否则按近端DVT处理,
//   常规启动治疗剂量抗凝。」
//   "Only if ultrasound confirms isolated IMVT (no proximal extension, no contralateral
//   thrombus) may one proceed to the second-step assessment; otherwise manage as proximal DVT
//   and routinely start therapeutic-dose anticoagulation."
//
// When calf muscular vein thrombosis coexists with proximal DVT, iliac/IVC thrombosis or PE,
// no therapeutic anticoagulant is active or ordered, and the bleeding risk is not high,
// then (warning, anticoag and review) manage as proximal DVT: therapeutic anticoagulation;
// suggestion: the §5.1 drug (replacing a prophylactic draft in the ordering services).
// ---------------------------------------------------------------------------------------------

fn not_isolated(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let cmvt: Vec<&ThrombosisEpisode> = facts.episodes_at(ThrombosisSite::CalfMuscular).collect();
    let central: Vec<&ThrombosisEpisode> = facts
        .thromboses
        .iter()
        .filter(|e| is_proximal_or_central(e.site))
        .collect();
    if cmvt.is_empty() || central.is_empty() || facts.bleeding.is_high() {
        return None;
    }
    if therapeutic_anticoagulation_possible(facts, context) {
        return None;
    }
    // Only prophylactic anticoagulants can be ordered here (anything else returned above);
    // they are what the suggestion replaces. Antiplatelets are left alone: they may serve
    // another indication (VTE-ANTICOAG-ANTIPLATELET reviews the combination).
    let prophylactic: Vec<&MedicationOrder> = ordered_anticoagulants(facts);
    // Seed 003 wants a bleeding risk *established as low*; the catalogue fires whenever it is
    // not high. The card says which: judged low, or still to be confirmed.
    let low = facts.bleeding.is_low();
    // Duration: the seeds set none for proximal DVT/PE; the suggested order covers the
    // 3-month minimum the card states ("at least 3 months, then reassess").
    let acute = cmvt
        .iter()
        .chain(&central)
        .any(|e| e.acuity == Acuity::Acute);
    let request = treatment_request(acute);
    let mut finding = Finding::new(&CMVT_NOT_ISOLATED, Indicator::Warning)
        .with("bleeding", literal(if low { "low" } else { "unconfirmed" }));
    finding = with_choice(finding, facts, context, request);
    for episode in cmvt.iter().chain(&central) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for order in &prophylactic {
        finding = finding.because(reasons::order(order));
    }
    finding = finding.because(reasons::absent("reason-no-therapeutic-anticoagulant"));
    if let Some(judgement) = facts.bleeding.judgement.as_ref().filter(|_| low) {
        finding = finding.because(reasons::dated(
            "reason-bleeding-judged-low",
            &judgement.evidence,
        ));
    }
    finding = finding_with_choice_reasons(finding, facts, context, request);
    for suggestion in replacement_suggestions(facts, context, &prophylactic, request) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-SURVEILLANCE
//
// Sources —
// seed 002 §2 (CHEST 2021):
//   「无明显症状且无血栓进展高危因素:首选序贯超声监测 2 周而非立即抗凝;若监测期内未延伸,则无需抗凝
//   (强推荐,中等证据)。」
//   "No marked symptoms and no high-risk factors for thrombus progression: serial ultrasound
//   surveillance for 2 weeks is preferred over immediate anticoagulation; if there is no
//   extension during surveillance, no anticoagulation is needed (strong recommendation,
//   moderate evidence)."
// seed 002 §2 (ESVS 2021):
//   「若暂不抗凝,1 周复查全下肢超声并再评估。」
//   "If anticoagulation is deferred, repeat whole-leg ultrasound at 1 week and reassess."
// seed 002 §6:
//   「CHEST 建议周周查,连查两周。」
//   "CHEST advises scanning weekly, for two consecutive weeks."
// seed 003, 抗凝治疗的争议 (MacDonald):
//   「该研究还发现在明确 CMVT 诊断后的 2 周内, 90.9% 的血栓延展情况可通过血管超声发现, 超过 2 周后
//   血管超声监测则很难发现血栓延展情况, 因此提出诊断 CMVT 后 2 周内需要定期复查血管多普勒超声, 以观察
//   血栓延展情况, 而超过 2 周后, 进行血管多普勒超声随访的价值将大打折扣。」
//   "The study also found that within 2 weeks of a confirmed CMVT diagnosis, 90.9 % of thrombus
//   extensions could be detected by vascular ultrasound, whereas after 2 weeks ultrasound
//   surveillance hardly detected extension. It therefore proposed regular repeat vascular
//   Doppler ultrasound within 2 weeks of a CMVT diagnosis to watch for extension, while beyond
//   2 weeks Doppler follow-up is of much reduced value."
//
// When isolated CMVT with onset ≤ 14 days, no severe symptoms, a negative D-dimer ≤ 7 days
// old, no other extension risk factor and no extension on follow-up — not when another reason
// to anticoagulate exists (venous stent ≤ 183 days, PE, PVT, AF, mechanical valve, APS) or a
// therapeutic anticoagulant is already on board — then (info) serial compression ultrasound
// weekly for 2 weeks (at least at 1 week) instead of immediate anticoagulation; no
// anticoagulation if it does not extend; early mobilisation; IPC if hospitalised.
// Suggestions: two duplex ultrasound ServiceRequests (7 and 14 days), recommended; in the
// anticoag services also a separate, not recommended suggestion deleting the draft
// anticoagulant(s). On review, only when no anticoagulant is active.
// ---------------------------------------------------------------------------------------------

fn surveillance(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let cmvt = low_risk_recent_cmvt(facts, context)?;
    let d_dimer = facts.risk_factors.d_dimer.as_ref()?;
    if d_dimer.positive {
        return None;
    }
    if facts
        .thrombus_extension
        .as_ref()
        .is_some_and(|x| x.value != ThrombusExtension::None)
    {
        return None;
    }
    if other_indication(facts, context).is_some() {
        return None;
    }
    let ordered = surveillance_gate(facts, context)?;
    let mut finding = Finding::new(&CMVT_SURVEILLANCE, Indicator::Info)
        .with("mode", mode_arg(context))
        .with("agent", first_agent(&ordered))
        .because(reasons::thrombosis(cmvt));
    finding = with_symptoms(finding, facts);
    finding = finding
        .because(reasons::dated("reason-d-dimer-negative", &d_dimer.evidence))
        .because(reasons::absent("reason-no-risk-factor"));
    if let Some(x) = &facts.thrombus_extension {
        finding = finding.because(reasons::extension(x.value, &x.evidence));
    }
    finding = finding.because(reasons::absent("reason-calf-no-other-indication"));
    finding = with_orders_or_none_active(finding, &ordered, context);
    finding = finding.suggest(SuggestionPlan {
        key: "suggestion-calf-surveillance-scans",
        args: Vec::new(),
        recommended: true,
        actions: surveillance_scans(),
    });
    if context.mode == Mode::Ordering {
        // The card asks not to start the drafted anticoagulant now.
        finding.asks_to_change_course = true;
        if let Some(deletes) = delete_drafts(&ordered) {
            finding = finding.suggest(SuggestionPlan {
                key: "suggestion-calf-withdraw",
                args: vec![("from", first_agent(&ordered))],
                recommended: false,
                actions: deletes,
            });
        }
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-RISK-UNASSESSED
//
// Sources —
// seed 002 §4:
//   「血栓范围/部位:靠近腘静脉的近端段、长度 >5 cm、累及多条深静脉或管径 >7 mm;」
//   「临床背景: D‑dimer阳性、无可逆诱因(即非手术/外伤等触发)、既往 VTE 史、活动性肿瘤、住院/制动。」
//   "Extent/site of thrombus: proximal segment close to the popliteal vein, length > 5 cm,
//   involving several deep veins, or diameter > 7 mm; clinical background: positive D-dimer,
//   no reversible trigger (i.e. not triggered by surgery/trauma etc.), prior VTE, active
//   cancer, hospitalisation/immobilisation."
// seed 002 §6:
//   「评估两种风险:」「延伸风险(见第 4 节清单);」
//   "Assess two risks: the risk of extension (see the checklist in section 4);"
// seed 003, 总结与展望:
//   「笔者认为, 相较于孤立性胫前静脉、 胫后静脉和腓静脉血栓等 IDDVT, 孤立性CMVT 向近端深静脉延展和
//   发展为肺栓塞的风险较低,应积极评估患者血栓进展的风险后再决定其治疗方式。」
//   "The authors believe that, compared with isolated anterior tibial, posterior tibial and
//   peroneal vein thrombosis and other IDDVT, isolated CMVT carries a lower risk of proximal
//   extension and of PE, and the patient's risk of thrombus progression should be actively
//   assessed before deciding on treatment."
//
// When isolated CMVT with onset ≤ 14 days, no severe symptoms, no known extension risk factor
// and no D-dimer ≤ 7 days old — not with high bleeding risk (CMVT-HIGH-BLEEDING applies) —
// then (info) record D-dimer and thrombus extent (length, diameter, veins, proximity to the
// popliteal vein) before choosing between surveillance and anticoagulation.
// ---------------------------------------------------------------------------------------------

fn risk_unassessed(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if facts.bleeding.is_high() {
        return None;
    }
    let cmvt = low_risk_recent_cmvt(facts, context)?;
    if facts.risk_factors.d_dimer.is_some() {
        return None;
    }
    // Choice: the same gate as CMVT-SURVEILLANCE, of which this rule is the "D-dimer missing"
    // branch. The choice between surveillance and anticoagulation is open only while no
    // anticoagulant is on board (review: none active; ordering: an anticoagulant is being
    // ordered and none at a possibly therapeutic dose is active).
    let ordered = surveillance_gate(facts, context)?;
    let mut finding = Finding::new(&CMVT_RISK_UNASSESSED, Indicator::Info)
        .with("mode", mode_arg(context))
        .because(reasons::thrombosis(cmvt));
    finding = with_symptoms(finding, facts);
    finding = finding
        .because(reasons::absent("reason-d-dimer-missing"))
        .because(reasons::absent("reason-no-risk-factor"));
    finding = with_orders_or_none_active(finding, &ordered, context);
    // Pure information: no order to change, nothing to suggest (a D-dimer is a lab order the
    // service does not build; the extent comes from the diagnostic scan).
    finding.asks_to_change_course = false;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-ANTICOAGULATE
//
// Sources —
// seed 002 §2 (CHEST 2021):
//   「症状明显或存在高危因素:倾向抗凝,推荐疗程3 个月;」
//   "Marked symptoms or high-risk factors present: lean towards anticoagulation, recommended
//   course 3 months;"
// seed 002 §4:
//   「当出现以下任意情形,更倾向抗凝 3 个月(若出血风险可接受):」
//   "When any of the following is present, lean more towards 3 months of anticoagulation (if
//   the bleeding risk is acceptable):"
// seed 002 §6:
//   「症状明显或有 ≥1 高危因素,且出血风险可接受:抗凝 3 个月(首选 DOAC;肿瘤相关优先 Xa 抑制剂或
//   LMWH)。」
//   "Marked symptoms or ≥ 1 high-risk factor, and acceptable bleeding risk: anticoagulate
//   3 months (DOAC first; cancer-associated: Xa inhibitor or LMWH first)."
// seed 003, 抗凝治疗的争议 (ACCP 2016):
//   「鉴于此, 2016 发表的美国胸科医师协会 ( ACCP) 抗栓治疗指南中指出, 与胫静脉和腓静脉血栓相比, 小腿
//   CMVT 的危害较小, 可通过超声多普勒密切监测血栓情况; 当患者出现严重的临床症状或者存在肌间静脉血栓
//   位置靠近近端静脉、 D-二聚体显著升高、 血栓广泛形成 (例如: 长度 >5 cm, 最大直径 >7 mm, 涉及多条
//   静脉) 和活动性癌症等高风险因素时, 建议抗凝治疗; 对于出血高风险患者应积极监测血栓延展情况,不推荐
//   抗凝治疗。」
//   "In view of this, the ACCP antithrombotic guideline published in 2016 states that,
//   compared with tibial and peroneal vein thrombosis, calf CMVT is less harmful and can be
//   closely monitored with Doppler ultrasound; when the patient has severe clinical symptoms,
//   or high-risk factors such as a muscular vein thrombus located close to the proximal veins,
//   markedly raised D-dimer, extensive thrombus (e.g. length > 5 cm, maximal diameter > 7 mm,
//   several veins involved) or active cancer, anticoagulation is advised; for patients at high
//   bleeding risk the extension of the thrombus should be actively monitored and
//   anticoagulation is not recommended."
//
// When isolated CMVT with onset ≤ 91 days, and severe symptoms or ≥ 1 extension risk factor,
// and no high bleeding risk, then (info; review: warning) anticoagulate 3 months, DOAC first
// (cancer: Xa inhibitor or LMWH); review fires only when no therapeutic anticoagulant is
// active; suggestion from §5.1.
// ---------------------------------------------------------------------------------------------

fn anticoagulate(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if facts.bleeding.is_high() {
        return None;
    }
    facts.isolated_cmvt()?;
    let cmvt = newest_cmvt_within(facts, context, ANTICOAGULATE_ONSET_MAX_DAYS)?;
    let severe = facts.severe_symptoms();
    let factors = facts.extension_risk_factors();
    if severe.is_none() && factors.is_empty() {
        return None;
    }
    // Choice: an anticoagulant already active (or, when ordering, planned in the same
    // session) at a possibly therapeutic dose means the decision to anticoagulate has been
    // taken; the catalogue says so for review, and the ordering services read it the same way
    // (which drug is then the general rules' concern: VTE-DOAC-PREFERRED, VTE-CANCER-AGENT).
    // An ordered drug that cannot be identified cannot be judged either: silent too.
    if facts
        .medication_orders
        .iter()
        .filter(|o| match o.origin {
            OrderOrigin::Active => true,
            OrderOrigin::Planned => context.mode == Mode::Ordering,
            OrderOrigin::Ordered => o.agent.is_none(),
        })
        .any(may_be_therapeutic_anticoagulant)
    {
        return None;
    }
    let request = treatment_request(cmvt.acuity == Acuity::Acute);
    let (choice, options) = drug_choice::choose(facts, context.region, request);
    let ordered = ordered_anticoagulants(facts);
    // Choice: in the ordering services an ordered anticoagulant "fits" when it is given at a
    // possibly therapeutic dose and belongs to what the source asks for (seed 002 §6: DOAC
    // first; cancer: factor Xa inhibitor or LMWH; otherwise the drug class §5.1 chooses). A
    // fitting order needs no suggestion: the card then only states the plan (3 months).
    // Anything else ordered — a prophylactic dose, or a drug outside those classes — is
    // replaced by the §5.1 choice; with no anticoagulant ordered, the §5.1 drug is suggested.
    let fits = ordered
        .iter()
        .any(|o| o.dose != DoseClass::Prophylactic && fits_choice(o, choice, &options));
    let indicator = match context.mode {
        Mode::Ordering => Indicator::Info,
        Mode::Review => Indicator::Warning,
    };
    let why = match (severe.is_some(), factors.is_empty()) {
        (true, false) => "both",
        (true, true) => "symptoms",
        _ => "risk",
    };
    let mut finding = Finding::new(&CMVT_ANTICOAGULATE, indicator)
        .with("why", literal(why))
        .with("mode", mode_arg(context))
        .with("fits", literal(if fits { "yes" } else { "no" }));
    finding = with_choice(finding, facts, context, request);
    finding = finding.because(reasons::thrombosis(cmvt));
    if let Some(evidence) = severe {
        finding = finding.because(reasons::symptoms(SymptomSeverity::Severe, evidence));
    }
    for (factor, evidence) in &factors {
        finding = finding.because(reasons::risk_factor(*factor, evidence));
    }
    if let Some(judgement) = facts
        .bleeding
        .judgement
        .as_ref()
        .filter(|_| facts.bleeding.is_low())
    {
        finding = finding.because(reasons::dated(
            "reason-bleeding-judged-low",
            &judgement.evidence,
        ));
    }
    for order in &ordered {
        finding = finding.because(reasons::order(order));
    }
    if context.mode == Mode::Review {
        finding = finding.because(reasons::absent("reason-no-therapeutic-anticoagulant"));
    }
    finding = finding_with_choice_reasons(finding, facts, context, request);
    if fits {
        finding.asks_to_change_course = false;
        return Some(finding);
    }
    for suggestion in replacement_suggestions(facts, context, &ordered, request) {
        finding = finding.suggest(suggestion);
    }
    // Starting or replacing an anticoagulant changes course, even on an info card.
    finding.asks_to_change_course = true;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-EXTENSION
//
// Sources —
// seed 002 §2:
//   「如果选择先观察,一旦延伸(即便仍限于远端)或近端化,则启动抗凝 3 个月。」
//   "If observation is chosen first, once it extends (even if still confined to the distal
//   veins) or becomes proximal, start anticoagulation for 3 months."
// seed 002 §6:
//   「复查发现延伸(即便仍限于远端)或近端化:启动/改为治疗剂量抗凝 3 个月。」
//   "Follow-up scan shows extension (even if still distal) or proximal progression: start /
//   switch to therapeutic-dose anticoagulation for 3 months."
// seed 003, 总结与展望:
//   「同时应通过多普勒超声密切监测 CMVT患者 2 周, 当超声提示血栓延展至近端深静脉时,在排除高出血风险的
//   情况下首选抗凝治疗;」
//   "At the same time CMVT patients should be closely monitored by Doppler ultrasound for
//   2 weeks; when ultrasound shows extension into the proximal deep veins, anticoagulation is
//   the first choice once high bleeding risk has been excluded;"
//
// When IDDVT with follow-up extension (distal or proximal) and no therapeutic anticoagulant
// active or ordered — not with high bleeding risk (CMVT-HIGH-BLEEDING applies) — then
// (warning) start therapeutic anticoagulation for 3 months (at least 3 months when the
// extension is proximal, per the rule-sources note); suggestion from §5.1.
// ---------------------------------------------------------------------------------------------

fn extension(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    facts.isolated_distal_dvt()?;
    let seen = facts
        .thrombus_extension
        .as_ref()
        .filter(|x| x.value != ThrombusExtension::None)?;
    if facts.bleeding.is_high() || therapeutic_anticoagulation_possible(facts, context) {
        return None;
    }
    // Choice: "on follow-up" — the finding must not predate every current distal episode (an
    // extension seen before this thrombosis began belongs to an earlier one). Unknown dates
    // are not held against the finding.
    let follows = match seen.evidence.date {
        Some(seen_on) => distal_episodes(facts).any(|e| {
            e.onset
                .is_none_or(|onset| onset.first_day() <= seen_on.last_day())
        }),
        None => true,
    };
    if !follows {
        return None;
    }
    let prophylactic = ordered_anticoagulants(facts);
    // Choice: extension found on a recent scan is new thrombus, so the initial higher DOAC
    // dose applies even when the first episode's onset is older than 28 days.
    let fresh = seen
        .evidence
        .date
        .is_some_and(|d| d.within_days_before(context.as_of, EXTENSION_ACUTE_MAX_DAYS));
    let acute = distal_episodes(facts).any(|e| e.acuity == Acuity::Acute);
    let request = treatment_request(acute || fresh);
    let proximal = seen.value == ThrombusExtension::Proximal;
    let mut finding = Finding::new(&CMVT_EXTENSION, Indicator::Warning).with(
        "extension",
        literal(if proximal { "proximal" } else { "distal" }),
    );
    finding = with_choice(finding, facts, context, request);
    for episode in distal_episodes(facts) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    finding = finding.because(reasons::extension(seen.value, &seen.evidence));
    for order in &prophylactic {
        finding = finding.because(reasons::order(order));
    }
    finding = finding.because(reasons::absent("reason-no-therapeutic-anticoagulant"));
    finding = finding_with_choice_reasons(finding, facts, context, request);
    for suggestion in replacement_suggestions(facts, context, &prophylactic, request) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-DURATION-SHORT
//
// Sources —
// seed 002 §2 (RIDTS):
//   「疗程新证据:RIDTS 随机试验显示,3 个月利伐沙班较6 周可进一步降低 2 年内复发 VTE(主要是复发的远端
//   DVT),未增加大出血。」
//   "New evidence on duration: the RIDTS randomised trial showed that 3 months of rivaroxaban,
//   compared with 6 weeks, further reduced recurrent VTE within 2 years (mainly recurrent
//   distal DVT) without increasing major bleeding."
// seed 002 §7:
//   「若选择短疗程(≤6 周):新证据提示不如 3 个月稳妥(复发更多,主要是远端复发)。」
//   "If a short course (≤ 6 weeks) is chosen: new evidence suggests it is less secure than
//   3 months (more recurrences, mainly distal)."
// seed 003, 抗凝疗程:
//   「澳大利亚和新西兰血栓形成和止血协会指南建议, 对于已经去除血栓形成危险因素的远端深静脉血栓患者,
//   需使用口服抗凝药 6 周治疗; 而对于危险因素持续存在的患者, 抗凝疗程需达到 3 个月。ACCP 指南建议,
//   存在血栓形成高风险因素的患者应抗凝至少 3 个月。」
//   "The Thrombosis and Haemostasis Society of Australia and New Zealand guideline advises
//   6 weeks of oral anticoagulant for distal DVT patients whose thrombotic risk factor has been
//   removed, and 3 months for patients whose risk factors persist. The ACCP guideline advises
//   at least 3 months of anticoagulation for patients with high-risk factors for thrombosis."
//
// When IDDVT and the course (§3.2) of the ordered therapeutic anticoagulant is ≤ 42 days — not
// when `provoked-reversible` = true (6 weeks then acceptable, ANZ) — then (warning, anticoag)
// 3 months is preferred (RIDTS). Suggestion: the same drug for 3 months, when §5.1 offers it.
// ---------------------------------------------------------------------------------------------

fn duration_short(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let distal = facts.isolated_distal_dvt()?;
    if facts.provoked_reversible.is_some() {
        return None;
    }
    // "The ordered therapeutic anticoagulant": a known therapeutic dose (not a blocking rule,
    // so an unreadable dose does not count); the course then chains every therapeutic order
    // (ordered, planned, active) as §3.2 defines it.
    let ordered: Vec<&MedicationOrder> = facts
        .ordered_medications()
        .filter(|o| o.is_anticoagulant() && o.dose == DoseClass::Therapeutic)
        .collect();
    let first = *ordered.first()?;
    let course = facts.course()?;
    let days = course.duration_days()?;
    if days > SHORT_COURSE_MAX_DAYS {
        return None;
    }
    let mut finding = Finding::new(&CMVT_DURATION_SHORT, Indicator::Warning)
        .with("days", Arg::Number(days as f64))
        .with("agent", order_agent(first));
    for episode in distal_episodes(facts) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for order in &ordered {
        finding = finding.because(reasons::order(order));
    }
    finding = finding.because(Reason {
        key: "reason-course",
        args: vec![("days", Arg::Number(days as f64))],
        evidence: course.orders.clone(),
    });
    finding = match &facts.risk_factors.unprovoked {
        Some(evidence) => finding.because(reasons::risk_factor(RiskFactor::Unprovoked, evidence)),
        None => finding.because(reasons::absent("reason-calf-not-provoked-reversible")),
    };
    // Suggestion: keep the prescriber's drug and lengthen it to 3 months, when the drug-choice
    // function offers that drug for this patient; otherwise the card only states the advice
    // (a switch of drug is the general rules' concern). The initial higher dose is included
    // only when the thrombosis is acute and no therapeutic anticoagulant is already running
    // (the loading phase would otherwise be repeated).
    let running = facts
        .active_medications()
        .any(|o| o.is_anticoagulant() && o.dose != DoseClass::Prophylactic);
    let request = treatment_request(distal.acuity == Acuity::Acute && !running);
    let single_agent = ordered.iter().all(|o| o.agent == first.agent);
    if let (true, Some(agent), Some(deletes)) = (single_agent, first.agent, delete_drafts(&ordered))
    {
        let (_, options) = drug_choice::choose(facts, context.region, request);
        let same = options
            .into_iter()
            .find(|o| o.regimens.len() == 1 && o.regimens[0].agent == agent);
        if let Some(option) = same {
            let mut actions = deletes;
            actions.extend(
                option
                    .regimens
                    .into_iter()
                    .map(ActionPlan::CreateMedication),
            );
            finding = finding.suggest(SuggestionPlan {
                key: "suggestion-calf-extend",
                args: vec![("from", order_agent(first))],
                recommended: true,
                actions,
            });
        }
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-HIGH-BLEEDING
//
// Sources —
// seed 003, 总结与展望:
//   「对于出血高风险的患者而言, 抗凝治疗并非首选方式, 而应该通过间歇通气加压、 穿弹力袜等方式预防和治疗,
//   同时多普勒超声需密切监测血栓延展情况以评估造成 VTE 的风险大小。」
//   "For patients at high bleeding risk, anticoagulation is not the first choice; prevention
//   and treatment should instead use intermittent [pneumatic] compression, stockings and
//   similar measures, while Doppler ultrasound closely monitors thrombus extension to assess
//   the risk of VTE." (The seed's 间歇通气加压 is a typo for 间歇充气加压, IPC.)
// seed 002 §3:
//   「临床含义:在出血风险高(如脑出血急性期)或症状轻且无高危因素的孤立肌间静脉血栓,观察+复查往往是更
//   合理的起点;若症状重/存在高危或出现延伸,再启动3 个月抗凝。」
//   "Clinical meaning: for isolated muscular vein thrombosis with high bleeding risk (e.g.
//   acute intracerebral haemorrhage), or with mild symptoms and no high-risk factors,
//   observation plus repeat scanning is often the more reasonable starting point; if symptoms
//   are severe, high-risk factors are present or extension occurs, then start 3 months of
//   anticoagulation."
// seed 002 §5.1:
//   「急性期 VTE 预防:诊断当日即开始间歇性充气泵(IPC);24–48 小时、影像提示血肿稳定后,可考虑小剂量
//   UFH/LMWH 预防;单纯弹力袜“不应单用”作 VTE 预防。」
//   "VTE prevention in the acute phase: start IPC on the day of diagnosis; after 24–48 hours,
//   once imaging shows the haematoma is stable, low-dose UFH/LMWH prophylaxis may be
//   considered; stockings alone 'should not be used alone' as VTE prophylaxis."
//
// When calf muscular vein thrombosis (isolated or not) with high bleeding risk and a
// therapeutic anticoagulant ordered (anticoag) or none active (review), then (warning)
// anticoagulation is not the first choice now: IPC and ultrasound surveillance for 2 weeks
// (stockings alone are not prophylaxis); prophylactic doses remain possible where the ICH
// rules allow; anticoagulate once bleeding risk allows.
// ---------------------------------------------------------------------------------------------

fn high_bleeding(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let cmvt: Vec<&ThrombosisEpisode> = facts.episodes_at(ThrombosisSite::CalfMuscular).collect();
    let bleeding = facts.bleeding.high_risk_reasons();
    if cmvt.is_empty() || bleeding.is_empty() {
        return None;
    }
    let ordered = match context.mode {
        // A safety warning on an ordered anticoagulant: an unreadable dose counts (§3.2), and
        // the card says the dose was not readable.
        Mode::Ordering => ordered_for_blocking(facts),
        Mode::Review => Vec::new(),
    };
    match context.mode {
        Mode::Ordering if ordered.is_empty() => return None,
        // Review: "none active" read as no anticoagulant at a possibly therapeutic dose
        // active — prophylactic doses are part of this card's own plan.
        Mode::Review
            if facts
                .active_medications()
                .any(may_be_therapeutic_anticoagulant) =>
        {
            return None
        }
        _ => {}
    }
    let isolated = facts.isolated_cmvt().is_some();
    let ich = facts.bleeding.acute_ich.is_some();
    let mut finding = Finding::new(&CMVT_HIGH_BLEEDING, Indicator::Warning)
        .with("mode", mode_arg(context))
        .with("agent", first_agent(&ordered))
        .with("isolated", yes_no(isolated))
        .with("ich", yes_no(ich))
        .with("region", region_arg(context.region));
    for episode in &cmvt {
        finding = finding.because(reasons::thrombosis(episode));
    }
    // Choice: with non-isolated CMVT, the proximal/central thrombosis is listed too, and the
    // text adds seed 002 §5.1's retrievable-filter bridge for proximal DVT/PE that cannot be
    // anticoagulated (the rule-sources note asks reviewers to decide; stated as "discuss").
    for episode in facts
        .thromboses
        .iter()
        .filter(|e| e.site != ThrombosisSite::CalfMuscular && e.site.is_vte())
    {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for (reason, evidence) in &bleeding {
        finding = finding.because(reasons::bleeding(*reason, evidence));
    }
    for order in &ordered {
        finding = finding.because(reasons::order(order));
    }
    if context.mode == Mode::Review {
        finding = finding.because(reasons::absent("reason-no-therapeutic-anticoagulant"));
    }
    // Suggestion (the catalogue names none): the 2-week ultrasound surveillance it asks for,
    // and in the ordering services withholding the drafted anticoagulant in the same step.
    finding = finding.suggest(withhold_and_scan(&ordered));
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-ICH-DEFER
//
// Sources — seed 002 §5.1:
//   「对于孤立肌间静脉血栓:在 ICH 早期通常不主张立即全剂量抗凝;首选 IPC + 复查超声,出现延伸/症状加重
//   或病情稳定到安全窗口期后再评估是否启动 3 个月抗凝。」
//   "For isolated muscular vein thrombosis: in the early phase of ICH, immediate full-dose
//   anticoagulation is generally not advocated; IPC + repeat ultrasound is the first choice,
//   and whether to start 3 months of anticoagulation is reassessed when extension or worsening
//   symptoms appear, or once the condition has stabilised into a safe window."
//   「急性期 VTE 预防:诊断当日即开始间歇性充气泵(IPC);24–48 小时、影像提示血肿稳定后,可考虑小剂量
//   UFH/LMWH 预防;单纯弹力袜“不应单用”作 VTE 预防。」
//   "VTE prevention in the acute phase: start IPC on the day of diagnosis; after 24–48 hours,
//   once imaging shows the haematoma is stable, low-dose UFH/LMWH prophylaxis may be
//   considered; stockings alone should not be used alone as VTE prophylaxis."
//
// When acute ICH (≤ 14 days, applied by the facts) and a therapeutic anticoagulant is ordered
// for IDDVT, then (critical, anticoag) do not start full-dose anticoagulation now: IPC from
// the day of diagnosis, repeat ultrasound; prophylactic-dose UFH/LMWH may be considered
// 24–48 h after a stable scan; reassess at 1–2 weeks. (jp: LMWH is not available, so UFH.)
// ---------------------------------------------------------------------------------------------

fn ich_defer(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let ich = facts.bleeding.acute_ich.as_ref()?;
    facts.isolated_distal_dvt()?;
    // A blocking rule: an unreadable dose counts as therapeutic (§3.2).
    let ordered = ordered_for_blocking(facts);
    if ordered.is_empty() {
        return None;
    }
    let mut finding = Finding::new(&CMVT_ICH_DEFER, Indicator::Critical)
        .with("date", date_literal(ich.date))
        .with("agent", first_agent(&ordered))
        .with("region", region_arg(context.region))
        .because(reasons::bleeding(BleedingReason::AcuteIch, ich));
    for episode in distal_episodes(facts) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for order in &ordered {
        finding = finding.because(reasons::order(order));
    }
    // Suggestion: withhold the draft and book the repeat scans at 1 and 2 weeks (the
    // catalogue's "reassess at 1–2 weeks").
    finding = finding.suggest(withhold_and_scan(&ordered));
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-ICH-EARLY-THERAPEUTIC
//
// Sources —
// seed 002 §5.1:
//   「一旦出现近端 DVT/PE且暂时不能抗凝:可临时置入可回收滤器作为过渡;1–2 周后(自 ICH 起病算起)再考虑
//   启动治疗剂量 UFH/LMWH。」
//   "Once proximal DVT/PE occurs and anticoagulation is temporarily impossible: a retrievable
//   filter may be placed temporarily as a bridge; after 1–2 weeks (counted from ICH onset)
//   consider starting therapeutic-dose UFH/LMWH."
// seed 002 §7:
//   「ICH 患者:当天 IPC,24–48h稳定后可考虑低剂量肝素预防;确有近端 DVT/PE但暂不适合抗凝者,可临时滤器
//   过渡;治疗剂量抗凝可考虑延后至 1–2 周。」
//   "ICH patients: IPC on the same day; after 24–48 h of stability low-dose heparin
//   prophylaxis may be considered; if there is definite proximal DVT/PE but anticoagulation is
//   not yet suitable, a temporary filter may bridge; therapeutic anticoagulation may be
//   considered deferred to 1–2 weeks."
//
// When ICH onset ≤ 7 days, proximal DVT or PE, and a therapeutic anticoagulant is ordered,
// then (critical, anticoag) therapeutic UFH/LMWH only after 1–2 weeks from ICH onset; a
// retrievable IVC filter may bridge.
// ---------------------------------------------------------------------------------------------

fn ich_early_therapeutic(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    let ich = facts.bleeding.acute_ich.as_ref()?;
    let onset = ich.date?;
    if !onset.within_days_before(context.as_of, ICH_EARLY_MAX_DAYS) {
        return None;
    }
    // Choice: "proximal DVT" includes iliac/IVC thrombosis (proximal deep veins clinically)
    // and segment-unknown leg DVT (proximal for safety rules, §3.3).
    let central: Vec<&ThrombosisEpisode> = facts
        .thromboses
        .iter()
        .filter(|e| is_proximal_or_central(e.site))
        .collect();
    if central.is_empty() {
        return None;
    }
    let ordered = ordered_for_blocking(facts);
    if ordered.is_empty() {
        return None;
    }
    let mut finding = Finding::new(&VTE_ICH_EARLY_THERAPEUTIC, Indicator::Critical)
        .with("agent", first_agent(&ordered))
        .with("region", region_arg(context.region));
    finding = with_ich_window(finding, onset, context);
    finding = finding.because(reasons::bleeding(BleedingReason::AcuteIch, ich));
    for episode in &central {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for order in &ordered {
        finding = finding.because(reasons::order(order));
    }
    // Suggestion: withhold the draft. A deferred heparin start cannot come from the
    // drug-choice function (it chooses the long-term agent, not a start date), and the
    // service has no IVC filter order to suggest; the text gives both.
    if let Some(deletes) = delete_drafts(&ordered) {
        finding = finding.suggest(SuggestionPlan {
            key: "suggestion-calf-withhold",
            args: vec![("from", first_agent(&ordered))],
            recommended: true,
            actions: deletes,
        });
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// VTE-ICH-PROXIMAL-BRIDGE
//
// Source — seed 002 §5.1:
//   「一旦出现近端 DVT/PE且暂时不能抗凝:可临时置入可回收滤器作为过渡;1–2 周后(自 ICH 起病算起)再考虑
//   启动治疗剂量 UFH/LMWH。」
//   "Once proximal DVT/PE occurs and anticoagulation is temporarily impossible: a retrievable
//   filter may be placed temporarily as a bridge; after 1–2 weeks (counted from ICH onset)
//   consider starting therapeutic-dose UFH/LMWH."
//
// When acute ICH (≤ 14 days) and proximal DVT or PE, and no therapeutic anticoagulant active,
// then (warning, review) a retrievable IVC filter may bridge; consider starting therapeutic
// UFH/LMWH 1–2 weeks after ICH onset (the seed says "再考虑启动", so the text says "consider").
// ---------------------------------------------------------------------------------------------

fn ich_proximal_bridge(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Review {
        return None;
    }
    let ich = facts.bleeding.acute_ich.as_ref()?;
    let onset = ich.date?;
    let central: Vec<&ThrombosisEpisode> = facts
        .thromboses
        .iter()
        .filter(|e| is_proximal_or_central(e.site))
        .collect();
    if central.is_empty()
        || facts
            .active_medications()
            .any(may_be_therapeutic_anticoagulant)
    {
        return None;
    }
    let mut finding = Finding::new(&VTE_ICH_PROXIMAL_BRIDGE, Indicator::Warning)
        .with("region", region_arg(context.region));
    finding = with_ich_window(finding, onset, context);
    finding = finding.because(reasons::bleeding(BleedingReason::AcuteIch, ich));
    for episode in &central {
        finding = finding.because(reasons::thrombosis(episode));
    }
    finding = finding.because(reasons::absent("reason-no-therapeutic-anticoagulant"));
    // No suggestion: the service builds no IVC filter order, and a deferred heparin start is
    // not a drug-choice regimen.
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-NO-IVC-FILTER
//
// Source — seed 003, 总结与展望:
//   「但最新的一项多中心研究发现, 严重创伤患者预防性放置腔静脉滤器在早期可降低肺栓塞或死亡的发生率, 但
//   90 d 时症状性肺栓塞或死亡的发生率并不会低于未放置过滤器患者, 而且下腔静脉滤器长期植入能带来许多
//   并发症。」
//   「对于 CMVT 患者, 并不建议行下腔静脉滤器置入术。」
//   "But a recent multicentre study found that prophylactic caval filters in severely injured
//   patients lowered the rate of PE or death early on, yet at 90 days the rate of symptomatic
//   PE or death was not lower than in patients without a filter, and long-term IVC filter
//   implantation brings many complications. For CMVT patients, IVC filter placement is not
//   recommended."
//
// When an IVC filter is ordered and the only thrombosis is isolated CMVT, then (warning,
// stent services) filters are not recommended for CMVT; suggestion: delete the filter order.
// ---------------------------------------------------------------------------------------------

fn no_ivc_filter(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Ordering {
        return None;
    }
    facts.isolated_cmvt()?;
    // "The only thrombosis": no current thrombosis anywhere else (portal, mesenteric or an
    // unstated vein included).
    if facts
        .thromboses
        .iter()
        .any(|e| e.site != ThrombosisSite::CalfMuscular)
    {
        return None;
    }
    let filters: Vec<&ProcedureOrder> = facts
        .ordered_procedures()
        .filter(|o| o.kind == ProcedureKind::FilterInsertion)
        .collect();
    if filters.is_empty() {
        return None;
    }
    let mut finding = Finding::new(&CMVT_NO_IVC_FILTER, Indicator::Warning);
    for order in &filters {
        finding = finding.because(reasons::procedure_order(order));
    }
    for episode in facts.episodes_at(ThrombosisSite::CalfMuscular) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    finding = finding.because(reasons::absent("reason-calf-only-cmvt"));
    let references: Vec<&ResourceRef> = filters.iter().map(|o| &o.evidence.reference).collect();
    if let Some(deletes) = delete_references(references) {
        finding = finding.suggest(SuggestionPlan {
            key: "suggestion-calf-cancel-filter",
            args: Vec::new(),
            recommended: true,
            actions: deletes,
        });
    }
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// CMVT-EXTENDED-PHASE
//
// Sources —
// seed 002 §6:
//   「疗程与随访:需要抗凝者足疗程 3 个月;若不可逆危险因素持续或复发风险高,可评估延长或减量维持(如低剂量
//   阿哌沙班/利伐沙班)。」
//   "Duration and follow-up: those who need anticoagulation get a full 3-month course; if an
//   irreversible risk factor persists or the recurrence risk is high, extension or
//   reduced-dose maintenance may be evaluated (e.g. low-dose apixaban/rivaroxaban)."
// seed 003, 总结与展望:
//   「建议疗程至少为 3 个月, 并根据超声多普勒检查结果以明确结束或继续抗凝治疗。」
//   "A course of at least 3 months is advised, and the Doppler ultrasound findings decide
//   whether to end or continue anticoagulation."
//
// When IDDVT treated with a therapeutic anticoagulant for ≥ 91 days (course start ≥ 91 days
// ago, still active) and a permanent or non-reversible risk factor (active cancer,
// thrombophilia, `provoked-reversible` = false) — not with high bleeding risk — then (info,
// review) reassess with ultrasound: stop, extend, or continue at reduced dose (e.g. apixaban
// 2.5 mg twice daily — a label dose, not in the seed; the card says so).
// ---------------------------------------------------------------------------------------------

fn extended_phase(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    if context.mode != Mode::Review || facts.bleeding.is_high() {
        return None;
    }
    facts.isolated_distal_dvt()?;
    // "Still active": an active anticoagulant order at a therapeutic (or unreadable) dose.
    let active: Vec<&MedicationOrder> = facts
        .active_medications()
        .filter(|o| o.is_anticoagulant() && o.dose != DoseClass::Prophylactic)
        .collect();
    if active.is_empty() {
        return None;
    }
    let course = facts.course()?;
    let elapsed = (context.as_of - course.start).num_days();
    if elapsed < EXTENDED_PHASE_FROM_DAYS {
        return None;
    }
    let mut persistent: Vec<Reason> = Vec::new();
    if let Some(cancer) = facts.cancer.active.first() {
        persistent.push(reasons::risk_factor(RiskFactor::ActiveCancer, cancer));
    }
    for evidence in &facts.thrombophilia.aps {
        persistent.push(Reason::new("reason-aps", &evidence.reference));
    }
    for evidence in &facts.thrombophilia.mpn {
        persistent.push(Reason::new("reason-mpn", &evidence.reference));
    }
    for evidence in &facts.thrombophilia.inherited {
        persistent.push(Reason::new(
            "reason-inherited-thrombophilia",
            &evidence.reference,
        ));
    }
    if let Some(evidence) = &facts.risk_factors.unprovoked {
        persistent.push(reasons::risk_factor(RiskFactor::Unprovoked, evidence));
    }
    if persistent.is_empty() {
        return None;
    }
    let mut finding = Finding::new(&CMVT_EXTENDED_PHASE, Indicator::Info)
        .with("days", Arg::Number(elapsed as f64))
        .with("start", Arg::Date(course.start));
    for episode in distal_episodes(facts) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    for order in &active {
        finding = finding.because(reasons::order(order));
    }
    finding = finding.because(Reason {
        key: "reason-calf-course-since",
        args: vec![
            ("date", Arg::Date(course.start)),
            ("days", Arg::Number(elapsed as f64)),
        ],
        evidence: course.orders.clone(),
    });
    for reason in persistent {
        finding = finding.because(reason);
    }
    // Suggestion: the reassessment scan (seed 003: the Doppler result decides); no date is
    // set by the sources, so the ServiceRequest carries none. A reduced-dose order is not
    // suggested: the drug-choice function gives treatment regimens only.
    finding = finding.suggest(SuggestionPlan {
        key: "suggestion-calf-reassessment-scan",
        args: Vec::new(),
        recommended: true,
        actions: vec![ActionPlan::CreateProcedure {
            procedure: SuggestedProcedure::DuplexUltrasound,
            due_in_days: None,
        }],
    });
    // A plan to reassess, not a change of course.
    finding.asks_to_change_course = false;
    Some(finding)
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// Proximal DVT (segment-unknown leg DVT included, §3.3), iliac/IVC thrombosis or PE.
fn is_proximal_or_central(site: ThrombosisSite) -> bool {
    site.is_proximal_for_safety()
        || site.is_iliocaval()
        || site == ThrombosisSite::PulmonaryEmbolism
}

/// The current distal DVT episodes (for the card's "why").
fn distal_episodes(facts: &PatientFacts) -> impl Iterator<Item = &ThrombosisEpisode> {
    facts.thromboses.iter().filter(|e| e.site.is_distal())
}

/// The newest CMVT episode whose onset lies within `days` before the evaluation date; `None`
/// when no onset is known (a rule that needs the onset does not guess it).
fn newest_cmvt_within<'a>(
    facts: &'a PatientFacts,
    context: &RuleContext,
    days: i64,
) -> Option<&'a ThrombosisEpisode> {
    facts
        .episodes_at(ThrombosisSite::CalfMuscular)
        .filter(|e| {
            e.onset
                .is_some_and(|d| d.within_days_before(context.as_of, days))
        })
        .max_by_key(|e| e.onset.map(|d| d.last_day()))
}

/// The common ground of CMVT-SURVEILLANCE and CMVT-RISK-UNASSESSED: isolated CMVT with onset
/// ≤ 14 days, no severe symptoms and no known extension risk factor (a positive D-dimer is one
/// of them).
fn low_risk_recent_cmvt<'a>(
    facts: &'a PatientFacts,
    context: &RuleContext,
) -> Option<&'a ThrombosisEpisode> {
    facts.isolated_cmvt()?;
    let cmvt = newest_cmvt_within(facts, context, SURVEILLANCE_ONSET_MAX_DAYS)?;
    if facts.severe_symptoms().is_some() || !facts.extension_risk_factors().is_empty() {
        return None;
    }
    Some(cmvt)
}

/// Another reason to anticoagulate (CMVT-SURVEILLANCE "Not when"): a venous stent ≤ 183 days
/// (an undated stent counts: its date cannot rule it out), PE, PVT, atrial fibrillation, a
/// mechanical heart valve, APS. Choice: mesenteric vein thrombosis is added — a splanchnic
/// thrombosis treated like PVT (seed 004 §3.4 table, "mesenteric extension").
fn other_indication<'a>(facts: &'a PatientFacts, context: &RuleContext) -> Option<&'a Evidence> {
    let recent_stent = facts.venous_stents.iter().find(|s| {
        s.date
            .is_none_or(|d| d.within_days_before(context.as_of, RECENT_STENT_DAYS))
    });
    let splanchnic_or_pe = facts
        .thromboses
        .iter()
        .find(|e| {
            matches!(
                e.site,
                ThrombosisSite::PulmonaryEmbolism
                    | ThrombosisSite::Portal
                    | ThrombosisSite::Mesenteric
            )
        })
        .map(|e| &e.evidence);
    recent_stent
        .or(splanchnic_or_pe)
        .or(facts.atrial_fibrillation.first())
        .or(facts.mechanical_valve.first())
        .or(facts.thrombophilia.aps.first())
}

/// Who may see the surveillance / risk-assessment cards, and the ordered anticoagulants they
/// are about:
/// - review: only when no anticoagulant at all is active (catalogue: "On review, fire only
///   when no anticoagulant is active");
/// - ordering: an anticoagulant is being ordered at a therapeutic or unreadable dose (the
///   "immediate anticoagulation" the source weighs against surveillance — a prophylactic dose,
///   an antiplatelet or a contraceptive alone is not), and none at a possibly therapeutic
///   dose is already active ("already on a therapeutic anticoagulant for another reason").
fn surveillance_gate<'a>(
    facts: &'a PatientFacts,
    context: &RuleContext,
) -> Option<Vec<&'a MedicationOrder>> {
    match context.mode {
        Mode::Review => {
            // Any anticoagulant, whatever the dose; an unidentified drug may be one.
            let any_active = facts
                .active_medications()
                .any(|o| o.agent.is_none() || o.is_anticoagulant());
            (!any_active).then(Vec::new)
        }
        Mode::Ordering => {
            if facts
                .active_medications()
                .any(may_be_therapeutic_anticoagulant)
            {
                return None;
            }
            let ordered = ordered_for_blocking(facts);
            (!ordered.is_empty()).then_some(ordered)
        }
    }
}

/// An order that may be a therapeutic anticoagulant: a known anticoagulant not known to be
/// prophylactic, or an order whose drug could not be identified (never read as "no drug").
fn may_be_therapeutic_anticoagulant(order: &MedicationOrder) -> bool {
    match order.agent {
        None => true,
        Some(_) => order.is_anticoagulant() && order.dose != DoseClass::Prophylactic,
    }
}

/// Whether a therapeutic anticoagulant may be on board: active, or (ordering) ordered or
/// planned in the same order session. Rules that claim "no therapeutic anticoagulant active
/// or ordered" stay silent when this holds.
fn therapeutic_anticoagulation_possible(facts: &PatientFacts, context: &RuleContext) -> bool {
    facts
        .medication_orders
        .iter()
        .filter(|o| context.mode == Mode::Ordering || o.origin == OrderOrigin::Active)
        .any(may_be_therapeutic_anticoagulant)
}

/// Anticoagulants being ordered now (any dose).
fn ordered_anticoagulants(facts: &PatientFacts) -> Vec<&MedicationOrder> {
    facts
        .ordered_medications()
        .filter(|o| o.is_anticoagulant())
        .collect()
}

/// Anticoagulants being ordered now at a therapeutic dose, an unreadable dose counting as
/// therapeutic (§3.2, the reading of rules that block).
fn ordered_for_blocking(facts: &PatientFacts) -> Vec<&MedicationOrder> {
    facts
        .ordered_medications()
        .filter(|o| o.is_anticoagulant() && o.therapeutic_for_blocking())
        .collect()
}

/// Whether an ordered anticoagulant belongs to what the source asks for (CMVT-ANTICOAGULATE):
/// by default any DOAC (seed 002 §6 "首选 DOAC"); with active cancer a factor Xa inhibitor or
/// LMWH ("肿瘤相关优先 Xa 抑制剂或 LMWH"); otherwise the drug class of an option §5.1 gives
/// (heparin in pregnancy, warfarin with APS, heparin or warfarin in Child-Pugh C or low renal
/// function).
fn fits_choice(order: &MedicationOrder, choice: ChoiceReason, options: &[RegimenOption]) -> bool {
    let Some(agent) = order.agent else {
        return false;
    };
    match choice {
        ChoiceReason::Default => agent.class() == DrugClass::Doac,
        ChoiceReason::ActiveCancer => matches!(
            agent,
            Agent::Apixaban
                | Agent::Rivaroxaban
                | Agent::Edoxaban
                | Agent::Enoxaparin
                | Agent::Dalteparin
        ),
        ChoiceReason::Pregnancy
        | ChoiceReason::Aps
        | ChoiceReason::ChildPughC
        | ChoiceReason::RenalFunction => options
            .iter()
            .flat_map(|o| &o.regimens)
            .any(|r| r.agent.class() == agent.class()),
    }
}

/// The treatment the anticoagulate rules suggest: 3 months, the initial higher dose when the
/// thrombosis is acute.
fn treatment_request(acute: bool) -> ChoiceRequest {
    ChoiceRequest {
        initial_dose: acute,
        total_days: Some(TREATMENT_COURSE_DAYS),
    }
}

/// Adds `choice` (why §5.1 chose as it did), `choice-agent` (the long-term drug of its
/// preferred option) and `choice-region` (whether treatment-dose LMWH exists) for the card text.
fn with_choice(
    finding: Finding,
    facts: &PatientFacts,
    context: &RuleContext,
    request: ChoiceRequest,
) -> Finding {
    let (reason, options) = drug_choice::choose(facts, context.region, request);
    let agent = options
        .iter()
        .find(|o| o.recommended)
        .or(options.first())
        .and_then(|o| o.regimens.last())
        .map_or("agent-unknown", |r| super::agent_term(r.agent));
    let reason = match reason {
        ChoiceReason::Pregnancy => "pregnancy",
        ChoiceReason::Aps => "aps",
        ChoiceReason::ChildPughC => "child-pugh-c",
        ChoiceReason::RenalFunction => "renal",
        ChoiceReason::ActiveCancer => "cancer",
        ChoiceReason::Default => "default",
    };
    finding
        .with("choice", literal(reason))
        .with("choice-agent", Arg::Term(agent))
        .with("choice-region", region_arg(context.region))
}

/// The facts that steered the drug choice away from the default (pregnancy, APS, Child-Pugh C,
/// renal function), so the card shows why the suggested drug differs. Active cancer is
/// already listed as an extension risk factor by the rules that use it.
fn finding_with_choice_reasons(
    mut finding: Finding,
    facts: &PatientFacts,
    context: &RuleContext,
    request: ChoiceRequest,
) -> Finding {
    let (reason, _) = drug_choice::choose(facts, context.region, request);
    match reason {
        ChoiceReason::Pregnancy => {
            if let Some(e) = facts.pregnant() {
                finding = finding.because(Reason::new("reason-pregnancy", &e.reference));
            }
        }
        ChoiceReason::Aps => {
            if let Some(e) = facts.thrombophilia.aps.first() {
                finding = finding.because(Reason::new("reason-aps", &e.reference));
            }
        }
        ChoiceReason::ChildPughC => {
            if let Some(c) = &facts.liver.child_pugh {
                finding = finding.because(reasons::child_pugh(c.value, &c.evidence));
            }
        }
        ChoiceReason::RenalFunction => {
            if let Some(r) = &facts.renal {
                finding = finding.because(reasons::renal(r));
            }
        }
        ChoiceReason::ActiveCancer => {
            let listed = finding
                .reasons
                .iter()
                .any(|r| r.key == "reason-risk-active-cancer");
            if let (false, Some(e)) = (listed, facts.cancer.active.first()) {
                finding = finding.because(Reason::new("reason-active-cancer", &e.reference));
            }
        }
        ChoiceReason::Default => {}
    }
    finding
}

/// Adds the recorded symptom severity (none or mild here) to the "why".
fn with_symptoms(finding: Finding, facts: &PatientFacts) -> Finding {
    match &facts.symptoms {
        Some(s) => finding.because(reasons::symptoms(s.value, &s.evidence)),
        None => finding,
    }
}

/// Ordering: the ordered anticoagulants; review: "no anticoagulant is active".
fn with_orders_or_none_active(
    mut finding: Finding,
    ordered: &[&MedicationOrder],
    context: &RuleContext,
) -> Finding {
    match context.mode {
        Mode::Ordering => {
            for order in ordered {
                finding = finding.because(reasons::order(order));
            }
        }
        Mode::Review => {
            finding = finding.because(reasons::absent("reason-no-anticoagulant-active"));
        }
    }
    finding
}

/// The two surveillance scans (1 and 2 weeks).
fn surveillance_scans() -> Vec<ActionPlan> {
    SURVEILLANCE_SCAN_DAYS
        .iter()
        .map(|days| ActionPlan::CreateProcedure {
            procedure: SuggestedProcedure::DuplexUltrasound,
            due_in_days: Some(*days),
        })
        .collect()
}

/// One suggestion: withhold the drafted anticoagulant(s) (when every draft has an id) and book
/// the scans at 1 and 2 weeks; only the scans when nothing can be withheld.
fn withhold_and_scan(ordered: &[&MedicationOrder]) -> SuggestionPlan {
    match delete_drafts(ordered) {
        Some(mut actions) => {
            actions.extend(surveillance_scans());
            SuggestionPlan {
                key: "suggestion-calf-withhold-and-scan",
                args: vec![("from", first_agent(ordered))],
                recommended: true,
                actions,
            }
        }
        None => SuggestionPlan {
            key: "suggestion-calf-surveillance-scans",
            args: Vec::new(),
            recommended: true,
            actions: surveillance_scans(),
        },
    }
}

/// Delete actions for the draft orders among `orders` (each MedicationRequest once); `None`
/// when there is no draft or one lacks an id (a half-done withdrawal would mislead).
fn delete_drafts(orders: &[&MedicationOrder]) -> Option<Vec<ActionPlan>> {
    delete_references(
        orders
            .iter()
            .filter(|o| o.origin != OrderOrigin::Active)
            .map(|o| &o.reference)
            .collect(),
    )
}

/// Delete actions for `references`, each once; `None` when empty or one lacks an id.
fn delete_references(references: Vec<&ResourceRef>) -> Option<Vec<ActionPlan>> {
    if references.is_empty() || references.iter().any(|r| r.id().is_none()) {
        return None;
    }
    let mut unique: Vec<&ResourceRef> = Vec::new();
    for reference in references {
        if !unique.contains(&reference) {
            unique.push(reference);
        }
    }
    Some(
        unique
            .into_iter()
            .map(|r| ActionPlan::Delete(r.clone()))
            .collect(),
    )
}

/// The drug of an order, as a term.
fn order_agent(order: &MedicationOrder) -> Arg {
    Arg::Term(order.agent.map_or("agent-unknown", super::agent_term))
}

/// The drug of the first order, or `agent-unknown` when there is none (texts that use it are
/// selected only when an order exists).
fn first_agent(orders: &[&MedicationOrder]) -> Arg {
    orders
        .first()
        .map_or(Arg::Term("agent-unknown"), |o| order_agent(o))
}

/// The 1–2-week window after ICH onset: `date` (onset), `from`/`to` (onset + 7 / + 14 days,
/// counted from the last day a partial onset may stand for: the later, safer reading) and
/// `window` = `before` | `open` | `after` relative to the evaluation date.
fn with_ich_window(finding: Finding, onset: PartialDate, context: &RuleContext) -> Finding {
    let from = onset.last_day() + chrono::Duration::days(ICH_THERAPEUTIC_FROM_DAYS);
    let to = onset.last_day() + chrono::Duration::days(ICH_THERAPEUTIC_TO_DAYS);
    let window = if context.as_of < from {
        "before"
    } else if context.as_of <= to {
        "open"
    } else {
        "after"
    };
    finding
        .with("date", literal(&onset.to_string()))
        .with("from", Arg::Date(from))
        .with("to", Arg::Date(to))
        .with("window", literal(window))
}

fn mode_arg(context: &RuleContext) -> Arg {
    literal(match context.mode {
        Mode::Ordering => "ordering",
        Mode::Review => "review",
    })
}

fn region_arg(region: Region) -> Arg {
    // Treatment-dose LMWH is not available in `jp` (seed 000 §3 preface): texts say UFH.
    literal(if drug_choice::lmwh_available(region) {
        "lmwh"
    } else {
        "no-lmwh"
    })
}

fn yes_no(value: bool) -> Arg {
    literal(if value { "yes" } else { "no" })
}

fn literal(text: &str) -> Arg {
    Arg::Literal(text.to_owned())
}

fn date_literal(date: Option<PartialDate>) -> Arg {
    literal(&date.map_or_else(|| "unknown".to_owned(), |d| d.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{
        Bleeding, BleedingJudgement, DDimer, Laterality, Observed, ThrombosisEpisode,
    };
    use chrono::NaiveDate;

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

    fn day(days_ago: i64) -> PartialDate {
        PartialDate::day(as_of() - chrono::Duration::days(days_ago))
    }

    fn evidence(kind: &str, id: &str, days_ago: i64) -> Evidence {
        Evidence::new(ResourceRef::new(kind, id), Some(day(days_ago)))
    }

    fn episode(site: ThrombosisSite, days_ago: i64) -> ThrombosisEpisode {
        ThrombosisEpisode {
            site,
            acuity: if days_ago > FOUR_WEEKS {
                Acuity::Chronic
            } else {
                Acuity::Acute
            },
            laterality: Laterality::Right,
            onset: Some(day(days_ago)),
            evidence: evidence("Condition", "dvt", days_ago),
        }
    }

    fn order(
        agent: Agent,
        dose: DoseClass,
        origin: OrderOrigin,
        days: Option<i64>,
    ) -> MedicationOrder {
        MedicationOrder {
            reference: ResourceRef::new("MedicationRequest", format!("{agent:?}")),
            origin,
            agent: Some(agent),
            dose,
            amount_per_dose: None,
            doses_per_day: None,
            start: as_of(),
            end: days.map(|d| as_of() + chrono::Duration::days(d)),
            dosage_text: String::new(),
        }
    }

    fn low_risk_cmvt(onset_days_ago: i64) -> PatientFacts {
        let mut facts = PatientFacts {
            as_of: as_of(),
            ..Default::default()
        };
        facts
            .thromboses
            .push(episode(ThrombosisSite::CalfMuscular, onset_days_ago));
        facts.risk_factors.d_dimer = Some(DDimer {
            positive: false,
            evidence: evidence("Observation", "dd", 1),
        });
        facts
    }

    #[test]
    fn surveillance_window_is_inclusive_at_14_days() {
        let review = context(Mode::Review);
        assert!(surveillance(&low_risk_cmvt(14), &review).is_some());
        assert!(surveillance(&low_risk_cmvt(15), &review).is_none());
    }

    #[test]
    fn surveillance_in_ordering_needs_a_possibly_therapeutic_draft() {
        let ordering = context(Mode::Ordering);
        let mut facts = low_risk_cmvt(3);
        facts.medication_orders.push(order(
            Agent::Enoxaparin,
            DoseClass::Prophylactic,
            OrderOrigin::Ordered,
            None,
        ));
        assert!(surveillance(&facts, &ordering).is_none());
        facts.medication_orders.push(order(
            Agent::Apixaban,
            DoseClass::Unknown,
            OrderOrigin::Ordered,
            None,
        ));
        let finding = surveillance(&facts, &ordering).expect("fires on an unreadable dose");
        assert_eq!(finding.suggestions.len(), 2);
        assert!(finding.suggestions[0].recommended && !finding.suggestions[1].recommended);
        assert!(finding.asks_to_change_course);
    }

    #[test]
    fn surveillance_and_risk_unassessed_split_on_the_d_dimer() {
        let review = context(Mode::Review);
        let mut facts = low_risk_cmvt(3);
        facts.risk_factors.d_dimer = None;
        assert!(surveillance(&facts, &review).is_none());
        assert!(risk_unassessed(&facts, &review).is_some());
        facts.bleeding = Bleeding {
            judgement: Some(Observed {
                value: BleedingJudgement::High,
                evidence: evidence("Observation", "bleed", 1),
            }),
            ..Default::default()
        };
        assert!(risk_unassessed(&facts, &review).is_none());
    }

    #[test]
    fn anticoagulate_in_ordering_is_quiet_information_when_a_fitting_drug_is_ordered() {
        let ordering = context(Mode::Ordering);
        let mut facts = low_risk_cmvt(3);
        facts.risk_factors.d_dimer = Some(DDimer {
            positive: true,
            evidence: evidence("Observation", "dd", 1),
        });
        facts.medication_orders.push(order(
            Agent::Edoxaban,
            DoseClass::Therapeutic,
            OrderOrigin::Ordered,
            None,
        ));
        let finding = anticoagulate(&facts, &ordering).unwrap();
        assert_eq!(finding.indicator, Indicator::Info);
        assert!(finding.suggestions.is_empty());
        assert!(!finding.asks_to_change_course);
        // A prophylactic dose is replaced by the §5.1 choice.
        facts.medication_orders[0].dose = DoseClass::Prophylactic;
        let finding = anticoagulate(&facts, &ordering).unwrap();
        assert!(!finding.suggestions.is_empty());
        assert!(finding.asks_to_change_course);
    }

    #[test]
    fn duration_short_boundary_is_42_days_and_provoked_reversible_exempts() {
        let ordering = context(Mode::Ordering);
        let mut facts = low_risk_cmvt(3);
        facts.medication_orders.push(order(
            Agent::Rivaroxaban,
            DoseClass::Therapeutic,
            OrderOrigin::Ordered,
            Some(42),
        ));
        assert!(duration_short(&facts, &ordering).is_some());
        facts.medication_orders[0].end = Some(as_of() + chrono::Duration::days(43));
        assert!(duration_short(&facts, &ordering).is_none());
        facts.medication_orders[0].end = Some(as_of() + chrono::Duration::days(42));
        facts.provoked_reversible = Some(evidence("Observation", "provoked", 1));
        assert!(duration_short(&facts, &ordering).is_none());
    }

    #[test]
    fn ich_early_therapeutic_blocks_to_day_7_only() {
        let ordering = context(Mode::Ordering);
        let mut facts = PatientFacts {
            as_of: as_of(),
            ..Default::default()
        };
        facts.thromboses.push(episode(ThrombosisSite::Femoral, 2));
        facts.medication_orders.push(order(
            Agent::Enoxaparin,
            DoseClass::Therapeutic,
            OrderOrigin::Ordered,
            None,
        ));
        facts.bleeding.acute_ich = Some(evidence("Condition", "ich", 7));
        assert!(ich_early_therapeutic(&facts, &ordering).is_some());
        facts.bleeding.acute_ich = Some(evidence("Condition", "ich", 8));
        assert!(ich_early_therapeutic(&facts, &ordering).is_none());
    }

    #[test]
    fn an_extension_seen_before_the_thrombosis_began_is_not_follow_up() {
        let review = context(Mode::Review);
        let mut facts = low_risk_cmvt(10);
        let seen = |days_ago| {
            Some(Observed {
                value: ThrombusExtension::Distal,
                evidence: evidence("Observation", "extension", days_ago),
            })
        };
        facts.thrombus_extension = seen(10);
        assert!(extension(&facts, &review).is_some());
        facts.thrombus_extension = seen(11);
        assert!(extension(&facts, &review).is_none());
    }

    #[test]
    fn absence_claims_stay_silent_with_an_unidentified_drug() {
        let ordering = context(Mode::Ordering);
        let mut facts = PatientFacts {
            as_of: as_of(),
            ..Default::default()
        };
        facts
            .thromboses
            .push(episode(ThrombosisSite::CalfMuscular, 2));
        facts.thromboses.push(episode(ThrombosisSite::Femoral, 2));
        facts.medication_orders.push(order(
            Agent::Aspirin,
            DoseClass::NotApplicable,
            OrderOrigin::Ordered,
            None,
        ));
        assert!(not_isolated(&facts, &ordering).is_some());
        let mut unknown = order(
            Agent::Aspirin,
            DoseClass::Unknown,
            OrderOrigin::Active,
            None,
        );
        unknown.agent = None;
        facts.medication_orders.push(unknown);
        assert!(not_isolated(&facts, &ordering).is_none());
    }
}
