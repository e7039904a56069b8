//! One service call, end to end: parse → validate → prefetch (or read) → facts → rules →
//! cards → response. With complete prefetch there is no I/O on this path.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use super::prefetch::{self, FhirAccess, KeyData};
use super::request;
use super::response::{card_json, CdsResponse, DataIssueJson, ResponseExtension};
use super::schema::Schema;
use super::services::{Hook, Service, ServiceCatalogue, Trigger};
use crate::cards::{self, CardContext, Language, Texts};
use crate::error::{ApiError, ErrorCode};
use crate::facts::{self, OrderScope, PatientFacts};
use crate::fhir::client::ServerPolicy;
use crate::fhir::resources::RecordReader;
use crate::fhir::terminology::Terminology;
use crate::fhir::{validation, DataIssue, IssueKind, ResourceRef};
use crate::guidelines::{self, Finding, Mode, RuleContext};
use crate::ledger::{IssuedCard, PatientHasher};
use crate::settings::{FhirValidation, Region};

/// Everything a call needs that outlives it: built once at start-up, shared by all calls.
pub struct Engine {
    /// The services of `hooks/`.
    pub catalogue: ServiceCatalogue,
    /// Value sets.
    pub terminology: Terminology,
    /// Card texts.
    pub texts: Texts,
    /// How FHIR data is read when prefetch is incomplete.
    pub fhir: FhirAccess,
    /// The region profile.
    pub region: Region,
    /// Whether input resources are also validated with the full R4 model.
    pub fhir_validation: FhirValidation,
    /// Request limits.
    pub limits: CallLimits,
}

/// Limits on what one call may ask of the service.
#[derive(Debug, Clone, Copy)]
pub struct CallLimits {
    /// Deepest JSON nesting accepted.
    pub max_json_depth: usize,
    /// Most FHIR resources (draft orders and prefetch entries) accepted.
    pub max_resources: usize,
    /// Time allowed for reading missing prefetch from the FHIR server.
    pub fetch_budget: std::time::Duration,
}

impl Default for CallLimits {
    fn default() -> Self {
        CallLimits {
            max_json_depth: crate::settings::DEFAULT_MAX_JSON_DEPTH,
            max_resources: 10_000,
            fetch_budget: std::time::Duration::from_secs(5),
        }
    }
}

/// What a call produced, besides the body.
#[derive(Debug)]
pub struct CallOutput {
    /// The response body.
    pub response: CdsResponse,
    /// Rule ids that fired, in card order.
    pub fired: Vec<&'static str>,
    /// How many data issues the record had.
    pub data_issues: usize,
    /// How many prefetch keys were read from the FHIR server.
    pub fetched_keys: usize,
    /// The cards, as the ledger records them.
    pub issued: Vec<IssuedCardSummary>,
    /// `hookInstance` of the call.
    pub hook_instance: String,
    /// `context.patientId` (hashed before it is stored; never logged).
    pub patient_id: String,
}

impl CallOutput {
    /// The ledger's rows for the cards of this call: the patient id only as its keyed hash.
    pub fn ledger_entries(
        &self,
        service_id: &str,
        language: Language,
        hasher: &PatientHasher,
        issued_at: DateTime<Utc>,
    ) -> Vec<IssuedCard> {
        let patient_hash = hasher.hash(&self.patient_id);
        self.issued
            .iter()
            .map(|card| IssuedCard {
                card_uuid: card.card_uuid.clone(),
                suggestions: card.suggestions.clone(),
                rule_id: card.rule_id.to_owned(),
                indicator: card.indicator.to_owned(),
                service_id: service_id.to_owned(),
                hook_instance: self.hook_instance.clone(),
                issued_at,
                language: language.tag().to_owned(),
                patient_hash: patient_hash.clone(),
            })
            .collect()
    }
}

