//! Hostile and broken input, and shutdown under load.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::*;

/// One bad input: what is sent, and the status it must get (never a 500 or a dropped call).
struct Case {
    name: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    status: u16,
}

fn json_case(name: &'static str, body: Value, status: u16) -> Case {
    Case {
        name,
        content_type: "application/json",
        body: body.to_string().into_bytes(),
        status,
    }
}

fn with(change: impl FnOnce(&mut Value)) -> Value {
    let mut request = order_sign(complete_prefetch(), None);
    change(&mut request);
    request
}

fn condition_entry(resource: Value) -> impl FnOnce(&mut Value) {
    move |r: &mut Value| {
        r["prefetch"]["conditions"]["entry"]
            .as_array_mut()
            .unwrap()
            .push(json!({"resource": resource}))
    }
}

fn deep(levels: usize) -> Vec<u8> {
    let mut text = String::from(r#"{"hook":"order-sign","hookInstance":"x","context":"#);
    text.push_str(&"[".repeat(levels));
    text.push_str(&"]".repeat(levels));
    text.push('}');
    text.into_bytes()
}

fn cases() -> Vec<Case> {
    let huge = "x".repeat(2 * 1024 * 1024);
    vec![
        Case {
            name: "empty body",
            content_type: "application/json",
            body: vec![],
            status: 400,
        },
        Case {
            name: "invalid UTF-8",
            content_type: "application/json",
            body: vec![b'{', 0xff, 0xfe, b'}'],
            status: 400,
        },
        Case {
            name: "truncated JSON",
            content_type: "application/json",
            body: br#"{"hook": "order-sign", "context": {"#.to_vec(),
            status: 400,
        },
        Case {
            name: "deep nesting",
            content_type: "application/json",
            body: deep(10_000),
            status: 400,
        },
        Case {
            name: "nesting just past the limit",
            content_type: "application/json",
            body: deep(70),
            status: 400,
        },
        json_case("JSON null", json!(null), 400),
        json_case("JSON string", json!("order-sign"), 400),
        json_case("JSON number", json!(42), 400),
        json_case("hook is a number", with(|r| r["hook"] = json!(7)), 400),
        json_case(
            "context is an array",
            with(|r| r["context"] = json!([])),
            400,
        ),
        json_case(
            "patientId is an object",
            with(|r| r["context"]["patientId"] = json!({"id": "p1"})),
            400,
        ),
        json_case(
            "draftOrders is not a Bundle",
            with(|r| r["context"]["draftOrders"] = json!({"resourceType": "Patient"})),
            400,
        ),
        json_case(
            "prefetch is an array",
            with(|r| r["prefetch"] = json!([1])),
            400,
        ),
        json_case(
            "prefetch value is a number",
            with(|r| r["prefetch"]["conditions"] = json!(3)),
            400,
        ),
        json_case(
            "fhirAuthorization without fhirServer",
            with(|r| {
                r["fhirAuthorization"] = json!({"access_token": "t",
            "token_type": "Bearer", "expires_in": 300, "scope": "s", "subject": "x"})
            }),
            400,
        ),
        json_case(
            "huge string in an unknown field",
            with(|r| r["note"] = json!(huge)),
            200,
        ),
        json_case(
            "non-ASCII codes",
            with(condition_entry(
                json!({"resourceType": "Condition", "id": "jp-1",
            "code": {"coding": [{"system": "urn:oid:1.2.392.200119.4.101.6", "code": "血栓症"}], "text": "深部静脈血栓症"}}),
            )),
            200,
        ),
        json_case(
            "negative quantity",
            with(|r| {
                r["prefetch"]["observations"]["entry"] = json!([{"resource": {"resourceType": "Observation",
            "id": "neg", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]},
            "effectiveDateTime": days_ago(1), "valueQuantity": {"value": -50, "unit": "10*3/uL", "system": "http://unitsofmeasure.org", "code": "10*3/uL"}}}])
            }),
            200,
        ),
        json_case(
            "absurd quantity",
            with(|r| {
                r["prefetch"]["observations"]["entry"] = json!([{"resource": {"resourceType": "Observation",
            "id": "big", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "48065-7"}]},
            "effectiveDateTime": days_ago(1), "valueQuantity": {"value": 1e300, "unit": "mg/L", "system": "http://unitsofmeasure.org", "code": "mg/L"}}}])
            }),
            200,
        ),
        json_case(
            "decimal as a string",
            with(|r| {
                r["prefetch"]["observations"]["entry"] = json!([{"resource": {"resourceType": "Observation",
            "id": "str", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]},
            "effectiveDateTime": days_ago(1), "valueQuantity": {"value": "49", "unit": "10*3/uL"}}}])
            }),
            200,
        ),
        json_case(
            "future dates",
            with(condition_entry(
                json!({"resourceType": "Condition", "id": "future",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "128053003"}]}, "onsetDateTime": "2999-01-01"}),
            )),
            200,
        ),
        json_case(
            "unparsable date",
            with(condition_entry(
                json!({"resourceType": "Condition", "id": "bad-date",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "128053003"}]}, "onsetDateTime": "last Tuesday"}),
            )),
            200,
        ),
        json_case(
            "duplicate ids",
            with(|r| {
                let entries = r["prefetch"]["conditions"]["entry"].as_array_mut().unwrap();
                let copy = entries[0].clone();
                entries.push(copy);
            }),
            200,
        ),
        json_case(
            "Bundle without entries",
            with(|r| {
                r["prefetch"]["conditions"] = json!({"resourceType": "Bundle", "type": "searchset"})
            }),
            200,
        ),
        json_case(
            "entry without resource",
            with(|r| {
                r["prefetch"]["conditions"]["entry"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"fullUrl": "x"}))
            }),
            200,
        ),
        json_case(
            "resource without id",
            with(condition_entry(json!({"resourceType": "Condition",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "26843008"}]}}))),
            200,
        ),
        json_case(
            "resource without resourceType",
            with(condition_entry(json!({"id": "mystery", "code": {}}))),
            200,
        ),
        json_case(
            "resource that is an array",
            with(|r| {
                r["prefetch"]["conditions"]["entry"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"resource": [1, 2]}))
            }),
            200,
        ),
        json_case(
            "coding that is a string",
            with(condition_entry(
                json!({"resourceType": "Condition", "id": "c-str", "code": {"coding": "D68.61"}}),
            )),
            200,
        ),
        json_case(
            "medicationReference that resolves nowhere",
            with(|r| {
                r["context"]["draftOrders"]["entry"].as_array_mut().unwrap().push(json!({"resource": {
            "resourceType": "MedicationRequest", "id": "ref", "status": "draft", "intent": "order",
            "medicationReference": {"reference": "Medication/nowhere"}, "subject": {"reference": "Patient/p1"}}}))
            }),
            200,
        ),
        json_case(
            "dose with an unknown unit",
            with(|r| {
                r["context"]["draftOrders"]["entry"][0]["resource"]["dosageInstruction"][0]
                    ["doseAndRate"][0]["doseQuantity"]["unit"] = json!("spoonfuls")
            }),
            200,
        ),
        json_case(
            "wrong type in a dosage timing",
            with(|r| {
                r["context"]["draftOrders"]["entry"][0]["resource"]["dosageInstruction"][0]
                    ["timing"] = json!("bid")
            }),
            200,
        ),
        Case {
            name: "form-encoded body",
            content_type: "application/x-www-form-urlencoded",
            body: b"hook=order-sign".to_vec(),
            status: 415,
        },
    ]
}

