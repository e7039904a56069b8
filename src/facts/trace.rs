//! A readable trace of [`PatientFacts`]: one short English line per fact the record
//! established, with the FHIR references it came from. The preview page shows it next to the
//! cards so a reviewer sees why a rule fired (or did not).
//!
//! Plain data out: the caller decides how to serialise it.

use super::{
    Acuity, Agent, BleedingJudgement, ChildPugh, DoseClass, Evidence, FilterShape, InflowType,
    Laterality, MedicationOrder, Observed, OrderOrigin, PatientFacts, ProcedureKind, PtsGrade,
    RenalMeasure, Sex, SymptomSeverity, ThrombusExtension,
};

/// One fact, as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceLine {
    /// Short English text, e.g. `"femoral vein DVT, acute, left, onset 2026-11-15"`.
    pub fact: String,
    /// The FHIR resources it comes from (`Type/id`, or `Type at <place>` without an id).
    pub references: Vec<String>,
}

/// Every non-empty fact of `facts`, in the order of [`PatientFacts`]' fields.
pub fn trace(facts: &PatientFacts) -> Vec<TraceLine> {
    let mut out = Trace::default();
    out.line(
        format!("evaluation date {}", facts.as_of.format("%Y-%m-%d")),
        Vec::new(),
    );
    demographics(facts, &mut out);
    for episode in &facts.thromboses {
        let mut text = episode.site.name().to_owned();
        text.push_str(match episode.acuity {
            Acuity::Acute => ", acute",
            Acuity::Chronic => ", chronic",
            Acuity::Unknown => ", acuity unknown",
        });
        text.push_str(match episode.laterality {
            Laterality::Left => ", left",
            Laterality::Right => ", right",
            Laterality::Bilateral => ", bilateral",
            Laterality::Unknown => "",
        });
        if let Some(onset) = episode.onset {
            text.push_str(&format!(", onset {onset}"));
        }
        out.evidence(text, [&episode.evidence]);
    }
    out.observed(&facts.symptoms, |s| {
        format!(
            "symptoms: {}",
            match s {
                SymptomSeverity::None => "none",
                SymptomSeverity::Mild => "mild",
                SymptomSeverity::Severe => "severe",
            }
        )
    });
    risk_factors(facts, &mut out);
    out.observed(&facts.thrombus_extension, |e| {
        format!(
            "thrombus extension on follow-up imaging: {}",
            match e {
                ThrombusExtension::None => "none",
                ThrombusExtension::Distal => "distal",
                ThrombusExtension::Proximal => "into proximal veins",
            }
        )
    });
    out.evidence(
        "provoked by a reversible factor",
        &facts.provoked_reversible,
    );
    bleeding(facts, &mut out);
    liver(facts, &mut out);
    let t = &facts.thrombophilia;
    out.evidence("APS", &t.aps);
    out.evidence("myeloproliferative neoplasm", &t.mpn);
    out.evidence("inherited thrombophilia", &t.inherited);
    out.evidence("thrombophilia work-up on record", &t.workup);
    out.evidence("active cancer", &facts.cancer.active);
    out.evidence("active GI or GU cancer", &facts.cancer.gi_gu);
    out.evidence("pregnant", &facts.pregnancy);
    if let Some(renal) = &facts.renal {
        let text = match renal.measure {
            RenalMeasure::CreatinineClearance => {
                format!("renal: CrCl {} mL/min", number(renal.ml_per_min))
            }
            RenalMeasure::Egfr => {
                format!("renal: eGFR {} mL/min/1.73 m²", number(renal.ml_per_min))
            }
        };
        out.evidence(dated(text, &renal.evidence), [&renal.evidence]);
    }
    out.observed(&facts.weight_kg, |kg| format!("weight {} kg", number(*kg)));
    out.evidence("atrial fibrillation", &facts.atrial_fibrillation);
    out.evidence("mechanical heart valve", &facts.mechanical_valve);
    for order in &facts.medication_orders {
        out.line(medication(order), vec![order.reference.to_string()]);
    }
    if let Some(course) = facts.course() {
        let mut text = format!(
            "anticoagulation course from {}",
            course.start.format("%Y-%m-%d")
        );
        match (course.end, course.duration_days()) {
            (Some(end), Some(days)) => {
                text.push_str(&format!(" to {} ({days} days)", end.format("%Y-%m-%d")))
            }
            _ => text.push_str(", open-ended"),
        }
        out.line(
            text,
            course.orders.iter().map(ToString::to_string).collect(),
        );
    }
    for order in &facts.procedure_orders {
        let text = format!(
            "{} {}",
            procedure(order.kind),
            if order.ordered { "ordered" } else { "planned" }
        );
        out.evidence(text, [&order.evidence]);
    }
    for stent in &facts.venous_stents {
        out.evidence(dated("venous stent placed".into(), stent), [stent]);
    }
    for balloon in &facts.balloon_recanalisations {
        out.evidence(
            dated("iliocaval balloon recanalisation".into(), balloon),
            [balloon],
        );
    }
    if let Some(filter) = &facts.ivc_filter {
        out.evidence(
            dated("IVC filter in place, inserted".into(), &filter.inserted),
            [&filter.inserted],
        );
    }
    out.observed(&facts.ivc_filter_shape, |shape| {
        format!(
            "IVC filter shape: {}",
            match shape {
                FilterShape::Conical => "conical",
                FilterShape::Spindle => "spindle",
            }
        )
    });
    stent_workup(facts, &mut out);
    out.evidence("post-thrombotic syndrome", &facts.post_thrombotic_syndrome);
    out.evidence(
        "post-thrombotic syndrome with venous ulcer",
        &facts.pts_ulcer,
    );
    if let Some(v) = &facts.villalta {
        let grade = match v.grade {
            PtsGrade::None => "no PTS",
            PtsGrade::Mild => "mild PTS",
            PtsGrade::Moderate => "moderate PTS",
            PtsGrade::Severe => "severe PTS",
        };
        let ulcer = if v.ulcer { ", venous ulcer" } else { "" };
        out.evidence(
            format!("Villalta score {} ({grade}{ulcer})", v.score),
            [&v.evidence],
        );
    }
    let p = &facts.portal;
    out.flag("portal vein thrombosis occlusive", &p.occlusive);
    out.flag("portal cavernoma", &p.cavernoma);
    out.flag("tumour thrombus", &p.tumour_thrombus);
    out.evidence(
        "recent abdominal cause (pancreatitis or abdominal surgery ≤ 91 days)",
        &facts.recent_abdominal_cause,
    );
    out.lines
}

