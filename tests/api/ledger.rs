//! Feedback that lasts: the card ledger, feedback storage on SQLite and PostgreSQL, the
//! override report, durability across `kill -9`, and the metrics families.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use venous_cds::settings::Secret;

use crate::helpers::*;

const SERVICE: &str = "venous-anticoagulation-sign";

/// Issues the APS card; returns (card uuid, its recommended suggestion's uuid).
async fn issue_aps_card(app: &TestApp) -> (String, String) {
    let body = cards_of(
        app.call(SERVICE, &order_sign(complete_prefetch(), None))
            .await,
    )
    .await;
    let card = &body["cards"][0];
    assert_eq!(card["source"]["topic"]["code"], "VTE-APS-NO-DOAC");
    (
        card["uuid"].as_str().unwrap().to_owned(),
        card["suggestions"][0]["uuid"].as_str().unwrap().to_owned(),
    )
}

async fn post_feedback(app: &TestApp, body: &Value) -> reqwest::Response {
    app.http
        .post(format!("{}/cds-services/{SERVICE}/feedback", app.address))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

fn accepted(card: &str, suggestion: &str) -> Value {
    json!({"feedback": [{"card": card, "outcome": "accepted", "acceptedSuggestions": [{"id": suggestion}],
        "outcomeTimestamp": "2026-11-21T10:00:00Z"}]})
}

fn overridden(card: &str, code: &str) -> Value {
    json!({"feedback": [{"card": card, "outcome": "overridden",
        "overrideReason": {"reason": {"system": "https://fhir.venous-cds.org/CodeSystem/override-reason", "code": code,
            "display": "Already decided with a specialist"}, "userComment": "discussed with haematology"},
        "outcomeTimestamp": "2026-11-21T10:05:00Z"}]})
}

/// The report line of a rule, waiting for the batched ledger write.
async fn stats_of(app: &TestApp, rule: &str, since: &str) -> Value {
    for _ in 0..50 {
        let response = app
            .http
            .get(format!("{}/admin/rules/stats?since={since}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let report: Value = response.json().await.unwrap();
        if let Some(line) = report["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule_id"] == rule)
        {
            if line["issued"].as_i64().unwrap_or(0) > 0 || rule.starts_with('(') {
                return line.clone();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no report line for {rule}");
}

async fn round_trip(app: &TestApp) {
    let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (first, suggestion) = issue_aps_card(app).await;
    let (second, _) = issue_aps_card(app).await;
    assert_eq!(
        post_feedback(app, &accepted(&first, &suggestion))
            .await
            .status(),
        200
    );
    assert_eq!(
        post_feedback(app, &accepted(&first, &suggestion))
            .await
            .status(),
        200,
        "a repeat is accepted"
    );
    assert_eq!(
        post_feedback(app, &overridden(&second, "decided-with-specialist"))
            .await
            .status(),
        200
    );
    let line = stats_of(app, "VTE-APS-NO-DOAC", &since).await;
    assert_eq!(line["issued"], 2, "{line:#}");
    assert_eq!(line["accepted"], 1, "the repeat counts once: {line:#}");
    assert_eq!(line["overridden"], 1, "{line:#}");
    assert_eq!(line["acceptance_rate"], 0.5);
    assert_eq!(
        line["top_override_reasons"][0]["code"],
        "decided-with-specialist"
    );

    let unknown = uuid::Uuid::new_v4().to_string();
    assert_eq!(
        post_feedback(app, &overridden(&unknown, "not-applicable"))
            .await
            .status(),
        200,
        "unknown cards are stored"
    );
    let line = stats_of(app, "(unknown card)", &since).await;
    assert!(line["overridden"].as_i64().unwrap() >= 1, "{line:#}");
}

#[tokio::test]
async fn feedback_round_trip_on_sqlite() {
    let app = spawn().await;
    round_trip(&app).await;
}

#[tokio::test]
async fn feedback_round_trip_on_postgresql() {
    let url = tokio::task::spawn_blocking(postgres_url).await.unwrap();
    let app = spawn_with(|s| s.database_url = Secret(url.to_owned())).await;
    round_trip(&app).await;
}

#[tokio::test]
async fn bad_feedback_is_a_400_operation_outcome() {
    let app = spawn().await;
    let cases = [
        json!({"feedback": [{"card": "x", "outcome": "maybe", "outcomeTimestamp": "2026-11-21T10:00:00Z"}]}),
        json!({"feedback": [{"outcome": "accepted", "outcomeTimestamp": "2026-11-21T10:00:00Z"}]}),
        json!({"feedback": "nope"}),
        json!({"feedback": [{"card": "x", "outcome": "overridden", "outcomeTimestamp": "not a time"}]}),
    ];
    for case in cases {
        let response = post_feedback(&app, &case).await;
        let code = outcome_code(response, 400).await;
        assert!(
            code == "invalid-feedback" || code == "invalid-json",
            "{case}: {code}"
        );
    }
}

fn spawn_binary(database: &str) -> (std::process::Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_venous-cds"))
        .arg("serve")
        .env("VENOUS_CDS_BIND", "127.0.0.1:0")
        .env("VENOUS_CDS_DATABASE_URL", database)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("the service logs").unwrap();
        if line.contains("venous-cds ready") {
            break serde_json::from_str::<Value>(&line).unwrap()["port"]
                .as_u64()
                .unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, format!("http://127.0.0.1:{port}"))
}

#[tokio::test]
async fn feedback_answered_200_survives_kill_9() {
    let data = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", data.path().join("ledger.db").display());
    let (mut child, address) = spawn_binary(&database);
    let app = TestApp::at(address);
    let card = uuid::Uuid::new_v4().to_string();
    assert_eq!(
        post_feedback(&app, &overridden(&card, "not-applicable"))
            .await
            .status(),
        200
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let output = Command::new(env!("CARGO_BIN_EXE_venous-cds"))
        .args(["report", "--json", "--since", "2000-01-01"])
        .env("VENOUS_CDS_DATABASE_URL", &database)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let unknown = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule_id"] == "(unknown card)")
        .expect("the feedback is there");
    assert_eq!(unknown["overridden"], 1);
    assert_eq!(unknown["top_override_reasons"][0]["code"], "not-applicable");
}

#[tokio::test]
async fn the_report_command_prints_a_table_per_rule() {
    let data = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", data.path().join("ledger.db").display());
    let (mut child, address) = spawn_binary(&database);
    let app = TestApp::at(address);
    let (card, suggestion) = issue_aps_card(&app).await;
    assert_eq!(
        post_feedback(&app, &accepted(&card, &suggestion))
            .await
            .status(),
        200
    );
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(
        child.wait().unwrap().success(),
        "SIGTERM flushes the ledger and exits cleanly"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_venous-cds"))
        .args(["report", "--since", "2000-01-01"])
        .env("VENOUS_CDS_DATABASE_URL", &database)
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    let line = table
        .lines()
        .find(|l| l.starts_with("VTE-APS-NO-DOAC"))
        .unwrap_or_else(|| panic!("{table}"));
    let columns: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&columns[1..5], &["1", "1", "0", "100"], "{table}");
}

#[tokio::test]
async fn metrics_expose_every_family() {
    use wiremock::{matchers::method, Mock, MockServer, ResponseTemplate};
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&fhir)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&fhir)
        .await;
    let app = spawn().await;
    // Cards, a data issue, and feedback.
    let mut prefetch = complete_prefetch();
    prefetch["conditions"]["entry"]
        .as_array_mut()
        .unwrap()
        .push(json!({"resource": "garbage"}));
    let body = cards_of(app.call(SERVICE, &order_sign(prefetch, None)).await).await;
    let card = body["cards"][0]["uuid"].as_str().unwrap().to_owned();
    // The ledger writes cards in batches (at most 100 ms later); feedback comes later still.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        post_feedback(&app, &overridden(&card, "not-applicable"))
            .await
            .status(),
        200
    );
    // A FHIR read error.
    let mut missing = complete_prefetch();
    missing.as_object_mut().unwrap().remove("conditions");
    assert_eq!(
        app.call(
            SERVICE,
            &order_sign(missing, Some(&format!("{}/fhir", fhir.uri())))
        )
        .await
        .status(),
        412
    );
    // An authentication failure.
    let dir = tempfile::tempdir().unwrap();
    let issuers = dir.path().join("issuers.json");
    std::fs::write(
        &issuers,
        json!({"issuers": [{"iss": "https://ehr.example.org", "jwks": {"keys": []}}]}).to_string(),
    )
    .unwrap();
    let secured = spawn_with(|s| {
        s.auth = Some(venous_cds::settings::AuthMode::Jwt);
        s.issuers = Some(issuers.clone());
        s.public_url = Some("https://cds.example.org".into());
    })
    .await;
    assert_eq!(
        secured
            .call(SERVICE, &order_sign(complete_prefetch(), None))
            .await
            .status(),
        401
    );

    let text = app
        .http
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for family in [
        "venous_cds_requests_total",
        "venous_cds_request_duration_seconds_bucket",
        "venous_cds_cards_total",
        "venous_cds_feedback_total",
        "venous_cds_fhir_fetch_errors_total",
        "venous_cds_data_issues_total",
        "venous_cds_auth_failures_total",
    ] {
        assert!(
            text.contains(family),
            "{family} missing from /metrics:\n{text}"
        );
    }
    assert!(
        text.contains(r#"venous_cds_cards_total{rule="VTE-APS-NO-DOAC",indicator="critical"}"#),
        "{text}"
    );
    assert!(
        text.contains(r#"venous_cds_feedback_total{rule="VTE-APS-NO-DOAC",outcome="overridden"}"#),
        "{text}"
    );
    assert!(!text.contains("p1"), "no patient ids in metrics");
}

#[tokio::test]
async fn fhir_read_latency_is_measured() {
    use wiremock::{matchers::method, Mock, MockServer, ResponseTemplate};
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(bundle(vec![aps(), dvt()])))
        .mount(&fhir)
        .await;
    let app = spawn().await;
    let mut missing = complete_prefetch();
    missing.as_object_mut().unwrap().remove("conditions");
    cards_of(
        app.call(
            SERVICE,
            &order_sign(missing, Some(&format!("{}/fhir", fhir.uri()))),
        )
        .await,
    )
    .await;
    let text = app
        .http
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(r#"venous_cds_fhir_fetch_duration_seconds_bucket{key="conditions""#),
        "{text}"
    );
}