/// A card as the ledger records it.
#[derive(Debug, Clone)]
pub struct IssuedCardSummary {
    /// Card uuid.
    pub card_uuid: String,
    /// Suggestion uuids and whether each is the recommended one.
    pub suggestions: Vec<(String, bool)>,
    /// Rule id.
    pub rule_id: &'static str,
    /// Indicator.
    pub indicator: &'static str,
}

/// Per-call options: the clock, language, region and FHIR access in force.
pub struct CallOptions<'a> {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The card language.
    pub language: Language,
    /// The region profile.
    pub region: Region,
    /// How missing prefetch is read.
    pub fhir: &'a FhirAccess,
    /// Which FHIR servers this caller may make the service read from (default: the client's).
    pub policy: Option<&'a ServerPolicy>,
}

/// The facts and findings of a call, for tracing and the preview page.
pub struct Evaluation {
    /// The facts.
    pub facts: PatientFacts,
    /// The findings.
    pub findings: Vec<Finding>,
    /// Data issues.
    pub issues: Vec<DataIssue>,
}

impl Engine {
    /// Runs one call of `service` on a raw body, as of `as_of`, with the engine's region and
    /// FHIR access.
    pub async fn call(
        &self,
        service: &Service,
        body: &[u8],
        as_of: NaiveDate,
        language: Language,
    ) -> Result<CallOutput, ApiError> {
        let options = CallOptions {
            as_of,
            language,
            region: self.region,
            fhir: &self.fhir,
            policy: None,
        };
        self.call_with(service, body, &options).await
    }

    /// Runs one call with explicit options.
    pub async fn call_with(
        &self,
        service: &Service,
        body: &[u8],
        options: &CallOptions<'_>,
    ) -> Result<CallOutput, ApiError> {
        self.call_traced(service, body, options)
            .await
            .map(|(output, _)| output)
    }

