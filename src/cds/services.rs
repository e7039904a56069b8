//! The CDS services: `hooks/*.json` (one file per service — the CDS Hooks discovery entry plus
//! which rules it runs and which orders trigger it), validated at start-up.
//!
//! `hooks/` is the single place that binds rules to services.

use include_dir::{include_dir, Dir};
use serde::Deserialize;
use serde_json::Value;

use super::schema::Schema;
use crate::guidelines::{self, RuleDef};

static HOOKS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/hooks");

/// The prefetch keys every service declares (clinical-rules.md §1; a public contract).
pub const PREFETCH_KEYS: [&str; 5] = [
    "patient",
    "conditions",
    "observations",
    "medications",
    "procedures",
];

/// The hooks this service implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Hook {
    /// order-select.
    #[serde(rename = "order-select")]
    OrderSelect,
    /// order-sign.
    #[serde(rename = "order-sign")]
    OrderSign,
    /// patient-view.
    #[serde(rename = "patient-view")]
    PatientView,
}

impl Hook {
    /// The hook name.
    pub fn as_str(self) -> &'static str {
        match self {
            Hook::OrderSelect => "order-select",
            Hook::OrderSign => "order-sign",
            Hook::PatientView => "patient-view",
        }
    }
}

/// Which draft orders make a service evaluate its rules (clinical-rules.md §1 "fires on").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trigger {
    /// An anticoagulant, antiplatelet or estrogen-containing contraceptive is ordered.
    MedicationOrders,
    /// A venous stent, venous angioplasty or IVC filter is ordered.
    VenousProcedureOrders,
    /// Every call.
    Always,
}

#[derive(Deserialize)]
struct ServiceFile {
    id: String,
    hook: Hook,
    title: String,
    description: String,
    prefetch: std::collections::BTreeMap<String, String>,
    trigger: Trigger,
    rules: Vec<String>,
}

/// One CDS service.
#[derive(Debug)]
pub struct Service {
    /// Its id (`/cds-services/{id}`).
    pub id: String,
    /// Its hook.
    pub hook: Hook,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Prefetch templates by key.
    pub prefetch: Vec<(String, String)>,
    /// What triggers it.
    pub trigger: Trigger,
    /// The rules it runs, in the file's order.
    pub rules: Vec<&'static RuleDef>,
    /// The discovery entry (the file without the service's own fields).
    pub discovery: Value,
}

/// Every service, from `hooks/`.
#[derive(Debug)]
pub struct ServiceCatalogue {
    services: Vec<Service>,
}

/// `hooks/` is not valid; the message names the file and the problem.
#[derive(Debug, thiserror::Error)]
#[error("hooks/{file}: {problem}")]
pub struct CatalogueError {
    file: String,
    problem: String,
}

