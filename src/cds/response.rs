//! Cards → the CDS Hooks 2.0 response body. Optional fields are omitted, never null or empty.

use serde::Serialize;
use serde_json::Value;

use crate::cards::{Action, Card};
use crate::fhir::terminology::RULE;
use crate::fhir::validation;

/// `{"cards": [...]}`, with the data issues in a response extension when there are any.
#[derive(Debug, Serialize)]
pub struct CdsResponse {
    /// The cards.
    pub cards: Vec<CardJson>,
    /// CDS Hooks extension: `{"venous-cds-data-issues": [...]}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<ResponseExtension>,
}

/// The service's response extension.
#[derive(Debug, Serialize)]
pub struct ResponseExtension {
    /// What in the request could not be understood; the cards did not use it.
    #[serde(rename = "venous-cds-data-issues")]
    pub data_issues: Vec<DataIssueJson>,
}

/// One data issue on the wire.
#[derive(Debug, Serialize)]
pub struct DataIssueJson {
    resource: String,
    element: String,
    issue: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl From<&crate::fhir::DataIssue> for DataIssueJson {
    fn from(issue: &crate::fhir::DataIssue) -> Self {
        DataIssueJson {
            resource: issue.resource.to_string(),
            element: issue.element.clone(),
            issue: issue.kind.as_str(),
            detail: issue.detail.clone(),
        }
    }
}

/// A card on the wire.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CardJson {
    uuid: String,
    summary: String,
    detail: String,
    indicator: &'static str,
    source: SourceJson,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<SuggestionJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    selection_behavior: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    override_reasons: Vec<CodingJson>,
}

#[derive(Debug, Serialize)]
struct SourceJson {
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'static str>,
    topic: CodingJson,
}

#[derive(Debug, Serialize)]
struct CodingJson {
    system: &'static str,
    code: String,
    display: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SuggestionJson {
    label: String,
    uuid: String,
    is_recommended: bool,
    actions: Vec<ActionJson>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ActionJson {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource_id: Option<String>,
}

/// The wire form of a card. Fails only if a suggestion resource cannot be serialised, which
/// is a defect of the service.
pub fn card_json(card: &Card) -> Result<CardJson, String> {
    let suggestions = card
        .suggestions
        .iter()
        .map(|s| {
            let actions = s
                .actions
                .iter()
                .map(|a| match a {
                    Action::Create {
                        description,
                        resource,
                    } => Ok(ActionJson {
                        kind: "create",
                        description: description.clone(),
                        resource: Some(validation::to_json(resource)?),
                        resource_id: None,
                    }),
                    Action::Delete {
                        description,
                        resource_id,
                    } => Ok(ActionJson {
                        kind: "delete",
                        description: description.clone(),
                        resource: None,
                        resource_id: Some(resource_id.clone()),
                    }),
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(SuggestionJson {
                label: s.label.clone(),
                uuid: s.uuid.to_string(),
                is_recommended: s.recommended,
                actions,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let selection_behavior = (!suggestions.is_empty()).then_some("at-most-one");
    Ok(CardJson {
        uuid: card.uuid.to_string(),
        summary: card.summary.clone(),
        detail: card.detail.clone(),
        indicator: card.indicator.as_str(),
        source: SourceJson {
            label: card.rule.citation.label.to_owned(),
            url: card.rule.citation.url,
            topic: CodingJson {
                system: RULE,
                code: card.rule.id.to_owned(),
                display: card.rule.title.to_owned(),
            },
        },
        suggestions,
        selection_behavior,
        override_reasons: card
            .override_reasons
            .iter()
            .map(|r| CodingJson {
                system: r.system,
                code: r.code.to_owned(),
                display: r.display.clone(),
            })
            .collect(),
    })
}
