//! Prefetch: which keys the client supplied, and reading the rest from `fhirServer`.
//!
//! A present key is used as given. An absent key, or one holding an OperationOutcome (the
//! client's prefetch failed), is read from `fhirServer` with the client's bearer token — all
//! such keys concurrently. A key whose value is `null` means "no data" and is never read.
//! When a key can be neither prefetched nor read, the call answers 412 naming the key.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Map, Value};

use super::request::HookRequest;
use super::services::Service;
use crate::error::{ApiError, ErrorCode};
use crate::fhir::client::{FetchError, Fetched, FhirClient, ServerPolicy};

/// Where a key's data comes from.
#[derive(Debug)]
pub enum KeyData<'a> {
    /// Supplied by the client.
    Given(&'a Value),
    /// The client says there is no data.
    NoData,
    /// To be read from the FHIR server, at this relative URL.
    Fetch {
        /// The rendered template.
        query: String,
        /// Why: absent, or an OperationOutcome was sent.
        refetch_of_outcome: bool,
    },
}

/// The state of every prefetch key of a service.
pub fn plan<'a>(
    service: &Service,
    request: &HookRequest<'a>,
) -> Result<Vec<(String, KeyData<'a>)>, ApiError> {
    let prefetch: Option<&Map<String, Value>> = request.prefetch;
    let mut keys = Vec::with_capacity(service.prefetch.len());
    for (key, template) in &service.prefetch {
        let data = match prefetch.and_then(|p| p.get(key)) {
            Some(Value::Null) => KeyData::NoData,
            Some(value)
                if value.get("resourceType").and_then(Value::as_str)
                    == Some("OperationOutcome") =>
            {
                KeyData::Fetch {
                    query: render(template, request)?,
                    refetch_of_outcome: true,
                }
            }
            Some(value) => KeyData::Given(value),
            None => KeyData::Fetch {
                query: render(template, request)?,
                refetch_of_outcome: false,
            },
        };
        keys.push((key.clone(), data));
    }
    Ok(keys)
}

/// Renders a CDS Hooks prefetch template: `{{context.<field>}}` tokens with the context's
/// string values (URL-encoded), `{{userPractitionerId}}` and friends from `context.userId`.
pub fn render(template: &str, request: &HookRequest<'_>) -> Result<String, ApiError> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "unterminated prefetch token"))?;
        let token = after[..end].trim();
        let value = if let Some(field) = token.strip_prefix("context.") {
            request
                .context
                .get(field)
                .and_then(Value::as_str)
                .map(str::to_owned)
        } else {
            let (prefix, wanted) = match token {
                "userPractitionerId" => ("Practitioner/", true),
                "userPractitionerRoleId" => ("PractitionerRole/", true),
                "userPatientId" => ("Patient/", true),
                "userRelatedPersonId" => ("RelatedPerson/", true),
                _ => ("", false),
            };
            wanted
                .then(|| request.user_id.strip_prefix(prefix).map(str::to_owned))
                .flatten()
        };
        let value = value.ok_or_else(|| {
            ApiError::new(
                ErrorCode::MissingContext,
                format!("the prefetch template needs `{token}`, which the request does not give"),
            )
        })?;
        out.extend(url::form_urlencoded::byte_serialize(value.as_bytes()));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A key's data read from the FHIR server.
#[derive(Debug)]
pub struct FetchedKey {
    /// The prefetch key.
    pub key: String,
    /// What was read.
    pub fetched: Fetched,
}

/// How the FHIR data of a call is obtained: the HTTP client, or canned answers (fixtures).
#[derive(Clone)]
pub enum FhirAccess {
    /// Reads from the request's `fhirServer`.
    Http(FhirClient),
    /// Answers from a table of relative URL → resource (used by `venous-cds check`).
    Canned(std::sync::Arc<HashMap<String, Value>>),
}

/// Reads every key planned for fetching, concurrently. Fails with 412 naming the first key
/// that cannot be had.
pub async fn fetch_missing(
    access: &FhirAccess,
    policy: Option<&ServerPolicy>,
    request: &HookRequest<'_>,
    planned: &[(String, KeyData<'_>)],
) -> Result<Vec<FetchedKey>, ApiError> {
    let wanted: Vec<(&String, &String)> = planned
        .iter()
        .filter_map(|(key, data)| match data {
            KeyData::Fetch { query, .. } => Some((key, query)),
            _ => None,
        })
        .collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let unavailable = |key: &str, why: String| {
        ApiError::new(
            ErrorCode::DataUnavailable,
            format!("prefetch key `{key}` was not supplied and could not be read: {why}"),
        )
        .at(format!("prefetch.{key}"))
    };
    match access {
        FhirAccess::Canned(answers) => wanted
            .into_iter()
            .map(|(key, query)| match answers.get(query.as_str()) {
                Some(value) => Ok(FetchedKey {
                    key: key.clone(),
                    fetched: Fetched {
                        pages: vec![value.clone()],
                        truncated: false,
                        elapsed: Duration::ZERO,
                    },
                }),
                None => Err(unavailable(key, FetchError::NoServer.to_string())),
            })
            .collect(),
        FhirAccess::Http(client) => {
            let server = request
                .fhir_server
                .ok_or_else(|| unavailable(wanted[0].0, FetchError::NoServer.to_string()))?;
            let base = policy
                .unwrap_or(client.policy())
                .check(server)
                .map_err(|e| {
                    metrics::counter!("venous_cds_fhir_fetch_errors_total", "reason" => e.label())
                        .increment(1);
                    unavailable(wanted[0].0, e.to_string())
                })?;
            let reads = wanted.iter().map(|(key, query)| {
                let base = &base;
                async move {
                    let result = client.get(base, query, request.access_token).await;
                    (*key, result)
                }
            });
            let results = futures::future::join_all(reads).await;
            let mut fetched = Vec::with_capacity(results.len());
            for (key, result) in results {
                match result {
                    Ok(value) => {
                        metrics::histogram!("venous_cds_fhir_fetch_duration_seconds", "key" => key.clone())
                            .record(value.elapsed.as_secs_f64());
                        tracing::info!(prefetch_key = %key, pages = value.pages.len(), elapsed_ms = value.elapsed.as_millis() as u64, "fhir read");
                        fetched.push(FetchedKey {
                            key: key.clone(),
                            fetched: value,
                        });
                    }
                    Err(error) => {
                        metrics::counter!("venous_cds_fhir_fetch_errors_total", "reason" => error.label()).increment(1);
                        tracing::warn!(prefetch_key = %key, error = %error, "fhir read failed");
                        return Err(unavailable(key, error.to_string()));
                    }
                }
            }
            Ok(fetched)
        }
    }
}

/// The 412 answered when reading missing prefetch took longer than the call's budget.
pub fn budget_exceeded(planned: &[(String, KeyData<'_>)], budget: Duration) -> ApiError {
    let keys: Vec<&str> = planned
        .iter()
        .filter(|(_, data)| matches!(data, KeyData::Fetch { .. }))
        .map(|(key, _)| key.as_str())
        .collect();
    let first = keys.first().copied().unwrap_or("");
    ApiError::new(
        ErrorCode::DataUnavailable,
        format!(
            "prefetch keys {} could not be read within {} ms (VENOUS_CDS_CALL_BUDGET_MS)",
            keys.join(", "),
            budget.as_millis()
        ),
    )
    .at(format!("prefetch.{first}"))
}
