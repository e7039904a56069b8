//! Clinical facts: the FHIR record turned into the typed facts of clinical-rules.md §3, as of
//! an explicit evaluation date, each keeping the FHIR references it came from.
//!
//! No I/O, no clock, no JSON: input is the typed views of `fhir::resources` and the
//! precompiled terminology; output is [`PatientFacts`] plus the data issues met on the way.
//! A fact the record does not establish is absent (`None` / empty), never guessed.

mod conditions;
mod medications;
mod observations;
mod procedures;
pub mod trace;
pub mod units;

use chrono::NaiveDate;

use crate::fhir::resources::PatientRecord;
use crate::fhir::terminology::Terminology;
use crate::fhir::{DataIssue, PartialDate, ResourceRef};

pub use medications::{Agent, Course, DoseClass, DrugClass, MedicationOrder, OrderOrigin};
pub use procedures::{ProcedureKind, ProcedureOrder};

/// Day counts of clinical-rules.md §3.1 ("compare in days").
pub mod days {
    /// 1 week.
    pub const WEEK: i64 = 7;
    /// 2 weeks.
    pub const TWO_WEEKS: i64 = 14;
    /// 4 weeks: acute vs chronic thrombosis (seed 001 §1.1, "> 28 days" is chronic).
    pub const FOUR_WEEKS: i64 = 28;
    /// 6 weeks.
    pub const SIX_WEEKS: i64 = 42;
    /// 3 months.
    pub const THREE_MONTHS: i64 = 91;
    /// 6 months.
    pub const SIX_MONTHS: i64 = 183;
}

/// How recent a lab value must be to count (clinical-rules.md §3.1).
pub mod recency {
    /// D-dimer: ≤ 7 days.
    pub const D_DIMER_DAYS: i64 = 7;
    /// Renal function: ≤ 90 days.
    pub const RENAL_DAYS: i64 = 90;
    /// Platelets: ≤ 30 days.
    pub const PLATELETS_DAYS: i64 = 30;
    /// Every other finding: ≤ 183 days unless a rule says otherwise.
    pub const FINDING_DAYS: i64 = 183;
}

/// Where a fact comes from: the resource and, when known, its clinically relevant date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The FHIR resource.
    pub reference: ResourceRef,
    /// Onset, effective or performed date, when the resource gives one.
    pub date: Option<PartialDate>,
}

impl Evidence {
    /// Evidence from a resource with an optional date.
    pub fn new(reference: ResourceRef, date: Option<PartialDate>) -> Self {
        Evidence { reference, date }
    }
}

/// A fact with a value and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Observed<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub evidence: Evidence,
}

/// Administrative sex from `Patient.gender`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// female
    Female,
    /// male
    Male,
    /// other
    Other,
    /// unknown
    Unknown,
}

/// Demographics.
#[derive(Debug, Clone, Default)]
pub struct Demographics {
    /// The Patient resource, when one was sent.
    pub patient: Option<ResourceRef>,
    /// Age in whole years at the evaluation date; `None` when the birth date is unknown or
    /// too imprecise to decide.
    pub age_years: Option<u32>,
    /// Sex.
    pub sex: Option<Sex>,
}

/// The anatomical site of a thrombosis (clinical-rules.md §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ThrombosisSite {
    /// Calf muscular (gastrocnemius/soleal) veins.
    CalfMuscular,
    /// Tibial veins.
    Tibial,
    /// Peroneal veins.
    Peroneal,
    /// Distal deep veins, segment not stated.
    DistalUnspecified,
    /// Popliteal vein.
    Popliteal,
    /// Femoral veins.
    Femoral,
    /// Proximal deep veins, segment not stated.
    ProximalUnspecified,
    /// Lower-limb DVT, segment unknown: proximal for safety rules, never isolated distal.
    LowerLimbUnspecified,
    /// Iliac veins.
    Iliac,
    /// Inferior vena cava.
    Ivc,
    /// Portal vein.
    Portal,
    /// Mesenteric veins.
    Mesenteric,
    /// Pulmonary embolism.
    PulmonaryEmbolism,
    /// Venous thrombosis of an unstated vein.
    UnspecifiedVein,
}

