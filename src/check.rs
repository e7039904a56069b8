//! `venous-cds check <dir>`: runs every fixture under a folder through the service in-process
//! and compares the cards with its `expected.json`.
//!
//! A fixture is a folder holding `request.json` (a full CDS Hooks request), `expected.json`
//! (the full expected response) and `case.json`:
//! `{"description": "...", "service": "<service id>", "evaluationDate": "YYYY-MM-DD",
//!   "region": "intl|jp|cn", "language": "en", "fhir": {"<relative URL>": <resource>}}`
//! (`region`, `language` and `fhir` optional). The evaluation date pins the clock for the
//! fixture only, so fixtures never rot; `fhir` holds canned FHIR-server answers for keys the
//! request leaves out. Card and suggestion uuids are ignored when comparing. Every resource of
//! the request and every suggested resource must also parse as FHIR R4 (fhirbolt, Strict), and
//! the actual response must follow the CDS Hooks 2.0 response schema.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::cards::Language;
use crate::cds::call::{CallOptions, Engine};
use crate::cds::prefetch::FhirAccess;
use crate::cds::schema::Schema;
use crate::fhir::validation;
use crate::settings::Region;

/// The `case.json` of a fixture.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Case {
    /// One line: what the fixture shows.
    pub description: String,
    /// The service to call.
    pub service: String,
    /// The evaluation date of the call.
    pub evaluation_date: NaiveDate,
    /// Region profile (default `intl`).
    #[serde(default)]
    pub region: Region,
    /// Language (default `en`).
    #[serde(default)]
    pub language: Option<String>,
    /// Canned FHIR-server answers by relative URL.
    #[serde(default)]
    pub fhir: HashMap<String, Value>,
}

/// The outcome of one fixture.
#[derive(Debug)]
pub struct FixtureResult {
    /// The fixture folder.
    pub path: PathBuf,
    /// Empty when the fixture passes; otherwise what differs or is wrong.
    pub problems: Vec<String>,
}

/// The outcome of a check run.
#[derive(Debug, Default)]
pub struct Report {
    /// Every fixture run.
    pub results: Vec<FixtureResult>,
}

impl Report {
    /// Fixtures that failed.
    pub fn failures(&self) -> impl Iterator<Item = &FixtureResult> {
        self.results.iter().filter(|r| !r.problems.is_empty())
    }

    /// Whether every fixture passed (and there was at least one).
    pub fn passed(&self) -> bool {
        !self.results.is_empty() && self.failures().next().is_none()
    }
}

/// Finds fixture folders (those holding a `case.json`) under `root`, sorted.
pub fn find_fixtures(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join("case.json").is_file() {
            found.push(dir.clone());
        }
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Runs every fixture under `root`. With `update`, writes the actual response as the new
/// `expected.json` (review the diff before committing).
pub async fn run(engine: &Engine, root: &Path, update: bool) -> std::io::Result<Report> {
    let mut report = Report::default();
    for path in find_fixtures(root)? {
        let problems = run_one(engine, &path, update).await;
        report.results.push(FixtureResult { path, problems });
    }
    Ok(report)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))
}