#[derive(Default)]
struct Trace {
    lines: Vec<TraceLine>,
}

impl Trace {
    fn line(&mut self, fact: String, references: Vec<String>) {
        self.lines.push(TraceLine { fact, references });
    }

    /// A fact held by one or more pieces of evidence; nothing when there is none.
    fn evidence<'a>(
        &mut self,
        fact: impl Into<String>,
        evidence: impl IntoIterator<Item = &'a Evidence>,
    ) {
        let references: Vec<String> = evidence
            .into_iter()
            .map(|e| e.reference.to_string())
            .collect();
        if !references.is_empty() {
            self.line(fact.into(), references);
        }
    }

    fn observed<T>(&mut self, fact: &Option<Observed<T>>, text: impl Fn(&T) -> String) {
        if let Some(observed) = fact {
            self.evidence(text(&observed.value), [&observed.evidence]);
        }
    }

    /// A yes/no finding.
    fn flag(&mut self, name: &str, fact: &Option<Observed<bool>>) {
        self.observed(fact, |yes| {
            format!("{name}: {}", if *yes { "yes" } else { "no" })
        });
    }
}

fn demographics(facts: &PatientFacts, out: &mut Trace) {
    let d = &facts.demographics;
    let Some(patient) = &d.patient else {
        return;
    };
    let sex = match d.sex {
        Some(Sex::Female) => "female",
        Some(Sex::Male) => "male",
        Some(Sex::Other) => "sex other",
        Some(Sex::Unknown) | None => "sex unknown",
    };
    let age = match d.age_years {
        Some(years) => format!("{years} years"),
        None => "age unknown".into(),
    };
    out.line(format!("patient: {sex}, {age}"), vec![patient.to_string()]);
}

