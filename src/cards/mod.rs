//! Findings → cards: texts in the requested language, the rule's source, and suggestions that
//! carry real FHIR R4 resources.
//!
//! One card per finding (one rule per card). The detail is Markdown in a fixed order: the
//! recommendation; **why** (each fact with the FHIR reference it came from); the evidence
//! from the source; what to do if the clinician disagrees. No JSON here: `cds` serialises.

pub mod suggestions;
pub mod text;

use chrono::NaiveDate;
use fhirbolt::model::r4::Resource;
use uuid::Uuid;

use crate::fhir::terminology::OVERRIDE_REASON;
use crate::guidelines::{ActionPlan, Arg, Finding, Indicator, RuleDef};

pub use text::{Language, Texts};

/// Override reasons offered on every card that asks the clinician to change course
/// (CodeSystem `https://fhir.venous-cds.org/CodeSystem/override-reason`).
pub const OVERRIDE_REASONS: &[&str] = &[
    "patient-specific-contraindication",
    "decided-with-specialist",
    "bleeding-risk-acceptable",
    "not-applicable",
    "already-addressed",
];

/// A coded override reason.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideReason {
    /// CodeSystem.
    pub system: &'static str,
    /// Code.
    pub code: &'static str,
    /// Display in the card's language.
    pub display: String,
}

/// One FHIR action of a suggestion.
#[derive(Debug, Clone)]
pub enum Action {
    /// Create a resource.
    Create {
        /// What it does, in the card's language.
        description: String,
        /// The resource.
        resource: Box<Resource>,
    },
    /// Delete a draft order.
    Delete {
        /// What it does.
        description: String,
        /// `Type/id` of the draft order.
        resource_id: String,
    },
}

/// A suggestion.
#[derive(Debug, Clone)]
pub struct Suggestion {
    /// Unique per response.
    pub uuid: Uuid,
    /// Label.
    pub label: String,
    /// The option the source prefers.
    pub recommended: bool,
    /// Actions.
    pub actions: Vec<Action>,
}

/// A card.
#[derive(Debug, Clone)]
pub struct Card {
    /// Unique per response.
    pub uuid: Uuid,
    /// The rule.
    pub rule: &'static RuleDef,
    /// One sentence, under 140 characters.
    pub summary: String,
    /// Markdown detail.
    pub detail: String,
    /// Indicator.
    pub indicator: Indicator,
    /// Suggestions.
    pub suggestions: Vec<Suggestion>,
    /// Override reasons (empty for cards that do not ask to change course).
    pub override_reasons: Vec<OverrideReason>,
}

/// What cards need besides the findings.
#[derive(Debug, Clone, Copy)]
pub struct CardContext<'a> {
    /// The language.
    pub language: Language,
    /// `context.patientId`, the subject of created resources.
    pub patient_id: &'a str,
    /// The evaluation date (due dates of suggested procedures).
    pub as_of: NaiveDate,
}

/// The message id prefix of a rule: its id in lower case.
pub fn message_prefix(rule: &RuleDef) -> String {
    rule.id.to_ascii_lowercase()
}

/// The text with its first letter in upper case (English reason lines start with a drug name;
/// scripts without case are unchanged).
fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// Renders findings into cards.
pub fn render(findings: &[Finding], texts: &Texts, context: &CardContext<'_>) -> Vec<Card> {
    findings
        .iter()
        .map(|f| render_one(f, texts, context))
        .collect()
}