async fn run_one(engine: &Engine, dir: &Path, update: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let case: Case = match read_json(&dir.join("case.json"))
        .and_then(|v| serde_json::from_value(v).map_err(|e| format!("case.json: {e}")))
    {
        Ok(case) => case,
        Err(problem) => return vec![problem],
    };
    let Some(service) = engine.catalogue.get(&case.service) else {
        return vec![format!("case.json: no service `{}`", case.service)];
    };
    let body = match std::fs::read(dir.join("request.json")) {
        Ok(body) => body,
        Err(e) => return vec![format!("request.json: {e}")],
    };
    if let Ok(request) = serde_json::from_slice::<Value>(&body) {
        problems.extend(invalid_resources(&request, "request"));
    }
    let language = match case.language.as_deref() {
        None => Language::En,
        Some(tag) => match Language::from_tag(tag) {
            Some(language) => language,
            None => return vec![format!("case.json: unknown language `{tag}`")],
        },
    };
    let access = FhirAccess::Canned(Arc::new(case.fhir.clone()));
    let options = CallOptions {
        as_of: case.evaluation_date,
        language,
        region: case.region,
        fhir: &access,
        policy: None,
    };
    let actual = match engine.call_with(service, &body, &options).await {
        Ok(output) => serde_json::to_value(&output.response).expect("a response serialises"),
        Err(error) => serde_json::to_value(error.outcome()).expect("an outcome serialises"),
    };
    if actual.get("cards").is_some() {
        if let Err((path, message)) = Schema::Response.check(&actual) {
            problems.push(format!(
                "the response breaks the CDS Hooks response schema at {path}: {message}"
            ));
        }
        problems.extend(invalid_resources(&actual, "response"));
    }
    let expected_path = dir.join("expected.json");
    if update {
        let text = serde_json::to_string_pretty(&without_uuids(&actual)).expect("JSON") + "\n";
        if let Err(e) = std::fs::write(&expected_path, text) {
            problems.push(format!("expected.json: {e}"));
        }
        return problems;
    }
    match read_json(&expected_path) {
        Ok(expected) => {
            let (expected, actual) = (without_uuids(&expected), without_uuids(&actual));
            if expected != actual {
                problems.push(diff(&expected, &actual));
            }
        }
        Err(problem) => problems.push(problem),
    }
    problems
}

/// Every resource in a request (draft orders, prefetch) or response (suggested resources) that
/// does not parse as FHIR R4.
fn invalid_resources(document: &Value, which: &str) -> Vec<String> {
    let mut resources = Vec::new();
    if which == "request" {
        if let Some(drafts) = document.pointer("/context/draftOrders") {
            validation::resources_in(drafts, "context.draftOrders", &mut resources);
        }
        if let Some(prefetch) = document.get("prefetch").and_then(Value::as_object) {
            for (key, value) in prefetch {
                if !value.is_null() && value.get("resourceType").is_some() {
                    validation::resources_in(value, &format!("prefetch.{key}"), &mut resources);
                }
            }
        }
    } else if let Some(cards) = document.get("cards").and_then(Value::as_array) {
        for (c, card) in cards.iter().enumerate() {
            for (s, suggestion) in card
                .get("suggestions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                for (a, action) in suggestion
                    .get("actions")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    if let Some(resource) = action.get("resource") {
                        resources.push((
                            format!("cards[{c}].suggestions[{s}].actions[{a}].resource"),
                            resource,
                        ));
                    }
                }
            }
        }
    }
    resources
        .into_iter()
        .filter_map(|(place, resource)| {
            validation::parse_r4(resource)
                .err()
                .map(|e| format!("{which} {place} is not valid FHIR R4: {e}"))
        })
        .collect()
}

/// The document with every card and suggestion `uuid` removed.
pub fn without_uuids(value: &Value) -> Value {
    let mut value = value.clone();
    if let Some(cards) = value.get_mut("cards").and_then(Value::as_array_mut) {
        for card in cards {
            if let Some(object) = card.as_object_mut() {
                object.shift_remove("uuid");
            }
            if let Some(suggestions) = card.get_mut("suggestions").and_then(Value::as_array_mut) {
                for suggestion in suggestions {
                    if let Some(object) = suggestion.as_object_mut() {
                        object.shift_remove("uuid");
                    }
                }
            }
        }
    }
    value
}

/// A line diff of two pretty-printed documents: `-` expected, `+` actual.
pub fn diff(expected: &Value, actual: &Value) -> String {
    let expected = serde_json::to_string_pretty(expected).expect("JSON");
    let actual = serde_json::to_string_pretty(actual).expect("JSON");
    let diff = similar::TextDiff::from_lines(&expected, &actual);
    let mut out = String::from("cards differ from expected.json (- expected, + actual):\n");
    out.push_str(
        &diff
            .unified_diff()
            .context_radius(3)
            .header("expected.json", "actual")
            .to_string(),
    );
    out
}
