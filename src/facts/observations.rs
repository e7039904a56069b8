//! Observations → labs and findings (clinical-rules.md §3.1, §3.3, §3.4).
//!
//! Only final, amended, corrected and preliminary Observations count; the newest one per
//! concept wins, whatever code carried it. Lab values count only when recent enough.

use std::collections::HashMap;

use crate::fhir::resources::{Concept, ObservationValue, ObservationView, Quantity};
use crate::fhir::terminology::{Terminology, ValueSetId as Vs, FINDING, LOINC};
use crate::fhir::{DataIssue, IssueKind, PartialDate, ResourceRef};

use super::units::{self, DDimerBasis};
use super::{
    recency, BleedingJudgement, ChildPugh, DDimer, Evidence, FilterShape, InflowType, Observed,
    PatientFacts, PtsGrade, RenalFunction, RenalMeasure, SymptomSeverity, ThrombusExtension,
    Villalta,
};

/// D-dimer cut-off in FEU: ≥ 0.5 mg/L = 500 ng/mL FEU (clinical-rules.md §3.3).
pub const D_DIMER_FEU_POSITIVE_NG_PER_ML: f64 = 500.0;
/// D-dimer cut-off in DDU: ≥ 250 ng/mL DDU (clinical-rules.md §3.3).
pub const D_DIMER_DDU_POSITIVE_NG_PER_ML: f64 = 250.0;
/// Platelets below this (×10⁹/L) make the bleeding risk high (clinical-rules.md §3.3).
pub const PLATELETS_HIGH_BLEEDING_BELOW: f64 = 50.0;
/// Thrombus length above this (mm) is an extension risk factor: "> 5 cm" (seed 003, ACCP 2016).
pub const THROMBUS_LENGTH_RISK_ABOVE_MM: f64 = 50.0;
/// Thrombus diameter above this (mm) is an extension risk factor: "> 7 mm" (seed 003).
pub const THROMBUS_DIAMETER_RISK_ABOVE_MM: f64 = 7.0;
/// Veins involved at or above this count are an extension risk factor (seed 003: multiple veins).
pub const THROMBUS_VEINS_RISK_FROM: i64 = 2;
/// Child-Pugh points: 5–6 A, 7–9 B, 10–15 C (clinical-rules.md §3.3).
pub const CHILD_PUGH_B_FROM: i64 = 7;
/// Child-Pugh class C from this score.
pub const CHILD_PUGH_C_FROM: i64 = 10;
/// Villalta grades (seed 001 §1.5.3): 0–4 none, 5–9 mild, 10–14 moderate, ≥ 15 severe.
pub const VILLALTA_MILD_FROM: i64 = 5;
/// Villalta moderate from this score.
pub const VILLALTA_MODERATE_FROM: i64 = 10;
/// Villalta severe from this score.
pub const VILLALTA_SEVERE_FROM: i64 = 15;
/// LOINC answer "Pregnant" for 82810-3 (terminology.md §5).
const LOINC_PREGNANT: &str = "LA15173-0";
/// LOINC answer "Not pregnant" for 82810-3 (terminology.md §5).
const LOINC_NOT_PREGNANT: &str = "LA26683-5";
/// Tolerance for comparing converted decimals with cut-offs.
const EPSILON: f64 = 1e-9;

/// The concept an Observation reports; the newest per concept wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    DDimer,
    Platelets,
    CreatinineClearance,
    Egfr,
    Weight,
    PregnancyStatus,
    Finding(Finding),
}

macro_rules! findings {
    ($($variant:ident => $code:literal,)*) => {
        /// The finding codes of clinical-rules.md §3.4 (+ `child-pugh-score`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Finding { $(#[doc = $code] $variant,)* }
        impl Finding {
            fn from_code(code: &str) -> Option<Finding> {
                match code { $($code => Some(Finding::$variant),)* _ => None }
            }
            /// The finding code.
            #[cfg_attr(not(test), allow(dead_code))]
            pub fn code(self) -> &'static str {
                match self { $(Finding::$variant => $code,)* }
            }
            /// Every finding.
            #[cfg_attr(not(test), allow(dead_code))]
            pub const ALL: &'static [Finding] = &[$(Finding::$variant,)*];
        }
    };
}

