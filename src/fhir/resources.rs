//! The tolerant typed reader: small views of exactly the FHIR R4 elements the facts need.
//!
//! Views borrow from the parsed request (`serde_json::Value`), so reading costs no copies.
//! Unknown elements are ignored; an element we read that has the wrong JSON type or an
//! unreadable value becomes a [`DataIssue`] naming the resource and element, and the rest of
//! the resource is still used. Nothing here knows clinical meaning: that is `facts`.

use serde_json::{Map, Value};

use super::datetime::PartialDate;
use super::issue::{DataIssue, IssueKind, ResourceRef};

/// A coding with both a system and a code (codings lacking either cannot be classified).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coding<'a> {
    /// Code system URI.
    pub system: &'a str,
    /// The code.
    pub code: &'a str,
}

/// A CodeableConcept: its usable codings and text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Concept<'a> {
    /// Codings that carry both system and code.
    pub codings: Vec<Coding<'a>>,
    /// `CodeableConcept.text`.
    pub text: Option<&'a str>,
}

impl<'a> Concept<'a> {
    /// Whether any coding has this system and code.
    pub fn has(&self, system: &str, code: &str) -> bool {
        self.codings
            .iter()
            .any(|c| c.system == system && c.code == code)
    }

    /// The code of the first coding in `system`.
    pub fn code_in(&self, system: &str) -> Option<&'a str> {
        self.codings
            .iter()
            .find(|c| c.system == system)
            .map(|c| c.code)
    }
}

/// A Quantity (or Duration / SimpleQuantity / Age).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity<'a> {
    /// The number.
    pub value: f64,
    /// `comparator` (`<`, `<=`, `>=`, `>`), when present.
    pub comparator: Option<&'a str>,
    /// Human unit text.
    pub unit: Option<&'a str>,
    /// Unit system (normally UCUM).
    pub system: Option<&'a str>,
    /// Coded unit.
    pub code: Option<&'a str>,
}

impl<'a> Quantity<'a> {
    /// The UCUM code when the system is UCUM, else the unit text or code as sent.
    pub fn unit_key(&self) -> Option<&'a str> {
        match (self.system, self.code) {
            (Some("http://unitsofmeasure.org"), Some(code)) => Some(code),
            _ => self.code.or(self.unit),
        }
    }
}

/// `Patient`: demographics only.
#[derive(Debug, Clone)]
pub struct PatientView {
    /// The resource.
    pub reference: ResourceRef,
    /// `birthDate`.
    pub birth_date: Option<PartialDate>,
    /// `gender` code.
    pub gender: Option<String>,
}

/// `Condition`.
#[derive(Debug, Clone)]
pub struct ConditionView<'a> {
    /// The resource.
    pub reference: ResourceRef,
    /// `clinicalStatus` code (condition-clinical).
    pub clinical_status: Option<&'a str>,
    /// `verificationStatus` code (condition-ver-status).
    pub verification_status: Option<&'a str>,
    /// `code`.
    pub code: Concept<'a>,
    /// `bodySite`.
    pub body_sites: Vec<Concept<'a>>,
    /// `severity`.
    pub severity: Option<Concept<'a>>,
    /// `onsetDateTime` or `onsetPeriod.start`.
    pub onset: Option<PartialDate>,
    /// `recordedDate`.
    pub recorded: Option<PartialDate>,
    /// `abatementDateTime` or `abatementPeriod.start`.
    pub abatement: Option<PartialDate>,
}

