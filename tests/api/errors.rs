use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn malformed_json_is_a_400_naming_the_problem() {
    let app = spawn().await;
    let response = app
        .call_raw(
            "venous-anticoagulation-sign",
            "application/json",
            b"{\"hook\": ".to_vec(),
        )
        .await;
    assert_eq!(outcome_code(response, 400).await, "invalid-json");
}

#[tokio::test]
async fn an_array_body_is_a_400() {
    let app = spawn().await;
    let response = app
        .call("venous-anticoagulation-sign", &json!([1, 2, 3]))
        .await;
    assert_eq!(outcome_code(response, 400).await, "invalid-request");
}

#[tokio::test]
async fn a_request_without_hook_instance_breaks_the_schema() {
    let app = spawn().await;
    let mut request = order_sign(complete_prefetch(), None);
    request.as_object_mut().unwrap().remove("hookInstance");
    let response = app.call("venous-anticoagulation-sign", &request).await;
    assert_eq!(outcome_code(response, 400).await, "invalid-request");
}

#[tokio::test]
async fn missing_context_fields_are_a_400_naming_the_field() {
    let app = spawn().await;
    for field in ["patientId", "userId", "draftOrders"] {
        let mut request = order_sign(complete_prefetch(), None);
        request["context"].as_object_mut().unwrap().remove(field);
        let response = app.call("venous-anticoagulation-sign", &request).await;
        assert_eq!(response.status(), 400, "{field}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            body["issue"][0]["details"]["coding"][0]["code"], "missing-context",
            "{field}"
        );
        assert_eq!(
            body["issue"][0]["expression"][0],
            format!("context.{field}")
        );
    }
    let mut select = order_sign(complete_prefetch(), None);
    select["hook"] = json!("order-select");
    let response = app.call("venous-anticoagulation-select", &select).await;
    assert_eq!(
        outcome_code(response, 400).await,
        "missing-context",
        "order-select needs selections"
    );
}

#[tokio::test]
async fn a_selection_that_names_no_draft_order_is_a_400() {
    let app = spawn().await;
    let mut select = order_sign(complete_prefetch(), None);
    select["hook"] = json!("order-select");
    select["context"]["selections"] = json!(["MedicationRequest/nope"]);
    let response = app.call("venous-anticoagulation-select", &select).await;
    assert_eq!(outcome_code(response, 400).await, "invalid-context");
}

#[tokio::test]
async fn a_hook_that_is_not_the_services_hook_is_a_400() {
    let app = spawn().await;
    let response = app
        .call(
            "venous-anticoagulation-select",
            &order_sign(complete_prefetch(), None),
        )
        .await;
    assert_eq!(outcome_code(response, 400).await, "hook-mismatch");
}

#[tokio::test]
async fn an_unknown_service_is_a_404() {
    let app = spawn().await;
    let response = app
        .call("no-such-service", &order_sign(complete_prefetch(), None))
        .await;
    assert_eq!(outcome_code(response, 404).await, "unknown-service");
    let response = app
        .http
        .get(format!("{}/nowhere", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(outcome_code(response, 404).await, "not-found");
}

#[tokio::test]
async fn a_wrong_method_is_a_405() {
    let app = spawn().await;
    let response = app
        .http
        .get(format!(
            "{}/cds-services/venous-anticoagulation-sign",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["allow"], "POST");
    assert_eq!(outcome_code(response, 405).await, "method-not-allowed");
}

#[tokio::test]
async fn an_oversize_body_is_a_413() {
    let app = spawn_with(|s| s.max_body_bytes = 4096).await;
    let response = app
        .call_raw(
            "venous-anticoagulation-sign",
            "application/json",
            vec![b' '; 10_000],
        )
        .await;
    assert_eq!(outcome_code(response, 413).await, "payload-too-large");
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_is_a_415() {
    let app = spawn().await;
    let body = order_sign(complete_prefetch(), None)
        .to_string()
        .into_bytes();
    let response = app
        .call_raw("venous-anticoagulation-sign", "text/plain", body.clone())
        .await;
    assert_eq!(outcome_code(response, 415).await, "unsupported-media-type");
    let response = app
        .call_raw(
            "venous-anticoagulation-sign",
            "application/json; charset=utf-8",
            body,
        )
        .await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_prefetch_value_that_is_not_a_resource_is_a_400() {
    let app = spawn().await;
    let mut request = order_sign(complete_prefetch(), None);
    request["prefetch"]["conditions"] = json!("Condition/1");
    let response = app.call("venous-anticoagulation-sign", &request).await;
    assert_eq!(outcome_code(response, 400).await, "invalid-request");
}