findings! {
    SymptomSeverity => "symptom-severity",
    ThrombusLength => "thrombus-length",
    ThrombusMaxDiameter => "thrombus-max-diameter",
    ThrombusVeinCount => "thrombus-vein-count",
    ThrombusNearPopliteal => "thrombus-near-popliteal",
    ThrombusExtension => "thrombus-extension",
    ProvokedReversible => "provoked-reversible",
    Immobilised => "immobilised",
    BleedingRisk => "bleeding-risk",
    ChildPughClass => "child-pugh-class",
    ChildPughScore => "child-pugh-score",
    VaricesHighRisk => "varices-high-risk",
    PvtOcclusive => "pvt-occlusive",
    PortalCavernoma => "portal-cavernoma",
    TumourThrombus => "tumour-thrombus",
    ThrombophiliaWorkup => "thrombophilia-workup",
    InflowType => "inflow-type",
    DfvOstiumPatent => "dfv-ostium-patent",
    ResidualLesionToDfv => "residual-lesion-to-dfv",
    InflowOutflowCleared => "inflow-outflow-cleared",
    SymptomAttributionUncertain => "symptom-attribution-uncertain",
    AdherenceConcern => "adherence-concern",
    IvcFilterShape => "ivc-filter-shape",
    VillaltaScore => "villalta-score",
    Vcss => "vcss",
}

impl Finding {
    /// How long the finding stays valid, in days; `None` = it does not expire.
    /// §3.1: 183 days unless a rule says otherwise. Kept without limit, as facts about the
    /// patient rather than the moment: the thrombophilia work-up, the filter's shape and the
    /// Villalta score (PTS-SEVERITY states its date).
    fn valid_days(self) -> Option<i64> {
        match self {
            Finding::ThrombophiliaWorkup
            | Finding::IvcFilterShape
            | Finding::VillaltaScore
            | Finding::Vcss => None,
            _ => Some(recency::FINDING_DAYS),
        }
    }
}

fn kind_of(observation: &ObservationView<'_>, terminology: &Terminology) -> Option<Kind> {
    if let Some(code) = observation.code.code_in(FINDING) {
        return Finding::from_code(code).map(Kind::Finding);
    }
    let sets = terminology.classify_concept(&observation.code);
    if sets.is_empty() {
        return None;
    }
    if sets.contains(Vs::DDimerFeu)
        || sets.contains(Vs::DDimerDdu)
        || sets.contains(Vs::DDimerUnspecifiedBasis)
    {
        Some(Kind::DDimer)
    } else if sets.contains(Vs::PlateletCount) {
        Some(Kind::Platelets)
    } else if sets.contains(Vs::CreatinineClearance) {
        Some(Kind::CreatinineClearance)
    } else if sets.contains(Vs::Egfr) {
        Some(Kind::Egfr)
    } else if sets.contains(Vs::BodyWeight) {
        Some(Kind::Weight)
    } else if sets.contains(Vs::PregnancyStatus) {
        Some(Kind::PregnancyStatus)
    } else {
        None
    }
}

fn valid_days(kind: Kind) -> Option<i64> {
    match kind {
        Kind::DDimer => Some(recency::D_DIMER_DAYS),
        Kind::Platelets => Some(recency::PLATELETS_DAYS),
        Kind::CreatinineClearance | Kind::Egfr => Some(recency::RENAL_DAYS),
        Kind::Weight | Kind::PregnancyStatus => Some(recency::FINDING_DAYS),
        Kind::Finding(f) => f.valid_days(),
    }
}

/// The concepts whose result is a Quantity.
fn quantity_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::DDimer | Kind::Platelets | Kind::CreatinineClearance | Kind::Egfr | Kind::Weight
    )
}

fn counts(status: Option<&str>) -> bool {
    matches!(
        status,
        Some("final" | "amended" | "corrected" | "preliminary")
    )
}

