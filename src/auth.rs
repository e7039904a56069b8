//! Trust: CDS Hooks 2.0 JWT authentication of the calling EHR, and per-issuer rate limits.
//!
//! Every service and feedback call carries `Authorization: Bearer <JWT>` signed by the EHR
//! (CDS Hooks 2.0 "Trusting CDS Clients"). The token is accepted only when: its `alg` is an
//! asymmetric algorithm on the allowlist (never `none`, never HMAC); `kid` picks a key of the
//! issuer's JWK Set (static, from `jwks_url`, or from an allowlisted `jku`); the signature
//! verifies; `iss` is a configured issuer; `aud` (string or array) names this endpoint
//! (`VENOUS_CDS_PUBLIC_URL` + path); `exp` is in the future (60 s skew) and at most 5 minutes
//! after `iat`; `jti` is present and not seen before within its lifetime; `tenant` is on the
//! issuer's list when one is configured. Remote JWK Sets are cached and re-read, at most once
//! per [`JWKS_REFRESH_INTERVAL`], when an unknown `kid` arrives, so keys rotate without a
//! restart. Tokens are never logged.
//!
//! This module and `fhir` are the only ones that talk to other servers (JWK Sets of trusted
//! issuers only).

use std::collections::{HashMap, HashSet};
use std::num::NonZeroU32;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine as _;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use url::Url;

use crate::fhir::client::ServerPolicy;
use crate::ledger::Store;

/// Asymmetric algorithms accepted (CDS Hooks 2.0 requires ES384 and RS384 support).
pub const ALLOWED_ALGORITHMS: [Algorithm; 6] = [
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::PS256,
    Algorithm::PS384,
];
/// Clock skew tolerated on `exp`, `nbf` and `iat` (seconds).
pub const CLOCK_SKEW_SECONDS: u64 = 60;
/// Longest accepted token lifetime, `exp − iat` (CDS Hooks 2.0: "5 minutes").
pub const MAX_LIFETIME_SECONDS: i64 = 300;
/// Least time between two reads of one remote JWK Set (default of `VENOUS_CDS_JWKS_REFRESH_S`).
pub const JWKS_REFRESH_INTERVAL: Duration = Duration::from_secs(30);
/// Most `jti`s remembered per replica; past it the soonest-expiring are forgotten first.
pub const REPLAY_CACHE_CAPACITY: usize = 200_000;
/// Timeout of a JWK Set read.
const JWKS_TIMEOUT: Duration = Duration::from_secs(5);

/// Why a call was not authenticated. The label is logged and counted; the token never is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum AuthFailure {
    /// No `Authorization: Bearer` header.
    #[error("no bearer token")]
    MissingToken,
    /// Not a JWT, or a required header field is missing.
    #[error("the token is not a well-formed JWT")]
    Malformed,
    /// `alg` is not an allowed asymmetric algorithm.
    #[error("the token's algorithm is not allowed")]
    Algorithm,
    /// `iss` is not a configured issuer.
    #[error("the token's issuer is not trusted")]
    UnknownIssuer,
    /// `jku` is not on the issuer's allowlist.
    #[error("the token's jku is not allowed for its issuer")]
    JkuNotAllowed,
    /// No key of the issuer's JWK Set has the token's `kid`.
    #[error("no key of the issuer has the token's kid")]
    UnknownKey,
    /// The issuer's JWK Set could not be read.
    #[error("the issuer's keys could not be read")]
    KeysUnavailable,
    /// The signature does not verify.
    #[error("the token's signature does not verify")]
    BadSignature,
    /// `aud` does not name this endpoint.
    #[error("the token is not addressed to this endpoint")]
    Audience,
    /// `exp` is past (or `nbf` in the future).
    #[error("the token has expired or is not yet valid")]
    Expired,
    /// `exp` is more than 5 minutes after `iat`, or `iat` is missing or in the future.
    #[error("the token's lifetime is not acceptable")]
    Lifetime,
    /// `jti` is missing.
    #[error("the token has no jti")]
    MissingJti,
    /// `jti` was already used.
    #[error("the token was already used")]
    Replayed,
    /// `tenant` is not on the issuer's list.
    #[error("the token's tenant is not allowed")]
    Tenant,
}

