//! Chronic iliocaval occlusion: balloon and drug-coated balloon recanalisation, IVC filter
//! retrieval, post-procedure anticoagulation, PTS severity (clinical-rules.md §4.4; seed 001,
//! 田晨阳 等「重复球囊扩张联合药物涂层球囊治疗慢性腔髂静脉闭塞的疗效与安全性分析」, 中国普通外科杂志
//! 2025;34(12):2654-2663 = Tian et al., Chin J Gen Surg 2025, doi:10.7659/j.issn.1005-6947.250621).
//!
//! Owns ICVO-BALLOON-DCB-OPTION, ICVO-FILTER-RETRIEVAL, ICVO-POST-PROCEDURE and PTS-SEVERITY.
//! Each rule below carries its source sentence(s) verbatim (as quoted in
//! `docs/rule-sources.md`), an English rendering and a When/Then restatement.
//!
//! Must not: read the clock, do I/O or see JSON; suggest an anticoagulant that does not come
//! from [`drug_choice::choose`]; decide a study criterion the record cannot hold (those are
//! put to the clinician in the card text, see ICVO-BALLOON-DCB-OPTION).

use chrono::Duration;

use crate::facts::{
    days, Acuity, Agent, DoseClass, FilterShape, MedicationOrder, OrderOrigin, PatientFacts,
    ProcedureKind, PtsGrade, ThrombosisEpisode, ThrombosisSite,
};

use super::drug_choice::{self, ChoiceReason, ChoiceRequest};
use super::general::replacement_suggestions;
use super::stent::{choice_arg, choice_reasons, option_term};
use super::{
    reasons, ActionPlan, Arg, Citation, Finding, Indicator, Mode, Reason, RuleContext, RuleDef,
    SuggestionPlan,
};

/// Youngest age of the study population: seed 001 §1.1 纳入标准 (1) 「年龄18~70岁」.
pub const ICVO_MIN_AGE_YEARS: u32 = 18;
/// Oldest age of the study population (same criterion).
pub const ICVO_MAX_AGE_YEARS: u32 = 70;
/// Anticoagulation after the last balloon session: seed 001 §1.3.2 「抗凝疗程至少6个月」;
/// 6 months = 183 days (clinical-rules.md §3.1), counted from the latest session (catalogue).
pub const POST_PROCEDURE_MIN_DAYS: i64 = days::SIX_MONTHS;
// Chronic vs acute/subacute (seed 001 §1.1: IVC thrombus "> 28 d"; exclusion (1) "病程≤28 d") is
// decided by the facts layer: `Acuity::Chronic` = coded chronic or onset > 28 days
// (`days::FOUR_WEEKS`, clinical-rules.md §3.3).

/// ICVO-BALLOON-DCB-OPTION.
pub static ICVO_BALLOON_DCB_OPTION: RuleDef = RuleDef {
    id: "ICVO-BALLOON-DCB-OPTION",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Chronic iliocaval occlusion: balloon/DCB option",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025, abstract, §1.1, §1.2.1, §3.1, §3.3, §3.5",
        seed:
            "001_8a736ee8d8b2ec63.txt abstract, §1.1, §1.2.1, §2.1, Table 1, §3.1, §3.3, §3.4, §3.5",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: balloon_dcb_option,
};

/// ICVO-FILTER-RETRIEVAL.
pub static ICVO_FILTER_RETRIEVAL: RuleDef = RuleDef {
    id: "ICVO-FILTER-RETRIEVAL",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Chronic IVC thrombosis with a filter: retrieval",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 §1.2.2, §2.1",
        seed: "001_8a736ee8d8b2ec63.txt §1.2.2, §2.1",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: filter_retrieval,
};

/// ICVO-POST-PROCEDURE.
pub static ICVO_POST_PROCEDURE: RuleDef = RuleDef {
    id: "ICVO-POST-PROCEDURE",
    indicator: Indicator::Warning,
    review_indicator: None,
    title: "Anticoagulation after iliocaval balloon/DCB",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 §1.3 (§1.3.2–§1.3.4)",
        seed: "001_8a736ee8d8b2ec63.txt §1.3.2–§1.3.4",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: post_procedure,
};

