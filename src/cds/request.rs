//! The CDS Hooks request envelope, read from the parsed body after schema validation, with the
//! hook-specific context checks the schema leaves to code.

use serde_json::{Map, Value};

use super::services::{Hook, Service};
use crate::error::{ApiError, ErrorCode};

/// A validated service call, borrowing from the parsed body.
#[derive(Debug)]
pub struct HookRequest<'a> {
    /// `hook`.
    pub hook: &'a str,
    /// `hookInstance`.
    pub hook_instance: &'a str,
    /// `fhirServer`.
    pub fhir_server: Option<&'a str>,
    /// `fhirAuthorization.access_token` (never logged).
    pub access_token: Option<&'a str>,
    /// `context.userId`.
    pub user_id: &'a str,
    /// `context.patientId`.
    pub patient_id: &'a str,
    /// `context.encounterId`.
    pub encounter_id: Option<&'a str>,
    /// `context.selections` (order-select).
    pub selections: Vec<&'a str>,
    /// `context.draftOrders` (order-select, order-sign).
    pub draft_orders: Option<&'a Value>,
    /// `context`, for prefetch template tokens.
    pub context: &'a Map<String, Value>,
    /// `prefetch`.
    pub prefetch: Option<&'a Map<String, Value>>,
}

fn missing(field: &str, hook: Hook) -> ApiError {
    ApiError::new(
        ErrorCode::MissingContext,
        format!("{} requires context.{field}", hook.as_str()),
    )
    .at(format!("context.{field}"))
}

fn string_field<'a>(
    context: &'a Map<String, Value>,
    field: &str,
    hook: Hook,
) -> Result<&'a str, ApiError> {
    match context.get(field) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(Value::String(_)) | None | Some(Value::Null) => Err(missing(field, hook)),
        Some(_) => Err(ApiError::new(
            ErrorCode::MissingContext,
            format!("context.{field} must be a string"),
        )
        .at(format!("context.{field}"))),
    }
}

/// Reads the envelope of a schema-valid request for `service`.
pub fn parse<'a>(body: &'a Value, service: &Service) -> Result<HookRequest<'a>, ApiError> {
    let object = body.as_object().ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidRequest,
            "the request body must be a JSON object",
        )
    })?;
    let text = |name: &str| object.get(name).and_then(Value::as_str);
    let hook = text("hook").unwrap_or_default();
    if hook != service.hook.as_str() {
        return Err(ApiError::new(
            ErrorCode::HookMismatch,
            format!(
                "service {} answers the {} hook, not `{hook}`",
                service.id,
                service.hook.as_str()
            ),
        )
        .at("hook"));
    }
    let context = object
        .get("context")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            ApiError::new(ErrorCode::MissingContext, "context must be an object").at("context")
        })?;
    let user_id = string_field(context, "userId", service.hook)?;
    let patient_id = string_field(context, "patientId", service.hook)?;
    let encounter_id = context.get("encounterId").and_then(Value::as_str);

    let mut selections = Vec::new();
    let mut draft_orders = None;
    if matches!(service.hook, Hook::OrderSelect | Hook::OrderSign) {
        let drafts = context
            .get("draftOrders")
            .filter(|v| !v.is_null())
            .ok_or_else(|| missing("draftOrders", service.hook))?;
        if drafts.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
            return Err(ApiError::new(
                ErrorCode::MissingContext,
                "context.draftOrders must be a FHIR Bundle",
            )
            .at("context.draftOrders"));
        }
        draft_orders = Some(drafts);
    }
    if service.hook == Hook::OrderSelect {
        let list = context
            .get("selections")
            .filter(|v| !v.is_null())
            .ok_or_else(|| missing("selections", service.hook))?
            .as_array()
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::MissingContext,
                    "context.selections must be an array of strings",
                )
                .at("context.selections")
            })?;
        for (index, item) in list.iter().enumerate() {
            let selection = item.as_str().ok_or_else(|| {
                ApiError::new(
                    ErrorCode::MissingContext,
                    "context.selections must be an array of strings",
                )
                .at(format!("context.selections[{index}]"))
            })?;
            if !draft_contains(draft_orders, selection) {
                return Err(ApiError::new(
                    ErrorCode::InvalidContext,
                    format!("selection `{selection}` names no resource in context.draftOrders"),
                )
                .at(format!("context.selections[{index}]")));
            }
            selections.push(selection);
        }
    }
    let access_token = object
        .get("fhirAuthorization")
        .and_then(|a| a.get("access_token"))
        .and_then(Value::as_str);
    Ok(HookRequest {
        hook,
        hook_instance: text("hookInstance").unwrap_or_default(),
        fhir_server: text("fhirServer"),
        access_token,
        user_id,
        patient_id,
        encounter_id,
        selections,
        draft_orders,
        context,
        prefetch: object.get("prefetch").and_then(Value::as_object),
    })
}

/// Whether `Type/id` names an entry of the draft orders bundle.
fn draft_contains(bundle: Option<&Value>, selection: &str) -> bool {
    let Some((resource_type, id)) = selection.split_once('/') else {
        return false;
    };
    bundle
        .and_then(|b| b.get("entry"))
        .and_then(Value::as_array)
        .is_some_and(|entries| {
            entries.iter().any(|entry| {
                let resource = entry.get("resource");
                resource
                    .and_then(|r| r.get("resourceType"))
                    .and_then(Value::as_str)
                    == Some(resource_type)
                    && resource.and_then(|r| r.get("id")).and_then(Value::as_str) == Some(id)
            })
        })
}