impl AuthFailure {
    /// Stable label for logs and metrics.
    pub fn label(self) -> &'static str {
        match self {
            AuthFailure::MissingToken => "missing-token",
            AuthFailure::Malformed => "malformed",
            AuthFailure::Algorithm => "algorithm",
            AuthFailure::UnknownIssuer => "unknown-issuer",
            AuthFailure::JkuNotAllowed => "jku-not-allowed",
            AuthFailure::UnknownKey => "unknown-key",
            AuthFailure::KeysUnavailable => "keys-unavailable",
            AuthFailure::BadSignature => "bad-signature",
            AuthFailure::Audience => "audience",
            AuthFailure::Expired => "expired",
            AuthFailure::Lifetime => "lifetime",
            AuthFailure::MissingJti => "missing-jti",
            AuthFailure::Replayed => "replayed",
            AuthFailure::Tenant => "tenant",
        }
    }
}

/// One trusted issuer, as configured in the `VENOUS_CDS_ISSUERS` file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerConfig {
    /// `iss`.
    pub iss: String,
    /// A static JWK Set.
    #[serde(default)]
    pub jwks: Option<JwkSet>,
    /// Where the issuer publishes its JWK Set.
    #[serde(default)]
    pub jwks_url: Option<String>,
    /// `jku` values this issuer may send.
    #[serde(default)]
    pub jku_allow: Vec<String>,
    /// Allowed `tenant` claims; absent = any or none.
    #[serde(default)]
    pub tenants: Option<Vec<String>>,
    /// `fhirServer` base URLs this issuer's calls may make the service read from.
    #[serde(default)]
    pub fhir_servers: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssuersFile {
    issuers: Vec<IssuerConfig>,
}

/// The issuers file is not usable; the message names the problem.
#[derive(Debug, thiserror::Error)]
#[error("VENOUS_CDS_ISSUERS {path}: {problem}")]
pub struct IssuersError {
    path: String,
    problem: String,
}

