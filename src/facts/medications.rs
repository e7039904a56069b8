//! MedicationRequests → antithrombotic orders with agent, class, dose and intended end, and
//! the anticoagulation course (clinical-rules.md §3.2).

use chrono::NaiveDate;

use crate::fhir::resources::{Concept, Dosage, DraftOrder, MedicationRequestView, Quantity};
use crate::fhir::terminology::{Terminology, ValueSetId as Vs, ValueSets};
use crate::fhir::{DataIssue, IssueKind, ResourceRef};

use super::{units, OrderScope, PatientFacts};

/// Therapeutic-dose thresholds (clinical-rules.md §3.2).
pub mod therapeutic {
    /// Apixaban ≥ 5 mg per dose.
    pub const APIXABAN_MG_PER_DOSE: f64 = 5.0;
    /// Rivaroxaban ≥ 15 mg per day.
    pub const RIVAROXABAN_MG_PER_DAY: f64 = 15.0;
    /// Edoxaban ≥ 30 mg per day.
    pub const EDOXABAN_MG_PER_DAY: f64 = 30.0;
    /// Dabigatran ≥ 110 mg per dose.
    pub const DABIGATRAN_MG_PER_DOSE: f64 = 110.0;
    /// Enoxaparin ≥ 1 mg/kg per dose.
    pub const ENOXAPARIN_MG_PER_KG: f64 = 1.0;
    /// Enoxaparin ≥ 60 mg per dose when weight is unknown.
    pub const ENOXAPARIN_MG_WITHOUT_WEIGHT: f64 = 60.0;
    /// Dalteparin ≥ 100 IU/kg.
    pub const DALTEPARIN_IU_PER_KG: f64 = 100.0;
    /// Dalteparin ≥ 7,500 IU per dose when weight is unknown.
    pub const DALTEPARIN_IU_WITHOUT_WEIGHT: f64 = 7500.0;
    /// Fondaparinux ≥ 5 mg.
    pub const FONDAPARINUX_MG: f64 = 5.0;
    /// UFH ≥ 10,000 units per subcutaneous dose (intravenous is always therapeutic).
    pub const UFH_SUBCUTANEOUS_IU: f64 = 10_000.0;
    /// A UFH product this dilute (units/mL) is an infusion bag, i.e. intravenous
    /// (subcutaneous heparin is 5,000 units/mL or stronger; terminology.md §6.2).
    pub const UFH_INFUSION_MAX_IU_PER_ML: f64 = 1_000.0;
}

/// The drug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agent {
    /// apixaban
    Apixaban,
    /// rivaroxaban
    Rivaroxaban,
    /// edoxaban
    Edoxaban,
    /// dabigatran
    Dabigatran,
    /// warfarin
    Warfarin,
    /// unfractionated heparin
    Ufh,
    /// enoxaparin
    Enoxaparin,
    /// dalteparin
    Dalteparin,
    /// fondaparinux
    Fondaparinux,
    /// argatroban
    Argatroban,
    /// aspirin
    Aspirin,
    /// clopidogrel
    Clopidogrel,
    /// an estrogen-containing contraceptive
    EstrogenContraceptive,
}