    /// Runs one call and also returns its evaluation (facts, findings, data issues): the trace
    /// the preview page shows.
    pub async fn call_traced(
        &self,
        service: &Service,
        body: &[u8],
        options: &CallOptions<'_>,
    ) -> Result<(CallOutput, Evaluation), ApiError> {
        let (as_of, language) = (options.as_of, options.language);
        // serde_json refuses nesting beyond its own limit (127 levels) while parsing, so
        // the stack is safe; the configured, lower limit is checked on the parsed value,
        // which costs a walk of the tree instead of a second pass over every byte.
        let parsed: Value = serde_json::from_slice(body).map_err(|e| {
            if e.to_string().starts_with("recursion limit exceeded") {
                too_deep(self.limits.max_json_depth)
            } else {
                ApiError::new(
                    ErrorCode::InvalidJson,
                    format!("the body is not valid JSON: {e}"),
                )
            }
        })?;
        if nests_deeper_than(&parsed, self.limits.max_json_depth) {
            return Err(too_deep(self.limits.max_json_depth));
        }
        if !parsed.is_object() {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                "the request body must be a JSON object",
            ));
        }
        Schema::Request.check(&parsed).map_err(|(path, message)| {
            let error = ApiError::new(
                ErrorCode::InvalidRequest,
                format!("the request does not follow CDS Hooks 2.0: {message}"),
            );
            if path.is_empty() {
                error
            } else {
                error.at(json_pointer_to_path(&path))
            }
        })?;
        let request = request::parse(&parsed, service)?;
        let resources = count_resources(&parsed);
        if resources > self.limits.max_resources {
            return Err(ApiError::new(
                ErrorCode::PayloadTooLarge,
                format!("the request holds {resources} resources; at most {} are accepted (VENOUS_CDS_MAX_RESOURCES)", self.limits.max_resources),
            ));
        }
        tracing::Span::current().record("hook_instance", request.hook_instance);
        let planned = prefetch::plan(service, &request)?;
        let fetched = match tokio::time::timeout(
            self.limits.fetch_budget,
            prefetch::fetch_missing(options.fhir, options.policy, &request, &planned),
        )
        .await
        {
            Ok(result) => result?,
            Err(_) => {
                return Err(prefetch::budget_exceeded(
                    &planned,
                    self.limits.fetch_budget,
                ))
            }
        };

        let mut reader = RecordReader::new(Some(request.patient_id));
        if let Some(drafts) = request.draft_orders {
            reader.read_draft_orders(drafts, &request.selections, "context.draftOrders");
        }
        for (key, data) in &planned {
            if let KeyData::Given(value) = data {
                let locator = format!("prefetch.{key}");
                reader.read_source(value, &locator);
                if has_next_page(value) {
                    reader.push_issue(
                        DataIssue::new(
                            ResourceRef::unidentified("Bundle", locator),
                            "link",
                            IssueKind::Truncated,
                        )
                        .with_detail(
                            "the prefetched searchset has further pages that were not sent",
                        ),
                    );
                }
            }
        }
        for key in &fetched {
            let locator = format!("fhirServer.{}", key.key);
            for page in &key.fetched.pages {
                reader.read_source(page, &locator);
            }
            if key.fetched.truncated {
                reader.push_issue(
                    DataIssue::new(
                        ResourceRef::unidentified("Bundle", locator),
                        "link",
                        IssueKind::Truncated,
                    )
                    .with_detail("the search had more pages than VENOUS_CDS_FHIR_MAX_PAGES allows"),
                );
            }
        }
        let mut record = reader.finish();
        if self.fhir_validation == FhirValidation::Report {
            record.issues.extend(model_issues(&parsed, &fetched));
        }
        let evaluation = self.evaluate(service, record, as_of, options.region);
        for issue in &evaluation.issues {
            issue.log();
            metrics::counter!("venous_cds_data_issues_total", "kind" => issue.kind.as_str())
                .increment(1);
        }
        let context = CardContext {
            language,
            patient_id: request.patient_id,
            as_of,
        };
        let cards = cards::render(&evaluation.findings, &self.texts, &context);
        let fired: Vec<&'static str> = cards.iter().map(|c| c.rule.id).collect();
        let issued: Vec<IssuedCardSummary> = cards
            .iter()
            .map(|card| {
                metrics::counter!("venous_cds_cards_total", "rule" => card.rule.id, "indicator" => card.indicator.as_str()).increment(1);
                IssuedCardSummary {
                    card_uuid: card.uuid.to_string(),
                    suggestions: card.suggestions.iter().map(|s| (s.uuid.to_string(), s.recommended)).collect(),
                    rule_id: card.rule.id,
                    indicator: card.indicator.as_str(),
                }
            })
            .collect();
        let cards = cards
            .iter()
            .map(card_json)
            .collect::<Result<Vec<_>, String>>()
            .map_err(|e| ApiError::internal(&std::io::Error::other(e)))?;
        let extension = (!evaluation.issues.is_empty()).then(|| ResponseExtension {
            data_issues: evaluation.issues.iter().map(DataIssueJson::from).collect(),
        });
        let output = CallOutput {
            response: CdsResponse { cards, extension },
            fired,
            data_issues: evaluation.issues.len(),
            fetched_keys: fetched.len(),
            issued,
            hook_instance: request.hook_instance.to_owned(),
            patient_id: request.patient_id.to_owned(),
        };
        Ok((output, evaluation))
    }

    /// Facts and findings of a record read for `service`.
    pub fn evaluate(
        &self,
        service: &Service,
        record: crate::fhir::resources::PatientRecord<'_>,
        as_of: NaiveDate,
        region: Region,
    ) -> Evaluation {
        let scope = match service.hook {
            Hook::OrderSelect => OrderScope::Selected,
            Hook::OrderSign => OrderScope::AllDrafts,
            Hook::PatientView => OrderScope::NoOrders,
        };
        let report = facts::extract(record, &self.terminology, as_of, scope);
        let mode = if service.hook == Hook::PatientView {
            Mode::Review
        } else {
            Mode::Ordering
        };
        let findings = if triggered(service.trigger, &report.facts) {
            let context = RuleContext {
                as_of,
                region,
                mode,
            };
            guidelines::evaluate(&service.rules, &report.facts, &context)
        } else {
            Vec::new()
        };
        Evaluation {
            facts: report.facts,
            findings,
            issues: report.issues,
        }
    }
}

