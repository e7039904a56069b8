//! CDS Hooks 2.0 JWT authentication: the table of accepted and refused tokens, key rotation,
//! the safe default on public addresses.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use uuid::Uuid;
use venous_cds::settings::{AuthMode, Settings};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::*;

const PUBLIC_URL: &str = "https://cds.example.org";
const SERVICE: &str = "venous-anticoagulation-sign";
const ISSUER: &str = "https://ehr.example.org";
const TENANT_ISSUER: &str = "https://tenant-ehr.example.org";

fn key(name: &str) -> String {
    std::fs::read_to_string(format!("tests/api/keys/{name}")).unwrap()
}

fn jwk(name: &str) -> Value {
    serde_json::from_str(&key(&format!("{name}.jwk.json"))).unwrap()
}

fn audience(service: &str) -> String {
    format!("{PUBLIC_URL}/cds-services/{service}")
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Standard claims: issued now, valid 5 minutes, a fresh jti, audience the service.
fn claims(iss: &str) -> Value {
    json!({"iss": iss, "aud": audience(SERVICE), "iat": now(), "exp": now() + 300, "jti": Uuid::new_v4().to_string(),
        "sub": "client-id-from-epic", "nbf": now()})
}

fn sign(alg: Algorithm, kid: &str, pem: &str, claims: &Value) -> String {
    let mut header = Header::new(alg);
    header.kid = Some(kid.to_owned());
    let key = match alg {
        Algorithm::ES256 | Algorithm::ES384 => EncodingKey::from_ec_pem(pem.as_bytes()).unwrap(),
        Algorithm::HS256 | Algorithm::HS384 => EncodingKey::from_secret(pem.as_bytes()),
        _ => EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap(),
    };
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

fn es384(claims: &Value) -> String {
    sign(Algorithm::ES384, "ec-1", &key("es384.pem"), claims)
}

async fn spawn_jwt(extra_issuer: Option<Value>) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut issuers = vec![
        json!({"iss": ISSUER, "jwks": {"keys": [jwk("es384"), jwk("rs384")]},
            "jku_allow": ["https://ehr.example.org/.well-known/jwks.json"]}),
        json!({"iss": TENANT_ISSUER, "jwks": {"keys": [jwk("es384")]}, "tenants": ["hospital-a"]}),
    ];
    issuers.extend(extra_issuer);
    let file = dir.path().join("issuers.json");
    std::fs::write(&file, json!({"issuers": issuers}).to_string()).unwrap();
    let app = spawn_with(|s| {
        s.auth = Some(AuthMode::Jwt);
        s.issuers = Some(file.clone());
        s.public_url = Some(PUBLIC_URL.into());
        s.jwks_refresh_s = 0;
    })
    .await;
    (app, dir)
}

async fn call_with_token(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = app
        .http
        .post(format!("{}/cds-services/{SERVICE}", app.address))
        .header("Content-Type", "application/json")
        .body(order_sign(complete_prefetch(), None).to_string());
    if let Some(token) = token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    request.send().await.unwrap()
}

async fn assert_refused(response: reqwest::Response, case: &str) {
    assert_eq!(response.status(), 401, "{case}");
    assert_eq!(response.headers()["www-authenticate"], "Bearer", "{case}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["resourceType"], "OperationOutcome", "{case}");
    assert_eq!(
        body["issue"][0]["details"]["coding"][0]["code"], "unauthorized",
        "{case}"
    );
}

fn unsigned(header: Value, claims: &Value) -> String {
    use base64::Engine;
    let encode = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.", encode(&header), encode(claims))
}

#[tokio::test]
async fn jwt_table_of_accepted_and_refused_tokens() {
    let (app, _dir) = spawn_jwt(None).await;

    // Accepted.
    let accepted = [
        ("valid ES384", es384(&claims(ISSUER))),
        (
            "valid RS384",
            sign(
                Algorithm::RS384,
                "rsa-1",
                &key("rs384.pem"),
                &claims(ISSUER),
            ),
        ),
        ("aud as an array", {
            let mut c = claims(ISSUER);
            c["aud"] = json!(["https://other.example.org", audience(SERVICE)]);
            es384(&c)
        }),
        ("tenant on the issuer's list", {
            let mut c = claims(TENANT_ISSUER);
            c["tenant"] = json!("hospital-a");
            es384(&c)
        }),
    ];
    for (case, token) in &accepted {
        let response = call_with_token(&app, Some(token)).await;
        assert_eq!(
            response.status(),
            200,
            "{case}: {}",
            response.text().await.unwrap()
        );
    }

    // Refused.
    let replayed = es384(&claims(ISSUER));
    assert_eq!(
        call_with_token(&app, Some(&replayed)).await.status(),
        200,
        "first use of the replayed token"
    );
    let refused: Vec<(&str, Option<String>)> = vec![
        ("no token", None),
        ("garbage", Some("not.a.jwt".into())),
        (
            "alg none",
            Some(unsigned(
                json!({"alg": "none", "typ": "JWT", "kid": "ec-1"}),
                &claims(ISSUER),
            )),
        ),
        (
            "HS256 signed with the public key",
            Some(sign(
                Algorithm::HS256,
                "ec-1",
                &key("es384.pub.pem"),
                &claims(ISSUER),
            )),
        ),
        (
            "bad signature",
            Some(sign(
                Algorithm::ES384,
                "ec-1",
                &key("es384-other.pem"),
                &claims(ISSUER),
            )),
        ),
        (
            "unknown kid",
            Some(sign(
                Algorithm::ES384,
                "ec-unknown",
                &key("es384.pem"),
                &claims(ISSUER),
            )),
        ),
        (
            "unknown iss",
            Some(es384(&claims("https://evil.example.org"))),
        ),
        (
            "jku not allowed",
            Some({
                let mut header = Header::new(Algorithm::ES384);
                header.kid = Some("ec-1".into());
                header.jku = Some("https://evil.example.org/jwks.json".into());
                jsonwebtoken::encode(
                    &header,
                    &claims(ISSUER),
                    &EncodingKey::from_ec_pem(key("es384.pem").as_bytes()).unwrap(),
                )
                .unwrap()
            }),
        ),
        (
            "the aud of another service",
            Some({
                let mut c = claims(ISSUER);
                c["aud"] = json!(audience("venous-stent-sign"));
                es384(&c)
            }),
        ),
        (
            "expired",
            Some({
                let mut c = claims(ISSUER);
                c["iat"] = json!(now() - 600);
                c["nbf"] = json!(now() - 600);
                c["exp"] = json!(now() - 300);
                es384(&c)
            }),
        ),
        (
            "exp more than 5 minutes after iat",
            Some({
                let mut c = claims(ISSUER);
                c["exp"] = json!(now() + 3600);
                es384(&c)
            }),
        ),
        (
            "missing jti",
            Some({
                let mut c = claims(ISSUER);
                c.as_object_mut().unwrap().remove("jti");
                es384(&c)
            }),
        ),
        ("replayed jti", Some(replayed)),
        (
            "tenant not allowed",
            Some({
                let mut c = claims(TENANT_ISSUER);
                c["tenant"] = json!("hospital-b");
                es384(&c)
            }),
        ),
        (
            "no tenant where tenants are required",
            Some(es384(&claims(TENANT_ISSUER))),
        ),
    ];
    assert!(accepted.len() + refused.len() >= 15);
    for (case, token) in refused {
        assert_refused(call_with_token(&app, token.as_deref()).await, case).await;
    }
}

#[tokio::test]
async fn discovery_and_health_stay_open_when_authentication_is_on() {
    let (app, _dir) = spawn_jwt(None).await;
    for path in ["/cds-services", "/health/live", "/health/ready"] {
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
async fn a_rotated_key_is_fetched_from_jwks_url_without_a_restart() {
    let jwks = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/jwks.json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"keys": [jwk("es384")]})))
        .up_to_n_times(1)
        .expect(1)
        .mount(&jwks)
        .await;
    Mock::given(method("GET"))
        .and(path("/jwks.json"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"keys": [jwk("es384"), jwk("es384-rotated")]})),
        )
        .expect(1)
        .mount(&jwks)
        .await;
    let rotating = "https://rotating-ehr.example.org";
    let (app, _dir) = spawn_jwt(Some(
        json!({"iss": rotating, "jwks_url": format!("{}/jwks.json", jwks.uri())}),
    ))
    .await;

    let old = es384(&claims(rotating));
    assert_eq!(
        call_with_token(&app, Some(&old)).await.status(),
        200,
        "the first key, read from jwks_url"
    );
    let again = es384(&claims(rotating));
    assert_eq!(
        call_with_token(&app, Some(&again)).await.status(),
        200,
        "cached: no second read"
    );
    let new = sign(
        Algorithm::ES384,
        "ec-2",
        &key("es384-rotated.pem"),
        &claims(rotating),
    );
    assert_eq!(
        call_with_token(&app, Some(&new)).await.status(),
        200,
        "the rotated key, read on its unknown kid"
    );
}