impl ServiceCatalogue {
    /// Loads and validates the embedded `hooks/`.
    pub fn load() -> Result<ServiceCatalogue, CatalogueError> {
        let mut services: Vec<Service> = Vec::new();
        let mut files: Vec<_> = HOOKS
            .files()
            .filter(|f| f.path().extension().and_then(|e| e.to_str()) == Some("json"))
            .collect();
        files.sort_by_key(|f| f.path().to_owned());
        for file in files {
            let name = file.path().display().to_string();
            let error = |problem: String| CatalogueError {
                file: name.clone(),
                problem,
            };
            let text = file
                .contents_utf8()
                .ok_or_else(|| error("not UTF-8".into()))?;
            let value: Value =
                serde_json::from_str(text).map_err(|e| error(format!("not JSON: {e}")))?;
            Schema::ServiceDefinition
                .check(&value)
                .map_err(|(path, message)| error(format!("{path}: {message}")))?;
            let parsed: ServiceFile =
                serde_json::from_value(value.clone()).map_err(|e| error(e.to_string()))?;
            let stem = file
                .path()
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("");
            if parsed.id != stem {
                return Err(error(format!(
                    "id `{}` must equal the file name",
                    parsed.id
                )));
            }
            let keys: Vec<&str> = parsed.prefetch.keys().map(String::as_str).collect();
            let mut expected = PREFETCH_KEYS.to_vec();
            expected.sort_unstable();
            if keys != expected {
                return Err(error(format!(
                    "prefetch keys must be exactly {PREFETCH_KEYS:?}"
                )));
            }
            let mut rules = Vec::new();
            for id in &parsed.rules {
                let rule = guidelines::rule(id)
                    .ok_or_else(|| error(format!("rule `{id}` does not exist")))?;
                rules.push(rule);
            }
            if services
                .iter()
                .any(|s| s.id == parsed.id && s.hook == parsed.hook)
            {
                return Err(error("duplicate service id and hook".into()));
            }
            let mut discovery = value;
            if let Some(object) = discovery.as_object_mut() {
                object.shift_remove("rules");
                object.shift_remove("trigger");
            }
            services.push(Service {
                id: parsed.id,
                hook: parsed.hook,
                title: parsed.title,
                description: parsed.description,
                prefetch: parsed.prefetch.into_iter().collect(),
                trigger: parsed.trigger,
                rules,
                discovery,
            });
        }
        if services.is_empty() {
            return Err(CatalogueError {
                file: String::new(),
                problem: "no service definitions".into(),
            });
        }
        let catalogue = ServiceCatalogue { services };
        Schema::Discovery
            .check(&catalogue.discovery())
            .map_err(|(path, message)| CatalogueError {
                file: String::new(),
                problem: format!("discovery {path}: {message}"),
            })?;
        Ok(catalogue)
    }

    /// The service with this id.
    pub fn get(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Every service.
    pub fn all(&self) -> &[Service] {
        &self.services
    }

    /// The rule catalogue as a Markdown table (id, services, indicator, source), in catalogue
    /// order: what README.md shows between its `rules` markers.
    pub fn rule_table(&self) -> String {
        let mut out = String::from("| rule | services | indicator | source |\n|---|---|---|---|\n");
        for rule in crate::guidelines::rules() {
            let services: Vec<&str> = self
                .services
                .iter()
                .filter(|s| s.rules.iter().any(|r| r.id == rule.id))
                .map(|s| s.id.as_str())
                .collect();
            let mut indicator = rule.indicator.as_str().to_owned();
            if let Some(review) = rule.review_indicator {
                indicator.push_str(&format!(" (review: {})", review.as_str()));
            }
            if let Some(region) = rule.region {
                indicator.push_str(&format!(", `{}` only", region.as_str()));
            }
            let mut source = rule.citation.label.to_owned();
            if rule.citation.beyond_seeds.is_some() {
                source.push_str(" (beyond the guideline documents)");
            }
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                rule.id,
                services.join(", "),
                indicator,
                source
            ));
        }
        out
    }

    /// The discovery response body.
    pub fn discovery(&self) -> Value {
        Value::Object(
            [(
                "services".to_owned(),
                Value::Array(self.services.iter().map(|s| s.discovery.clone()).collect()),
            )]
            .into_iter()
            .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_services_load_with_their_hooks_and_prefetch_keys() {
        let catalogue = ServiceCatalogue::load().unwrap();
        let mut ids: Vec<(&str, &str)> = catalogue
            .all()
            .iter()
            .map(|s| (s.id.as_str(), s.hook.as_str()))
            .collect();
        ids.sort();
        assert_eq!(
            ids,
            vec![
                ("venous-anticoagulation-select", "order-select"),
                ("venous-anticoagulation-sign", "order-sign"),
                ("venous-stent-select", "order-select"),
                ("venous-stent-sign", "order-sign"),
                ("venous-thrombosis-review", "patient-view"),
            ]
        );
        for service in catalogue.all() {
            assert!(service.discovery.get("rules").is_none());
            assert!(service.discovery.get("trigger").is_none());
            assert_eq!(
                service.discovery["prefetch"]["conditions"],
                "Condition?patient={{context.patientId}}"
            );
        }
    }
}