impl ThrombosisSite {
    /// Distal deep vein of the leg.
    pub fn is_distal(self) -> bool {
        matches!(
            self,
            ThrombosisSite::CalfMuscular
                | ThrombosisSite::Tibial
                | ThrombosisSite::Peroneal
                | ThrombosisSite::DistalUnspecified
        )
    }

    /// Proximal deep vein of the leg, counting segment-unknown DVT (safety reading).
    pub fn is_proximal_for_safety(self) -> bool {
        matches!(
            self,
            ThrombosisSite::Popliteal
                | ThrombosisSite::Femoral
                | ThrombosisSite::ProximalUnspecified
                | ThrombosisSite::LowerLimbUnspecified
        )
    }

    /// Any deep vein of the leg.
    pub fn is_lower_limb_dvt(self) -> bool {
        self.is_distal() || self.is_proximal_for_safety()
    }

    /// Iliac vein or IVC.
    pub fn is_iliocaval(self) -> bool {
        matches!(self, ThrombosisSite::Iliac | ThrombosisSite::Ivc)
    }

    /// Venous thromboembolism in the sense of the VTE rules: leg DVT, iliac/IVC or PE.
    pub fn is_vte(self) -> bool {
        self.is_lower_limb_dvt() || self.is_iliocaval() || self == ThrombosisSite::PulmonaryEmbolism
    }

    /// A plain English name, for card texts.
    pub fn name(self) -> &'static str {
        match self {
            ThrombosisSite::CalfMuscular => "calf muscular vein thrombosis",
            ThrombosisSite::Tibial => "tibial vein DVT",
            ThrombosisSite::Peroneal => "peroneal vein DVT",
            ThrombosisSite::DistalUnspecified => "distal DVT",
            ThrombosisSite::Popliteal => "popliteal vein DVT",
            ThrombosisSite::Femoral => "femoral vein DVT",
            ThrombosisSite::ProximalUnspecified => "proximal DVT",
            ThrombosisSite::LowerLimbUnspecified => "lower-limb DVT (segment not stated)",
            ThrombosisSite::Iliac => "iliac vein thrombosis",
            ThrombosisSite::Ivc => "inferior vena cava thrombosis",
            ThrombosisSite::Portal => "portal vein thrombosis",
            ThrombosisSite::Mesenteric => "mesenteric vein thrombosis",
            ThrombosisSite::PulmonaryEmbolism => "pulmonary embolism",
            ThrombosisSite::UnspecifiedVein => "venous thrombosis",
        }
    }
}

/// Acute or chronic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acuity {
    /// Acute or subacute (≤ 28 days, or coded acute).
    Acute,
    /// Chronic (> 28 days, or coded chronic).
    Chronic,
    /// Neither the code nor a date tells.
    Unknown,
}

/// Which leg or side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Laterality {
    /// Left.
    Left,
    /// Right.
    Right,
    /// Both sides.
    Bilateral,
    /// Not stated.
    Unknown,
}

/// One current thrombosis (an active Condition; a Condition may give several sites).
#[derive(Debug, Clone, PartialEq)]
pub struct ThrombosisEpisode {
    /// Site.
    pub site: ThrombosisSite,
    /// Acute or chronic.
    pub acuity: Acuity,
    /// Side.
    pub laterality: Laterality,
    /// Onset (`onset[x]`, else `recordedDate`).
    pub onset: Option<PartialDate>,
    /// The Condition.
    pub evidence: Evidence,
}

/// Symptom severity (finding `symptom-severity`, or `Condition.severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymptomSeverity {
    /// No symptoms.
    None,
    /// Mild symptoms.
    Mild,
    /// Severe symptoms.
    Severe,
}

/// Result of follow-up imaging (finding `thrombus-extension`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrombusExtension {
    /// No extension.
    None,
    /// Extension within the distal veins.
    Distal,
    /// Extension into the proximal veins.
    Proximal,
}

/// A D-dimer result read against its assay basis.
#[derive(Debug, Clone, PartialEq)]
pub struct DDimer {
    /// Positive by the §3.3 cut-offs or by interpretation (H, HH, POS).
    pub positive: bool,
    /// The Observation.
    pub evidence: Evidence,
}

