//! The preview page: served with its assets under a strict CSP, fixtures listed and run with
//! a trace, pasted requests answered as data, off where it must be, authenticated like the
//! services. (The page itself is driven in Chromium by `scripts/browser-test.sh`.)

use figment::providers::{Format, Serialized, Toml};
use figment::Figment;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use venous_cds::cds::schema::Schema;
use venous_cds::settings::{AuthMode, Settings, Switch};

use crate::helpers::*;

const APS_FIXTURE: &str = "general/VTE-APS-NO-DOAC/in-rivaroxaban-sign";
const SIGN: &str = "venous-anticoagulation-sign";

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.http
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .expect("request sent")
}

/// POSTs to `/preview/run/{service}?{query}` with an optional JSON body.
async fn run(app: &TestApp, service: &str, query: &str, body: Option<String>) -> reqwest::Response {
    let mut request = app
        .http
        .post(format!("{}/preview/run/{service}?{query}", app.address));
    if let Some(body) = body {
        request = request
            .header("Content-Type", "application/json")
            .body(body);
    }
    request.send().await.expect("request sent")
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_strict_content_security_policy() {
    let app = spawn().await;
    for (path, content_type) in [
        ("/preview", "text/html"),
        ("/preview/app.js", "text/javascript"),
        ("/preview/style.css", "text/css"),
    ] {
        let response = get(&app, path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            header(&response, "content-type").starts_with(content_type),
            "{path}: {}",
            header(&response, "content-type")
        );
        let csp = header(&response, "content-security-policy").to_owned();
        assert!(csp.starts_with("default-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        let body = response.text().await.unwrap();
        assert!(
            !body.contains("http://") && !body.contains("https://") && !body.contains("//cdn"),
            "{path} loads nothing from elsewhere"
        );
        if path == "/preview" {
            assert!(body.contains(r#"<script src="/preview/app.js""#));
            assert!(body.contains(r#"href="/preview/style.css""#));
            assert_eq!(body.matches("<script").count(), 1, "no inline script");
            assert!(
                !body.contains("style=\""),
                "no inline style (the CSP forbids it)"
            );
        }
    }
}

#[tokio::test]
async fn the_fixture_list_holds_the_aps_fixture_with_its_case() {
    let app = spawn().await;
    let response = get(&app, "/preview/fixtures").await;
    assert_eq!(response.status(), 200);
    let list: Value = response.json().await.unwrap();
    let list = list.as_array().expect("a JSON list");
    assert!(list.len() > 100, "{} fixtures", list.len());
    let aps = list
        .iter()
        .find(|f| f["path"] == APS_FIXTURE)
        .expect("the APS fixture is listed");
    assert_eq!(aps["service"], SIGN);
    assert_eq!(aps["evaluationDate"], "2026-11-21");
    assert_eq!(aps["region"], "intl");
    assert_eq!(aps["language"], "en");
    assert_eq!(aps["source"], "general");
    assert_eq!(aps["rule"], "VTE-APS-NO-DOAC");
    assert!(
        aps["description"]
            .as_str()
            .unwrap()
            .contains("antiphospholipid")
            || aps["description"].as_str().unwrap().contains("APS")
    );

    let detail: Value = get(&app, &format!("/preview/fixtures/{APS_FIXTURE}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["path"], APS_FIXTURE);
    assert_eq!(detail["request"]["hook"], "order-sign");
    assert_eq!(detail["case"]["evaluationDate"], "2026-11-21");
    assert!(
        detail.get("expected").is_none(),
        "only case and request are served"
    );

    for missing in [
        "/preview/fixtures/general/NOPE/in-x",
        "/preview/fixtures/%2e%2e/%2e%2e/Cargo.toml",
    ] {
        assert_eq!(
            outcome_code(get(&app, missing).await, 404).await,
            "not-found"
        );
    }
}

#[tokio::test]
async fn running_the_aps_fixture_in_japanese_answers_the_critical_card_and_a_trace_naming_condition_aps(
) {
    let app = spawn().await;
    let response = run(&app, SIGN, &format!("lang=ja&fixture={APS_FIXTURE}"), None).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-language"), "ja");
    let body: Value = response.json().await.unwrap();
    let cds = &body["response"];
    if let Err((path, message)) = Schema::Response.check(cds) {
        panic!("the response breaks the CDS Hooks schema at {path}: {message}\n{cds:#}");
    }
    assert_eq!(rule_ids(cds), ["VTE-APS-NO-DOAC"]);
    let card = &cds["cards"][0];
    assert_eq!(card["indicator"], "critical");
    let actions = &card["suggestions"][0]["actions"];
    assert_eq!(actions[0]["type"], "delete");
    assert_eq!(
        actions[0]["resourceId"],
        "MedicationRequest/draft-rivaroxaban"
    );
    assert_eq!(actions[1]["type"], "create");
    assert_eq!(actions[1]["resource"]["resourceType"], "MedicationRequest");

    let trace = &body["trace"];
    assert_eq!(trace["rules_fired"], json!(["VTE-APS-NO-DOAC"]));
    let facts = trace["facts"].as_array().unwrap();
    let aps = facts
        .iter()
        .find(|f| f["fact"] == "APS")
        .unwrap_or_else(|| panic!("no APS fact in {facts:#?}"));
    assert_eq!(aps["references"], json!(["Condition/aps"]));
    let facts_text: Vec<&str> = facts.iter().map(|f| f["fact"].as_str().unwrap()).collect();
    assert!(
        facts_text
            .iter()
            .any(|f| f.starts_with("rivaroxaban ordered (therapeutic)")),
        "{facts_text:#?}"
    );
    assert!(
        facts_text
            .iter()
            .any(|f| f.starts_with("femoral vein DVT, acute, left, onset 2026-11-15")),
        "{facts_text:#?}"
    );
    assert_eq!(trace["data_issues"], json!([]));
    assert_eq!(body["call"]["evaluationDate"], "2026-11-21");
    assert_eq!(body["call"]["language"], "ja");
    assert_eq!(body["call"]["fixture"], APS_FIXTURE);
}

#[tokio::test]
async fn a_fixture_run_in_english_answers_exactly_its_expected_response() {
    let app = spawn().await;
    let body: Value = run(&app, SIGN, &format!("lang=en&fixture={APS_FIXTURE}"), None)
        .await
        .json()
        .await
        .unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("fixtures/{APS_FIXTURE}/expected.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        venous_cds::check::without_uuids(&body["response"]),
        venous_cds::check::without_uuids(&expected)
    );
}

#[tokio::test]
async fn a_pasted_request_is_evaluated_as_of_today_and_its_html_comes_back_as_data() {
    let app = spawn().await;
    let hostile = "<img src=x onerror=alert(1)>";
    let mut request = order_sign(complete_prefetch(), None);
    request["hookInstance"] = json!(hostile);
    let response = run(&app, SIGN, "lang=en", Some(request.to_string())).await;
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type").starts_with("application/json"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["call"]["hookInstance"], hostile, "returned as data");
    assert_eq!(
        body["call"]["evaluationDate"],
        today().format("%Y-%m-%d").to_string()
    );
    assert_eq!(body["call"]["fixture"], Value::Null);
    assert!(rule_ids(&body["response"]).contains(&"VTE-APS-NO-DOAC".to_owned()));
    assert!(body["trace"]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["references"] == json!(["Condition/aps-1"])));

    // A pasted body must be declared JSON (a cross-site form cannot send one without CORS).
    let response = app
        .http
        .post(format!("{}/preview/run/{SIGN}", app.address))
        .header("Content-Type", "text/plain")
        .body(request.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(outcome_code(response, 415).await, "unsupported-media-type");
}

#[tokio::test]
async fn refused_runs_answer_the_engines_operation_outcome_with_its_status() {
    let app = spawn().await;
    let mut wrong_hook = order_sign(complete_prefetch(), None);
    wrong_hook["hook"] = json!("patient-view");
    let cases: Vec<(&str, String, Option<String>, u16, &str)> = vec![
        (
            SIGN,
            "lang=en".into(),
            Some("{not json".into()),
            400,
            "invalid-json",
        ),
        (
            SIGN,
            "lang=en".into(),
            Some(wrong_hook.to_string()),
            400,
            "hook-mismatch",
        ),
        (SIGN, "lang=en".into(), None, 400, "invalid-request"),
        (
            SIGN,
            format!("lang=fr&fixture={APS_FIXTURE}"),
            None,
            400,
            "invalid-request",
        ),
        (
            SIGN,
            "fixture=general/NOPE/in-x".into(),
            None,
            404,
            "not-found",
        ),
        (
            "no-such-service",
            format!("fixture={APS_FIXTURE}"),
            None,
            404,
            "unknown-service",
        ),
    ];
    for (service, query, body, status, code) in cases {
        let response = run(&app, service, &query, body.clone()).await;
        assert_eq!(
            outcome_code(response, status).await,
            code,
            "{service}?{query} {body:?}"
        );
    }
}

#[test]
fn the_preview_is_on_for_loopback_and_off_elsewhere_unless_switched_on() {
    let mut settings = Settings::default();
    assert!(settings.preview_enabled(), "127.0.0.1 by default");
    settings.bind = "[::1]:8080".parse().unwrap();
    assert!(settings.preview_enabled());
    settings.bind = "0.0.0.0:8080".parse().unwrap();
    assert!(!settings.preview_enabled(), "a public address");
    settings.preview = Some(Switch::On);
    assert!(settings.preview_enabled(), "VENOUS_CDS_PREVIEW=on");
    settings.bind = "127.0.0.1:8080".parse().unwrap();
    settings.preview = Some(Switch::Off);
    assert!(!settings.preview_enabled(), "VENOUS_CDS_PREVIEW=off");
}

#[test]
fn venous_cds_preview_reads_on_and_off() {
    // As `Settings::load` merges `VENOUS_CDS_PREVIEW`, without touching the process
    // environment (other tests start the binary and would inherit it).
    let load = |toml: &str| -> Settings {
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::string(toml))
            .extract()
            .unwrap()
    };
    let public = "bind = \"0.0.0.0:8080\"\nauth = \"disabled\"\n";
    assert!(!load(public).preview_enabled());
    assert!(load(&format!("{public}preview = \"on\"\n")).preview_enabled());
    assert!(!load("preview = \"off\"\n").preview_enabled());
}

#[tokio::test]
async fn the_routes_are_absent_when_the_preview_is_off() {
    let app = spawn_with(|s| s.preview = Some(Switch::Off)).await;
    for path in [
        "/preview",
        "/preview/app.js",
        "/preview/style.css",
        "/preview/fixtures",
    ] {
        assert_eq!(outcome_code(get(&app, path).await, 404).await, "not-found");
    }
    let response = run(&app, SIGN, &format!("fixture={APS_FIXTURE}"), None).await;
    assert_eq!(outcome_code(response, 404).await, "not-found");
    // The services are unaffected.
    assert_eq!(get(&app, "/cds-services").await.status(), 200);
}

#[tokio::test]
async fn with_jwt_authentication_a_run_needs_a_token_like_a_service_call() {
    const PUBLIC_URL: &str = "https://cds.example.org";
    const ISSUER: &str = "https://ehr.example.org";
    let dir = tempfile::tempdir().unwrap();
    let jwk: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/api/keys/es384.jwk.json").unwrap())
            .unwrap();
    let issuers = dir.path().join("issuers.json");
    std::fs::write(
        &issuers,
        json!({"issuers": [{"iss": ISSUER, "jwks": {"keys": [jwk]}}]}).to_string(),
    )
    .unwrap();
    let app = spawn_with(|s| {
        s.auth = Some(AuthMode::Jwt);
        s.issuers = Some(issuers.clone());
        s.public_url = Some(PUBLIC_URL.into());
    })
    .await;
    let query = format!("lang=en&fixture={APS_FIXTURE}");

    assert_eq!(
        get(&app, "/preview").await.status(),
        200,
        "the page is static"
    );
    let response = run(&app, SIGN, &query, None).await;
    assert_eq!(header(&response, "www-authenticate"), "Bearer");
    assert_eq!(outcome_code(response, 401).await, "unauthorized");

    let now = chrono::Utc::now().timestamp();
    let claims = json!({"iss": ISSUER, "aud": format!("{PUBLIC_URL}/preview/run/{SIGN}"),
        "iat": now, "exp": now + 300, "jti": uuid::Uuid::new_v4().to_string(), "sub": "preview"});
    let mut jwt_header = Header::new(Algorithm::ES384);
    jwt_header.kid = Some("ec-1".into());
    let pem = std::fs::read_to_string("tests/api/keys/es384.pem").unwrap();
    let token = jsonwebtoken::encode(
        &jwt_header,
        &claims,
        &EncodingKey::from_ec_pem(pem.as_bytes()).unwrap(),
    )
    .unwrap();
    let response = app
        .http
        .post(format!("{}/preview/run/{SIGN}?{query}", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(rule_ids(&body["response"]), ["VTE-APS-NO-DOAC"]);
}