/// Whether the ordered drafts are what the service fires on (clinical-rules.md §1).
fn triggered(trigger: Trigger, facts: &PatientFacts) -> bool {
    match trigger {
        Trigger::Always => true,
        Trigger::MedicationOrders => facts.ordered_medications().any(|o| o.agent.is_some()),
        Trigger::VenousProcedureOrders => facts.ordered_procedures().next().is_some(),
    }
}

fn has_next_page(value: &Value) -> bool {
    value.get("resourceType").and_then(Value::as_str) == Some("Bundle")
        && value
            .get("link")
            .and_then(Value::as_array)
            .is_some_and(|links| {
                links
                    .iter()
                    .any(|l| l.get("relation").and_then(Value::as_str) == Some("next"))
            })
}

/// fhirbolt Strict validation of every input resource (VENOUS_CDS_FHIR_VALIDATION=report).
fn model_issues(body: &Value, fetched: &[prefetch::FetchedKey]) -> Vec<DataIssue> {
    let mut resources = validation::request_resources(body);
    for key in fetched {
        for page in &key.fetched.pages {
            validation::resources_in(page, &format!("fhirServer.{}", key.key), &mut resources);
        }
    }
    resources
        .into_iter()
        .filter_map(|(place, resource)| {
            let error = validation::parse_r4(resource).err()?;
            let resource_type = resource
                .get("resourceType")
                .and_then(Value::as_str)
                .unwrap_or("Resource");
            let reference = match resource.get("id").and_then(Value::as_str) {
                Some(id) => ResourceRef::new(resource_type, id),
                None => ResourceRef::unidentified(resource_type, place),
            };
            Some(DataIssue::new(reference, "", IssueKind::InvalidResource).with_detail(error))
        })
        .collect()
}

/// `/context/selections/0` → `context.selections[0]`.
fn json_pointer_to_path(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').filter(|p| !p.is_empty()) {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&part.replace("~1", "/").replace("~0", "~"));
        }
    }
    out
}

fn too_deep(limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidJson,
        format!("the body nests deeper than {limit} levels (VENOUS_CDS_MAX_JSON_DEPTH)"),
    )
}

/// Whether objects and arrays nest more than `limit` levels (the body itself is level 1).
fn nests_deeper_than(value: &Value, limit: usize) -> bool {
    fn deeper(value: &Value, room: usize) -> bool {
        match value {
            Value::Object(map) => room == 0 || map.values().any(|v| deeper(v, room - 1)),
            Value::Array(items) => room == 0 || items.iter().any(|v| deeper(v, room - 1)),
            _ => false,
        }
    }
    deeper(value, limit)
}

/// Draft orders and prefetch entries (a bare resource counts one).
fn count_resources(body: &Value) -> usize {
    let in_value = |value: &Value| match value.get("entry").and_then(Value::as_array) {
        Some(entries) => entries.len(),
        None => usize::from(value.is_object()),
    };
    let drafts = body.pointer("/context/draftOrders").map_or(0, in_value);
    let prefetch = body
        .get("prefetch")
        .and_then(Value::as_object)
        .map_or(0, |p| p.values().map(in_value).sum());
    drafts + prefetch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_objects_and_arrays_not_brackets_in_strings() {
        let parse = |text: &str| serde_json::from_str::<Value>(text).unwrap();
        assert!(!nests_deeper_than(&parse(r#"{"a": [[1]]}"#), 3));
        assert!(nests_deeper_than(&parse(r#"{"a": [[[1]]]}"#), 3));
        assert!(nests_deeper_than(&parse(r#"{"a": [[{}]]}"#), 3));
        assert!(!nests_deeper_than(&parse(r#"{"a": "[[[[[[\"[[["}"#), 3));
        assert!(!nests_deeper_than(&parse("7"), 0));
    }
}