/// The value of an Observation.
#[derive(Debug, Clone, PartialEq)]
pub enum ObservationValue<'a> {
    /// No value (or one the service does not read, e.g. SampledData).
    None,
    /// `valueQuantity`.
    Quantity(Quantity<'a>),
    /// `valueCodeableConcept`.
    Concept(Concept<'a>),
    /// `valueBoolean`.
    Boolean(bool),
    /// `valueInteger`.
    Integer(i64),
    /// `valueString`.
    Text(&'a str),
}

/// `Observation`.
#[derive(Debug, Clone)]
pub struct ObservationView<'a> {
    /// The resource.
    pub reference: ResourceRef,
    /// `status`.
    pub status: Option<&'a str>,
    /// `code`.
    pub code: Concept<'a>,
    /// `effectiveDateTime`, `effectivePeriod.start`, `effectiveInstant`, else `issued`.
    pub effective: Option<PartialDate>,
    /// `value[x]`.
    pub value: ObservationValue<'a>,
    /// `interpretation`.
    pub interpretation: Vec<Concept<'a>>,
}

/// One `dosageInstruction`.
#[derive(Debug, Clone, Default)]
pub struct Dosage<'a> {
    /// `text`.
    pub text: Option<&'a str>,
    /// `route`.
    pub route: Option<Concept<'a>>,
    /// `timing.repeat.frequency`.
    pub frequency: Option<f64>,
    /// `timing.repeat.period`.
    pub period: Option<f64>,
    /// `timing.repeat.periodUnit`.
    pub period_unit: Option<&'a str>,
    /// `timing.repeat.boundsDuration`.
    pub bounds_duration: Option<Quantity<'a>>,
    /// `timing.repeat.boundsPeriod.start`.
    pub bounds_start: Option<PartialDate>,
    /// `timing.repeat.boundsPeriod.end`.
    pub bounds_end: Option<PartialDate>,
    /// `doseAndRate[].doseQuantity`, or the high end of `doseRange`.
    pub doses: Vec<Quantity<'a>>,
}

/// `MedicationRequest`.
#[derive(Debug, Clone)]
pub struct MedicationRequestView<'a> {
    /// The resource.
    pub reference: ResourceRef,
    /// `status`.
    pub status: Option<&'a str>,
    /// `intent`.
    pub intent: Option<&'a str>,
    /// The drug: `medicationCodeableConcept`, or the code of the referenced Medication.
    /// `None` when the drug cannot be determined (an issue is recorded).
    pub medication: Option<Concept<'a>>,
    /// Medication ingredient codes of a referenced Medication (for combinations).
    pub ingredients: Vec<Concept<'a>>,
    /// `authoredOn`.
    pub authored_on: Option<PartialDate>,
    /// `dosageInstruction`.
    pub dosages: Vec<Dosage<'a>>,
    /// `dispenseRequest.expectedSupplyDuration`.
    pub expected_supply: Option<Quantity<'a>>,
    /// `dispenseRequest.numberOfRepeatsAllowed`.
    pub repeats_allowed: Option<u32>,
}

/// `ServiceRequest`.
#[derive(Debug, Clone)]
pub struct ServiceRequestView<'a> {
    /// The resource.
    pub reference: ResourceRef,
    /// `status`.
    pub status: Option<&'a str>,
    /// `intent`.
    pub intent: Option<&'a str>,
    /// `code`.
    pub code: Concept<'a>,
    /// `bodySite`.
    pub body_sites: Vec<Concept<'a>>,
    /// `authoredOn`.
    pub authored_on: Option<PartialDate>,
}

/// `Procedure`.
#[derive(Debug, Clone)]
pub struct ProcedureView<'a> {
    /// The resource.
    pub reference: ResourceRef,
    /// `status`.
    pub status: Option<&'a str>,
    /// `code`.
    pub code: Concept<'a>,
    /// `bodySite`.
    pub body_sites: Vec<Concept<'a>>,
    /// `performedDateTime` or `performedPeriod.start`.
    pub performed: Option<PartialDate>,
}

/// A draft order of the hook context.
#[derive(Debug, Clone)]
pub enum DraftOrder<'a> {
    /// A drug order.
    Medication(MedicationRequestView<'a>),
    /// A procedure order.
    Service(ServiceRequestView<'a>),
}

impl<'a> DraftOrder<'a> {
    /// The order's resource reference.
    pub fn reference(&self) -> &ResourceRef {
        match self {
            DraftOrder::Medication(m) => &m.reference,
            DraftOrder::Service(s) => &s.reference,
        }
    }
}

/// Everything the service read from one request: the record and the draft orders.
#[derive(Debug, Default)]
pub struct PatientRecord<'a> {
    /// The Patient (the one matching `context.patientId` when several are sent).
    pub patient: Option<PatientView>,
    /// Conditions.
    pub conditions: Vec<ConditionView<'a>>,
    /// Observations.
    pub observations: Vec<ObservationView<'a>>,
    /// MedicationRequests of the record (not the hook's draft orders).
    pub medication_requests: Vec<MedicationRequestView<'a>>,
    /// Procedures.
    pub procedures: Vec<ProcedureView<'a>>,
    /// `context.draftOrders`, with whether each is among `context.selections`.
    pub draft_orders: Vec<(DraftOrder<'a>, bool)>,
    /// What could not be read.
    pub issues: Vec<DataIssue>,
}

/// Builds a [`PatientRecord`] from bundles and resources, one source at a time.
pub struct RecordReader<'a> {
    record: PatientRecord<'a>,
    patient_id: Option<&'a str>,
    /// Every resource read so far by (type, id), to read each once and report conflicting
    /// copies.
    seen: std::collections::HashMap<(&'a str, &'a str), &'a Map<String, Value>>,
    other_patients: Vec<PatientView>,
}