/// The extension risk factors of seed 002 §4 / seed 003 (ACCP 2016).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtensionRiskFactors {
    /// The newest D-dimer ≤ 7 days old (positive or negative).
    pub d_dimer: Option<DDimer>,
    /// Finding `provoked-reversible` = false.
    pub unprovoked: Option<Evidence>,
    /// Prior VTE (history codes, or resolved thrombosis Conditions).
    pub prior_vte: Vec<Evidence>,
    /// Finding `immobilised` = true, or an immobility Condition.
    pub immobilised: Option<Evidence>,
    /// Thrombus length > 5 cm.
    pub length_over_5_cm: Option<Evidence>,
    /// Maximal thrombus diameter > 7 mm.
    pub diameter_over_7_mm: Option<Evidence>,
    /// ≥ 2 veins involved.
    pub two_or_more_veins: Option<Evidence>,
    /// Thrombus near the popliteal vein.
    pub near_popliteal: Option<Evidence>,
}

/// Names of the extension risk factors, for card texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskFactor {
    /// Positive D-dimer.
    DDimerPositive,
    /// Unprovoked.
    Unprovoked,
    /// Prior VTE.
    PriorVte,
    /// Active cancer.
    ActiveCancer,
    /// Hospitalised or immobilised.
    Immobilised,
    /// Thrombus longer than 5 cm.
    LengthOver5Cm,
    /// Diameter over 7 mm.
    DiameterOver7Mm,
    /// Two or more veins.
    TwoOrMoreVeins,
    /// Near the popliteal vein.
    NearPopliteal,
}

/// Reasons for a high bleeding risk (clinical-rules.md §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BleedingReason {
    /// Intracerebral haemorrhage ≤ 14 days.
    AcuteIch,
    /// Active major bleeding.
    MajorBleeding,
    /// Platelets < 50 ×10⁹/L.
    LowPlatelets,
    /// The clinician's judgement (finding `bleeding-risk` = high).
    JudgedHigh,
}

/// Clinician's bleeding-risk judgement (finding `bleeding-risk`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BleedingJudgement {
    /// low
    Low,
    /// moderate
    Moderate,
    /// high
    High,
}

/// Bleeding facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bleeding {
    /// Intracerebral haemorrhage with onset ≤ 14 days (its onset kept for 7/14-day windows).
    pub acute_ich: Option<Evidence>,
    /// Active major bleeding Conditions.
    pub major_bleeding: Vec<Evidence>,
    /// The newest platelet count ≤ 30 days old, when < 50 ×10⁹/L.
    pub low_platelets: Option<Evidence>,
    /// Finding `bleeding-risk`.
    pub judgement: Option<Observed<BleedingJudgement>>,
}

impl Bleeding {
    /// Why the bleeding risk is high, with the evidence; empty when it is not known high.
    pub fn high_risk_reasons(&self) -> Vec<(BleedingReason, &Evidence)> {
        let mut reasons = Vec::new();
        if let Some(e) = &self.acute_ich {
            reasons.push((BleedingReason::AcuteIch, e));
        }
        for e in &self.major_bleeding {
            reasons.push((BleedingReason::MajorBleeding, e));
        }
        if let Some(e) = &self.low_platelets {
            reasons.push((BleedingReason::LowPlatelets, e));
        }
        if let Some(j) = &self.judgement {
            if j.value == BleedingJudgement::High {
                reasons.push((BleedingReason::JudgedHigh, &j.evidence));
            }
        }
        reasons
    }

    /// High bleeding risk.
    pub fn is_high(&self) -> bool {
        !self.high_risk_reasons().is_empty()
    }

    /// Low bleeding risk: judged low and none of the high-risk reasons.
    pub fn is_low(&self) -> bool {
        !self.is_high()
            && self
                .judgement
                .as_ref()
                .is_some_and(|j| j.value == BleedingJudgement::Low)
    }
}

/// Child-Pugh class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChildPugh {
    /// Class A (5–6 points).
    A,
    /// Class B (7–9 points).
    B,
    /// Class C (10–15 points).
    C,
}

/// Liver facts (seed 004).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Liver {
    /// Cirrhosis Conditions.
    pub cirrhosis: Vec<Evidence>,
    /// Child-Pugh class (finding or score); `None` = unknown.
    pub child_pugh: Option<Observed<ChildPugh>>,
    /// Oesophageal/gastric varices Conditions.
    pub varices: Vec<Evidence>,
    /// Finding `varices-high-risk`.
    pub varices_high_risk: Option<Observed<bool>>,
    /// Variceal band ligation Procedures.
    pub band_ligation: Vec<Evidence>,
    /// Upper endoscopy Procedures (band ligation included).
    pub upper_endoscopy: Vec<Evidence>,
    /// Hepatocellular carcinoma Conditions.
    pub hcc: Vec<Evidence>,
    /// Transplant candidate Conditions.
    pub transplant_candidate: Vec<Evidence>,
}

