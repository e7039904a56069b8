//! The CDS Hooks 2.0 JSON Schemas kept in `src/cds/schema/`, compiled once.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

/// Which document a schema validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// A service call body.
    Request,
    /// A service response.
    Response,
    /// One file of `hooks/`.
    ServiceDefinition,
    /// The discovery response.
    Discovery,
    /// A feedback body.
    Feedback,
}

impl Schema {
    fn source(self) -> &'static str {
        match self {
            Schema::Request => include_str!("schema/request.schema.json"),
            Schema::Response => include_str!("schema/response.schema.json"),
            Schema::ServiceDefinition => include_str!("schema/service-definition.schema.json"),
            Schema::Discovery => include_str!("schema/discovery.schema.json"),
            Schema::Feedback => include_str!("schema/feedback.schema.json"),
        }
    }

    fn cell(self) -> &'static OnceLock<Validator> {
        static REQUEST: OnceLock<Validator> = OnceLock::new();
        static RESPONSE: OnceLock<Validator> = OnceLock::new();
        static SERVICE: OnceLock<Validator> = OnceLock::new();
        static DISCOVERY: OnceLock<Validator> = OnceLock::new();
        static FEEDBACK: OnceLock<Validator> = OnceLock::new();
        match self {
            Schema::Request => &REQUEST,
            Schema::Response => &RESPONSE,
            Schema::ServiceDefinition => &SERVICE,
            Schema::Discovery => &DISCOVERY,
            Schema::Feedback => &FEEDBACK,
        }
    }

    /// The compiled validator (compiled on first use; the schemas are part of the binary and
    /// a test compiles each, so a failure here is a build defect).
    pub fn validator(self) -> &'static Validator {
        self.cell().get_or_init(|| {
            let schema: Value =
                serde_json::from_str(self.source()).expect("embedded schema is JSON");
            jsonschema::options()
                .should_validate_formats(false)
                .build(&schema)
                .expect("embedded schema compiles")
        })
    }

    /// Validates `instance`; on failure, the first violation as `(instance path, message)`.
    /// The message may quote the instance: return it to its sender, never log it.
    pub fn check(self, instance: &Value) -> Result<(), (String, String)> {
        let validator = self.validator();
        if validator.is_valid(instance) {
            return Ok(());
        }
        match validator.validate(instance) {
            Ok(()) => Ok(()),
            Err(error) => Err((error.instance_path().to_string(), error.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_schema_compiles() {
        for schema in [
            Schema::Request,
            Schema::Response,
            Schema::ServiceDefinition,
            Schema::Discovery,
            Schema::Feedback,
        ] {
            let _ = schema.validator();
        }
    }

    #[test]
    fn a_response_with_a_null_field_or_a_long_summary_is_refused() {
        let card = |summary: &str| {
            serde_json::json!({"cards": [{"summary": summary, "indicator": "info",
            "source": {"label": "x"}}]})
        };
        assert!(Schema::Response.check(&card("short")).is_ok());
        assert!(Schema::Response.check(&card(&"x".repeat(140))).is_err());
        let with_null = serde_json::json!({"cards": [{"summary": "s", "indicator": "info",
            "source": {"label": "x"}, "detail": null}]});
        assert!(Schema::Response.check(&with_null).is_err());
    }
}