fn render_one(finding: &Finding, texts: &Texts, context: &CardContext<'_>) -> Card {
    let language = context.language;
    let prefix = message_prefix(finding.rule);
    let message = |part: &str| texts.format(language, &format!("{prefix}-{part}"), &finding.args);
    let mut detail = message("recommendation");
    detail.push_str("\n\n**");
    detail.push_str(&texts.format(language, "detail-why", &[]));
    detail.push_str("**\n");
    for reason in &finding.reasons {
        detail.push_str("- ");
        detail.push_str(&capitalised(texts.format(
            language,
            reason.key,
            &reason.args,
        )));
        let references: Vec<String> = reason.evidence.iter().map(|r| format!("`{r}`")).collect();
        if !references.is_empty() {
            detail.push_str(" (");
            detail.push_str(&references.join(", "));
            detail.push(')');
        }
        detail.push('\n');
    }
    detail.push_str("\n**");
    detail.push_str(&texts.format(language, "detail-evidence", &[]));
    detail.push_str("**: ");
    detail.push_str(&message("evidence"));
    if let Some(label_message) = finding.rule.citation.beyond_seeds {
        let label = texts.format(language, label_message, &[]);
        detail.push(' ');
        detail.push_str(&texts.format(
            language,
            "detail-beyond-seeds",
            &[("label", Arg::Literal(label.into()))],
        ));
    }
    detail.push_str("\n\n**");
    detail.push_str(&texts.format(language, "detail-disagree", &[]));
    detail.push_str("**: ");
    detail.push_str(&message("disagree"));

    let suggestions = finding
        .suggestions
        .iter()
        .map(|plan| {
            let mut regimen_labels = Vec::new();
            let actions = plan
                .actions
                .iter()
                .flat_map(|action| match action {
                    ActionPlan::Delete(reference) => vec![Action::Delete {
                        description: texts.format(
                            language,
                            "action-delete",
                            &[("reference", Arg::Literal(reference.to_string()))],
                        ),
                        resource_id: reference
                            .relative()
                            .expect("only drafts with an id are deleted"),
                    }],
                    ActionPlan::CreateMedication(regimen) => {
                        let label = suggestions::regimen_label(texts, language, regimen);
                        regimen_labels.push(label.clone());
                        suggestions::medication_requests(
                            texts,
                            language,
                            regimen,
                            context.patient_id,
                            context.as_of,
                        )
                        .into_iter()
                        .map(|resource| Action::Create {
                            description: texts.format(
                                language,
                                "action-create-medication",
                                &[("regimen", Arg::Literal(label.clone()))],
                            ),
                            resource: Box::new(resource),
                        })
                        .collect()
                    }
                    ActionPlan::CreateProcedure {
                        procedure,
                        due_in_days,
                    } => {
                        let resource = suggestions::service_request(
                            texts,
                            language,
                            *procedure,
                            *due_in_days,
                            context.patient_id,
                            context.as_of,
                        );
                        let term = match procedure {
                            crate::guidelines::SuggestedProcedure::DuplexUltrasound => {
                                "procedure-duplex-ultrasound"
                            }
                            crate::guidelines::SuggestedProcedure::UpperEndoscopy => {
                                "procedure-upper-endoscopy"
                            }
                        };
                        vec![Action::Create {
                            description: texts.format(
                                language,
                                "action-create-procedure",
                                &[("procedure", Arg::Term(term))],
                            ),
                            resource: Box::new(resource),
                        }]
                    }
                })
                .collect();
            let mut args = plan.args.clone();
            if !regimen_labels.is_empty() {
                args.push(("to", Arg::Literal(regimen_labels.join(" → "))));
            }
            Suggestion {
                uuid: Uuid::new_v4(),
                label: texts.format(language, plan.key, &args),
                recommended: plan.recommended,
                actions,
            }
        })
        .collect();

    let override_reasons = if finding.asks_to_change_course {
        OVERRIDE_REASONS
            .iter()
            .map(|code| OverrideReason {
                system: OVERRIDE_REASON,
                code,
                display: texts.format(language, &format!("override-{code}"), &[]),
            })
            .collect()
    } else {
        Vec::new()
    };

    Card {
        uuid: Uuid::new_v4(),
        rule: finding.rule,
        summary: message("summary"),
        detail,
        indicator: finding.indicator,
        suggestions,
        override_reasons,
    }
}