impl Liver {
    /// The first piece of variceal assessment on record (§3.3): an endoscopy or band ligation,
    /// a varices Condition, or a `varices-high-risk` finding.
    pub fn variceal_assessment(&self) -> Option<&Evidence> {
        self.upper_endoscopy
            .first()
            .or(self.band_ligation.first())
            .or(self.varices.first())
            .or(self.varices_high_risk.as_ref().map(|f| &f.evidence))
    }
}

/// Thrombophilia facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thrombophilia {
    /// Antiphospholipid syndrome.
    pub aps: Vec<Evidence>,
    /// Myeloproliferative neoplasm.
    pub mpn: Vec<Evidence>,
    /// Inherited thrombophilia.
    pub inherited: Vec<Evidence>,
    /// A thrombophilia work-up on record (labs, any thrombophilia Condition, or the finding).
    pub workup: Vec<Evidence>,
}

impl Thrombophilia {
    /// Every permanent risk factor (APS, MPN, inherited thrombophilia).
    pub fn permanent(&self) -> impl Iterator<Item = &Evidence> {
        self.aps.iter().chain(&self.mpn).chain(&self.inherited)
    }

    /// Whether any thrombophilia is present.
    pub fn any(&self) -> bool {
        self.permanent().next().is_some()
    }
}

/// Cancer facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cancer {
    /// Active cancer Conditions.
    pub active: Vec<Evidence>,
    /// Active GI or GU cancer (the bleeding-prone group).
    pub gi_gu: Vec<Evidence>,
}

/// Which renal measure was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenalMeasure {
    /// Creatinine clearance (Cockcroft–Gault or measured).
    CreatinineClearance,
    /// Estimated GFR (when no clearance is on record).
    Egfr,
}

/// Renal function ≤ 90 days old: creatinine clearance, else eGFR.
#[derive(Debug, Clone, PartialEq)]
pub struct RenalFunction {
    /// Which measure.
    pub measure: RenalMeasure,
    /// mL/min (eGFR in mL/min/1.73 m², read as is).
    pub ml_per_min: f64,
    /// The Observation.
    pub evidence: Evidence,
}

/// Post-thrombotic syndrome grade from the Villalta score (seed 001 §1.5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PtsGrade {
    /// 0–4.
    None,
    /// 5–9.
    Mild,
    /// 10–14.
    Moderate,
    /// ≥ 15, or venous ulcer.
    Severe,
}

/// The Villalta score and its grade.
#[derive(Debug, Clone, PartialEq)]
pub struct Villalta {
    /// The score.
    pub score: i64,
    /// Its grade.
    pub grade: PtsGrade,
    /// Whether a venous ulcer made the grade severe.
    pub ulcer: bool,
    /// The Observation.
    pub evidence: Evidence,
}

/// Inflow classification (seed 000, Barbati 2024).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflowType {
    /// Type I.
    I,
    /// Type II.
    II,
    /// Type III.
    III,
    /// Type IVa.
    IVa,
    /// Type IVb.
    IVb,
    /// Type V.
    V,
}

/// The stent work-up findings of seed 000.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StentWorkup {
    /// `inflow-type`.
    pub inflow_type: Option<Observed<InflowType>>,
    /// `dfv-ostium-patent`.
    pub dfv_ostium_patent: Option<Observed<bool>>,
    /// `residual-lesion-to-dfv`.
    pub residual_lesion_to_dfv: Option<Observed<bool>>,
    /// `inflow-outflow-cleared`.
    pub inflow_outflow_cleared: Option<Observed<bool>>,
    /// `symptom-attribution-uncertain`.
    pub symptom_attribution_uncertain: Option<Observed<bool>>,
    /// Bilateral leg oedema Conditions (also make the attribution uncertain).
    pub bilateral_leg_oedema: Vec<Evidence>,
    /// `adherence-concern`.
    pub adherence_concern: Option<Observed<bool>>,
}

/// IVC filter shape (finding `ivc-filter-shape`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterShape {
    /// Conical.
    Conical,
    /// Spindle.
    Spindle,
}