impl Agent {
    /// Its class.
    pub fn class(self) -> DrugClass {
        match self {
            Agent::Apixaban | Agent::Rivaroxaban | Agent::Edoxaban | Agent::Dabigatran => {
                DrugClass::Doac
            }
            Agent::Warfarin => DrugClass::Vka,
            Agent::Ufh => DrugClass::Ufh,
            Agent::Enoxaparin | Agent::Dalteparin => DrugClass::Lmwh,
            Agent::Fondaparinux => DrugClass::Fondaparinux,
            Agent::Argatroban => DrugClass::Argatroban,
            Agent::Aspirin | Agent::Clopidogrel => DrugClass::Antiplatelet,
            Agent::EstrogenContraceptive => DrugClass::EstrogenContraceptive,
        }
    }

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Agent::Apixaban => "apixaban",
            Agent::Rivaroxaban => "rivaroxaban",
            Agent::Edoxaban => "edoxaban",
            Agent::Dabigatran => "dabigatran",
            Agent::Warfarin => "warfarin",
            Agent::Ufh => "unfractionated heparin",
            Agent::Enoxaparin => "enoxaparin",
            Agent::Dalteparin => "dalteparin",
            Agent::Fondaparinux => "fondaparinux",
            Agent::Argatroban => "argatroban",
            Agent::Aspirin => "aspirin",
            Agent::Clopidogrel => "clopidogrel",
            Agent::EstrogenContraceptive => "estrogen-containing contraceptive",
        }
    }

    const BY_VALUE_SET: [(Vs, Agent); 13] = [
        (Vs::Apixaban, Agent::Apixaban),
        (Vs::Rivaroxaban, Agent::Rivaroxaban),
        (Vs::Edoxaban, Agent::Edoxaban),
        (Vs::Dabigatran, Agent::Dabigatran),
        (Vs::Warfarin, Agent::Warfarin),
        (Vs::HeparinUnfractionated, Agent::Ufh),
        (Vs::Enoxaparin, Agent::Enoxaparin),
        (Vs::Dalteparin, Agent::Dalteparin),
        (Vs::Fondaparinux, Agent::Fondaparinux),
        (Vs::Argatroban, Agent::Argatroban),
        (Vs::Aspirin, Agent::Aspirin),
        (Vs::Clopidogrel, Agent::Clopidogrel),
        (Vs::EstrogenContraceptive, Agent::EstrogenContraceptive),
    ];

    fn from_sets(sets: ValueSets) -> Vec<Agent> {
        Agent::BY_VALUE_SET
            .iter()
            .filter(|(set, _)| sets.contains(*set))
            .map(|(_, agent)| *agent)
            .collect()
    }
}

/// Antithrombotic classes (§3.2); estrogen-containing contraceptives are a separate class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DrugClass {
    /// Direct oral anticoagulant.
    Doac,
    /// Vitamin K antagonist.
    Vka,
    /// Unfractionated heparin.
    Ufh,
    /// Low-molecular-weight heparin.
    Lmwh,
    /// Fondaparinux.
    Fondaparinux,
    /// Argatroban.
    Argatroban,
    /// Antiplatelet.
    Antiplatelet,
    /// Estrogen-containing contraceptive.
    EstrogenContraceptive,
}

impl DrugClass {
    /// An anticoagulant.
    pub fn is_anticoagulant(self) -> bool {
        !matches!(
            self,
            DrugClass::Antiplatelet | DrugClass::EstrogenContraceptive
        )
    }
}

/// Dose class (§3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoseClass {
    /// At or above the therapeutic threshold.
    Therapeutic,
    /// Below it.
    Prophylactic,
    /// The dose cannot be read: therapeutic for blocking safety rules, unknown elsewhere.
    Unknown,
    /// Not an anticoagulant.
    NotApplicable,
}

/// Where an order stands (§3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderOrigin {
    /// Being ordered now: selected in order-select, any draft in order-sign.
    Ordered,
    /// Planned: other drafts of order-select, draft MedicationRequests of the record.
    Planned,
    /// An active MedicationRequest of the record whose end is not past.
    Active,
}

/// An antithrombotic or estrogen order.
#[derive(Debug, Clone, PartialEq)]
pub struct MedicationOrder {
    /// The MedicationRequest.
    pub reference: ResourceRef,
    /// Ordered, planned or active.
    pub origin: OrderOrigin,
    /// The drug; `None` when it cannot be determined (never read as "no drug").
    pub agent: Option<Agent>,
    /// Dose class.
    pub dose: DoseClass,
    /// Amount per administration: mg, or units for heparins.
    pub amount_per_dose: Option<f64>,
    /// Administrations per day, when the timing says.
    pub doses_per_day: Option<f64>,
    /// Start: `authoredOn`, else the evaluation date.
    pub start: NaiveDate,
    /// Intended end (inclusive); `None` = open-ended.
    pub end: Option<NaiveDate>,
    /// Dosage texts joined, for rules that read the prescriber's instructions (INR target).
    pub dosage_text: String,
}