pub(super) fn read(
    observations: &[ObservationView<'_>],
    terminology: &Terminology,
    facts: &mut PatientFacts,
    issues: &mut Vec<DataIssue>,
) {
    let as_of = facts.as_of;
    let mut newest: HashMap<Kind, (&ObservationView<'_>, PartialDate)> = HashMap::new();
    for observation in observations {
        if !counts(observation.status) {
            if !matches!(
                observation.status,
                Some("registered" | "cancelled" | "entered-in-error" | "unknown")
            ) {
                issues.push(
                    DataIssue::new(
                        observation.reference.clone(),
                        "status",
                        IssueKind::UnknownStatus,
                    )
                    .with_detail("missing or unknown Observation status; not used"),
                );
            }
            continue;
        }
        let sets = terminology.classify_concept(&observation.code);
        if sets.contains(Vs::ThrombophiliaWorkupLab) {
            facts.thrombophilia.workup.push(Evidence::new(
                observation.reference.clone(),
                observation.effective,
            ));
        }
        let Some(kind) = kind_of(observation, terminology) else {
            if observation.code.code_in(FINDING).is_some() {
                issues.push(
                    DataIssue::new(
                        observation.reference.clone(),
                        "code",
                        IssueKind::UnknownCode,
                    )
                    .with_detail("not a code of the finding CodeSystem"),
                );
            }
            continue;
        };
        if matches!(observation.value, ObservationValue::None)
            && quantity_kind(kind)
            && (kind != Kind::DDimer || interpretation(&observation.interpretation).is_none())
        {
            // A recognised lab without a value (e.g. values only in `component`, or a
            // dataAbsentReason) is no result: reported, never a silent absence (stack-notes
            // decision 1), and it does not hide an older result of the same concept.
            issues.push(
                DataIssue::new(
                    observation.reference.clone(),
                    "value[x]",
                    IssueKind::WrongValueType,
                )
                .with_detail("no valueQuantity (a value given only in component is not read)"),
            );
            continue;
        }
        let Some(date) = observation.effective else {
            issues.push(
                DataIssue::new(
                    observation.reference.clone(),
                    "effective[x]",
                    IssueKind::UnreadableDate,
                )
                .with_detail("no effective date or issued time; its recency cannot be judged"),
            );
            continue;
        };
        if date.first_day() > as_of {
            issues.push(
                DataIssue::new(
                    observation.reference.clone(),
                    "effective[x]",
                    IssueKind::UnreadableDate,
                )
                .with_detail("effective date is after the evaluation date; not used"),
            );
            continue;
        }
        if let Some(limit) = valid_days(kind) {
            if !date.within_days_before(as_of, limit) {
                continue;
            }
        }
        let entry = newest.entry(kind).or_insert((observation, date));
        if date.last_day() > entry.1.last_day() {
            *entry = (observation, date);
        }
    }

    let mut child_pugh: Option<(Observed<ChildPugh>, PartialDate)> = None;
    for (kind, (observation, date)) in newest {
        let evidence = Evidence::new(observation.reference.clone(), Some(date));
        let mut reader = ValueReader {
            observation,
            issues,
        };
        match kind {
            Kind::DDimer => {
                facts.risk_factors.d_dimer =
                    d_dimer(observation, terminology, evidence, reader.issues)
            }
            Kind::Platelets => {
                if let Some(q) = reader.quantity() {
                    match units::platelets_per_nanolitre(q.value, q.unit_key().unwrap_or("")) {
                        Some(count) if count < PLATELETS_HIGH_BLEEDING_BELOW - EPSILON => {
                            facts.bleeding.low_platelets = Some(evidence);
                        }
                        Some(_) => {}
                        None => reader.unknown_unit(&q),
                    }
                }
            }
            Kind::CreatinineClearance | Kind::Egfr => {
                if let Some(q) = reader.quantity() {
                    match units::clearance_ml_per_min(q.value, q.unit_key().unwrap_or("")) {
                        Some(ml_per_min) => {
                            let measure = if kind == Kind::CreatinineClearance {
                                RenalMeasure::CreatinineClearance
                            } else {
                                RenalMeasure::Egfr
                            };
                            // Creatinine clearance wins over eGFR (§3.3).
                            let keep = facts.renal.as_ref().is_none_or(|r| {
                                measure == RenalMeasure::CreatinineClearance
                                    && r.measure == RenalMeasure::Egfr
                            });
                            if keep {
                                facts.renal = Some(RenalFunction {
                                    measure,
                                    ml_per_min,
                                    evidence,
                                });
                            }
                        }
                        None => reader.unknown_unit(&q),
                    }
                }
            }
            Kind::Weight => {
                if let Some(q) = reader.quantity() {
                    match units::weight_kg(q.value, q.unit_key().unwrap_or("")) {
                        Some(kg) => {
                            facts.weight_kg = Some(Observed {
                                value: kg,
                                evidence,
                            })
                        }
                        None => reader.unknown_unit(&q),
                    }
                }
            }
            Kind::PregnancyStatus => pregnancy_status(observation, evidence, facts, reader.issues),
            Kind::Finding(finding) => {
                if let Some(cp) = read_finding(finding, &mut reader, evidence, facts) {
                    // The newest reading wins. A class and a score of the same day that
                    // disagree: the worse class (the safety reading), so the result never
                    // depends on the order this map is walked in.
                    let newer = child_pugh.as_ref().is_none_or(|(old, d)| {
                        date.last_day() > d.last_day()
                            || (date.last_day() == d.last_day() && cp.value > old.value)
                    });
                    if newer {
                        child_pugh = Some((cp, date));
                    }
                }
            }
        }
    }
    if let Some((class, _)) = child_pugh {
        facts.liver.child_pugh = Some(class);
    }
    // Seed 001 §1.5.3: a venous ulcer makes PTS severe whatever the score.
    if let Some(villalta) = &mut facts.villalta {
        if !facts.pts_ulcer.is_empty() {
            villalta.ulcer = true;
            villalta.grade = PtsGrade::Severe;
        }
    }
}

fn observe<T>(evidence: &Evidence, value: T) -> Observed<T> {
    Observed {
        value,
        evidence: evidence.clone(),
    }
}

/// Reads a finding into the facts; returns a Child-Pugh class for the caller to merge
/// (class and score findings compete: the newest wins).
fn read_finding(
    finding: Finding,
    reader: &mut ValueReader<'_, '_, '_>,
    evidence: Evidence,
    facts: &mut PatientFacts,
) -> Option<Observed<ChildPugh>> {
    match finding {
        Finding::SymptomSeverity => {
            let value = reader.coded(&[
                ("none", SymptomSeverity::None),
                ("mild", SymptomSeverity::Mild),
                ("severe", SymptomSeverity::Severe),
            ])?;
            let stronger = facts
                .symptoms
                .as_ref()
                .is_none_or(|s| super::conditions::rank(value) >= super::conditions::rank(s.value));
            if stronger {
                facts.symptoms = Some(observe(&evidence, value));
            }
        }
        Finding::ThrombusLength => {
            let mm = reader.length_mm()?;
            if mm > THROMBUS_LENGTH_RISK_ABOVE_MM + EPSILON {
                facts.risk_factors.length_over_5_cm = Some(evidence);
            }
        }
        Finding::ThrombusMaxDiameter => {
            let mm = reader.length_mm()?;
            if mm > THROMBUS_DIAMETER_RISK_ABOVE_MM + EPSILON {
                facts.risk_factors.diameter_over_7_mm = Some(evidence);
            }
        }
        Finding::ThrombusVeinCount => {
            if reader.integer()? >= THROMBUS_VEINS_RISK_FROM {
                facts.risk_factors.two_or_more_veins = Some(evidence);
            }
        }
        Finding::ThrombusNearPopliteal => {
            if reader.boolean()? {
                facts.risk_factors.near_popliteal = Some(evidence);
            }
        }
        Finding::ThrombusExtension => {
            let value = reader.coded(&[
                ("none", ThrombusExtension::None),
                ("distal", ThrombusExtension::Distal),
                ("proximal", ThrombusExtension::Proximal),
            ])?;
            facts.thrombus_extension = Some(observe(&evidence, value));
        }
        Finding::ProvokedReversible => {
            // false = unprovoked; absent = unknown, never unprovoked (§3.3).
            if reader.boolean()? {
                facts.provoked_reversible = Some(evidence);
            } else {
                facts.risk_factors.unprovoked = Some(evidence);
            }
        }
        Finding::Immobilised => {
            if reader.boolean()? {
                facts.risk_factors.immobilised = Some(evidence);
            }
        }
        Finding::BleedingRisk => {
            let value = reader.coded(&[
                ("low", BleedingJudgement::Low),
                ("moderate", BleedingJudgement::Moderate),
                ("high", BleedingJudgement::High),
            ])?;
            facts.bleeding.judgement = Some(observe(&evidence, value));
        }
        Finding::ChildPughClass => {
            let value = reader.coded(&[
                ("A", ChildPugh::A),
                ("B", ChildPugh::B),
                ("C", ChildPugh::C),
            ])?;
            return Some(observe(&evidence, value));
        }
        Finding::ChildPughScore => {
            let score = reader.integer()?;
            let class = match score {
                5..CHILD_PUGH_B_FROM => ChildPugh::A,
                CHILD_PUGH_B_FROM..CHILD_PUGH_C_FROM => ChildPugh::B,
                CHILD_PUGH_C_FROM..=15 => ChildPugh::C,
                _ => {
                    reader.out_of_range("a Child-Pugh score is 5 to 15");
                    return None;
                }
            };
            return Some(observe(&evidence, class));
        }
        Finding::VaricesHighRisk => {
            facts.liver.varices_high_risk = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::PvtOcclusive => {
            facts.portal.occlusive = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::PortalCavernoma => {
            facts.portal.cavernoma = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::TumourThrombus => {
            facts.portal.tumour_thrombus = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::ThrombophiliaWorkup => {
            if reader.boolean()? {
                facts.thrombophilia.workup.push(evidence);
            }
        }
        Finding::InflowType => {
            let value = reader.coded(&[
                ("I", InflowType::I),
                ("II", InflowType::II),
                ("III", InflowType::III),
                ("IVa", InflowType::IVa),
                ("IVb", InflowType::IVb),
                ("V", InflowType::V),
            ])?;
            facts.stent_workup.inflow_type = Some(observe(&evidence, value));
        }
        Finding::DfvOstiumPatent => {
            facts.stent_workup.dfv_ostium_patent = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::ResidualLesionToDfv => {
            facts.stent_workup.residual_lesion_to_dfv = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::InflowOutflowCleared => {
            facts.stent_workup.inflow_outflow_cleared = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::SymptomAttributionUncertain => {
            facts.stent_workup.symptom_attribution_uncertain =
                Some(observe(&evidence, reader.boolean()?))
        }
        Finding::AdherenceConcern => {
            facts.stent_workup.adherence_concern = Some(observe(&evidence, reader.boolean()?))
        }
        Finding::IvcFilterShape => {
            let value = reader.coded(&[
                ("conical", FilterShape::Conical),
                ("spindle", FilterShape::Spindle),
            ])?;
            facts.ivc_filter_shape = Some(observe(&evidence, value));
        }
        Finding::VillaltaScore => {
            let score = reader.integer()?;
            if score < 0 {
                reader.out_of_range("a Villalta score is not negative");
                return None;
            }
            let grade = match score {
                s if s >= VILLALTA_SEVERE_FROM => PtsGrade::Severe,
                s if s >= VILLALTA_MODERATE_FROM => PtsGrade::Moderate,
                s if s >= VILLALTA_MILD_FROM => PtsGrade::Mild,
                _ => PtsGrade::None,
            };
            facts.villalta = Some(Villalta {
                score,
                grade,
                ulcer: false,
                evidence,
            });
        }
        Finding::Vcss => {
            // Recorded for completeness; no rule of the catalogue uses VCSS yet.
            reader.integer()?;
        }
    }
    None
}

fn d_dimer(
    observation: &ObservationView<'_>,
    terminology: &Terminology,
    evidence: Evidence,
    issues: &mut Vec<DataIssue>,
) -> Option<DDimer> {
    let sets = terminology.classify_concept(&observation.code);
    let code_basis = if sets.contains(Vs::DDimerFeu) {
        Some(DDimerBasis::Feu)
    } else if sets.contains(Vs::DDimerDdu) {
        Some(DDimerBasis::Ddu)
    } else {
        None
    };
    let interpretation = interpretation(&observation.interpretation);
    let issue = |issues: &mut Vec<DataIssue>, kind, detail: &str| {
        issues.push(
            DataIssue::new(observation.reference.clone(), "valueQuantity", kind)
                .with_detail(detail),
        );
    };
    let from_value = match &observation.value {
        ObservationValue::Quantity(q) => {
            let unit = q.unit_key().unwrap_or("");
            let unit_basis = units::d_dimer_basis_of_unit(unit);
            let basis = match (code_basis, unit_basis) {
                (Some(a), Some(b)) if a != b => {
                    issue(
                        issues,
                        IssueKind::UnknownUnit,
                        "the unit's FEU/DDU basis contradicts the LOINC code",
                    );
                    // Reported once; only an interpretation flag can still decide.
                    return interpretation.map(|positive| DDimer { positive, evidence });
                }
                (Some(a), _) => Some(a),
                (None, b) => b,
            };
            match (basis, units::mass_concentration_ng_per_ml(q.value, unit)) {
                (_, None) => {
                    issue(
                        issues,
                        IssueKind::UnknownUnit,
                        "D-dimer unit is not a mass concentration the service converts",
                    );
                    None
                }
                (None, Some(_)) if interpretation.is_none() => {
                    issue(
                        issues,
                        IssueKind::UnknownUnit,
                        "D-dimer basis (FEU or DDU) unknown: the cut-off is assay-dependent",
                    );
                    None
                }
                (None, Some(_)) => None,
                (Some(basis), Some(ng_per_ml)) => {
                    let cut_off = match basis {
                        DDimerBasis::Feu => D_DIMER_FEU_POSITIVE_NG_PER_ML,
                        DDimerBasis::Ddu => D_DIMER_DDU_POSITIVE_NG_PER_ML,
                    };
                    match q.comparator {
                        // "< x" with x at or below the cut-off: negative; above: undecided.
                        Some("<" | "<=") if ng_per_ml <= cut_off + EPSILON => Some(false),
                        Some("<" | "<=") => None,
                        Some(">" | ">=") if ng_per_ml >= cut_off - EPSILON => Some(true),
                        Some(">" | ">=") => None,
                        _ => Some(ng_per_ml >= cut_off - EPSILON),
                    }
                }
            }
        }
        ObservationValue::None => None,
        _ => {
            issue(
                issues,
                IssueKind::WrongValueType,
                "a D-dimer must be a Quantity",
            );
            None
        }
    };
    let positive = match (from_value, interpretation) {
        (Some(true), _) | (_, Some(true)) => true,
        (Some(false), _) | (None, Some(false)) => false,
        (None, None) => return None,
    };
    Some(DDimer { positive, evidence })
}

/// H, HH and POS read positive; N, NEG, L and LL negative (HL7 v3 ObservationInterpretation).
fn interpretation(concepts: &[Concept<'_>]) -> Option<bool> {
    // The R4 (THO) URIs of both tables, and the pre-R4 v2 URI some senders still use.
    const SYSTEMS: [&str; 3] = [
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
        "http://terminology.hl7.org/CodeSystem/v2-0078",
        "http://hl7.org/fhir/v2/0078",
    ];
    let mut verdict = None;
    for concept in concepts {
        for coding in &concept.codings {
            if !SYSTEMS.contains(&coding.system) {
                continue;
            }
            match coding.code {
                "H" | "HH" | "POS" => return Some(true),
                "N" | "NEG" | "L" | "LL" => verdict = Some(false),
                _ => {}
            }
        }
    }
    verdict
}

fn pregnancy_status(
    observation: &ObservationView<'_>,
    evidence: Evidence,
    facts: &mut PatientFacts,
    issues: &mut Vec<DataIssue>,
) {
    let ObservationValue::Concept(value) = &observation.value else {
        issues.push(
            DataIssue::new(
                observation.reference.clone(),
                "value[x]",
                IssueKind::WrongValueType,
            )
            .with_detail("pregnancy status must be a CodeableConcept"),
        );
        return;
    };
    if value.has(LOINC, LOINC_PREGNANT) {
        facts.pregnancy.push(evidence);
    } else if value.has(LOINC, LOINC_NOT_PREGNANT) {
        // A newer "not pregnant" result ends pregnancy Conditions recorded before it.
        let tested = evidence.date.map(|d| d.first_day());
        facts.pregnancy.retain(|e| match (e.date, tested) {
            (Some(recorded), Some(tested)) => recorded.last_day() > tested,
            _ => true,
        });
    }
}

/// Reads an Observation's value as the type a finding requires, recording mismatches.
struct ValueReader<'o, 'v, 'i> {
    observation: &'o ObservationView<'v>,
    issues: &'i mut Vec<DataIssue>,
}

impl<'o, 'v, 'i> ValueReader<'o, 'v, 'i> {
    fn reference(&self) -> ResourceRef {
        self.observation.reference.clone()
    }

    fn wrong(&mut self, expected: &str) {
        self.issues.push(
            DataIssue::new(self.reference(), "value[x]", IssueKind::WrongValueType)
                .with_detail(format!("expected {expected}")),
        );
    }

    fn out_of_range(&mut self, detail: &str) {
        self.issues.push(
            DataIssue::new(self.reference(), "value[x]", IssueKind::UnreadableNumber)
                .with_detail(detail),
        );
    }

    fn unknown_unit(&mut self, quantity: &Quantity<'_>) {
        self.issues.push(
            DataIssue::new(self.reference(), "valueQuantity", IssueKind::UnknownUnit).with_detail(
                format!(
                    "unit `{}` is not one the service converts",
                    quantity.unit_key().unwrap_or("")
                ),
            ),
        );
    }

    fn quantity(&mut self) -> Option<Quantity<'v>> {
        match &self.observation.value {
            ObservationValue::Quantity(q) if q.value >= 0.0 => Some(*q),
            ObservationValue::Quantity(_) => {
                self.out_of_range("a negative quantity");
                None
            }
            ObservationValue::None => None,
            _ => {
                self.wrong("a Quantity");
                None
            }
        }
    }

    fn length_mm(&mut self) -> Option<f64> {
        let q = self.quantity()?;
        let mm = units::length_mm(q.value, q.unit_key().unwrap_or(""));
        if mm.is_none() {
            self.unknown_unit(&q);
        }
        mm
    }

    fn boolean(&mut self) -> Option<bool> {
        match &self.observation.value {
            ObservationValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong("valueBoolean");
                None
            }
        }
    }

    fn integer(&mut self) -> Option<i64> {
        match &self.observation.value {
            ObservationValue::Integer(i) => Some(*i),
            // A unitless integral Quantity (`{score}`) is read as the integer it is.
            ObservationValue::Quantity(q)
                if q.value.fract() == 0.0
                    && matches!(q.unit_key(), None | Some("{score}" | "1" | "{#}")) =>
            {
                Some(q.value as i64)
            }
            _ => {
                self.wrong("valueInteger");
                None
            }
        }
    }

    fn coded<T: Copy>(&mut self, allowed: &[(&str, T)]) -> Option<T> {
        let ObservationValue::Concept(concept) = &self.observation.value else {
            self.wrong("valueCodeableConcept from the finding CodeSystem");
            return None;
        };
        let code = concept.code_in(FINDING);
        match code.and_then(|code| allowed.iter().find(|(c, _)| *c == code)) {
            Some((_, value)) => Some(*value),
            None => {
                self.issues.push(
                    DataIssue::new(
                        self.reference(),
                        "valueCodeableConcept",
                        IssueKind::UnknownCode,
                    )
                    .with_detail(format!(
                        "expected one of {} from {FINDING}",
                        allowed
                            .iter()
                            .map(|(c, _)| *c)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_the_facts_read_is_a_code_of_the_finding_code_system() {
        let terminology = Terminology::built_in().unwrap();
        for finding in Finding::ALL {
            assert!(
                terminology.is_finding_code(finding.code()),
                "{} is not in {FINDING}",
                finding.code()
            );
            assert_eq!(Finding::from_code(finding.code()), Some(*finding));
        }
    }
}