/// An IVC filter in place: the latest insertion with no later removal.
#[derive(Debug, Clone, PartialEq)]
pub struct IvcFilter {
    /// The insertion Procedure.
    pub inserted: Evidence,
}

/// Portal findings (seed 004).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PortalFindings {
    /// `pvt-occlusive`.
    pub occlusive: Option<Observed<bool>>,
    /// `portal-cavernoma`.
    pub cavernoma: Option<Observed<bool>>,
    /// `tumour-thrombus`.
    pub tumour_thrombus: Option<Observed<bool>>,
}

/// Every fact of clinical-rules.md §3, as of [`PatientFacts::as_of`].
#[derive(Debug, Clone, Default)]
pub struct PatientFacts {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Age and sex.
    pub demographics: Demographics,
    /// Current thromboses.
    pub thromboses: Vec<ThrombosisEpisode>,
    /// Symptoms of the current thrombosis.
    pub symptoms: Option<Observed<SymptomSeverity>>,
    /// Extension risk factors.
    pub risk_factors: ExtensionRiskFactors,
    /// Finding `thrombus-extension`.
    pub thrombus_extension: Option<Observed<ThrombusExtension>>,
    /// Finding `provoked-reversible` = true.
    pub provoked_reversible: Option<Evidence>,
    /// Bleeding.
    pub bleeding: Bleeding,
    /// Liver.
    pub liver: Liver,
    /// Thrombophilia.
    pub thrombophilia: Thrombophilia,
    /// Cancer.
    pub cancer: Cancer,
    /// Pregnancy.
    pub pregnancy: Vec<Evidence>,
    /// Renal function.
    pub renal: Option<RenalFunction>,
    /// Body weight in kg (≤ 183 days).
    pub weight_kg: Option<Observed<f64>>,
    /// Atrial fibrillation Conditions (another reason to anticoagulate).
    pub atrial_fibrillation: Vec<Evidence>,
    /// Mechanical heart valve (another reason to anticoagulate).
    pub mechanical_valve: Vec<Evidence>,
    /// Antithrombotic and estrogen orders: drafts and active medications.
    pub medication_orders: Vec<MedicationOrder>,
    /// Draft procedure orders.
    pub procedure_orders: Vec<ProcedureOrder>,
    /// Venous stent placements on record.
    pub venous_stents: Vec<Evidence>,
    /// Iliocaval balloon or drug-coated balloon recanalisations on record.
    pub balloon_recanalisations: Vec<Evidence>,
    /// IVC filter in place.
    pub ivc_filter: Option<IvcFilter>,
    /// Finding `ivc-filter-shape`.
    pub ivc_filter_shape: Option<Observed<FilterShape>>,
    /// Stent work-up.
    pub stent_workup: StentWorkup,
    /// Post-thrombotic syndrome Conditions.
    pub post_thrombotic_syndrome: Vec<Evidence>,
    /// Post-thrombotic syndrome Conditions coded with a venous ulcer.
    pub pts_ulcer: Vec<Evidence>,
    /// Villalta score.
    pub villalta: Option<Villalta>,
    /// Portal findings.
    pub portal: PortalFindings,
    /// Recent abdominal cause (acute pancreatitis, abdominal surgery ≤ 91 days).
    pub recent_abdominal_cause: Vec<Evidence>,
}

/// Which draft orders count as "ordered" (clinical-rules.md §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderScope {
    /// order-select: only the selected drafts are ordered; other drafts are planned context.
    Selected,
    /// order-sign: every draft is ordered.
    AllDrafts,
    /// patient-view: nothing is being ordered.
    NoOrders,
}

/// Facts and the data issues met while reading them.
#[derive(Debug)]
pub struct FactsReport {
    /// The facts.
    pub facts: PatientFacts,
    /// What could not be understood (reader issues first).
    pub issues: Vec<DataIssue>,
}

