//! HTTP handlers: extract, call one function, map the result.

use std::sync::atomic::Ordering;

use actix_web::http::header::{self, HeaderMap};
use actix_web::web::{self, Bytes, BytesMut};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use futures::{FutureExt, StreamExt};
use tracing::Instrument;

use crate::auth::Caller;
use crate::cards::Language;
use crate::cds::call::{CallOptions, CallOutput};
use crate::error::{ApiError, ErrorCode};
use crate::startup::AppState;

/// `GET /cds-services`.
pub async fn discovery(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(state.engine.catalogue.discovery())
}

/// `POST /cds-services/{id}`.
pub async fn call(
    state: web::Data<AppState>,
    path: web::Path<String>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let started = std::time::Instant::now();
    let id = path.into_inner();
    let span = tracing::info_span!(
        "cds_call",
        service = %id,
        hook_instance = tracing::field::Empty,
        rules_fired = tracing::field::Empty,
        fetched_keys = tracing::field::Empty,
        data_issues = tracing::field::Empty,
        status = tracing::field::Empty,
    );
    let work = async {
        let service = state.engine.catalogue.get(&id).ok_or_else(|| {
            ApiError::new(ErrorCode::UnknownService, format!("no CDS service `{id}`"))
        })?;
        let caller = authenticate(&state, &request).await?;
        require_json(request.headers())?;
        let body = read_body(request.headers(), payload, state.settings.max_body_bytes).await?;
        let language = Language::negotiate(
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
            state.settings.default_language,
        );
        // The one place the service reads the clock: the evaluation date of this call.
        let as_of = chrono::Utc::now().date_naive();
        let options = CallOptions {
            as_of,
            language,
            region: state.engine.region,
            fhir: &state.engine.fhir,
            policy: caller.fhir_policy.as_ref(),
        };
        let output = state.engine.call_with(service, &body, &options).await?;
        record_in_ledger(&state, service_id_of(&id), &output, language);
        let span = tracing::Span::current();
        span.record(
            "rules_fired",
            tracing::field::display(output.fired.join(",")),
        );
        span.record("fetched_keys", output.fetched_keys);
        span.record("data_issues", output.data_issues);
        Ok::<_, ApiError>(
            HttpResponse::Ok()
                .insert_header((header::CONTENT_LANGUAGE, language.tag()))
                .json(&output.response),
        )
    };
    let result = std::panic::AssertUnwindSafe(work.instrument(span.clone()))
        .catch_unwind()
        .await
        .unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-text panic".into());
            Err(ApiError::internal(&std::io::Error::other(format!(
                "panic: {message}"
            ))))
        });
    let status = match &result {
        Ok(response) => response.status().as_u16(),
        Err(error) => error.code.status().as_u16(),
    };
    span.record("status", status);
    let service_label = state
        .engine
        .catalogue
        .get(&id)
        .map_or("unknown", |s| service_id_of(&s.id));
    metrics::counter!("venous_cds_requests_total", "service" => service_label, "status" => status.to_string()).increment(1);
    metrics::histogram!("venous_cds_request_duration_seconds", "service" => service_label, "status" => status.to_string())
        .record(started.elapsed().as_secs_f64());
    span.in_scope(|| match &result {
        Ok(_) => tracing::info!("cds call answered"),
        Err(error) => tracing::warn!(error_code = error.code.as_str(), "cds call refused"),
    });
    result
}

/// Any other method on a service or discovery URL.
pub async fn method_not_allowed() -> HttpResponse {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "this URL accepts GET (discovery) or POST (service call) only",
    )
    .error_response()
}

/// Any other URL.
pub async fn not_found(request: HttpRequest) -> HttpResponse {
    ApiError::new(
        ErrorCode::NotFound,
        format!("no resource at {}", request.path()),
    )
    .error_response()
}

/// `GET /health/live`: the process answers.
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "live"}))
}

/// `GET /health/ready`: hooks, value sets and texts are validated and the service accepts calls.
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    if state.ready.load(Ordering::Acquire) {
        HttpResponse::Ok().json(serde_json::json!({"status": "ready"}))
    } else {
        HttpResponse::ServiceUnavailable().json(serde_json::json!({"status": "not ready"}))
    }
}

/// The service id as a `'static` label (ids come from the catalogue; unknown ones are not
/// labelled, so request paths cannot inflate the metric's cardinality).
fn service_id_of(id: &str) -> &'static str {
    const IDS: [&str; 5] = [
        "venous-anticoagulation-select",
        "venous-anticoagulation-sign",
        "venous-stent-select",
        "venous-stent-sign",
        "venous-thrombosis-review",
    ];
    IDS.iter()
        .copied()
        .find(|known| *known == id)
        .unwrap_or("other")
}

fn record_in_ledger(state: &AppState, service_id: &str, output: &CallOutput, language: Language) {
    if output.issued.is_empty() {
        return;
    }
    state.ledger.record(output.ledger_entries(
        service_id,
        language,
        &state.patient_hasher,
        chrono::Utc::now(),
    ));
}

