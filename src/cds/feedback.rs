//! The CDS Hooks 2.0 feedback body (`POST /cds-services/{id}/feedback`), validated and read
//! into ledger feedback items.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::schema::Schema;
use crate::error::{ApiError, ErrorCode};
use crate::ledger::Feedback;

/// Reads a feedback body for `service_id`.
pub fn parse(
    body: &[u8],
    service_id: &str,
    issuer: Option<&str>,
    received_at: DateTime<Utc>,
) -> Result<Vec<Feedback>, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidJson,
            format!("the body is not valid JSON: {e}"),
        )
    })?;
    Schema::Feedback.check(&value).map_err(|(path, message)| {
        ApiError::new(
            ErrorCode::InvalidFeedback,
            format!("the feedback does not follow CDS Hooks 2.0: {message}"),
        )
        .at(if path.is_empty() {
            "feedback".to_owned()
        } else {
            path.trim_start_matches('/').replace('/', ".")
        })
    })?;
    let items = value["feedback"].as_array().cloned().unwrap_or_default();
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let at = |field: &str| format!("feedback[{index}].{field}");
            let text = |field: &str| item.get(field).and_then(Value::as_str).map(str::to_owned);
            let timestamp = text("outcomeTimestamp").unwrap_or_default();
            let outcome_timestamp = DateTime::parse_from_rfc3339(&timestamp)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    ApiError::new(
                        ErrorCode::InvalidFeedback,
                        "outcomeTimestamp is not an RFC 3339 instant",
                    )
                    .at(at("outcomeTimestamp"))
                })?;
            let reason = item.pointer("/overrideReason/reason");
            Ok(Feedback {
                service_id: service_id.to_owned(),
                card_uuid: text("card").unwrap_or_default(),
                outcome: text("outcome").unwrap_or_default(),
                accepted_suggestions: item
                    .get("acceptedSuggestions")
                    .and_then(Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(|s| s.get("id")?.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                override_system: reason
                    .and_then(|r| r.get("system"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                override_code: reason
                    .and_then(|r| r.get("code"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                override_display: reason
                    .and_then(|r| r.get("display"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                user_comment: item
                    .pointer("/overrideReason/userComment")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                outcome_timestamp,
                received_at,
                issuer: issuer.map(str::to_owned),
            })
        })
        .collect()
}
