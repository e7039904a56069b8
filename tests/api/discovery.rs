use serde_json::Value;
use venous_cds::cds::schema::Schema;

use crate::helpers::spawn;

#[tokio::test]
async fn discovery_lists_the_five_services_with_their_hooks_and_prefetch_keys() {
    let app = spawn().await;
    let response = app
        .http
        .get(format!("{}/cds-services", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    Schema::Discovery
        .check(&body)
        .expect("discovery follows CDS Hooks 2.0");
    let mut services: Vec<(String, String)> = body["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["hook"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    services.sort();
    assert_eq!(
        services,
        vec![
            (
                "venous-anticoagulation-select".to_owned(),
                "order-select".to_owned()
            ),
            (
                "venous-anticoagulation-sign".to_owned(),
                "order-sign".to_owned()
            ),
            ("venous-stent-select".to_owned(), "order-select".to_owned()),
            ("venous-stent-sign".to_owned(), "order-sign".to_owned()),
            (
                "venous-thrombosis-review".to_owned(),
                "patient-view".to_owned()
            ),
        ]
    );
    for service in body["services"].as_array().unwrap() {
        let prefetch = service["prefetch"].as_object().unwrap();
        let mut keys: Vec<&String> = prefetch.keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "conditions",
                "medications",
                "observations",
                "patient",
                "procedures"
            ]
        );
        assert_eq!(prefetch["patient"], "Patient/{{context.patientId}}");
        assert_eq!(
            prefetch["medications"],
            "MedicationRequest?patient={{context.patientId}}"
        );
        assert!(service["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(service["description"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(
            service.get("rules").is_none(),
            "rules are not part of discovery"
        );
    }
}

#[tokio::test]
async fn health_endpoints_answer_once_the_knowledge_is_loaded() {
    let app = spawn().await;
    for path in ["/health/live", "/health/ready"] {
        let response = app
            .http
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
    }
}

#[tokio::test]
async fn cors_headers_are_sent_only_for_configured_origins() {
    let closed = spawn().await;
    let response = closed
        .http
        .get(format!("{}/cds-services", closed.address))
        .header("Origin", "https://sandbox.cds-hooks.org")
        .send()
        .await
        .unwrap();
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());

    let open = crate::helpers::spawn_with(|s| {
        s.cors_origins = Some(vec!["https://sandbox.cds-hooks.org".into()])
    })
    .await;
    let preflight = open
        .http
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/cds-services/venous-anticoagulation-sign", open.address),
        )
        .header("Origin", "https://sandbox.cds-hooks.org")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://sandbox.cds-hooks.org"
    );
}
