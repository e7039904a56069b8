//! The preview page at `/preview`: pick a fixture or paste a CDS Hooks request, run it through
//! the engine and see the cards as an EHR shows them, with the trace (rules fired, facts and
//! their FHIR references, data issues).
//!
//! Served by the binary: the HTML, CSS and JS are embedded (no CDN, no framework) and the page
//! runs under a strict Content-Security-Policy. The fixtures of the repository are embedded
//! too; only their `case.json` and `request.json` are served. Enabled on loopback by default,
//! elsewhere only with `VENOUS_CDS_PREVIEW=on` (see [`Settings::preview_enabled`]). When
//! authentication is on, running a request needs the same credentials as a service call.
//!
//! Preview runs are not recorded in the card ledger: they are not clinical calls.
//!
//! [`Settings::preview_enabled`]: crate::settings::Settings::preview_enabled

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use actix_web::http::header;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use futures::FutureExt;
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::cards::Language;
use crate::cds::call::CallOptions;
use crate::cds::handlers;
use crate::cds::prefetch::FhirAccess;
use crate::cds::response::DataIssueJson;
use crate::check::Case;
use crate::error::{ApiError, ErrorCode};
use crate::facts::trace::trace;
use crate::startup::AppState;

/// The fixtures of the repository (`fixtures/<source>/<RULE>/<in|out>-<scenario>/`). The
/// macro embeds the whole folder; only `case.json` and `request.json` are ever read or served.
static FIXTURES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/fixtures");

const INDEX_HTML: &str = include_str!("preview/index.html");
const APP_JS: &str = include_str!("preview/app.js");
const STYLE_CSS: &str = include_str!("preview/style.css");

/// Everything the page loads comes from this origin; no inline script or style, no frames,
/// no plugins, no form posts elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Registers the preview routes (called from `startup::serve` when the preview is enabled).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/preview", web::get().to(page))
        .route("/preview/", web::get().to(page))
        .route("/preview/app.js", web::get().to(app_js))
        .route("/preview/style.css", web::get().to(style_css))
        .route("/preview/fixtures", web::get().to(fixture_list))
        .route("/preview/fixtures/{path:.+}", web::get().to(fixture_detail))
        .route("/preview/run/{service}", web::post().to(run));
}

fn asset(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header((header::X_FRAME_OPTIONS, "DENY"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(body)
}

/// `GET /preview`.
async fn page() -> HttpResponse {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

/// `GET /preview/app.js`.
async fn app_js() -> HttpResponse {
    asset("text/javascript; charset=utf-8", APP_JS)
}

/// `GET /preview/style.css`.
async fn style_css() -> HttpResponse {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

/// One embedded fixture.
struct Fixture {
    /// `general/VTE-APS-NO-DOAC/in-rivaroxaban-sign`.
    path: String,
    case: Case,
    case_json: Value,
    request: &'static [u8],
    canned: Arc<HashMap<String, Value>>,
}

impl Fixture {
    fn summary(&self) -> FixtureSummary<'_> {
        let mut parts = self.path.split('/');
        let source = parts.next().unwrap_or("");
        let rule = parts.next().unwrap_or("");
        FixtureSummary {
            path: &self.path,
            source,
            rule,
            scenario: self.path.rsplit('/').next().unwrap_or(""),
            description: &self.case.description,
            service: &self.case.service,
            region: self.case.region.as_str(),
            language: self.case.language.as_deref().unwrap_or("en"),
            evaluation_date: self.case.evaluation_date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A fixture as the list shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FixtureSummary<'a> {
    path: &'a str,
    source: &'a str,
    rule: &'a str,
    scenario: &'a str,
    description: &'a str,
    service: &'a str,
    region: &'static str,
    language: &'a str,
    evaluation_date: String,
}

/// The embedded fixtures, read once, sorted by path. A fixture whose `case.json` does not
/// read is left out (`venous-cds check` reports it).
fn fixtures() -> &'static [Fixture] {
    static LOADED: OnceLock<Vec<Fixture>> = OnceLock::new();
    LOADED.get_or_init(|| {
        let mut found = Vec::new();
        collect(&FIXTURES, &mut found);
        found.sort_by(|a, b| a.path.cmp(&b.path));
        found
    })
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<Fixture>) {
    let file = |name: &str| {
        dir.files()
            .find(|f| f.path().file_name().is_some_and(|n| n == name))
    };
    if let (Some(case), Some(request)) = (file("case.json"), file("request.json")) {
        let path = dir.path().to_string_lossy().replace('\\', "/");
        let parsed = serde_json::from_slice::<Value>(case.contents()).and_then(|value| {
            serde_json::from_value::<Case>(value.clone()).map(|case| (value, case))
        });
        match parsed {
            Ok((case_json, case)) => out.push(Fixture {
                path,
                canned: Arc::new(case.fhir.clone()),
                case,
                case_json,
                request: request.contents(),
            }),
            Err(error) => {
                tracing::warn!(fixture = %path, %error, "fixture case.json unreadable; not offered")
            }
        }
    }
    for child in dir.dirs() {
        collect(child, out);
    }
}

fn find_fixture(path: &str) -> Result<&'static Fixture, ApiError> {
    let path = path.trim_matches('/');
    fixtures()
        .iter()
        .find(|f| f.path == path)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no fixture `{path}`")))
}

/// `GET /preview/fixtures`: every embedded fixture, sorted by path.
async fn fixture_list() -> HttpResponse {
    let list: Vec<FixtureSummary<'_>> = fixtures().iter().map(Fixture::summary).collect();
    HttpResponse::Ok().json(list)
}

/// `GET /preview/fixtures/{path}`: one fixture's case and request.
async fn fixture_detail(path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let fixture = find_fixture(&path)?;
    let request: Value = serde_json::from_slice(fixture.request).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidJson,
            format!("the fixture's request.json is not JSON: {e}"),
        )
    })?;
    let mut body = serde_json::to_value(fixture.summary()).expect("a summary serialises");
    body["case"] = fixture.case_json.clone();
    body["request"] = request;
    Ok(HttpResponse::Ok().json(body))
}