fn risk_factors(facts: &PatientFacts, out: &mut Trace) {
    let r = &facts.risk_factors;
    if let Some(d) = &r.d_dimer {
        let result = if d.positive { "positive" } else { "negative" };
        out.evidence(
            dated(format!("D-dimer {result}"), &d.evidence),
            [&d.evidence],
        );
    }
    out.evidence("unprovoked", &r.unprovoked);
    out.evidence("prior VTE", &r.prior_vte);
    out.evidence("immobilised or hospitalised", &r.immobilised);
    out.evidence("thrombus longer than 5 cm", &r.length_over_5_cm);
    out.evidence("thrombus diameter over 7 mm", &r.diameter_over_7_mm);
    out.evidence("two or more veins involved", &r.two_or_more_veins);
    out.evidence("thrombus near the popliteal vein", &r.near_popliteal);
}

fn bleeding(facts: &PatientFacts, out: &mut Trace) {
    let b = &facts.bleeding;
    if let Some(ich) = &b.acute_ich {
        out.evidence(
            dated("intracerebral haemorrhage ≤ 14 days, onset".into(), ich),
            [ich],
        );
    }
    out.evidence("active major bleeding", &b.major_bleeding);
    out.evidence("platelets < 50 ×10⁹/L", &b.low_platelets);
    out.observed(&b.judgement, |j| {
        format!(
            "bleeding risk judged {}",
            match j {
                BleedingJudgement::Low => "low",
                BleedingJudgement::Moderate => "moderate",
                BleedingJudgement::High => "high",
            }
        )
    });
}

fn liver(facts: &PatientFacts, out: &mut Trace) {
    let l = &facts.liver;
    out.evidence("cirrhosis", &l.cirrhosis);
    out.observed(&l.child_pugh, |class| {
        format!(
            "Child-Pugh {}",
            match class {
                ChildPugh::A => "A",
                ChildPugh::B => "B",
                ChildPugh::C => "C",
            }
        )
    });
    out.evidence("oesophageal or gastric varices", &l.varices);
    out.flag("high-risk varices", &l.varices_high_risk);
    for e in &l.band_ligation {
        out.evidence(dated("variceal band ligation".into(), e), [e]);
    }
    for e in &l.upper_endoscopy {
        out.evidence(dated("upper endoscopy".into(), e), [e]);
    }
    out.evidence("hepatocellular carcinoma", &l.hcc);
    out.evidence("liver transplant candidate", &l.transplant_candidate);
}

fn stent_workup(facts: &PatientFacts, out: &mut Trace) {
    let w = &facts.stent_workup;
    out.observed(&w.inflow_type, |t| {
        format!(
            "inflow type {}",
            match t {
                InflowType::I => "I",
                InflowType::II => "II",
                InflowType::III => "III",
                InflowType::IVa => "IVa",
                InflowType::IVb => "IVb",
                InflowType::V => "V",
            }
        )
    });
    out.flag("deep femoral vein ostium patent", &w.dfv_ostium_patent);
    out.flag(
        "residual lesion down to the deep femoral vein",
        &w.residual_lesion_to_dfv,
    );
    out.flag("inflow and outflow cleared", &w.inflow_outflow_cleared);
    out.flag(
        "symptom attribution uncertain",
        &w.symptom_attribution_uncertain,
    );
    out.evidence("bilateral leg oedema", &w.bilateral_leg_oedema);
    out.flag("adherence concern", &w.adherence_concern);
}

/// `"rivaroxaban ordered (therapeutic), 20 mg × 1/day, from 2026-11-21"`.
fn medication(order: &MedicationOrder) -> String {
    let name = order.agent.map_or("unidentified medication", Agent::name);
    let origin = match order.origin {
        OrderOrigin::Ordered => "ordered",
        OrderOrigin::Planned => "planned",
        OrderOrigin::Active => "active",
    };
    let mut text = format!("{name} {origin}");
    match order.dose {
        DoseClass::Therapeutic => text.push_str(" (therapeutic)"),
        DoseClass::Prophylactic => text.push_str(" (prophylactic)"),
        DoseClass::Unknown => text.push_str(" (dose unknown)"),
        DoseClass::NotApplicable => {}
    }
    if let Some(amount) = order.amount_per_dose {
        let unit = match order.agent {
            Some(Agent::Ufh | Agent::Dalteparin) => "units",
            _ => "mg",
        };
        text.push_str(&format!(", {} {unit}", number(amount)));
        if let Some(per_day) = order.doses_per_day {
            text.push_str(&format!(" × {}/day", number(per_day)));
        }
    }
    text.push_str(&format!(", from {}", order.start.format("%Y-%m-%d")));
    if let Some(end) = order.end {
        text.push_str(&format!(" to {}", end.format("%Y-%m-%d")));
    }
    text
}

