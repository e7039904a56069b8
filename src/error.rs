//! The one error catalogue of the HTTP API.
//!
//! Every non-2xx answer is a FHIR `OperationOutcome` with one issue: the FHIR issue type in
//! `issue[].code`, our stable error code in `issue[].details.coding` (system
//! [`ERROR_CODE_SYSTEM`]) and a readable `diagnostics`. Codes never change meaning; clients may
//! branch on them. A 500 never carries its cause: the cause chain is logged, the body is opaque.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

/// CodeSystem of the stable error codes carried in `issue[].details.coding`.
pub const ERROR_CODE_SYSTEM: &str = "https://fhir.venous-cds.org/CodeSystem/error";

/// A stable error code with its HTTP status and FHIR issue type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The body is not well-formed JSON (or not UTF-8).
    InvalidJson,
    /// The body is JSON but violates the CDS Hooks 2.0 request schema.
    InvalidRequest,
    /// `hook` in the request is not the hook of the called service.
    HookMismatch,
    /// A context field the hook requires is missing or has the wrong type.
    MissingContext,
    /// A context field is present but inconsistent (e.g. a selection names no draft order).
    InvalidContext,
    /// A prefetch value has a shape the service cannot use.
    InvalidPrefetch,
    /// A feedback body violates the CDS Hooks 2.0 feedback schema.
    InvalidFeedback,
    /// No service with this id.
    UnknownService,
    /// No such route.
    NotFound,
    /// The route exists but not for this HTTP method.
    MethodNotAllowed,
    /// The body exceeds the configured limit.
    PayloadTooLarge,
    /// The body is not declared as JSON.
    UnsupportedMediaType,
    /// Data the service needs could be neither prefetched nor fetched.
    DataUnavailable,
    /// The call carries no valid credentials.
    Unauthorized,
    /// The caller is authenticated but not allowed to do this.
    Forbidden,
    /// The caller sent too many requests.
    RateLimited,
    /// The service is starting or stopping.
    Unavailable,
    /// Anything else: a bug or an environment failure on our side.
    Internal,
}

impl ErrorCode {
    /// Every code, for documentation and tests.
    pub const ALL: [ErrorCode; 18] = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidRequest,
        ErrorCode::HookMismatch,
        ErrorCode::MissingContext,
        ErrorCode::InvalidContext,
        ErrorCode::InvalidPrefetch,
        ErrorCode::InvalidFeedback,
        ErrorCode::UnknownService,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::DataUnavailable,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::RateLimited,
        ErrorCode::Unavailable,
        ErrorCode::Internal,
    ];

    /// The stable code string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid-json",
            ErrorCode::InvalidRequest => "invalid-request",
            ErrorCode::HookMismatch => "hook-mismatch",
            ErrorCode::MissingContext => "missing-context",
            ErrorCode::InvalidContext => "invalid-context",
            ErrorCode::InvalidPrefetch => "invalid-prefetch",
            ErrorCode::InvalidFeedback => "invalid-feedback",
            ErrorCode::UnknownService => "unknown-service",
            ErrorCode::NotFound => "not-found",
            ErrorCode::MethodNotAllowed => "method-not-allowed",
            ErrorCode::PayloadTooLarge => "payload-too-large",
            ErrorCode::UnsupportedMediaType => "unsupported-media-type",
            ErrorCode::DataUnavailable => "data-unavailable",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::RateLimited => "rate-limited",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// A short human title, used as the coding's display.
    pub fn title(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "Request body is not valid JSON",
            ErrorCode::InvalidRequest => "Request does not follow CDS Hooks 2.0",
            ErrorCode::HookMismatch => "Hook does not match the service",
            ErrorCode::MissingContext => "Required hook context is missing",
            ErrorCode::InvalidContext => "Hook context is inconsistent",
            ErrorCode::InvalidPrefetch => "Prefetch value cannot be used",
            ErrorCode::InvalidFeedback => "Feedback does not follow CDS Hooks 2.0",
            ErrorCode::UnknownService => "Unknown CDS service",
            ErrorCode::NotFound => "Not found",
            ErrorCode::MethodNotAllowed => "Method not allowed",
            ErrorCode::PayloadTooLarge => "Request body too large",
            ErrorCode::UnsupportedMediaType => "Request body must be JSON",
            ErrorCode::DataUnavailable => "Required FHIR data unavailable",
            ErrorCode::Unauthorized => "Authentication required",
            ErrorCode::Forbidden => "Not allowed",
            ErrorCode::RateLimited => "Too many requests",
            ErrorCode::Unavailable => "Service unavailable",
            ErrorCode::Internal => "Internal error",
        }
    }

    /// The HTTP status this code is answered with.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::InvalidJson
            | ErrorCode::InvalidRequest
            | ErrorCode::HookMismatch
            | ErrorCode::MissingContext
            | ErrorCode::InvalidContext
            | ErrorCode::InvalidPrefetch
            | ErrorCode::InvalidFeedback => StatusCode::BAD_REQUEST,
            ErrorCode::UnknownService | ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::DataUnavailable => StatusCode::PRECONDITION_FAILED,
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The FHIR `IssueType` (http://hl7.org/fhir/issue-type) of this code.
    pub fn issue_type(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "structure",
            ErrorCode::InvalidRequest | ErrorCode::InvalidFeedback => "invalid",
            ErrorCode::HookMismatch | ErrorCode::InvalidContext | ErrorCode::InvalidPrefetch => {
                "invalid"
            }
            ErrorCode::MissingContext => "required",
            ErrorCode::UnknownService | ErrorCode::NotFound => "not-found",
            ErrorCode::MethodNotAllowed | ErrorCode::UnsupportedMediaType => "not-supported",
            ErrorCode::PayloadTooLarge => "too-costly",
            ErrorCode::DataUnavailable => "incomplete",
            ErrorCode::Unauthorized => "login",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::RateLimited => "throttled",
            ErrorCode::Unavailable => "transient",
            ErrorCode::Internal => "exception",
        }
    }
}