/// Turns a record into facts as of `as_of`.
pub fn extract(
    record: PatientRecord<'_>,
    terminology: &Terminology,
    as_of: NaiveDate,
    scope: OrderScope,
) -> FactsReport {
    let mut issues = record.issues;
    let mut facts = PatientFacts {
        as_of,
        ..Default::default()
    };
    facts.demographics = demographics(record.patient.as_ref(), as_of);
    conditions::read(&record.conditions, terminology, &mut facts, &mut issues);
    observations::read(&record.observations, terminology, &mut facts, &mut issues);
    procedures::read(&record.procedures, terminology, &mut facts, &mut issues);
    procedures::read_orders(&record.draft_orders, terminology, scope, &mut facts);
    medications::read(
        &record.medication_requests,
        &record.draft_orders,
        terminology,
        scope,
        &mut facts,
        &mut issues,
    );
    FactsReport { facts, issues }
}

fn demographics(
    patient: Option<&crate::fhir::resources::PatientView>,
    as_of: NaiveDate,
) -> Demographics {
    let Some(patient) = patient else {
        return Demographics::default();
    };
    let age_years = patient.birth_date.and_then(|birth| {
        let youngest = age_on(birth.last_day(), as_of)?;
        let oldest = age_on(birth.first_day(), as_of)?;
        // A year-only birth date decides the age only when both ends agree.
        (youngest == oldest).then_some(youngest)
    });
    let sex = patient.gender.as_deref().map(|g| match g {
        "female" => Sex::Female,
        "male" => Sex::Male,
        "other" => Sex::Other,
        _ => Sex::Unknown,
    });
    Demographics {
        patient: Some(patient.reference.clone()),
        age_years,
        sex,
    }
}