/// PTS-SEVERITY.
pub static PTS_SEVERITY: RuleDef = RuleDef {
    id: "PTS-SEVERITY",
    indicator: Indicator::Info,
    review_indicator: None,
    title: "Post-thrombotic syndrome severity (Villalta)",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 §1.5.3",
        seed: "001_8a736ee8d8b2ec63.txt §1.5.3",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: pts_severity,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &ICVO_BALLOON_DCB_OPTION,
    &ICVO_FILTER_RETRIEVAL,
    &ICVO_POST_PROCEDURE,
    &PTS_SEVERITY,
];

/// Current chronic thromboses at `site` (acuity known to be chronic; unknown is not guessed).
fn chronic_at(facts: &PatientFacts, site: ThrombosisSite) -> Vec<&ThrombosisEpisode> {
    facts
        .episodes_at(site)
        .filter(|e| e.acuity == Acuity::Chronic)
        .collect()
}

// ICVO-BALLOON-DCB-OPTION — stent — info.
// Source, seed 001 §1.1 (inclusion):
//   > 纳入标准:(1)年龄18~70岁;(2)经彩色多普勒超声、CTV证实为肾静脉远心端的IVC慢性血栓闭塞(IVC血栓形成时间>28 d,彩超提示血栓为等回声或高回声,CTV影像学血栓呈现低密度、侧支循环建立、管壁增厚、钙化等)伴单侧或双侧髂静脉血栓闭塞;
// §1.1 (exclusion):
//   > 排除标准:(1)急性或亚急性深静脉血栓形成(deep vein thrombosis, DVT)(病程≤28 d);(2)因恶性肿瘤外压、腹膜后纤维化、慢性肾病、自身免疫性疾病等诱因形成的慢性腔髂静脉闭塞;(3)合并严重心、肝、肾功能不全或凝血功能障碍无法耐受手术;(4)既往有腔髂静脉支架植入史;(5)同时存在双下肢全肢型DVT者(远心端无流入道)。
// §1.2.1:
//   > 1.2.1 手术操作方法 手术分3次进行,每次间隔1个月。
// abstract (结果):
//   > 结果:技术成功率为86.1%(62/72)。术后6个月IVC通畅43例(69.4%)。
// English: "Inclusion criteria: (1) age 18–70 years; (2) chronic thrombotic occlusion of the
//   IVC distal to (below) the renal veins, confirmed by colour Doppler ultrasound and CTV (IVC
//   thrombus present > 28 d; ...), with unilateral or bilateral iliac vein thrombotic
//   occlusion;" — "Exclusion criteria: (1) acute or subacute DVT (duration ≤ 28 d); (2) chronic
//   iliocaval occlusion caused by triggers such as external compression by malignancy,
//   retroperitoneal fibrosis, chronic kidney disease or autoimmune disease; (3) severe
//   cardiac, hepatic or renal insufficiency or coagulopathy making surgery intolerable;
//   (4) previous iliocaval stent placement; (5) coexisting bilateral whole-limb DVT (no distal
//   inflow)." — "Procedure: the treatment is done in 3 sessions, 1 month apart each." —
//   "Results: the technical success rate was 86.1 % (62/72). At 6 months after surgery the
//   IVC was patent in 43 patients (69.4 %)."
// When a venous stent is ordered for chronic iliocaval occlusion — chronic IVC thrombosis with
// chronic iliac thrombosis, age 18–70, none of the exclusions — then (info) a stent-sparing
// option: three balloon sessions one month apart up to 12–14 mm (5-minute inflation), final
// 12 mm DCB; every analysed patient had an IVC filter; figures as in the card.
// How each criterion is treated:
// - Chronic IVC thrombosis: a current IVC thrombosis whose acuity is chronic (coded chronic, or
//   onset > 28 days). "Below the renal veins" cannot be read from the record: the card asks the
//   clinician to confirm it.
// - Chronic iliac thrombosis (one or both sides): a current iliac thrombosis, acuity chronic.
//   Acuity unknown is not guessed: no card.
// - Age 18–70 from Patient.birthDate; an unknown age gives no card (not guessed).
// - Exclusion (1): any current leg DVT or iliac/IVC thrombosis known to be acute (≤ 28 days)
//   silences the card. A DVT of unknown acuity does not (it cannot be shown acute); the card
//   restates the exclusion.
// - Exclusion (4): any venous stent on record silences the card (the stent facts do not
//   separate iliocaval from femoral stents; the stricter reading).
// - Exclusions the record cannot hold — the occlusion being *caused by* malignant compression,
//   retroperitoneal fibrosis, chronic kidney disease or autoimmune disease (2); severe heart,
//   liver or kidney failure or coagulopathy making surgery intolerable (3), a clinical
//   judgement; bilateral whole-limb DVT without inflow (5) — are not decided: the card lists
//   them for the clinician to exclude. An active cancer on record is shown as a prompt to
//   exclude malignant compression (it does not prove it, so it does not silence the card).
// - The IVC filter: every analysed patient had one (Table 1). The card says whether this
//   patient has one on record; it fires either way (the catalogue does not require it).
fn balloon_dcb_option(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let orders: Vec<_> = facts
        .ordered_procedures()
        .filter(|o| o.kind == ProcedureKind::StentPlacement)
        .collect();
    if orders.is_empty() {
        return None;
    }
    let ivc = chronic_at(facts, ThrombosisSite::Ivc);
    let iliac = chronic_at(facts, ThrombosisSite::Iliac);
    if ivc.is_empty() || iliac.is_empty() {
        return None;
    }
    let age = facts.demographics.age_years?;
    if !(ICVO_MIN_AGE_YEARS..=ICVO_MAX_AGE_YEARS).contains(&age) {
        return None;
    }
    let acute_dvt = facts.thromboses.iter().any(|e| {
        e.acuity == Acuity::Acute && (e.site.is_lower_limb_dvt() || e.site.is_iliocaval())
    });
    if acute_dvt || !facts.venous_stents.is_empty() {
        return None;
    }
    let mut finding = Finding::new(&ICVO_BALLOON_DCB_OPTION, Indicator::Info).with(
        "filter",
        Arg::Literal(
            if facts.ivc_filter.is_some() {
                "yes"
            } else {
                "no"
            }
            .into(),
        ),
    );
    finding.asks_to_change_course = false;
    for order in orders {
        finding = finding.because(reasons::procedure_order(order));
    }
    for episode in ivc.into_iter().chain(iliac) {
        finding = finding.because(reasons::thrombosis(episode));
    }
    if let Some(patient) = &facts.demographics.patient {
        finding = finding
            .because(Reason::new("reason-age", patient).with("age", Arg::Number(f64::from(age))));
    }
    finding = finding.because(match &facts.ivc_filter {
        Some(filter) => reasons::dated("reason-ivc-filter", &filter.inserted),
        None => reasons::absent("reason-iliocaval-no-ivc-filter"),
    });
    for cancer in &facts.cancer.active {
        finding = finding.because(reasons::dated(
            "reason-iliocaval-cancer-compression",
            cancer,
        ));
    }
    Some(finding)
}

