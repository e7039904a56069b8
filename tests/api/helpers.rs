//! Test helpers: spawn the service, build CDS Hooks requests with dates relative to today.

use chrono::{Duration, NaiveDate, Utc};
use serde_json::{json, Value};
use venous_cds::cds::schema::Schema;
use venous_cds::settings::Settings;
use venous_cds::startup::Application;

/// A running service.
pub struct TestApp {
    pub address: String,
    pub http: reqwest::Client,
    /// Keeps the folder of the service's SQLite ledger until the test ends (removed on drop).
    _ledger_dir: Option<tempfile::TempDir>,
}

/// Spawns the service on a free port with default settings changed by `configure`.
pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let data = tempfile::tempdir().unwrap();
    let mut settings = Settings::default();
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.database_url = venous_cds::settings::Secret(format!(
        "sqlite:{}",
        data.path().join("ledger.db").display()
    ));
    configure(&mut settings);
    let application = Application::build(settings)
        .await
        .expect("the service builds");
    let address = format!("http://127.0.0.1:{}", application.port());
    tokio::spawn(application.run_until_stopped());
    TestApp {
        address,
        http: reqwest::Client::new(),
        _ledger_dir: Some(data),
    }
}

/// Spawns the service with default settings.
pub async fn spawn() -> TestApp {
    spawn_with(|_| {}).await
}

impl TestApp {
    /// A client of a service started elsewhere (e.g. the binary, with its own ledger).
    pub fn at(address: String) -> TestApp {
        TestApp {
            address,
            http: reqwest::Client::new(),
            _ledger_dir: None,
        }
    }

    /// POSTs a JSON body to a service.
    pub async fn call(&self, service: &str, body: &Value) -> reqwest::Response {
        self.http
            .post(format!("{}/cds-services/{service}", self.address))
            .header("Content-Type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("request sent")
    }

    /// POSTs raw bytes with a content type.
    pub async fn call_raw(
        &self,
        service: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.http
            .post(format!("{}/cds-services/{service}", self.address))
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await
            .expect("request sent")
    }
}

/// Today, the service's evaluation date.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A date `days` before today, as FHIR text.
pub fn days_ago(days: i64) -> String {
    (today() - Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Reads a 200 response as CDS Hooks JSON and checks it against the response schema.
pub async fn cards_of(response: reqwest::Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.expect("JSON body");
    assert_eq!(status, 200, "expected 200, got {status}: {body:#}");
    if let Err((path, message)) = Schema::Response.check(&body) {
        panic!(
            "the response breaks the CDS Hooks 2.0 response schema at {path}: {message}\n{body:#}"
        );
    }
    body
}

/// The rule ids of a response's cards, in order.
pub fn rule_ids(body: &Value) -> Vec<String> {
    body["cards"]
        .as_array()
        .expect("cards array")
        .iter()
        .map(|c| {
            c["source"]["topic"]["code"]
                .as_str()
                .expect("rule id")
                .to_owned()
        })
        .collect()
}

/// Reads an error response: checks the status and the OperationOutcome shape, returns the code.
pub async fn outcome_code(response: reqwest::Response, status: u16) -> String {
    assert_eq!(response.status().as_u16(), status);
    let body: Value = response.json().await.expect("OperationOutcome JSON");
    assert_eq!(body["resourceType"], "OperationOutcome", "{body:#}");
    let issue = &body["issue"][0];
    assert!(issue["code"].is_string(), "{body:#}");
    assert!(
        issue["diagnostics"].as_str().is_some_and(|d| !d.is_empty()),
        "{body:#}"
    );
    assert_eq!(
        issue["details"]["coding"][0]["system"],
        "https://fhir.venous-cds.org/CodeSystem/error"
    );
    issue["details"]["coding"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub fn bundle(resources: Vec<Value>) -> Value {
    json!({"resourceType": "Bundle", "type": "searchset", "total": resources.len(),
        "entry": resources.into_iter().map(|r| json!({"resource": r, "search": {"mode": "match"}})).collect::<Vec<_>>()})
}

pub fn patient() -> Value {
    json!({"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1970-05-01"})
}

pub fn condition(id: &str, system: &str, code: &str, onset_days_ago: i64) -> Value {
    json!({"resourceType": "Condition", "id": id,
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
        "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": {"reference": "Patient/p1"},
        "onsetDateTime": days_ago(onset_days_ago)})
}

pub const SNOMED: &str = "http://snomed.info/sct";
pub const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
pub const RXNORM: &str = "http://www.nlm.nih.gov/research/umls/rxnorm";

pub fn aps() -> Value {
    condition("aps-1", SNOMED, "26843008", 400)
}

pub fn dvt() -> Value {
    condition("dvt-1", ICD10CM, "I82.411", 10)
}

/// A draft apixaban 5 mg twice-daily order.
pub fn apixaban_draft(id: &str) -> Value {
    json!({"resourceType": "MedicationRequest", "id": id, "status": "draft", "intent": "order",
        "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": "1364445", "display": "apixaban 5 MG Oral Tablet"}]},
        "subject": {"reference": "Patient/p1"},
        "dosageInstruction": [{"text": "5 mg twice daily",
            "timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}},
            "doseAndRate": [{"doseQuantity": {"value": 5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}]})
}

/// The five prefetch keys, complete, for an APS patient with DVT.
pub fn complete_prefetch() -> Value {
    json!({
        "patient": patient(),
        "conditions": bundle(vec![aps(), dvt()]),
        "observations": bundle(vec![]),
        "medications": bundle(vec![]),
        "procedures": bundle(vec![]),
    })
}

/// An order-sign request with a draft apixaban order.
pub fn order_sign(prefetch: Value, fhir_server: Option<&str>) -> Value {
    let mut request = json!({
        "hook": "order-sign",
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "context": {
            "userId": "Practitioner/u1",
            "patientId": "p1",
            "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": apixaban_draft("draft-apixaban")}]}
        },
        "prefetch": prefetch,
    });
    if let Some(server) = fhir_server {
        request["fhirServer"] = json!(server);
        request["fhirAuthorization"] = json!({"access_token": "secret-token", "token_type": "Bearer",
            "expires_in": 300, "scope": "user/*.read", "subject": "venous-cds"});
    }
    request
}

/// The PostgreSQL server of the tests: `VENOUS_CDS_TEST_POSTGRES_URL`, or the one
/// `scripts/postgres.sh` installs and starts.
pub fn postgres_url() -> &'static str {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(url) = std::env::var("VENOUS_CDS_TEST_POSTGRES_URL") {
            return url;
        }
        let output = std::process::Command::new("scripts/postgres.sh")
            .output()
            .expect("scripts/postgres.sh runs");
        assert!(
            output.status.success(),
            "scripts/postgres.sh: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    })
}