#[test]
fn binding_a_public_address_without_an_auth_setting_refuses_to_start_naming_venous_cds_auth() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_venous-cds"))
        .arg("serve")
        .env("VENOUS_CDS_BIND", "0.0.0.0:0")
        .env_remove("VENOUS_CDS_AUTH")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("VENOUS_CDS_AUTH"), "{stderr}");
}

#[tokio::test]
async fn an_issuer_over_its_rate_limit_gets_429_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("issuers.json");
    std::fs::write(
        &file,
        json!({"issuers": [{"iss": ISSUER, "jwks": {"keys": [jwk("es384")]}}]}).to_string(),
    )
    .unwrap();
    let app = spawn_with(|s: &mut Settings| {
        s.auth = Some(AuthMode::Jwt);
        s.issuers = Some(file.clone());
        s.public_url = Some(PUBLIC_URL.into());
        s.rate_limit = Some(1);
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let response = call_with_token(&app, Some(&es384(&claims(ISSUER)))).await;
        if response.status() == 429 {
            assert!(
                response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse::<u64>()
                    .unwrap()
                    >= 1
            );
        }
        statuses.push(response.status().as_u16());
    }
    assert_eq!(&statuses[..2], &[200, 200], "burst of two");
    assert!(statuses[2..].contains(&429), "{statuses:?}");
}

#[tokio::test]
async fn a_token_replayed_to_another_replica_sharing_postgresql_is_refused() {
    let url = tokio::task::spawn_blocking(postgres_url).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("issuers.json");
    std::fs::write(
        &file,
        json!({"issuers": [{"iss": ISSUER, "jwks": {"keys": [jwk("es384")]}}]}).to_string(),
    )
    .unwrap();
    let replica = || {
        let (file, url) = (file.clone(), url.to_owned());
        spawn_with(move |s: &mut Settings| {
            s.auth = Some(AuthMode::Jwt);
            s.issuers = Some(file);
            s.public_url = Some(PUBLIC_URL.into());
            s.database_url = venous_cds::settings::Secret(url);
        })
    };
    let (first, second) = (replica().await, replica().await);
    let token = es384(&claims(ISSUER));
    assert_eq!(call_with_token(&first, Some(&token)).await.status(), 200);
    assert_refused(
        call_with_token(&second, Some(&token)).await,
        "replayed to the second replica",
    )
    .await;
}