/// Reads and checks an issuers file.
pub fn load_issuers(path: &Path) -> Result<Vec<IssuerConfig>, IssuersError> {
    let error = |problem: String| IssuersError {
        path: path.display().to_string(),
        problem,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    let file: IssuersFile = serde_json::from_str(&text).map_err(|e| error(e.to_string()))?;
    let mut seen = HashSet::new();
    for issuer in &file.issuers {
        if !seen.insert(issuer.iss.clone()) {
            return Err(error(format!("issuer {} is listed twice", issuer.iss)));
        }
        if issuer.jwks.is_none() && issuer.jwks_url.is_none() && issuer.jku_allow.is_empty() {
            return Err(error(format!(
                "issuer {} has neither jwks, jwks_url nor jku_allow",
                issuer.iss
            )));
        }
        for url in issuer
            .jwks_url
            .iter()
            .chain(&issuer.jku_allow)
            .chain(issuer.fhir_servers.iter().flatten())
        {
            let parsed = Url::parse(url).map_err(|e| error(format!("{url}: {e}")))?;
            if parsed.scheme() != "https" && !is_loopback(&parsed) {
                return Err(error(format!("{url} must use https")));
            }
        }
    }
    if file.issuers.is_empty() {
        return Err(error("no issuers".into()));
    }
    Ok(file.issuers)
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Who is calling, once authenticated.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The issuer, or `None` when authentication is disabled.
    pub issuer: Option<String>,
    /// Where this caller's requests may make the service read FHIR data.
    pub fhir_policy: Option<ServerPolicy>,
}

#[derive(Debug, Deserialize)]
struct Claims {
    iss: String,
    exp: i64,
    #[serde(default)]
    iat: Option<i64>,
    #[serde(default)]
    jti: Option<String>,
    #[serde(default)]
    tenant: Option<String>,
}

#[derive(Deserialize)]
struct UnverifiedIssuer {
    iss: Option<String>,
}

struct CachedSet {
    set: JwkSet,
    read_at: Instant,
}

/// Remembered `jti`s with their expiry.
#[derive(Default)]
struct ReplayCache {
    seen: HashMap<(String, String), i64>,
}

impl ReplayCache {
    /// Records the token; false when it was already seen and has not expired.
    fn record(&mut self, iss: &str, jti: &str, exp: i64, now: i64) -> bool {
        let key = (iss.to_owned(), jti.to_owned());
        if self
            .seen
            .get(&key)
            .is_some_and(|until| *until + CLOCK_SKEW_SECONDS as i64 >= now)
        {
            return false;
        }
        if self.seen.len() >= REPLAY_CACHE_CAPACITY {
            self.seen
                .retain(|_, until| *until + CLOCK_SKEW_SECONDS as i64 >= now);
            while self.seen.len() >= REPLAY_CACHE_CAPACITY {
                let soonest = self
                    .seen
                    .iter()
                    .min_by_key(|(_, until)| **until)
                    .map(|(k, _)| k.clone());
                match soonest {
                    Some(k) => self.seen.remove(&k),
                    None => break,
                };
            }
        }
        self.seen.insert(key, exp);
        true
    }
}

/// Authenticates calls (or lets every call in when authentication is disabled).
pub struct Authenticator {
    issuers: Option<HashMap<String, IssuerConfig>>,
    public_url: Option<String>,
    keys: Mutex<HashMap<String, CachedSet>>,
    replay: Mutex<ReplayCache>,
    http: reqwest::Client,
    default_policy: ServerPolicy,
    refresh_interval: Duration,
    shared_replay: Option<Store>,
}

impl Authenticator {
    /// Authentication disabled: every call is let in; FHIR reads follow `default_policy`.
    pub fn disabled(default_policy: ServerPolicy) -> Authenticator {
        Authenticator {
            issuers: None,
            public_url: None,
            keys: Mutex::default(),
            replay: Mutex::default(),
            http: reqwest::Client::new(),
            default_policy,
            refresh_interval: JWKS_REFRESH_INTERVAL,
            shared_replay: None,
        }
    }

    /// Also records `jti`s in the shared database (PostgreSQL), so a token replayed to another
    /// replica is refused too.
    pub fn with_shared_replay(mut self, store: Store) -> Authenticator {
        self.shared_replay = Some(store);
        self
    }

    /// Sets the least time between two reads of one remote JWK Set.
    pub fn with_refresh_interval(mut self, interval: Duration) -> Authenticator {
        self.refresh_interval = interval;
        self
    }

    /// JWT authentication against `issuers`, for endpoints below `public_url`.
    pub fn jwt(
        issuers: Vec<IssuerConfig>,
        public_url: &str,
        default_policy: ServerPolicy,
    ) -> Result<Authenticator, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(JWKS_TIMEOUT)
            .build()?;
        Ok(Authenticator {
            issuers: Some(issuers.into_iter().map(|i| (i.iss.clone(), i)).collect()),
            public_url: Some(public_url.trim_end_matches('/').to_owned()),
            keys: Mutex::default(),
            replay: Mutex::default(),
            http,
            default_policy,
            refresh_interval: JWKS_REFRESH_INTERVAL,
            shared_replay: None,
        })
    }

    /// Whether calls must carry a JWT.
    pub fn enabled(&self) -> bool {
        self.issuers.is_some()
    }

    /// Checks the `Authorization` header of a call to `path` (e.g. `/cds-services/x`).
    pub async fn authenticate(
        &self,
        authorization: Option<&str>,
        path: &str,
    ) -> Result<Caller, AuthFailure> {
        let Some(issuers) = &self.issuers else {
            return Ok(Caller {
                issuer: None,
                fhir_policy: Some(self.default_policy.clone()),
            });
        };
        let token = authorization
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(AuthFailure::MissingToken)?;
        let header = jsonwebtoken::decode_header(token).map_err(|_| AuthFailure::Malformed)?;
        if !ALLOWED_ALGORITHMS.contains(&header.alg) {
            return Err(AuthFailure::Algorithm);
        }
        let kid = header.kid.as_deref().ok_or(AuthFailure::Malformed)?;
        let iss = unverified_issuer(token).ok_or(AuthFailure::Malformed)?;
        let issuer = issuers.get(&iss).ok_or(AuthFailure::UnknownIssuer)?;
        let key = self.key_for(issuer, header.jku.as_deref(), kid).await?;

        let mut validation = Validation::new(header.alg);
        validation.leeway = CLOCK_SKEW_SECONDS;
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.set_issuer(&[iss.as_str()]);
        let audience = format!("{}{}", self.public_url.as_deref().unwrap_or(""), path);
        validation.set_audience(&[audience.as_str()]);
        let data = jsonwebtoken::decode::<Claims>(token, &key, &validation).map_err(|e| {
            use jsonwebtoken::errors::ErrorKind;
            match e.kind() {
                ErrorKind::InvalidSignature
                | ErrorKind::InvalidEcdsaKey
                | ErrorKind::InvalidRsaKey(_)
                | ErrorKind::InvalidAlgorithm => AuthFailure::BadSignature,
                ErrorKind::ExpiredSignature | ErrorKind::ImmatureSignature => AuthFailure::Expired,
                ErrorKind::InvalidAudience => AuthFailure::Audience,
                ErrorKind::InvalidIssuer => AuthFailure::UnknownIssuer,
                ErrorKind::MissingRequiredClaim(claim) if claim == "aud" => AuthFailure::Audience,
                _ => AuthFailure::Malformed,
            }
        })?;
        let claims = data.claims;
        let now = chrono::Utc::now().timestamp();
        let iat = claims.iat.ok_or(AuthFailure::Lifetime)?;
        if iat > now + CLOCK_SKEW_SECONDS as i64 || claims.exp - iat > MAX_LIFETIME_SECONDS {
            return Err(AuthFailure::Lifetime);
        }
        let jti = claims
            .jti
            .as_deref()
            .filter(|j| !j.is_empty())
            .ok_or(AuthFailure::MissingJti)?;
        if let Some(tenants) = &issuer.tenants {
            if !claims.tenant.as_ref().is_some_and(|t| tenants.contains(t)) {
                return Err(AuthFailure::Tenant);
            }
        }
        let fresh = self.replay.lock().expect("replay cache lock").record(
            &claims.iss,
            jti,
            claims.exp,
            now,
        );
        if !fresh {
            return Err(AuthFailure::Replayed);
        }
        if let Some(store) = &self.shared_replay {
            match store.record_jti(&claims.iss, jti, claims.exp, now).await {
                Ok(true) => {}
                Ok(false) => return Err(AuthFailure::Replayed),
                // The per-replica cache still refuses replays here; an unreachable database
                // must not stop every call.
                Err(error) => tracing::error!(error = %error, "shared replay cache unavailable"),
            }
        }
        let fhir_policy = issuer
            .fhir_servers
            .as_deref()
            .map(|list| ServerPolicy::from_setting(Some(list)))
            .unwrap_or_else(|| self.default_policy.clone());
        Ok(Caller {
            issuer: Some(claims.iss),
            fhir_policy: Some(fhir_policy),
        })
    }

    async fn key_for(
        &self,
        issuer: &IssuerConfig,
        jku: Option<&str>,
        kid: &str,
    ) -> Result<DecodingKey, AuthFailure> {
        let url = match jku {
            Some(jku) if issuer.jku_allow.iter().any(|allowed| allowed == jku) => Some(jku),
            Some(_) => return Err(AuthFailure::JkuNotAllowed),
            None => issuer.jwks_url.as_deref(),
        };
        let Some(url) = url else {
            let set = issuer.jwks.as_ref().ok_or(AuthFailure::UnknownKey)?;
            let jwk = set.find(kid).ok_or(AuthFailure::UnknownKey)?;
            return DecodingKey::from_jwk(jwk).map_err(|_| AuthFailure::UnknownKey);
        };
        if let Some(key) = self.cached_key(url, kid) {
            return key;
        }
        // Unknown kid (or nothing cached): re-read the set, at most once per interval.
        let may_read = self
            .keys
            .lock()
            .expect("key cache lock")
            .get(url)
            .is_none_or(|cached| cached.read_at.elapsed() >= self.refresh_interval);
        if may_read {
            let set = self.read_set(url).await?;
            self.keys.lock().expect("key cache lock").insert(
                url.to_owned(),
                CachedSet {
                    set,
                    read_at: Instant::now(),
                },
            );
            tracing::info!(issuer = %issuer.iss, "issuer keys read");
        }
        self.cached_key(url, kid)
            .unwrap_or(Err(AuthFailure::UnknownKey))
    }

    fn cached_key(&self, url: &str, kid: &str) -> Option<Result<DecodingKey, AuthFailure>> {
        let keys = self.keys.lock().expect("key cache lock");
        let jwk = keys.get(url)?.set.find(kid)?;
        Some(DecodingKey::from_jwk(jwk).map_err(|_| AuthFailure::UnknownKey))
    }

    async fn read_set(&self, url: &str) -> Result<JwkSet, AuthFailure> {
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|_| AuthFailure::KeysUnavailable)?;
        if !response.status().is_success() {
            return Err(AuthFailure::KeysUnavailable);
        }
        response
            .json::<JwkSet>()
            .await
            .map_err(|_| AuthFailure::KeysUnavailable)
    }
}

