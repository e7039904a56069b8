//! The card ledger and feedback: which cards were issued (rule, service, hookInstance, time,
//! language, a keyed hash of the patient id — never the id), what clinicians did with them,
//! and the override analytics built from both.
//!
//! One async store over SQLite (default: a file in the working directory, created on first
//! start, WAL) or PostgreSQL (`postgres://…`, for several replicas); migrations are embedded
//! and run at start-up. Ledger writes leave the hot path through a bounded queue and are
//! written in batches (see [`writer`]); feedback is written before its 200 answer.

pub mod report;
pub mod store;
pub mod writer;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub use store::{Store, StoreError};
pub use writer::LedgerWriter;

/// One card as issued.
#[derive(Debug, Clone, PartialEq)]
pub struct IssuedCard {
    /// The card's uuid.
    pub card_uuid: String,
    /// Its suggestions' uuids, with whether each was the recommended one.
    pub suggestions: Vec<(String, bool)>,
    /// The rule id.
    pub rule_id: String,
    /// `info`, `warning` or `critical`.
    pub indicator: String,
    /// The service called.
    pub service_id: String,
    /// The call's `hookInstance`.
    pub hook_instance: String,
    /// When the card was issued.
    pub issued_at: DateTime<Utc>,
    /// The card language.
    pub language: String,
    /// HMAC-SHA256 of the patient id under the ledger key, hex.
    pub patient_hash: String,
}

/// What the clinician did with a card (one CDS Hooks 2.0 feedback item).
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// The service the feedback was posted to.
    pub service_id: String,
    /// `card`: the card's uuid.
    pub card_uuid: String,
    /// `accepted` or `overridden`.
    pub outcome: String,
    /// `acceptedSuggestions[].id`.
    pub accepted_suggestions: Vec<String>,
    /// `overrideReason.reason` system.
    pub override_system: Option<String>,
    /// `overrideReason.reason` code.
    pub override_code: Option<String>,
    /// `overrideReason.reason` display.
    pub override_display: Option<String>,
    /// `overrideReason.userComment`.
    pub user_comment: Option<String>,
    /// `outcomeTimestamp`.
    pub outcome_timestamp: DateTime<Utc>,
    /// When the service received it.
    pub received_at: DateTime<Utc>,
    /// The authenticated issuer, if any.
    pub issuer: Option<String>,
}

impl Feedback {
    /// The identity of a feedback item: the CDS Hooks spec allows clients to repeat feedback,
    /// and a repeat must count once.
    pub fn dedupe_key(&self) -> String {
        let mut suggestions = self.accepted_suggestions.clone();
        suggestions.sort();
        let text = format!(
            "{}|{}|{}|{}|{}|{}",
            self.card_uuid,
            self.outcome,
            self.outcome_timestamp.to_rfc3339(),
            suggestions.join(","),
            self.override_system.as_deref().unwrap_or(""),
            self.override_code.as_deref().unwrap_or("")
        );
        use sha2::Digest;
        hex::encode(Sha256::digest(text.as_bytes()))
    }
}

/// The keyed hash that stands for a patient in the ledger.
#[derive(Clone)]
pub struct PatientHasher {
    key: Vec<u8>,
}

impl std::fmt::Debug for PatientHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PatientHasher(<secret>)")
    }
}

impl PatientHasher {
    /// A hasher with this secret key.
    pub fn new(key: Vec<u8>) -> PatientHasher {
        PatientHasher { key }
    }

    /// HMAC-SHA256(key, patient id), hex.
    pub fn hash(&self, patient_id: &str) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes keys of any length");
        mac.update(patient_id.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patient_hash_is_keyed_and_stable() {
        let a = PatientHasher::new(b"key-a".to_vec());
        let b = PatientHasher::new(b"key-b".to_vec());
        assert_eq!(a.hash("p1"), a.hash("p1"));
        assert_ne!(a.hash("p1"), b.hash("p1"));
        assert_ne!(a.hash("p1"), a.hash("p2"));
        assert!(!a.hash("p1").contains("p1"));
    }

    #[test]
    fn repeated_feedback_has_the_same_identity() {
        let feedback = Feedback {
            service_id: "s".into(),
            card_uuid: "c".into(),
            outcome: "accepted".into(),
            accepted_suggestions: vec!["b".into(), "a".into()],
            override_system: None,
            override_code: None,
            override_display: None,
            user_comment: None,
            outcome_timestamp: "2026-11-21T10:00:00Z".parse().unwrap(),
            received_at: Utc::now(),
            issuer: None,
        };
        let mut repeat = feedback.clone();
        repeat.accepted_suggestions.reverse();
        repeat.received_at = Utc::now();
        assert_eq!(feedback.dedupe_key(), repeat.dedupe_key());
        repeat.outcome = "overridden".into();
        assert_ne!(feedback.dedupe_key(), repeat.dedupe_key());
    }
}