// ICVO-FILTER-RETRIEVAL — stent, review — info.
// Source, seed 001 §1.2.2 (conical filter):
//   > 锥形IVCF:在第1次开通腔髂静脉时先行IVCF回收,回收IVCF后IVC未出现破损者(造影剂外溢)可一期对腔髂静脉进行球囊扩张,如出现IVC破损建议二期再行球囊扩张。
// §1.2.2 (spindle filter; the sentence crosses a page break in the seed):
//   > 纺锤形IVCF:在第1次开通腔髂静脉时先行球囊扩张,规范化抗凝1个月后复查,如IVC保持
//   > 通畅可行开腹IVCF回收,术后1个月再行腔髂静脉球囊扩张术(方法同上);如IVC再发闭塞,可再次行球囊扩张术并重新评估,保持通畅者手术方法同上,再发闭塞者手术失败。
// §2.1:
//   > 通畅组IVCF回收率高于闭塞组(100.0% vs. 78.9%, $P = 0.002$),表明回收IVCF可使IVC保持更好的通畅率(表1)。
// English: "Conical IVCF: retrieve the IVCF first at the first iliocaval recanalisation; if the
//   IVC shows no damage (contrast extravasation) after retrieval, the iliocaval segment can be
//   balloon-dilated in the same stage; if the IVC is damaged, balloon dilatation in a second
//   stage is advised." — "Spindle-shaped IVCF: at the first recanalisation do balloon
//   dilatation first; re-examine after 1 month of standardised anticoagulation; if the IVC
//   stays patent, the IVCF can be retrieved by open surgery, and iliocaval balloon dilatation
//   is done again 1 month after that operation; if the IVC re-occludes, balloon dilatation can
//   be repeated and the case reassessed ..." — "The IVCF retrieval rate was higher in the
//   patency group than in the occlusion group (100.0 % vs 78.9 %, P = 0.002), indicating that
//   retrieving the IVCF helps the IVC stay patent (Table 1)."
// When chronic IVC thrombosis and an IVC filter in place, then (info) plan filter retrieval
// during recanalisation; conical: retrieve at the first session; spindle: balloon first,
// anticoagulate 1 month, then open retrieval if patent.
// Choices: no order is required (the catalogue names none; the stent services only run when a
// venous procedure is ordered). The filter shape selects the pathway; with no shape on record
// both are given. The card keeps the seed's safety branch (IVC damage after conical-filter
// retrieval → balloon in a second stage) and the repeat dilatation 1 month after open
// retrieval, and calls the 100 % vs 78.9 % an association (retrospective).
fn filter_retrieval(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let ivc = chronic_at(facts, ThrombosisSite::Ivc);
    let filter = facts.ivc_filter.as_ref()?;
    if ivc.is_empty() {
        return None;
    }
    let shape = facts.ivc_filter_shape.as_ref();
    let mut finding = Finding::new(&ICVO_FILTER_RETRIEVAL, Indicator::Info).with(
        "shape",
        Arg::Literal(
            match shape.map(|s| s.value) {
                Some(FilterShape::Conical) => "conical",
                Some(FilterShape::Spindle) => "spindle",
                None => "unknown",
            }
            .into(),
        ),
    );
    finding.asks_to_change_course = false;
    for episode in ivc {
        finding = finding.because(reasons::thrombosis(episode));
    }
    finding = finding.because(reasons::dated("reason-ivc-filter", &filter.inserted));
    finding = finding.because(match shape {
        Some(shape) => reasons::filter_shape(shape.value, &shape.evidence),
        None => reasons::absent("reason-iliocaval-filter-shape-unknown"),
    });
    Some(finding)
}