fn age_on(birth: NaiveDate, as_of: NaiveDate) -> Option<u32> {
    use chrono::Datelike;
    if birth > as_of {
        return None;
    }
    let mut years = as_of.year() - birth.year();
    if (as_of.month(), as_of.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

impl PatientFacts {
    /// Current thromboses at `site`.
    pub fn episodes_at(&self, site: ThrombosisSite) -> impl Iterator<Item = &ThrombosisEpisode> {
        self.thromboses.iter().filter(move |e| e.site == site)
    }

    /// Whether any current thrombosis satisfies `test`.
    pub fn has_thrombosis(&self, test: impl Fn(ThrombosisSite) -> bool) -> bool {
        self.thromboses.iter().any(|e| test(e.site))
    }

    /// Any current VTE (leg DVT, iliac/IVC thrombosis or PE).
    pub fn has_vte(&self) -> bool {
        self.has_thrombosis(ThrombosisSite::is_vte)
    }

    /// Calf muscular vein thrombosis (isolated or not).
    pub fn has_cmvt(&self) -> bool {
        self.has_thrombosis(|s| s == ThrombosisSite::CalfMuscular)
    }

    /// Proximal DVT, iliac/IVC thrombosis or PE: what makes a distal thrombosis not isolated.
    pub fn has_proximal_or_central_vte(&self) -> bool {
        self.has_thrombosis(|s| {
            s.is_proximal_for_safety() || s.is_iliocaval() || s == ThrombosisSite::PulmonaryEmbolism
        })
    }

    /// Isolated CMVT (§3.3): CMVT and no other DVT in either leg, no iliac/IVC thrombosis, no PE.
    pub fn isolated_cmvt(&self) -> Option<&ThrombosisEpisode> {
        let cmvt = self.episodes_at(ThrombosisSite::CalfMuscular).next()?;
        let other = self.has_thrombosis(|s| {
            (s.is_lower_limb_dvt() && s != ThrombosisSite::CalfMuscular)
                || s.is_iliocaval()
                || s == ThrombosisSite::PulmonaryEmbolism
        });
        (!other).then_some(cmvt)
    }

    /// Isolated distal DVT (§3.3): distal DVT with no proximal DVT, iliac/IVC thrombosis or PE.
    pub fn isolated_distal_dvt(&self) -> Option<&ThrombosisEpisode> {
        let distal = self.thromboses.iter().find(|e| e.site.is_distal())?;
        (!self.has_proximal_or_central_vte()).then_some(distal)
    }

    /// Portal vein thrombosis episodes.
    pub fn pvt(&self) -> Option<&ThrombosisEpisode> {
        self.episodes_at(ThrombosisSite::Portal).next()
    }

    /// Symptomatic (§3.3): symptom-severity mild or severe, or a Condition severity.
    pub fn symptomatic(&self) -> Option<&Evidence> {
        self.symptoms
            .as_ref()
            .filter(|s| s.value != SymptomSeverity::None)
            .map(|s| &s.evidence)
    }

    /// Severe symptoms.
    pub fn severe_symptoms(&self) -> Option<&Evidence> {
        self.symptoms
            .as_ref()
            .filter(|s| s.value == SymptomSeverity::Severe)
            .map(|s| &s.evidence)
    }

    /// The extension risk factors present, each with its evidence (active cancer included).
    pub fn extension_risk_factors(&self) -> Vec<(RiskFactor, &Evidence)> {
        let r = &self.risk_factors;
        let mut out = Vec::new();
        if let Some(d) = r.d_dimer.as_ref().filter(|d| d.positive) {
            out.push((RiskFactor::DDimerPositive, &d.evidence));
        }
        if let Some(e) = &r.unprovoked {
            out.push((RiskFactor::Unprovoked, e));
        }
        if let Some(e) = r.prior_vte.first() {
            out.push((RiskFactor::PriorVte, e));
        }
        if let Some(e) = self.cancer.active.first() {
            out.push((RiskFactor::ActiveCancer, e));
        }
        if let Some(e) = &r.immobilised {
            out.push((RiskFactor::Immobilised, e));
        }
        if let Some(e) = &r.length_over_5_cm {
            out.push((RiskFactor::LengthOver5Cm, e));
        }
        if let Some(e) = &r.diameter_over_7_mm {
            out.push((RiskFactor::DiameterOver7Mm, e));
        }
        if let Some(e) = &r.two_or_more_veins {
            out.push((RiskFactor::TwoOrMoreVeins, e));
        }
        if let Some(e) = &r.near_popliteal {
            out.push((RiskFactor::NearPopliteal, e));
        }
        out
    }

    /// Cirrhosis present.
    pub fn cirrhosis(&self) -> Option<&Evidence> {
        self.liver.cirrhosis.first()
    }

    /// Pregnant.
    pub fn pregnant(&self) -> Option<&Evidence> {
        self.pregnancy.first()
    }

    /// Orders that are being ordered now (selected / signed drafts).
    pub fn ordered_medications(&self) -> impl Iterator<Item = &MedicationOrder> {
        self.medication_orders
            .iter()
            .filter(|o| o.origin == OrderOrigin::Ordered)
    }

    /// Active medications of the record.
    pub fn active_medications(&self) -> impl Iterator<Item = &MedicationOrder> {
        self.medication_orders
            .iter()
            .filter(|o| o.origin == OrderOrigin::Active)
    }

    /// Procedure orders being ordered now.
    pub fn ordered_procedures(&self) -> impl Iterator<Item = &ProcedureOrder> {
        self.procedure_orders.iter().filter(|o| o.ordered)
    }

    /// A therapeutic anticoagulant is active (record).
    pub fn therapeutic_anticoagulant_active(&self) -> Option<&MedicationOrder> {
        self.active_medications()
            .find(|o| o.is_anticoagulant() && o.dose == DoseClass::Therapeutic)
    }

    /// A therapeutic anticoagulant is ordered now.
    pub fn therapeutic_anticoagulant_ordered(&self) -> Option<&MedicationOrder> {
        self.ordered_medications()
            .find(|o| o.is_anticoagulant() && o.dose == DoseClass::Therapeutic)
    }

    /// Any anticoagulant active (any dose).
    pub fn anticoagulant_active(&self) -> Option<&MedicationOrder> {
        self.active_medications().find(|o| o.is_anticoagulant())
    }

    /// The anticoagulation course (§3.2) of the therapeutic orders that are ordered, planned
    /// or active; `None` when there is no such order.
    pub fn course(&self) -> Option<Course> {
        medications::course(
            self.medication_orders
                .iter()
                .filter(|o| o.is_anticoagulant() && o.dose != DoseClass::Prophylactic),
        )
    }

    /// Latest venous stent placement date on record.
    pub fn latest_stent(&self) -> Option<&Evidence> {
        latest(&self.venous_stents)
    }

    /// Latest iliocaval balloon or DCB recanalisation on record.
    pub fn latest_balloon_recanalisation(&self) -> Option<&Evidence> {
        latest(&self.balloon_recanalisations)
    }
}

/// The evidence with the latest date (undated evidence loses to dated).
fn latest(list: &[Evidence]) -> Option<&Evidence> {
    list.iter().max_by_key(|e| e.date.map(|d| d.last_day()))
}

#[cfg(test)]
mod tests;
