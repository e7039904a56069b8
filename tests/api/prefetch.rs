use std::time::Duration;

use serde_json::json;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::*;

/// Mounts a mock for one search that must be called `times` times with the bearer token.
async fn mount_search(server: &MockServer, resource: &str, body: serde_json::Value, times: u64) {
    Mock::given(method("GET"))
        .and(path(format!("/fhir/{resource}")))
        .and(query_param("patient", "p1"))
        .and(header("Authorization", "Bearer secret-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(times)
        .mount(server)
        .await;
}

/// Any other request to the FHIR server is a failure of the test.
async fn nothing_else(server: &MockServer) {
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .named("no other FHIR read")
        .mount(server)
        .await;
}

#[tokio::test]
async fn complete_prefetch_makes_no_fhir_call() {
    let fhir = MockServer::start().await;
    nothing_else(&fhir).await;
    let app = spawn().await;
    let request = order_sign(complete_prefetch(), Some(&format!("{}/fhir", fhir.uri())));
    let body = cards_of(app.call("venous-anticoagulation-sign", &request).await).await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
}

#[tokio::test]
async fn one_absent_key_is_read_from_the_fhir_server_with_the_bearer_token() {
    let fhir = MockServer::start().await;
    mount_search(&fhir, "Condition", bundle(vec![aps(), dvt()]), 1).await;
    let app = spawn().await;
    let mut prefetch = complete_prefetch();
    prefetch.as_object_mut().unwrap().remove("conditions");
    let request = order_sign(prefetch, Some(&format!("{}/fhir", fhir.uri())));
    let body = cards_of(app.call("venous-anticoagulation-sign", &request).await).await;
    assert_eq!(
        rule_ids(&body),
        ["VTE-APS-NO-DOAC"],
        "the APS came from the FHIR server"
    );
}

#[tokio::test]
async fn a_null_prefetch_key_means_no_data_and_is_never_read() {
    let fhir = MockServer::start().await;
    nothing_else(&fhir).await;
    let app = spawn().await;
    let mut prefetch = complete_prefetch();
    prefetch["procedures"] = json!(null);
    prefetch["observations"] = json!(null);
    let request = order_sign(prefetch, Some(&format!("{}/fhir", fhir.uri())));
    let body = cards_of(app.call("venous-anticoagulation-sign", &request).await).await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
}

#[tokio::test]
async fn a_paginated_searchset_is_followed_to_its_last_page() {
    let fhir = MockServer::start().await;
    let base = format!("{}/fhir", fhir.uri());
    let mut first = bundle(vec![dvt()]);
    first["link"] =
        json!([{"relation": "next", "url": format!("{base}/Condition?patient=p1&page=2")}]);
    let mut second = bundle(vec![condition("unrelated", SNOMED, "38341003", 900)]);
    second["link"] =
        json!([{"relation": "next", "url": format!("{base}/Condition?patient=p1&page=3")}]);
    let third = bundle(vec![aps()]);
    Mock::given(method("GET"))
        .and(path("/fhir/Condition"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(second))
        .expect(1)
        .mount(&fhir)
        .await;
    Mock::given(method("GET"))
        .and(path("/fhir/Condition"))
        .and(query_param("page", "3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(third))
        .expect(1)
        .mount(&fhir)
        .await;
    Mock::given(method("GET"))
        .and(path("/fhir/Condition"))
        .and(wiremock::matchers::query_param_is_missing("page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .expect(1)
        .mount(&fhir)
        .await;
    let app = spawn().await;
    let mut prefetch = complete_prefetch();
    prefetch.as_object_mut().unwrap().remove("conditions");
    let body = cards_of(
        app.call(
            "venous-anticoagulation-sign",
            &order_sign(prefetch, Some(&base)),
        )
        .await,
    )
    .await;
    assert_eq!(
        rule_ids(&body),
        ["VTE-APS-NO-DOAC"],
        "the APS was on the last page"
    );
}

#[tokio::test]
async fn an_operation_outcome_sent_as_prefetch_is_read_again_from_the_server() {
    let fhir = MockServer::start().await;
    mount_search(&fhir, "Condition", bundle(vec![aps(), dvt()]), 1).await;
    let app = spawn().await;
    let mut prefetch = complete_prefetch();
    prefetch["conditions"] = json!({"resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "timeout", "diagnostics": "prefetch timed out"}]});
    let body = cards_of(
        app.call(
            "venous-anticoagulation-sign",
            &order_sign(prefetch, Some(&format!("{}/fhir", fhir.uri()))),
        )
        .await,
    )
    .await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
}

async fn missing_conditions_with(
    fhir_server: Option<String>,
    configure: impl FnOnce(&mut venous_cds::settings::Settings),
) -> reqwest::Response {
    let app = spawn_with(configure).await;
    let mut prefetch = complete_prefetch();
    prefetch.as_object_mut().unwrap().remove("conditions");
    app.call(
        "venous-anticoagulation-sign",
        &order_sign(prefetch, fhir_server.as_deref()),
    )
    .await
}

async fn assert_412_naming_conditions(response: reqwest::Response) {
    assert_eq!(response.status(), 412);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["resourceType"], "OperationOutcome");
    assert_eq!(
        body["issue"][0]["details"]["coding"][0]["code"],
        "data-unavailable"
    );
    assert_eq!(body["issue"][0]["expression"][0], "prefetch.conditions");
    let diagnostics = body["issue"][0]["diagnostics"].as_str().unwrap();
    assert!(
        !diagnostics.contains("secret-token"),
        "the token never leaks: {diagnostics}"
    );
}

#[tokio::test]
async fn a_fhir_server_error_answers_412() {
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&fhir)
        .await;
    assert_412_naming_conditions(
        missing_conditions_with(Some(format!("{}/fhir", fhir.uri())), |_| {}).await,
    )
    .await;
}

#[tokio::test]
async fn a_fhir_server_refusing_the_token_answers_412() {
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&fhir)
        .await;
    assert_412_naming_conditions(
        missing_conditions_with(Some(format!("{}/fhir", fhir.uri())), |_| {}).await,
    )
    .await;
}

#[tokio::test]
async fn a_fhir_server_too_slow_answers_412() {
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(bundle(vec![]))
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&fhir)
        .await;
    let started = std::time::Instant::now();
    let response = missing_conditions_with(Some(format!("{}/fhir", fhir.uri())), |s| {
        s.fhir_timeout_ms = 200
    })
    .await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the timeout holds"
    );
    assert_412_naming_conditions(response).await;
}

#[tokio::test]
async fn a_fhir_server_that_is_not_allowed_is_never_called_and_answers_412() {
    let fhir = MockServer::start().await;
    nothing_else(&fhir).await;
    let response = missing_conditions_with(Some(format!("{}/fhir", fhir.uri())), |s| {
        s.fhir_servers = Some(vec!["https://ehr.example.org/fhir".into()]);
    })
    .await;
    assert_412_naming_conditions(response).await;
}

#[tokio::test]
async fn a_missing_key_without_fhir_server_answers_412() {
    assert_412_naming_conditions(missing_conditions_with(None, |_| {}).await).await;
}

#[tokio::test]
async fn a_fhir_server_answering_something_else_than_a_bundle_answers_412() {
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"resourceType": "Patient", "id": "p1"})),
        )
        .mount(&fhir)
        .await;
    assert_412_naming_conditions(
        missing_conditions_with(Some(format!("{}/fhir", fhir.uri())), |_| {}).await,
    )
    .await;
}