impl<'a> RecordReader<'a> {
    /// A reader for the patient `patient_id` (used to pick the right Patient resource).
    pub fn new(patient_id: Option<&'a str>) -> Self {
        RecordReader {
            record: PatientRecord::default(),
            patient_id,
            seen: Default::default(),
            other_patients: Vec::new(),
        }
    }

    /// Reads the draft orders bundle of the hook context; `selections` are `Type/id` strings.
    pub fn read_draft_orders(&mut self, bundle: &'a Value, selections: &[&str], locator: &str) {
        for (index, resource, place) in entries(bundle, locator, &mut self.record.issues) {
            let Some(object) = resource else {
                continue;
            };
            let Some(resource_type) = object.get("resourceType").and_then(Value::as_str) else {
                self.record.issues.push(DataIssue::new(
                    ResourceRef::unidentified("Resource", place),
                    "resourceType",
                    IssueKind::NotAResource,
                ));
                continue;
            };
            let reference = reference_of(resource_type, object, &place);
            let selected = reference
                .relative()
                .is_some_and(|r| selections.contains(&r.as_str()));
            let mut cursor = Cursor::new(object, reference, &mut self.record.issues);
            let order = match resource_type {
                "MedicationRequest" => {
                    DraftOrder::Medication(read_medication_request(&mut cursor, bundle))
                }
                "ServiceRequest" => DraftOrder::Service(read_service_request(&mut cursor)),
                _ => continue,
            };
            let _ = index;
            if let (Some(id), true) = (
                object.get("id").and_then(Value::as_str),
                resource_type == "MedicationRequest",
            ) {
                self.seen.insert((resource_type, id), object);
            }
            self.record.draft_orders.push((order, selected));
        }
    }

    /// Reads one prefetch or fetched value: a Bundle (its entries) or a single resource.
    pub fn read_source(&mut self, value: &'a Value, locator: &str) {
        let Some(object) = value.as_object() else {
            self.record.issues.push(DataIssue::new(
                ResourceRef::unidentified("Resource", locator),
                "",
                IssueKind::NotAResource,
            ));
            return;
        };
        if object.get("resourceType").and_then(Value::as_str) == Some("Bundle") {
            for (_, resource, place) in entries(value, locator, &mut self.record.issues) {
                if let Some(object) = resource {
                    self.read_resource(object, &place, value);
                }
            }
        } else {
            self.read_resource(object, locator, value);
        }
    }

    /// Records an issue found outside any one resource (e.g. a truncated search).
    pub fn push_issue(&mut self, issue: DataIssue) {
        self.record.issues.push(issue);
    }

    fn read_resource(&mut self, object: &'a Map<String, Value>, place: &str, bundle: &'a Value) {
        let Some(resource_type) = object.get("resourceType").and_then(Value::as_str) else {
            self.record.issues.push(DataIssue::new(
                ResourceRef::unidentified("Resource", place),
                "resourceType",
                IssueKind::NotAResource,
            ));
            return;
        };
        if !matches!(
            resource_type,
            "Patient" | "Condition" | "Observation" | "MedicationRequest" | "Procedure"
        ) {
            return;
        }
        if let Some(id) = object.get("id").and_then(Value::as_str) {
            // The same resource may come from two sources (a draft also in the record, or
            // overlapping pages): the first reading wins. A copy whose content differs is
            // reported (IssueKind::Duplicate), never dropped silently.
            match self.seen.entry((resource_type, id)) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(object);
                }
                std::collections::hash_map::Entry::Occupied(first) => {
                    if !same_content(first.get(), object) {
                        self.record.issues.push(
                            DataIssue::new(
                                reference_of(resource_type, object, place),
                                "id",
                                IssueKind::Duplicate,
                            )
                            .with_detail(
                                "the same resource was sent twice with different content; \
                                 the first copy was used",
                            ),
                        );
                    }
                    return;
                }
            }
        }
        let reference = reference_of(resource_type, object, place);
        let mut cursor = Cursor::new(object, reference, &mut self.record.issues);
        match resource_type {
            "Patient" => {
                let patient = read_patient(&mut cursor);
                let matches = match (self.patient_id, patient.reference.id()) {
                    (Some(wanted), Some(id)) => wanted == id,
                    _ => false,
                };
                if matches || (self.record.patient.is_none() && self.patient_id.is_none()) {
                    self.record.patient = Some(patient);
                } else {
                    self.other_patients.push(patient);
                }
            }
            "Condition" => {
                let condition = read_condition(&mut cursor);
                self.record.conditions.push(condition);
            }
            "Observation" => {
                let observation = read_observation(&mut cursor);
                self.record.observations.push(observation);
            }
            "MedicationRequest" => {
                let request = read_medication_request(&mut cursor, bundle);
                self.record.medication_requests.push(request);
            }
            "Procedure" => {
                let procedure = read_procedure(&mut cursor);
                self.record.procedures.push(procedure);
            }
            _ => {}
        }
    }

    /// The record read so far.
    pub fn finish(mut self) -> PatientRecord<'a> {
        if self.record.patient.is_none() && self.other_patients.len() == 1 {
            // A single Patient whose id differs from context.patientId is not this patient.
            let other = self.other_patients.remove(0);
            self.record.issues.push(
                DataIssue::new(other.reference, "id", IssueKind::UnresolvedReference)
                    .with_detail("the Patient resource is not context.patientId; it was not used"),
            );
        }
        self.record
    }
}