/// `?lang=ja&fixture=general/VTE-APS-NO-DOAC/in-rivaroxaban-sign`.
#[derive(Debug, Deserialize)]
struct RunQuery {
    lang: Option<String>,
    fixture: Option<String>,
}

/// `POST /preview/run/{service}`: runs a fixture (no body, or an edited request as the body:
/// the fixture then supplies the evaluation date, region and canned FHIR answers) or a pasted
/// request (evaluated as of today with the service's region) and answers the CDS Hooks
/// response with the trace. Engine errors answer their OperationOutcome and status.
async fn run(
    state: web::Data<AppState>,
    path: web::Path<String>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let service = state.engine.catalogue.get(&id).ok_or_else(|| {
        ApiError::new(ErrorCode::UnknownService, format!("no CDS service `{id}`"))
    })?;
    let caller = handlers::authenticate(&state, &request).await?;
    let query = web::Query::<RunQuery>::from_query(request.query_string())
        .map_err(|e| ApiError::new(ErrorCode::InvalidRequest, format!("query: {e}")))?
        .into_inner();
    let fixture = query.fixture.as_deref().map(find_fixture).transpose()?;
    let pasted =
        handlers::read_body(request.headers(), payload, state.settings.max_body_bytes).await?;
    let pasted = (!pasted.iter().all(u8::is_ascii_whitespace)).then_some(pasted);
    if pasted.is_some() {
        handlers::require_json(request.headers())?;
    }
    let body: Bytes = match (&pasted, fixture) {
        (Some(body), _) => body.clone(),
        (None, Some(fixture)) => Bytes::from_static(fixture.request),
        (None, None) => {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                "choose a fixture (?fixture=…) or send a CDS Hooks request as the body",
            ))
        }
    };
    let language = match query.lang.as_deref().filter(|l| !l.is_empty()) {
        Some(tag) => Language::from_tag(tag).ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidRequest,
                format!("unknown language `{tag}` (en, ja or zh)"),
            )
            .at("lang")
        })?,
        None => fixture
            .and_then(|f| f.case.language.as_deref())
            .and_then(Language::from_tag)
            .unwrap_or_else(|| {
                Language::negotiate(
                    request
                        .headers()
                        .get(header::ACCEPT_LANGUAGE)
                        .and_then(|v| v.to_str().ok()),
                    state.settings.default_language,
                )
            }),
    };
    let canned;
    let (as_of, region, fhir) = match fixture {
        Some(fixture) => {
            canned = FhirAccess::Canned(fixture.canned.clone());
            (fixture.case.evaluation_date, fixture.case.region, &canned)
        }
        None => (
            chrono::Utc::now().date_naive(),
            state.engine.region,
            &state.engine.fhir,
        ),
    };
    let options = CallOptions {
        as_of,
        language,
        region,
        fhir,
        policy: caller.fhir_policy.as_ref(),
    };
    let work = state.engine.call_traced(service, &body, &options);
    let (output, evaluation) = std::panic::AssertUnwindSafe(work)
        .catch_unwind()
        .await
        .unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-text panic".into());
            Err(ApiError::internal(&std::io::Error::other(format!(
                "panic in a preview run: {message}"
            ))))
        })?;
    let facts: Vec<Value> = trace(&evaluation.facts)
        .into_iter()
        .map(|line| json!({"fact": line.fact, "references": line.references}))
        .collect();
    let data_issues: Vec<DataIssueJson> = evaluation.issues.iter().map(Into::into).collect();
    let body = json!({
        "response": output.response,
        "trace": {
            "rules_fired": output.fired,
            "facts": facts,
            "data_issues": data_issues,
        },
        "call": {
            "service": service.id,
            "language": language.tag(),
            "evaluationDate": as_of.format("%Y-%m-%d").to_string(),
            "region": region.as_str(),
            "fixture": fixture.map(|f| f.path.as_str()),
            "edited": fixture.is_some() && pasted.is_some(),
            "hookInstance": output.hook_instance,
        },
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.tag()))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixtures_of_the_repository_are_embedded_and_read() {
        // include_dir! does not notice new folders until this file is rebuilt, so the embedded
        // set may lag the disk in a working tree; every embedded fixture must exist there.
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"));
        let on_disk = crate::check::find_fixtures(root).unwrap();
        assert!(fixtures().len() > 100, "{} fixtures", fixtures().len());
        for fixture in fixtures() {
            assert!(
                on_disk.contains(&root.join(&fixture.path)),
                "{} is embedded but not on disk",
                fixture.path
            );
        }
        let aps = find_fixture("general/VTE-APS-NO-DOAC/in-rivaroxaban-sign").unwrap();
        assert_eq!(aps.summary().rule, "VTE-APS-NO-DOAC");
        assert_eq!(aps.summary().source, "general");
        assert_eq!(aps.summary().scenario, "in-rivaroxaban-sign");
        assert!(find_fixture("../../Cargo.toml").is_err());
    }
}