impl MedicationOrder {
    /// The class, when the drug is known.
    pub fn class(&self) -> Option<DrugClass> {
        self.agent.map(Agent::class)
    }

    /// An anticoagulant.
    pub fn is_anticoagulant(&self) -> bool {
        self.class().is_some_and(DrugClass::is_anticoagulant)
    }

    /// A DOAC.
    pub fn is_doac(&self) -> bool {
        self.class() == Some(DrugClass::Doac)
    }

    /// Therapeutic, counting an unreadable dose as therapeutic (for blocking rules).
    pub fn therapeutic_for_blocking(&self) -> bool {
        matches!(self.dose, DoseClass::Therapeutic | DoseClass::Unknown)
    }

    /// The daily amount, when dose and frequency are known.
    pub fn amount_per_day(&self) -> Option<f64> {
        Some(self.amount_per_dose? * self.doses_per_day?)
    }
}

/// A chain of therapeutic anticoagulant orders (§3.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    /// Earliest start.
    pub start: NaiveDate,
    /// Latest end; `None` = open-ended.
    pub end: Option<NaiveDate>,
    /// The orders it chains.
    pub orders: Vec<ResourceRef>,
}

impl Course {
    /// `end − start` in days; `None` when open-ended.
    pub fn duration_days(&self) -> Option<i64> {
        self.end.map(|end| (end - self.start).num_days())
    }
}