// ICVO-POST-PROCEDURE — anticoag, review — warning.
// Source, seed 001 §1.3.2:
//   > 1.3.2 抗凝治疗 围手术期口服利伐沙班20 mg 1次/d规范化抗凝治疗^[12-13],抗凝疗程至少6个月。具体抗凝时长根据6个月后影像学结果进行调整。
// §1.3.3:
//   > 1.3.3 被动预防血栓(压力治疗) 推荐患者长期穿戴长腿梯度弹力袜压力治疗,促进静脉回流、缓解静脉高压,预防血栓后综合征(post-thrombotic syndrome, PTS)的发生^[14-15]。
// §1.3.4:
//   > 1.3.4 主动预防血栓 嘱患者主动、反复进行踝关节最大范围的屈伸运动,每次持续5~10 min。
// English: "Anticoagulation: standardised perioperative anticoagulation with oral rivaroxaban
//   20 mg once daily, for at least 6 months. The exact duration is adjusted according to the
//   imaging results after 6 months." — "Passive thromboprophylaxis (compression): long-term
//   long-leg graduated compression stockings ... to prevent PTS." — "Active
//   thromboprophylaxis: flex and extend the ankle actively and repeatedly through its full
//   range, 5–10 min each time."
// When the latest iliocaval balloon or DCB recanalisation was ≤ 183 days ago and no
// anticoagulant is active (review) or the ordered course ends before 183 days after it
// (anticoag), then (warning) rivaroxaban 20 mg daily (`jp`: 15 mg daily) for at least 6 months
// after the last session, then decide by CT venography; compression and ankle-pump exercise.
// Choices:
// - Anticoag: "the ordered course" = the §3.2 course (`PatientFacts::course`) when a
//   therapeutic (or unreadable-dose) anticoagulant is being ordered now; an open-ended course
//   never fires. Review: any active anticoagulant (any dose) silences the card.
// - The session date counts at its latest possible day (stricter for partial dates).
// - Drug (§5.1 governs): `drug_choice::choose` is asked without an initial dose (the study gave
//   20 mg once daily from the start) for the days left to 183 days after the session. Among
//   its options the rivaroxaban one is made the recommended one, as the catalogue and the seed
//   name rivaroxaban. When `choose` offers no rivaroxaban (pregnancy → heparin, APS → warfarin,
//   Child-Pugh C or low renal function → heparin/warfarin, active cancer → apixaban/LMWH,
//   Child-Pugh B → apixaban), its own options stand and the card says why.
// - Suggestions replace the ordered anticoagulant drafts (anticoag) only when no anticoagulant
//   of the course is active and every draft has an id; in review they start the drug.
// - The `jp` 15 mg dose is the Japanese label's, not the study's (the card says so).
fn post_procedure(facts: &PatientFacts, context: &RuleContext) -> Option<Finding> {
    let session = facts.latest_balloon_recanalisation()?;
    let date = session.date?;
    if !date.within_days_before(context.as_of, POST_PROCEDURE_MIN_DAYS) {
        return None;
    }
    let until = date.last_day() + Duration::days(POST_PROCEDURE_MIN_DAYS);
    let remaining = u32::try_from((until - context.as_of).num_days())
        .ok()
        .filter(|d| *d > 0);
    let request = ChoiceRequest {
        initial_dose: false,
        total_days: remaining,
    };
    let (choice, options) = drug_choice::choose(facts, context.region, request);
    let rivaroxaban = options
        .iter()
        .find(|o| o.regimens.iter().all(|r| r.agent == Agent::Rivaroxaban));
    let plan = rivaroxaban
        .or_else(|| options.iter().find(|o| o.recommended))
        .or(options.first())?;
    // Why rivaroxaban is not the drug, when it is not (§5.1).
    let why_not = match (rivaroxaban.is_some(), choice) {
        (true, _) => Arg::Literal("none".into()),
        (false, ChoiceReason::Default) => Arg::Literal("child-pugh-b".into()),
        (false, other) => choice_arg(other),
    };
    let mut finding = Finding::new(&ICVO_POST_PROCEDURE, Indicator::Warning)
        .because(reasons::dated("reason-balloon-recanalisation", session))
        .with("date", Arg::Literal(date.to_string()))
        .with("until", Arg::Date(until))
        .with("plan", Arg::Term(option_term(plan)))
        .with("why-not", why_not);
    finding.asks_to_change_course = true;
    if rivaroxaban.is_none() {
        for reason in choice_reasons(facts, choice) {
            finding = finding.because(reason);
        }
        if choice == ChoiceReason::Default {
            if let Some(class) = &facts.liver.child_pugh {
                finding = finding.because(reasons::child_pugh(class.value, &class.evidence));
            }
        }
    }
    let plans = match context.mode {
        Mode::Review => {
            if facts.anticoagulant_active().is_some() {
                return None;
            }
            finding = finding
                .with("variant", Arg::Literal("none-active".into()))
                .because(reasons::absent("reason-no-anticoagulant-active"));
            if remaining.is_some() {
                replacement_suggestions(facts, context, &[], request)
            } else {
                Vec::new()
            }
        }
        Mode::Ordering => {
            let ordered = facts
                .ordered_medications()
                .any(|o| o.is_anticoagulant() && o.dose != DoseClass::Prophylactic);
            if !ordered {
                return None;
            }
            let course = facts.course()?;
            let end = course.end?;
            if end >= until {
                return None;
            }
            let after = (end - date.last_day()).num_days();
            let in_course: Vec<&MedicationOrder> = facts
                .medication_orders
                .iter()
                .filter(|o| course.orders.contains(&o.reference))
                .filter(|o| o.is_anticoagulant() && o.dose != DoseClass::Prophylactic)
                .collect();
            finding = finding
                .with("variant", Arg::Literal("short".into()))
                .with("days", Arg::Number(after as f64))
                .with("end", Arg::Date(end));
            for order in &in_course {
                finding = finding.because(reasons::order(order));
            }
            finding = finding.because(Reason {
                key: "reason-iliocaval-course-end",
                args: vec![("end", Arg::Date(end)), ("days", Arg::Number(after as f64))],
                evidence: Vec::new(),
            });
            let active = in_course.iter().any(|o| o.origin == OrderOrigin::Active);
            let drafts: Vec<&MedicationOrder> = in_course
                .iter()
                .copied()
                .filter(|o| o.origin != OrderOrigin::Active)
                .collect();
            if !active && !drafts.is_empty() && remaining.is_some() {
                replacement_suggestions(facts, context, &drafts, request)
            } else {
                Vec::new()
            }
        }
    };
    for suggestion in prefer_rivaroxaban(plans) {
        finding = finding.suggest(suggestion);
    }
    Some(finding)
}