/// Whether two copies of a resource say the same thing (`meta` and the narrative aside: a
/// server adds them to a saved draft without changing it).
fn same_content(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let relevant = |m: &Map<String, Value>| {
        m.iter()
            .filter(|(k, _)| !matches!(k.as_str(), "meta" | "text"))
            .count()
    };
    relevant(a) == relevant(b)
        && a.iter()
            .filter(|(k, _)| !matches!(k.as_str(), "meta" | "text"))
            .all(|(k, v)| b.get(k) == Some(v))
}

/// One Bundle entry: its index, its resource object if it is one, and its locator.
type Entry<'a> = (usize, Option<&'a Map<String, Value>>, String);

/// Entries of a Bundle: `(index, resource object if it is one, locator)`. Non-object
/// resources and entries without a resource are recorded as issues.
fn entries<'a>(bundle: &'a Value, locator: &str, issues: &mut Vec<DataIssue>) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    let Some(list) = bundle.get("entry") else {
        return out;
    };
    let Some(list) = list.as_array() else {
        issues.push(
            DataIssue::new(
                ResourceRef::unidentified("Bundle", locator),
                "entry",
                IssueKind::WrongType,
            )
            .with_detail("Bundle.entry must be an array"),
        );
        return out;
    };
    out.reserve(list.len());
    for (index, entry) in list.iter().enumerate() {
        let place = format!("{locator}.entry[{index}]");
        match entry.get("resource") {
            Some(Value::Object(object)) => out.push((index, Some(object), place)),
            Some(_) => {
                issues.push(DataIssue::new(
                    ResourceRef::unidentified("Resource", place.clone()),
                    "resource",
                    IssueKind::NotAResource,
                ));
                out.push((index, None, place));
            }
            None => {
                // An entry without a resource (e.g. only a request) carries nothing to read.
            }
        }
    }
    out
}

fn reference_of(resource_type: &str, object: &Map<String, Value>, place: &str) -> ResourceRef {
    match object.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => ResourceRef::new(resource_type, id),
        _ => ResourceRef::unidentified(resource_type, place),
    }
}

/// Reads elements of one resource, recording issues against it.
pub(crate) struct Cursor<'a, 'i> {
    object: &'a Map<String, Value>,
    reference: ResourceRef,
    issues: &'i mut Vec<DataIssue>,
}

impl<'a, 'i> Cursor<'a, 'i> {
    pub(crate) fn new(
        object: &'a Map<String, Value>,
        reference: ResourceRef,
        issues: &'i mut Vec<DataIssue>,
    ) -> Self {
        Cursor {
            object,
            reference,
            issues,
        }
    }

    fn issue(&mut self, element: &str, kind: IssueKind, detail: impl Into<String>) {
        self.issues
            .push(DataIssue::new(self.reference.clone(), element, kind).with_detail(detail.into()));
    }