#[tokio::test]
async fn bad_input_gets_a_clear_status_never_a_500() {
    let app = spawn().await;
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    for case in cases {
        let response = app
            .call_raw("venous-anticoagulation-sign", case.content_type, case.body)
            .await;
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!(status, case.status, "{}: {body:#}", case.name);
        if status == 200 {
            venous_cds::cds::schema::Schema::Response
                .check(&body)
                .unwrap_or_else(|e| panic!("{}: {e:?}", case.name));
        } else {
            assert_eq!(body["resourceType"], "OperationOutcome", "{}", case.name);
        }
    }
    // The service still answers afterwards.
    let after = app
        .call(
            "venous-anticoagulation-sign",
            &order_sign(complete_prefetch(), None),
        )
        .await;
    assert_eq!(after.status(), 200);
}

#[tokio::test]
async fn sigterm_under_load_lets_every_in_flight_call_finish_and_refuses_new_ones() {
    let fhir = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(bundle(vec![aps(), dvt()]))
                .set_delay(Duration::from_millis(1500)),
        )
        .mount(&fhir)
        .await;
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_venous-cds"))
        .arg("serve")
        .env("VENOUS_CDS_BIND", "127.0.0.1:0")
        .env("VENOUS_CDS_SHUTDOWN_TIMEOUT_S", "10")
        .env(
            "VENOUS_CDS_DATABASE_URL",
            format!("sqlite:{}", data.path().join("ledger.db").display()),
        )
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("the service logs").unwrap();
        if line.contains("venous-cds ready") {
            let log: Value = serde_json::from_str(&line).unwrap();
            break log["port"].as_u64().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let address = format!("http://127.0.0.1:{port}");
    let mut prefetch = complete_prefetch();
    prefetch.as_object_mut().unwrap().remove("conditions");
    let request = order_sign(prefetch, Some(&format!("{}/fhir", fhir.uri())));
    let http = reqwest::Client::new();
    // A load of concurrent calls, all waiting on the slow FHIR server when SIGTERM arrives.
    const IN_FLIGHT: usize = 24;
    let calls: Vec<_> = (0..IN_FLIGHT)
        .map(|_| {
            let (http, address, body) = (http.clone(), address.clone(), request.to_string());
            tokio::spawn(async move {
                http.post(format!(
                    "{address}/cds-services/venous-anticoagulation-sign"
                ))
                .header("Content-Type", "application/json")
                .body(body)
                .send()
                .await
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(400)).await;
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let later = reqwest::Client::new()
        .get(format!("{address}/cds-services"))
        .send()
        .await;
    assert!(
        later.is_err() || later.unwrap().status() != 200,
        "new calls are refused after SIGTERM"
    );

    for call in calls {
        let response = call
            .await
            .unwrap()
            .expect("every in-flight call is answered");
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "the service exits cleanly: {status:?}");
}