/// Makes the suggestion that creates only rivaroxaban the recommended one and puts it first,
/// when there is one; the options themselves come from `drug_choice::choose` unchanged.
fn prefer_rivaroxaban(mut plans: Vec<SuggestionPlan>) -> Vec<SuggestionPlan> {
    let is_rivaroxaban = |plan: &SuggestionPlan| {
        let created: Vec<Agent> = plan
            .actions
            .iter()
            .filter_map(|a| match a {
                ActionPlan::CreateMedication(r) => Some(r.agent),
                _ => None,
            })
            .collect();
        !created.is_empty() && created.iter().all(|a| *a == Agent::Rivaroxaban)
    };
    if let Some(index) = plans.iter().position(is_rivaroxaban) {
        for plan in plans.iter_mut() {
            plan.recommended = false;
        }
        let mut preferred = plans.remove(index);
        preferred.recommended = true;
        plans.insert(0, preferred);
    }
    plans
}

// PTS-SEVERITY — review — info.
// Source, seed 001 §1.5.3:
//   > Villalta评分^[7]主要包括症状5项、体征6项和有无溃疡,根据严重程度进行评分,无症状或体征评分为0,轻度症状和体征评分为1,中度症状和体征者评分为2,重度症状和体征者评分为3。
//   > 总分为0~4提示无PTS,≥5提示存在PTS,5~9为轻度PTS,10~14为中度PTS,≥15或溃疡为重度PTS。
// English: "The Villalta score mainly comprises 5 symptoms, 6 signs and the presence or absence
//   of an ulcer, each scored by severity: none 0, mild 1, moderate 2, severe 3. A total of 0–4
//   indicates no PTS, ≥ 5 indicates PTS: 5–9 mild, 10–14 moderate, ≥ 15 or ulcer severe PTS."
// When a Villalta score is on record, then (info) state the PTS grade (none 0–4, mild 5–9,
// moderate 10–14, severe ≥ 15 or ulcer) and its date. The bands (5/10/15) are applied by the
// facts layer (`facts::observations::VILLALTA_*_FROM`), which also makes the grade severe when a
// PTS-with-ulcer Condition is on record; the card then names that Condition. The card cites
// §1.5.3, not the seed's misnumbered reference marker ^[7].
fn pts_severity(facts: &PatientFacts, _: &RuleContext) -> Option<Finding> {
    let villalta = facts.villalta.as_ref()?;
    let grade = match villalta.grade {
        PtsGrade::None => "none",
        PtsGrade::Mild => "mild",
        PtsGrade::Moderate => "moderate",
        PtsGrade::Severe => "severe",
    };
    let date = villalta
        .evidence
        .date
        .map_or_else(|| "unknown".to_owned(), |d| d.to_string());
    let mut finding = Finding::new(&PTS_SEVERITY, Indicator::Info)
        .because(reasons::villalta(villalta))
        .with("score", Arg::Number(villalta.score as f64))
        .with("grade", Arg::Literal(grade.into()))
        .with("date", Arg::Literal(date))
        .with(
            "ulcer",
            Arg::Literal(if villalta.ulcer { "yes" } else { "no" }.into()),
        );
    finding.asks_to_change_course = false;
    if villalta.ulcer {
        for ulcer in &facts.pts_ulcer {
            finding = finding.because(reasons::dated("reason-iliocaval-pts-ulcer", ulcer));
        }
    }
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Demographics, Evidence, IvcFilter, Laterality, ProcedureOrder};
    use crate::fhir::{PartialDate, ResourceRef};
    use crate::settings::Region;
    use chrono::NaiveDate;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn context(mode: Mode, region: Region) -> RuleContext {
        RuleContext {
            as_of: as_of(),
            region,
            mode,
        }
    }

    fn evidence(kind: &str, id: &str, days_ago: i64) -> Evidence {
        Evidence::new(
            ResourceRef::new(kind, id),
            Some(PartialDate::day(as_of() - Duration::days(days_ago))),
        )
    }

    fn episode(site: ThrombosisSite, acuity: Acuity, id: &str) -> ThrombosisEpisode {
        ThrombosisEpisode {
            site,
            acuity,
            laterality: Laterality::Unknown,
            onset: None,
            evidence: evidence("Condition", id, 200),
        }
    }

    /// A 45-year-old with chronic IVC and left iliac occlusion, an IVC filter, and a stent
    /// order: every criterion the record can hold is met.
    fn candidate() -> PatientFacts {
        PatientFacts {
            as_of: as_of(),
            demographics: Demographics {
                patient: Some(ResourceRef::new("Patient", "pt-1")),
                age_years: Some(45),
                sex: None,
            },
            thromboses: vec![
                episode(ThrombosisSite::Ivc, Acuity::Chronic, "ivc"),
                episode(ThrombosisSite::Iliac, Acuity::Chronic, "iliac"),
            ],
            ivc_filter: Some(IvcFilter {
                inserted: evidence("Procedure", "filter", 700),
            }),
            procedure_orders: vec![ProcedureOrder {
                kind: ProcedureKind::StentPlacement,
                evidence: evidence("ServiceRequest", "draft-stent", 0),
                ordered: true,
            }],
            ..Default::default()
        }
    }

    fn option_fires(facts: &PatientFacts) -> bool {
        balloon_dcb_option(facts, &context(Mode::Ordering, Region::Intl)).is_some()
    }

    #[test]
    fn balloon_option_criteria_the_record_holds() {
        assert!(option_fires(&candidate()));

        for age in [17, 71] {
            let mut facts = candidate();
            facts.demographics.age_years = Some(age);
            assert!(!option_fires(&facts), "age {age}");
        }
        for age in [18, 70] {
            let mut facts = candidate();
            facts.demographics.age_years = Some(age);
            assert!(option_fires(&facts), "age {age}");
        }
        let mut facts = candidate();
        facts.demographics.age_years = None;
        assert!(!option_fires(&facts), "unknown age is not guessed");

        let mut facts = candidate();
        facts.thromboses.remove(1);
        assert!(!option_fires(&facts), "IVC without iliac occlusion");

        let mut facts = candidate();
        facts.thromboses[0].acuity = Acuity::Unknown;
        assert!(!option_fires(&facts), "IVC thrombosis of unknown age");

        let mut facts = candidate();
        facts
            .thromboses
            .push(episode(ThrombosisSite::Femoral, Acuity::Acute, "femoral"));
        assert!(!option_fires(&facts), "acute DVT");

        let mut facts = candidate();
        facts
            .thromboses
            .push(episode(ThrombosisSite::Femoral, Acuity::Unknown, "femoral"));
        assert!(
            option_fires(&facts),
            "a DVT of unknown acuity is not an exclusion"
        );

        let mut facts = candidate();
        facts
            .venous_stents
            .push(evidence("Procedure", "old-stent", 900));
        assert!(!option_fires(&facts), "prior stent");

        let mut facts = candidate();
        facts.procedure_orders[0].kind = ProcedureKind::BalloonAngioplasty;
        assert!(!option_fires(&facts), "no stent ordered");
    }

    #[test]
    fn balloon_option_prompts_but_does_not_decide_what_the_record_cannot_hold() {
        let mut facts = candidate();
        facts.ivc_filter = None;
        facts
            .cancer
            .active
            .push(evidence("Condition", "cancer", 100));
        let finding = balloon_dcb_option(&facts, &context(Mode::Ordering, Region::Intl))
            .expect("cancer is a prompt, not an exclusion");
        let keys: Vec<&str> = finding.reasons.iter().map(|r| r.key).collect();
        assert!(keys.contains(&"reason-iliocaval-no-ivc-filter"));
        assert!(keys.contains(&"reason-iliocaval-cancer-compression"));
    }

    #[test]
    fn post_procedure_prefers_rivaroxaban_among_the_drug_choice_options() {
        let mut facts = candidate();
        facts.procedure_orders.clear();
        facts
            .balloon_recanalisations
            .push(evidence("Procedure", "dcb", 30));
        let finding = post_procedure(&facts, &context(Mode::Review, Region::Jp)).unwrap();
        assert!(finding.suggestions[0].recommended);
        assert!(!finding.suggestions[1].recommended);
        let ActionPlan::CreateMedication(regimen) = &finding.suggestions[0].actions[0] else {
            panic!("a medication");
        };
        assert_eq!(regimen.agent, Agent::Rivaroxaban);
        assert_eq!(regimen.phases.len(), 1, "no initial dose");
        assert_eq!(regimen.phases[0].dose.unwrap().0, 15.0, "jp dose");
        assert_eq!(regimen.total_days, Some(153));
        assert!(finding
            .args
            .contains(&("plan", Arg::Term("stent-regimen-rivaroxaban-jp"))));

        // APS: §5.1 gives warfarin; no rivaroxaban is offered.
        facts
            .thrombophilia
            .aps
            .push(evidence("Condition", "aps", 900));
        let finding = post_procedure(&facts, &context(Mode::Review, Region::Intl)).unwrap();
        assert_eq!(finding.suggestions.len(), 1);
        let ActionPlan::CreateMedication(regimen) = &finding.suggestions[0].actions[0] else {
            panic!("a medication");
        };
        assert_eq!(regimen.agent, Agent::Warfarin);
        assert!(finding
            .args
            .contains(&("why-not", Arg::Literal("aps".into()))));
    }

    #[test]
    fn post_procedure_window_is_183_days_from_the_latest_session() {
        let mut facts = candidate();
        facts
            .balloon_recanalisations
            .push(evidence("Procedure", "first", 240));
        let review = context(Mode::Review, Region::Intl);
        assert!(post_procedure(&facts, &review).is_none());
        facts
            .balloon_recanalisations
            .push(evidence("Procedure", "last", 183));
        assert!(post_procedure(&facts, &review).is_some());
    }
}