fn procedure(kind: ProcedureKind) -> &'static str {
    match kind {
        ProcedureKind::StentPlacement => "venous stent placement",
        ProcedureKind::BalloonAngioplasty => "venous balloon angioplasty",
        ProcedureKind::DrugCoatedBalloon => "drug-coated balloon angioplasty",
        ProcedureKind::FilterInsertion => "IVC filter insertion",
        ProcedureKind::FilterRemoval => "IVC filter removal",
    }
}

/// `text` followed by the evidence's date, when it has one.
fn dated(text: String, evidence: &Evidence) -> String {
    match evidence.date {
        Some(date) => format!("{text} {date}"),
        None => text,
    }
}

/// A number without a useless `.0`, at most one decimal.
fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::facts::{
        Demographics, RenalFunction, Thrombophilia, ThrombosisEpisode, ThrombosisSite,
    };
    use crate::fhir::{PartialDate, ResourceRef};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn evidence(resource_type: &str, id: &str) -> Evidence {
        Evidence::new(ResourceRef::new(resource_type, id), None)
    }

    #[test]
    fn empty_facts_trace_only_the_evaluation_date() {
        let facts = PatientFacts {
            as_of: date("2026-11-21"),
            ..Default::default()
        };
        let lines = trace(&facts);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].fact, "evaluation date 2026-11-21");
        assert!(lines[0].references.is_empty());
    }

    #[test]
    fn each_fact_reads_as_a_short_line_with_its_references() {
        let onset = PartialDate::parse("2026-11-10").unwrap();
        let facts = PatientFacts {
            as_of: date("2026-11-21"),
            demographics: Demographics {
                patient: Some(ResourceRef::new("Patient", "p1")),
                age_years: Some(51),
                sex: Some(Sex::Female),
            },
            thromboses: vec![ThrombosisEpisode {
                site: ThrombosisSite::CalfMuscular,
                acuity: Acuity::Acute,
                laterality: Laterality::Unknown,
                onset: Some(onset),
                evidence: Evidence::new(ResourceRef::new("Condition", "cmvt"), Some(onset)),
            }],
            thrombophilia: Thrombophilia {
                aps: vec![evidence("Condition", "aps"), evidence("Condition", "aps-2")],
                ..Default::default()
            },
            renal: Some(RenalFunction {
                measure: RenalMeasure::CreatinineClearance,
                ml_per_min: 28.0,
                evidence: evidence("Observation", "crcl"),
            }),
            medication_orders: vec![MedicationOrder {
                reference: ResourceRef::new("MedicationRequest", "draft-apixaban"),
                origin: OrderOrigin::Ordered,
                agent: Some(Agent::Apixaban),
                dose: DoseClass::Therapeutic,
                amount_per_dose: Some(5.0),
                doses_per_day: Some(2.0),
                start: date("2026-11-21"),
                end: None,
                dosage_text: String::new(),
            }],
            ..Default::default()
        };
        let lines = trace(&facts);
        let find = |prefix: &str| {
            lines
                .iter()
                .find(|l| l.fact.starts_with(prefix))
                .unwrap_or_else(|| panic!("no line starting {prefix:?} in {lines:#?}"))
        };
        assert_eq!(find("patient").fact, "patient: female, 51 years");
        assert_eq!(
            find("calf").fact,
            "calf muscular vein thrombosis, acute, onset 2026-11-10"
        );
        assert_eq!(find("calf").references, ["Condition/cmvt"]);
        assert_eq!(find("APS").references, ["Condition/aps", "Condition/aps-2"]);
        assert_eq!(find("renal").fact, "renal: CrCl 28 mL/min");
        assert_eq!(
            find("apixaban").fact,
            "apixaban ordered (therapeutic), 5 mg × 2/day, from 2026-11-21"
        );
        assert_eq!(
            find("anticoagulation course").references,
            ["MedicationRequest/draft-apixaban"]
        );
    }

    #[test]
    fn numbers_drop_a_useless_decimal() {
        assert_eq!(number(28.0), "28");
        assert_eq!(number(62.45), "62.5");
        assert_eq!(number(0.5), "0.5");
    }
}