pub(super) fn course<'a>(orders: impl Iterator<Item = &'a MedicationOrder>) -> Option<Course> {
    let mut course: Option<Course> = None;
    let mut open = false;
    for order in orders {
        open |= order.end.is_none();
        match &mut course {
            None => {
                course = Some(Course {
                    start: order.start,
                    end: order.end,
                    orders: vec![order.reference.clone()],
                })
            }
            Some(c) => {
                c.start = c.start.min(order.start);
                c.end = match (c.end, order.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
                c.orders.push(order.reference.clone());
            }
        }
    }
    if open {
        if let Some(c) = &mut course {
            c.end = None;
        }
    }
    course
}

pub(super) fn read(
    record: &[MedicationRequestView<'_>],
    drafts: &[(DraftOrder<'_>, bool)],
    terminology: &Terminology,
    scope: OrderScope,
    facts: &mut PatientFacts,
    issues: &mut Vec<DataIssue>,
) {
    for (order, selected) in drafts {
        let DraftOrder::Medication(request) = order else {
            continue;
        };
        let origin = match scope {
            OrderScope::AllDrafts => OrderOrigin::Ordered,
            OrderScope::Selected if *selected => OrderOrigin::Ordered,
            _ => OrderOrigin::Planned,
        };
        read_one(request, origin, terminology, facts, issues);
    }
    for request in record {
        let origin = match request.status {
            Some("active") => OrderOrigin::Active,
            Some("draft") => OrderOrigin::Planned,
            Some(
                "on-hold" | "cancelled" | "completed" | "entered-in-error" | "stopped" | "unknown",
            ) => continue,
            _ => {
                issues.push(
                    DataIssue::new(
                        request.reference.clone(),
                        "status",
                        IssueKind::UnknownStatus,
                    )
                    .with_detail("missing or unknown MedicationRequest status; not used"),
                );
                continue;
            }
        };
        read_one(request, origin, terminology, facts, issues);
    }
    let as_of = facts.as_of;
    facts
        .medication_orders
        .retain(|o| o.origin != OrderOrigin::Active || o.end.is_none_or(|end| end >= as_of));
}

fn read_one(
    request: &MedicationRequestView<'_>,
    origin: OrderOrigin,
    terminology: &Terminology,
    facts: &mut PatientFacts,
    issues: &mut Vec<DataIssue>,
) {
    let Some(medication) = &request.medication else {
        // The reader recorded why; the order is kept as an unknown drug.
        facts
            .medication_orders
            .push(unknown_drug(request, origin, facts.as_of, issues));
        return;
    };
    let mut sets = terminology.classify_concept(medication);
    for ingredient in &request.ingredients {
        sets = sets.union(terminology.classify_concept(ingredient));
    }
    let agents = Agent::from_sets(sets);
    if agents.is_empty() {
        return;
    }
    let start = request.authored_on.map_or(facts.as_of, |d| d.first_day());
    let end = intended_end(request, start, issues);
    let dosage_text = request
        .dosages
        .iter()
        .filter_map(|d| d.text)
        .collect::<Vec<_>>()
        .join("; ");
    for agent in agents {
        let reading = dose_of(request, medication, agent, terminology, issues);
        let weight = facts.weight_kg.as_ref().map(|w| w.value);
        // A weight-based dose (`1 mg/kg`) is an amount once the weight is known.
        let amount_per_dose = reading.amount.or_else(|| Some(reading.per_kg? * weight?));
        let doses_per_day = reading.per_day;
        let dose = classify_dose(
            agent,
            amount_per_dose,
            doses_per_day,
            reading.per_kg,
            reading.intravenous,
            facts,
        );
        facts.medication_orders.push(MedicationOrder {
            reference: request.reference.clone(),
            origin,
            agent: Some(agent),
            dose,
            amount_per_dose,
            doses_per_day,
            start,
            end,
            dosage_text: dosage_text.clone(),
        });
    }
}

fn unknown_drug(
    request: &MedicationRequestView<'_>,
    origin: OrderOrigin,
    as_of: NaiveDate,
    issues: &mut Vec<DataIssue>,
) -> MedicationOrder {
    let start = request.authored_on.map_or(as_of, |d| d.first_day());
    MedicationOrder {
        reference: request.reference.clone(),
        origin,
        agent: None,
        dose: DoseClass::Unknown,
        amount_per_dose: None,
        doses_per_day: None,
        start,
        end: intended_end(request, start, issues),
        dosage_text: String::new(),
    }
}

/// §3.2: boundsPeriod.end, else start + boundsDuration, else start + expectedSupplyDuration ×
/// (1 + numberOfRepeatsAllowed); no such field → open-ended. With several dosage
/// instructions the order ends with the last of them; one without bounds leaves it to the
/// dispense request.
fn intended_end(
    request: &MedicationRequestView<'_>,
    start: NaiveDate,
    issues: &mut Vec<DataIssue>,
) -> Option<NaiveDate> {
    let mut ends = Vec::new();
    let mut all_bounded = !request.dosages.is_empty();
    for dosage in &request.dosages {
        let dosage_start = dosage.bounds_start.map_or(start, |d| d.first_day());
        if let Some(end) = dosage.bounds_end {
            ends.push(end.last_day());
        } else if let Some(duration) = &dosage.bounds_duration {
            match duration_days(duration, &request.reference, "boundsDuration", issues) {
                Some(d) => ends.push(dosage_start + chrono::Duration::days(d)),
                None => all_bounded = false,
            }
        } else {
            all_bounded = false;
        }
    }
    if all_bounded {
        return ends.into_iter().max();
    }
    let supply = request.expected_supply.as_ref()?;
    let days = duration_days(
        supply,
        &request.reference,
        "dispenseRequest.expectedSupplyDuration",
        issues,
    )?;
    let repeats = i64::from(request.repeats_allowed.unwrap_or(0));
    Some(start + chrono::Duration::days(days * (1 + repeats)))
}

fn duration_days(
    q: &Quantity<'_>,
    reference: &ResourceRef,
    element: &str,
    issues: &mut Vec<DataIssue>,
) -> Option<i64> {
    match units::duration_days(q.value, q.unit_key().unwrap_or("")) {
        Some(days) if days >= 0.0 => Some(days.round() as i64),
        _ => {
            issues.push(
                DataIssue::new(reference.clone(), element, IssueKind::UnknownUnit)
                    .with_detail("duration unit is not one the service converts"),
            );
            None
        }
    }
}

/// What the order says about its dose.
struct DoseReading {
    /// Amount per administration: mg, or units for UFH and dalteparin.
    amount: Option<f64>,
    /// A weight-based amount per administration (mg/kg, or units/kg), when the order is
    /// written that way.
    per_kg: Option<f64>,
    /// Administrations per day, when the timing says.
    per_day: Option<f64>,
    /// Given intravenously (route, or a UFH product only made for infusion).
    intravenous: bool,
}

/// An amount in the unit the thresholds of `agent` use: units for UFH and dalteparin, mg for
/// every other drug. Enoxaparin ordered in anti-Xa units (Europe, Japan) converts at
/// 100 IU = 1 mg (enoxaparin label).
fn amount_in_agent_unit(agent: Agent, value: f64, unit: &str) -> Option<f64> {
    match agent {
        Agent::Ufh | Agent::Dalteparin => units::international_units(value, unit),
        Agent::Enoxaparin => units::mass_mg(value, unit)
            .or_else(|| units::international_units(value, unit).map(|iu| iu / 100.0)),
        _ => units::mass_mg(value, unit),
    }
}

/// The amount unit of a weight-based dose unit (`mg/kg` → `mg`), if it is one.
fn per_kg_base(unit: &str) -> Option<&str> {
    let trimmed = unit.trim();
    let cut = trimmed.len().checked_sub("/kg".len())?;
    (trimmed.is_char_boundary(cut) && trimmed[cut..].eq_ignore_ascii_case("/kg"))
        .then(|| &trimmed[..cut])
}

/// Amount per administration, administrations per day, and whether the order is
/// intravenous.
fn dose_of(
    request: &MedicationRequestView<'_>,
    medication: &Concept<'_>,
    agent: Agent,
    terminology: &Terminology,
    issues: &mut Vec<DataIssue>,
) -> DoseReading {
    let strength = medication
        .codings
        .iter()
        .find_map(|c| terminology.strength(c));
    let mut intravenous = false;
    if let Some(s) = strength {
        if agent == Agent::Ufh
            && s.unit.ends_with("/mL")
            && s.value <= therapeutic::UFH_INFUSION_MAX_IU_PER_ML
        {
            intravenous = true;
        }
    }
    let mut amount = None;
    let mut per_kg = None;
    let mut per_day = None;
    for dosage in &request.dosages {
        if dosage
            .route
            .as_ref()
            .is_some_and(|route| terminology.contains(Vs::IntravenousRoute, route))
        {
            intravenous = true;
        }
        if per_day.is_none() {
            per_day = doses_per_day(dosage);
        }
        if amount.is_none() && per_kg.is_none() {
            if let Some(q) = dosage.doses.first() {
                let unit = q.unit_key().unwrap_or("");
                if let Some(base) = per_kg_base(unit) {
                    per_kg = amount_in_agent_unit(agent, q.value, base);
                } else {
                    amount = amount_in_agent_unit(agent, q.value, unit).or_else(|| {
                        // A dose in dose units (tablets, syringes, mL) times the product
                        // strength.
                        let s = strength?;
                        if let Some(ml) = units::volume_ml(q.value, unit) {
                            return s.unit.ends_with("/mL").then_some(ml * s.value);
                        }
                        let countable = matches!(
                            unit.to_ascii_lowercase().as_str(),
                            "" | "1"
                                | "{tbl}"
                                | "{tablet}"
                                | "tablet"
                                | "tablets"
                                | "{capsule}"
                                | "capsule"
                                | "{syringe}"
                                | "syringe"
                                | "{dose}"
                        );
                        (countable && !s.unit.ends_with("/mL")).then_some(q.value * s.value)
                    });
                }
                if amount.is_none() && per_kg.is_none() {
                    issues.push(
                        DataIssue::new(
                            request.reference.clone(),
                            "dosageInstruction.doseAndRate",
                            IssueKind::UnknownUnit,
                        )
                        .with_detail("dose unit is not one the service converts; dose unknown"),
                    );
                }
            }
        }
    }
    if amount.is_none() && per_kg.is_none() && request.dosages.iter().all(|d| d.doses.is_empty()) {
        // §3.2: else from the strength in the drug code (one tablet or syringe per dose).
        amount = strength
            .filter(|s| !s.unit.ends_with("/mL"))
            .map(|s| s.value);
    }
    DoseReading {
        amount,
        per_kg,
        per_day,
        intravenous,
    }
}

fn doses_per_day(dosage: &Dosage<'_>) -> Option<f64> {
    let frequency = dosage.frequency.unwrap_or(1.0);
    let period_days = units::duration_days(dosage.period?, dosage.period_unit?)?;
    (period_days > 0.0).then(|| frequency / period_days)
}

fn classify_dose(
    agent: Agent,
    per_dose: Option<f64>,
    per_day: Option<f64>,
    per_kg: Option<f64>,
    intravenous: bool,
    facts: &PatientFacts,
) -> DoseClass {
    use therapeutic as t;
    let at_least = |value: Option<f64>, threshold: f64| match value {
        Some(v) if v >= threshold - 1e-9 => DoseClass::Therapeutic,
        Some(_) => DoseClass::Prophylactic,
        None => DoseClass::Unknown,
    };
    let weight = facts.weight_kg.as_ref().map(|w| w.value);
    match agent {
        Agent::Warfarin | Agent::Argatroban => DoseClass::Therapeutic,
        Agent::Apixaban => at_least(per_dose, t::APIXABAN_MG_PER_DOSE),
        Agent::Dabigatran => at_least(per_dose, t::DABIGATRAN_MG_PER_DOSE),
        Agent::Fondaparinux => at_least(per_dose, t::FONDAPARINUX_MG),
        Agent::Rivaroxaban | Agent::Edoxaban => {
            let threshold = if agent == Agent::Rivaroxaban {
                t::RIVAROXABAN_MG_PER_DAY
            } else {
                t::EDOXABAN_MG_PER_DAY
            };
            match (per_dose, per_day) {
                (Some(dose), Some(n)) => at_least(Some(dose * n), threshold),
                // One dose already at the daily threshold is therapeutic whatever the frequency.
                (Some(dose), None) if dose >= threshold - 1e-9 => DoseClass::Therapeutic,
                _ => DoseClass::Unknown,
            }
        }
        // §3.2: ≥ 1 mg/kg (≥ 100 IU/kg) per dose; a dose written per kg is compared as is,
        // whatever the weight.
        Agent::Enoxaparin => match (per_kg, weight) {
            (Some(mg_per_kg), _) => at_least(Some(mg_per_kg), t::ENOXAPARIN_MG_PER_KG),
            (None, Some(kg)) => at_least(per_dose, t::ENOXAPARIN_MG_PER_KG * kg),
            (None, None) => at_least(per_dose, t::ENOXAPARIN_MG_WITHOUT_WEIGHT),
        },
        Agent::Dalteparin => match (per_kg, weight) {
            (Some(iu_per_kg), _) => at_least(Some(iu_per_kg), t::DALTEPARIN_IU_PER_KG),
            (None, Some(kg)) => at_least(per_dose, t::DALTEPARIN_IU_PER_KG * kg),
            (None, None) => at_least(per_dose, t::DALTEPARIN_IU_WITHOUT_WEIGHT),
        },
        Agent::Ufh if intravenous => DoseClass::Therapeutic,
        Agent::Ufh => at_least(per_dose, t::UFH_SUBCUTANEOUS_IU),
        Agent::Aspirin | Agent::Clopidogrel | Agent::EstrogenContraceptive => {
            DoseClass::NotApplicable
        }
    }
}