fn unverified_issuer(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice::<UnverifiedIssuer>(&bytes).ok()?.iss
}

/// Per-issuer request limits (`VENOUS_CDS_RATE_LIMIT` requests per second, burst twice that).
pub struct RateLimits {
    limiter: Option<DefaultKeyedRateLimiter<String>>,
}

impl RateLimits {
    /// `None` or 0 = unlimited.
    pub fn new(per_second: Option<u32>) -> RateLimits {
        let limiter = per_second.and_then(NonZeroU32::new).map(|rate| {
            let burst = rate.saturating_mul(NonZeroU32::new(2).expect("2 > 0"));
            RateLimiter::keyed(Quota::per_second(rate).allow_burst(burst))
        });
        RateLimits { limiter }
    }

    /// `Err(seconds to wait)` when `caller` is over its limit.
    pub fn check(&self, caller: &str) -> Result<(), u64> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        limiter.check_key(&caller.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(
                &governor::clock::DefaultClock::default(),
            ));
            wait.as_secs().max(1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jti_is_accepted_once_within_its_lifetime() {
        let mut cache = ReplayCache::default();
        assert!(cache.record("iss", "a", 1_000, 900));
        assert!(!cache.record("iss", "a", 1_000, 950));
        assert!(cache.record("other", "a", 1_000, 950), "jti is per issuer");
        assert!(
            cache.record("iss", "a", 2_000, 1_100),
            "expired entries may be reused"
        );
    }

    #[test]
    fn the_rate_limit_answers_with_a_wait_time() {
        let limits = RateLimits::new(Some(1));
        assert!(limits.check("ehr").is_ok());
        assert!(limits.check("ehr").is_ok(), "burst of two");
        assert!(limits.check("ehr").unwrap_err() >= 1);
        assert!(limits.check("other-ehr").is_ok());
        assert!(RateLimits::new(None).check("ehr").is_ok());
    }
}