    fn string_in(
        &mut self,
        object: &'a Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<&'a str> {
        match object.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                self.issue(path, IssueKind::WrongType, "expected a string");
                None
            }
        }
    }

    fn string(&mut self, name: &str) -> Option<&'a str> {
        self.string_in(self.object, name, name)
    }

    fn object_in(
        &mut self,
        object: &'a Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<&'a Map<String, Value>> {
        match object.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                self.issue(path, IssueKind::WrongType, "expected an object");
                None
            }
        }
    }

    fn array_in(&mut self, object: &'a Map<String, Value>, path: &str, name: &str) -> &'a [Value] {
        match object.get(name) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.issue(path, IssueKind::WrongType, "expected an array");
                &[]
            }
        }
    }

    fn date_in(
        &mut self,
        object: &'a Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<PartialDate> {
        let text = self.string_in(object, path, name)?;
        let parsed = PartialDate::parse(text);
        if parsed.is_none() {
            self.issue(
                path,
                IssueKind::UnreadableDate,
                format!("`{text}` is not a FHIR date"),
            );
        }
        parsed
    }

    fn date(&mut self, name: &str) -> Option<PartialDate> {
        self.date_in(self.object, name, name)
    }

    fn number_in(&mut self, object: &'a Map<String, Value>, path: &str, name: &str) -> Option<f64> {
        match object.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(v) if v.is_finite() => Some(v),
                _ => {
                    self.issue(path, IssueKind::UnreadableNumber, "not a finite number");
                    None
                }
            },
            Some(_) => {
                self.issue(path, IssueKind::WrongType, "expected a number");
                None
            }
        }
    }

    fn concept_value(&mut self, value: &'a Value, path: &str) -> Option<Concept<'a>> {
        let Some(object) = value.as_object() else {
            self.issue(path, IssueKind::WrongType, "expected a CodeableConcept");
            return None;
        };
        let mut concept = Concept {
            codings: Vec::new(),
            text: self.string_in(object, path, "text"),
        };
        let codings = self.array_in(object, path, "coding");
        concept.codings.reserve(codings.len());
        for coding in codings {
            let Some(coding) = coding.as_object() else {
                self.issue(path, IssueKind::WrongType, "coding must be an object");
                continue;
            };
            let system = self.string_in(coding, path, "system");
            let code = self.string_in(coding, path, "code");
            if let (Some(system), Some(code)) = (system, code) {
                concept.codings.push(Coding {
                    system,
                    code: code.trim(),
                });
            }
        }
        Some(concept)
    }

    fn concept_in(
        &mut self,
        object: &'a Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<Concept<'a>> {
        match object.get(name) {
            None | Some(Value::Null) => None,
            Some(value) => self.concept_value(value, path),
        }
    }

    fn concept(&mut self, name: &str) -> Option<Concept<'a>> {
        self.concept_in(self.object, name, name)
    }

    fn concepts_in(
        &mut self,
        object: &'a Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Vec<Concept<'a>> {
        let items = self.array_in(object, path, name);
        items
            .iter()
            .filter_map(|item| self.concept_value(item, path))
            .collect()
    }

    fn concepts(&mut self, name: &str) -> Vec<Concept<'a>> {
        self.concepts_in(self.object, name, name)
    }

    fn status_code(&mut self, name: &str) -> Option<&'a str> {
        // clinicalStatus / verificationStatus: the code of the first coding that has one, with
        // or without a system (the codes of the HL7 CodeSystems are what senders use; a
        // missing system must not turn a refuted Condition into a confirmed one).
        let concept = self.concept(name)?;
        if let Some(coding) = concept.codings.first() {
            return Some(coding.code);
        }
        self.object
            .get(name)?
            .get("coding")?
            .as_array()?
            .iter()
            .find_map(|c| c.get("code")?.as_str())
            .map(str::trim)
    }

    fn quantity_in(
        &mut self,
        object: &'a Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<Quantity<'a>> {
        let quantity = self.object_in(object, path, name)?;
        let value = self.number_in(quantity, path, "value")?;
        Some(Quantity {
            value,
            comparator: self.string_in(quantity, path, "comparator"),
            unit: self.string_in(quantity, path, "unit"),
            system: self.string_in(quantity, path, "system"),
            code: self.string_in(quantity, path, "code"),
        })
    }

    fn start_of_period(&mut self, name: &str) -> Option<PartialDate> {
        let period = self.object_in(self.object, name, name)?;
        self.date_in(period, name, "start")
    }
}

fn read_patient(c: &mut Cursor<'_, '_>) -> PatientView {
    PatientView {
        reference: c.reference.clone(),
        birth_date: c.date("birthDate"),
        gender: c.string("gender").map(str::to_owned),
    }
}