/// `POST /cds-services/{id}/feedback`: stored durably before the 200.
pub async fn feedback(
    state: web::Data<AppState>,
    path: web::Path<String>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let service = state.engine.catalogue.get(&id).ok_or_else(|| {
        ApiError::new(ErrorCode::UnknownService, format!("no CDS service `{id}`"))
    })?;
    let caller = authenticate(&state, &request).await?;
    require_json(request.headers())?;
    let body = read_body(request.headers(), payload, state.settings.max_body_bytes).await?;
    let items = crate::cds::feedback::parse(
        &body,
        &service.id,
        caller.issuer.as_deref(),
        chrono::Utc::now(),
    )?;
    let written = state
        .store
        .insert_feedback(&items)
        .await
        .map_err(|e| ApiError::internal(&e))?;
    for (rule, outcome) in &written.stored_items {
        let rule = rule
            .as_deref()
            .and_then(crate::guidelines::rule)
            .map_or("unknown", |r| r.id);
        metrics::counter!("venous_cds_feedback_total", "rule" => rule, "outcome" => if outcome == "accepted" { "accepted" } else { "overridden" })
            .increment(1);
    }
    tracing::info!(
        service = %service.id,
        stored = written.stored,
        duplicates = written.duplicates,
        unknown_cards = written.unknown_cards,
        "feedback stored"
    );
    Ok(HttpResponse::Ok().finish())
}

/// `GET /admin/rules/stats?since=…&until=…` (RFC 3339 or dates; default the last 30 days):
/// override analytics, protected like the services.
pub async fn rule_stats(
    state: web::Data<AppState>,
    request: HttpRequest,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    authenticate(&state, &request).await?;
    let (since, until) = query.window()?;
    let counts = state
        .store
        .rule_counts(since, until)
        .await
        .map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Ok().json(crate::ledger::report::Report::new(since, until, counts)))
}

/// The time window of the analytics.
#[derive(Debug, serde::Deserialize)]
pub struct StatsQuery {
    since: Option<String>,
    until: Option<String>,
}

impl StatsQuery {
    /// `[since, until)`; default the 30 days up to now.
    pub fn window(
        &self,
    ) -> Result<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>), ApiError> {
        let until = match &self.until {
            Some(text) => parse_instant(text).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidRequest,
                    "until is not a date or RFC 3339 instant",
                )
                .at("until")
            })?,
            None => chrono::Utc::now(),
        };
        let since = match &self.since {
            Some(text) => parse_instant(text).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidRequest,
                    "since is not a date or RFC 3339 instant",
                )
                .at("since")
            })?,
            None => until - chrono::Duration::days(30),
        };
        Ok((since, until))
    }
}

/// An RFC 3339 instant, or a date (its midnight UTC).
pub fn parse_instant(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc())
        })
}

/// `GET /metrics`: Prometheus text format.
pub async fn metrics() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(crate::metrics::render())
}

/// Authenticates the caller (401 with `WWW-Authenticate: Bearer` on failure) and applies its
/// rate limit (429 with `Retry-After`).
pub async fn authenticate(state: &AppState, request: &HttpRequest) -> Result<Caller, ApiError> {
    let authorization = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let caller = state
        .auth
        .authenticate(authorization, request.path())
        .await
        .map_err(|failure| {
            tracing::warn!(reason = failure.label(), "call not authenticated");
            metrics::counter!("venous_cds_auth_failures_total", "reason" => failure.label())
                .increment(1);
            ApiError::new(
                ErrorCode::Unauthorized,
                format!("authentication failed: {failure}"),
            )
        })?;
    let key = caller.issuer.as_deref().unwrap_or("anonymous");
    if let Err(wait) = state.rate_limits.check(key) {
        tracing::warn!(issuer = key, "rate limit reached");
        let mut error = ApiError::new(
            ErrorCode::RateLimited,
            "too many requests from this issuer; retry later",
        );
        error.retry_after_seconds = Some(wait);
        return Err(error);
    }
    Ok(caller)
}

/// 415 unless the body is declared as JSON (`application/json` or `application/*+json`).
pub(crate) fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let refuse = |what: &str| {
        ApiError::new(
            ErrorCode::UnsupportedMediaType,
            format!("Content-Type must be application/json, not {what}"),
        )
    };
    let value = headers
        .get(header::CONTENT_TYPE)
        .ok_or_else(|| refuse("absent"))?;
    let text = value.to_str().map_err(|_| refuse("unreadable"))?;
    let essence = text
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let is_json = essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"));
    if is_json {
        Ok(())
    } else {
        Err(refuse(&format!("`{essence}`")))
    }
}

/// Reads the body up to `limit` bytes (413 beyond it, before reading when declared).
pub(crate) async fn read_body(
    headers: &HeaderMap,
    mut payload: web::Payload,
    limit: usize,
) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            ErrorCode::PayloadTooLarge,
            format!("the body exceeds {limit} bytes (VENOUS_CDS_MAX_BODY_BYTES)"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let mut body = BytesMut::with_capacity(declared.unwrap_or(8192).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidJson,
                format!("the body could not be read: {e}"),
            )
        })?;
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