/// An error answered to the client: a catalogue code, a readable diagnostic and, where it
/// helps, the request path of the offending element (FHIRPath-like, e.g. `prefetch.conditions`).
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The catalogue entry.
    pub code: ErrorCode,
    /// Readable explanation for the integrator. Never contains tokens or patient data.
    pub diagnostics: String,
    /// Where in the request the problem is.
    pub expression: Option<String>,
    /// Seconds to wait before retrying (429/503).
    pub retry_after_seconds: Option<u64>,
}

impl ApiError {
    /// An error with a diagnostic.
    pub fn new(code: ErrorCode, diagnostics: impl Into<String>) -> Self {
        ApiError {
            code,
            diagnostics: diagnostics.into(),
            expression: None,
            retry_after_seconds: None,
        }
    }

    /// Names the element of the request the error is about.
    pub fn at(mut self, expression: impl Into<String>) -> Self {
        self.expression = Some(expression.into());
        self
    }

    /// An opaque internal error; the cause is logged here and never returned.
    pub fn internal(cause: &(dyn std::error::Error + 'static)) -> Self {
        let mut chain = vec![cause.to_string()];
        let mut source = cause.source();
        while let Some(next) = source {
            chain.push(next.to_string());
            source = next.source();
        }
        tracing::error!(cause_chain = ?chain, "internal error");
        ApiError::new(
            ErrorCode::Internal,
            "The service failed to process the request. The failure has been logged.",
        )
    }

    /// The OperationOutcome body of this error.
    pub fn outcome(&self) -> OperationOutcome {
        OperationOutcome {
            resource_type: "OperationOutcome",
            issue: vec![OutcomeIssue {
                severity: "error",
                code: self.code.issue_type(),
                details: OutcomeDetails {
                    coding: vec![OutcomeCoding {
                        system: ERROR_CODE_SYSTEM,
                        code: self.code.as_str(),
                        display: self.code.title(),
                    }],
                    text: self.code.title(),
                },
                diagnostics: self.diagnostics.clone(),
                expression: self.expression.clone().map(|e| vec![e]),
            }],
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.diagnostics)
    }
}

impl std::error::Error for ApiError {}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut builder = HttpResponse::build(self.status_code());
        builder.insert_header((header::CONTENT_TYPE, "application/fhir+json"));
        if self.code == ErrorCode::Unauthorized {
            builder.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        if self.code == ErrorCode::MethodNotAllowed {
            builder.insert_header((header::ALLOW, "POST"));
        }
        if let Some(seconds) = self.retry_after_seconds {
            builder.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        builder.json(self.outcome())
    }
}

/// FHIR R4 `OperationOutcome`, only the elements this service emits.
#[derive(Debug, Serialize)]
pub struct OperationOutcome {
    #[serde(rename = "resourceType")]
    resource_type: &'static str,
    issue: Vec<OutcomeIssue>,
}

#[derive(Debug, Serialize)]
struct OutcomeIssue {
    severity: &'static str,
    code: &'static str,
    details: OutcomeDetails,
    diagnostics: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    expression: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct OutcomeDetails {
    coding: Vec<OutcomeCoding>,
    text: &'static str,
}

#[derive(Debug, Serialize)]
struct OutcomeCoding {
    system: &'static str,
    code: &'static str,
    display: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_unique_and_maps_to_an_error_status() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(
                seen.insert(code.as_str()),
                "duplicate code {}",
                code.as_str()
            );
            assert!(code.status().is_client_error() || code.status().is_server_error());
        }
    }

    #[test]
    fn an_error_renders_as_an_operation_outcome_naming_its_code() {
        let error = ApiError::new(ErrorCode::HookMismatch, "expected order-sign").at("hook");
        let body = serde_json::to_value(error.outcome()).unwrap();
        assert_eq!(body["resourceType"], "OperationOutcome");
        assert_eq!(body["issue"][0]["code"], "invalid");
        assert_eq!(
            body["issue"][0]["details"]["coding"][0]["code"],
            "hook-mismatch"
        );
        assert_eq!(body["issue"][0]["diagnostics"], "expected order-sign");
        assert_eq!(body["issue"][0]["expression"][0], "hook");
    }
}