fn read_condition<'a>(c: &mut Cursor<'a, '_>) -> ConditionView<'a> {
    let onset = c
        .date("onsetDateTime")
        .or_else(|| c.start_of_period("onsetPeriod"));
    let abatement = c
        .date("abatementDateTime")
        .or_else(|| c.start_of_period("abatementPeriod"));
    ConditionView {
        reference: c.reference.clone(),
        clinical_status: c.status_code("clinicalStatus"),
        verification_status: c.status_code("verificationStatus"),
        code: c.concept("code").unwrap_or_default(),
        body_sites: c.concepts("bodySite"),
        severity: c.concept("severity"),
        onset,
        recorded: c.date("recordedDate"),
        abatement,
    }
}

fn read_observation<'a>(c: &mut Cursor<'a, '_>) -> ObservationView<'a> {
    let effective = c
        .date("effectiveDateTime")
        .or_else(|| c.start_of_period("effectivePeriod"))
        .or_else(|| c.date("effectiveInstant"))
        .or_else(|| c.date("issued"));
    let object = c.object;
    let value = if object.contains_key("valueQuantity") {
        c.quantity_in(object, "valueQuantity", "valueQuantity")
            .map_or(ObservationValue::None, ObservationValue::Quantity)
    } else if object.contains_key("valueCodeableConcept") {
        c.concept("valueCodeableConcept")
            .map_or(ObservationValue::None, ObservationValue::Concept)
    } else if let Some(value) = object.get("valueBoolean") {
        match value {
            Value::Bool(b) => ObservationValue::Boolean(*b),
            _ => {
                c.issue(
                    "valueBoolean",
                    IssueKind::WrongType,
                    "expected true or false",
                );
                ObservationValue::None
            }
        }
    } else if let Some(value) = object.get("valueInteger") {
        match value.as_i64() {
            Some(i) => ObservationValue::Integer(i),
            None => {
                c.issue("valueInteger", IssueKind::WrongType, "expected an integer");
                ObservationValue::None
            }
        }
    } else if let Some(value) = object.get("valueString") {
        match value.as_str() {
            Some(s) => ObservationValue::Text(s),
            None => {
                c.issue("valueString", IssueKind::WrongType, "expected a string");
                ObservationValue::None
            }
        }
    } else {
        ObservationValue::None
    };
    ObservationView {
        reference: c.reference.clone(),
        status: c.string("status"),
        code: c.concept("code").unwrap_or_default(),
        effective,
        value,
        interpretation: c.concepts("interpretation"),
    }
}

fn read_dosage<'a>(c: &mut Cursor<'a, '_>, dosage: &'a Map<String, Value>) -> Dosage<'a> {
    const PATH: &str = "dosageInstruction";
    let mut out = Dosage {
        text: c.string_in(dosage, PATH, "text"),
        route: c.concept_in(dosage, PATH, "route"),
        ..Default::default()
    };
    if let Some(timing) = c.object_in(dosage, PATH, "timing") {
        if let Some(repeat) = c.object_in(timing, PATH, "repeat") {
            out.frequency = c.number_in(repeat, PATH, "frequency");
            out.period = c.number_in(repeat, PATH, "period");
            out.period_unit = c.string_in(repeat, PATH, "periodUnit");
            out.bounds_duration = c.quantity_in(repeat, PATH, "boundsDuration");
            if let Some(bounds) = c.object_in(repeat, PATH, "boundsPeriod") {
                out.bounds_start = c.date_in(bounds, PATH, "start");
                out.bounds_end = c.date_in(bounds, PATH, "end");
            }
        }
    }
    for item in c.array_in(dosage, PATH, "doseAndRate") {
        let Some(item) = item.as_object() else {
            c.issue(PATH, IssueKind::WrongType, "doseAndRate must be an object");
            continue;
        };
        if let Some(dose) = c.quantity_in(item, PATH, "doseQuantity") {
            out.doses.push(dose);
        } else if let Some(range) = c.object_in(item, PATH, "doseRange") {
            // A range is judged by its upper end: the most that may be given.
            if let Some(high) = c.quantity_in(range, PATH, "high") {
                out.doses.push(high);
            }
        }
    }
    out
}

fn read_medication_request<'a>(
    c: &mut Cursor<'a, '_>,
    bundle: &'a Value,
) -> MedicationRequestView<'a> {
    let mut ingredients = Vec::new();
    let medication = if c.object.contains_key("medicationCodeableConcept") {
        c.concept("medicationCodeableConcept")
    } else if let Some(reference) =
        c.object_in(c.object, "medicationReference", "medicationReference")
    {
        let target = c.string_in(reference, "medicationReference", "reference");
        match target.and_then(|t| resolve_medication(c.object, bundle, t)) {
            Some(medication) => {
                for ingredient in c.array_in(medication, "medicationReference", "ingredient") {
                    if let Some(item) = ingredient
                        .get("itemCodeableConcept")
                        .and_then(|v| c.concept_value(v, "medicationReference"))
                    {
                        ingredients.push(item);
                    }
                }
                c.concept_in(medication, "medicationReference", "code")
            }
            None => {
                c.issue(
                    "medicationReference",
                    IssueKind::UnresolvedReference,
                    "the Medication is neither contained nor in the same Bundle; the drug is unknown",
                );
                None
            }
        }
    } else {
        c.issue(
            "medication[x]",
            IssueKind::WrongType,
            "no medicationCodeableConcept or medicationReference; the drug is unknown",
        );
        None
    };
    let mut dosages = Vec::new();
    for dosage in c.array_in(c.object, "dosageInstruction", "dosageInstruction") {
        match dosage.as_object() {
            Some(object) => dosages.push(read_dosage(c, object)),
            None => c.issue(
                "dosageInstruction",
                IssueKind::WrongType,
                "expected an object",
            ),
        }
    }
    let (expected_supply, repeats_allowed) =
        match c.object_in(c.object, "dispenseRequest", "dispenseRequest") {
            Some(dispense) => {
                let supply = c.quantity_in(dispense, "dispenseRequest", "expectedSupplyDuration");
                let repeats = match dispense.get("numberOfRepeatsAllowed") {
                    None | Some(Value::Null) => None,
                    Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                        Some(n) => Some(n),
                        None => {
                            c.issue(
                                "dispenseRequest.numberOfRepeatsAllowed",
                                IssueKind::WrongType,
                                "expected a non-negative integer",
                            );
                            None
                        }
                    },
                };
                (supply, repeats)
            }
            None => (None, None),
        };
    MedicationRequestView {
        reference: c.reference.clone(),
        status: c.string("status"),
        intent: c.string("intent"),
        medication,
        ingredients,
        authored_on: c.date("authoredOn"),
        dosages,
        expected_supply,
        repeats_allowed,
    }
}

/// Finds the Medication a `medicationReference` names: `#id` in `contained`, else a Medication
/// in the same Bundle by `Medication/id`, `fullUrl` or `urn:uuid`.
fn resolve_medication<'a>(
    request: &'a Map<String, Value>,
    bundle: &'a Value,
    target: &str,
) -> Option<&'a Map<String, Value>> {
    if let Some(local) = target.strip_prefix('#') {
        return request
            .get("contained")?
            .as_array()?
            .iter()
            .filter_map(Value::as_object)
            .find(|r| {
                r.get("resourceType").and_then(Value::as_str) == Some("Medication")
                    && r.get("id").and_then(Value::as_str) == Some(local)
            });
    }
    let wanted_id = target.strip_prefix("Medication/");
    bundle.get("entry")?.as_array()?.iter().find_map(|entry| {
        let resource = entry.get("resource")?.as_object()?;
        if resource.get("resourceType").and_then(Value::as_str) != Some("Medication") {
            return None;
        }
        let full_url = entry.get("fullUrl").and_then(Value::as_str);
        let id = resource.get("id").and_then(Value::as_str);
        let matches = full_url == Some(target)
            || (wanted_id.is_some() && id == wanted_id)
            || full_url.is_some_and(|u| u.ends_with(&format!("/{target}")));
        matches.then_some(resource)
    })
}

fn read_service_request<'a>(c: &mut Cursor<'a, '_>) -> ServiceRequestView<'a> {
    ServiceRequestView {
        reference: c.reference.clone(),
        status: c.string("status"),
        intent: c.string("intent"),
        code: c.concept("code").unwrap_or_default(),
        body_sites: c.concepts("bodySite"),
        authored_on: c.date("authoredOn"),
    }
}

fn read_procedure<'a>(c: &mut Cursor<'a, '_>) -> ProcedureView<'a> {
    let performed = c
        .date("performedDateTime")
        .or_else(|| c.start_of_period("performedPeriod"));
    ProcedureView {
        reference: c.reference.clone(),
        status: c.string("status"),
        code: c.concept("code").unwrap_or_default(),
        body_sites: c.concepts("bodySite"),
        performed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_wrong_type_in_one_element_keeps_the_rest_of_the_resource() {
        let bundle = json!({"resourceType": "Bundle", "type": "searchset", "entry": [
            {"resource": {"resourceType": "Condition", "id": "c1",
                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "26843008"}]},
                "onsetDateTime": 20240101,
                "clinicalStatus": {"coding": [{"code": "active"}]}}}
        ]});
        let mut reader = RecordReader::new(Some("p1"));
        reader.read_source(&bundle, "prefetch.conditions");
        let record = reader.finish();
        assert_eq!(record.conditions.len(), 1);
        let condition = &record.conditions[0];
        assert!(condition.code.has("http://snomed.info/sct", "26843008"));
        assert!(condition.onset.is_none());
        assert_eq!(record.issues.len(), 1);
        assert_eq!(record.issues[0].kind, IssueKind::WrongType);
        assert_eq!(record.issues[0].element, "onsetDateTime");
        assert_eq!(record.issues[0].resource.to_string(), "Condition/c1");
    }

    #[test]
    fn a_medication_reference_resolves_from_contained_or_the_bundle() {
        let bundle = json!({"resourceType": "Bundle", "entry": [
            {"resource": {"resourceType": "MedicationRequest", "id": "m1", "status": "active",
                "contained": [{"resourceType": "Medication", "id": "med",
                    "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "B01AA03"}]}}],
                "medicationReference": {"reference": "#med"}}},
            {"resource": {"resourceType": "MedicationRequest", "id": "m2", "status": "active",
                "medicationReference": {"reference": "Medication/w"}}},
            {"fullUrl": "http://x/fhir/Medication/w",
             "resource": {"resourceType": "Medication", "id": "w",
                "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "B01AF02"}]}}},
            {"resource": {"resourceType": "MedicationRequest", "id": "m3", "status": "active",
                "medicationReference": {"reference": "Medication/missing"}}}
        ]});
        let mut reader = RecordReader::new(None);
        reader.read_source(&bundle, "prefetch.medications");
        let record = reader.finish();
        let codes: Vec<_> = record
            .medication_requests
            .iter()
            .map(|m| {
                m.medication
                    .as_ref()
                    .and_then(|c| c.code_in("http://www.whocc.no/atc"))
            })
            .collect();
        assert_eq!(codes, vec![Some("B01AA03"), Some("B01AF02"), None]);
        assert_eq!(record.issues.len(), 1);
        assert_eq!(record.issues[0].kind, IssueKind::UnresolvedReference);
        assert_eq!(
            record.issues[0].resource.to_string(),
            "MedicationRequest/m3"
        );
    }

    #[test]
    fn entries_that_are_not_resources_are_reported_not_dropped() {
        let bundle = json!({"resourceType": "Bundle", "entry": [
            {"resource": "garbage"},
            {"resource": {"id": "x"}},
            {"resource": {"resourceType": "Condition", "id": "ok"}}
        ]});
        let mut reader = RecordReader::new(None);
        reader.read_source(&bundle, "prefetch.conditions");
        let record = reader.finish();
        assert_eq!(record.conditions.len(), 1);
        let kinds: Vec<_> = record.issues.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            vec![IssueKind::NotAResource, IssueKind::NotAResource]
        );
        assert_eq!(
            record.issues[0].resource.to_string(),
            "Resource at prefetch.conditions.entry[0]"
        );
    }

    #[test]
    fn selected_drafts_are_marked_and_other_drafts_kept_as_context() {
        let drafts = json!({"resourceType": "Bundle", "entry": [
            {"resource": {"resourceType": "MedicationRequest", "id": "a", "status": "draft",
                "medicationCodeableConcept": {"coding": [{"system": "s", "code": "1"}]}}},
            {"resource": {"resourceType": "ServiceRequest", "id": "b", "status": "draft",
                "code": {"coding": [{"system": "s", "code": "2"}]}}}
        ]});
        let mut reader = RecordReader::new(None);
        reader.read_draft_orders(&drafts, &["ServiceRequest/b"], "context.draftOrders");
        let record = reader.finish();
        let flags: Vec<_> = record
            .draft_orders
            .iter()
            .map(|(o, s)| (o.reference().to_string(), *s))
            .collect();
        assert_eq!(
            flags,
            vec![
                ("MedicationRequest/a".into(), false),
                ("ServiceRequest/b".into(), true)
            ]
        );
    }
}
