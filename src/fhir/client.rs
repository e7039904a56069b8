//! Reads from the EHR's FHIR server when prefetch is incomplete.
//!
//! The only module that talks to other servers. It reads only from allowed base URLs (the
//! configured list, or loopback when none is configured), over https except on loopback,
//! never follows redirects, caps every answer's size and the number of search pages, and
//! never logs the bearer token.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::header::{ACCEPT, AUTHORIZATION};
use serde_json::Value;
use url::Url;

/// Largest FHIR answer read into memory, per page.
const MAX_ANSWER_BYTES: usize = 32 * 1024 * 1024;

/// Why a read failed. The text never contains the token or patient data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The request named no `fhirServer`.
    #[error("the request names no fhirServer to read from")]
    NoServer,
    /// `fhirServer` is not an allowed base URL.
    #[error("fhirServer {0} is not an allowed FHIR server")]
    NotAllowed(String),
    /// `fhirServer` is not a usable URL.
    #[error("fhirServer is not a valid URL: {0}")]
    BadUrl(String),
    /// A `next` link points outside the server.
    #[error("a search page link leaves the FHIR server")]
    ForeignLink,
    /// Connection failure.
    #[error("the FHIR server could not be reached")]
    Unreachable,
    /// No answer in time.
    #[error("the FHIR server did not answer within {0} ms")]
    Timeout(u64),
    /// A non-2xx status.
    #[error("the FHIR server answered HTTP {0}")]
    Status(u16),
    /// The answer is not the JSON the search or read promises.
    #[error("the FHIR server answered {0}")]
    UnexpectedAnswer(String),
    /// The answer exceeds the size cap.
    #[error("the FHIR server's answer exceeds {} MiB", MAX_ANSWER_BYTES / 1024 / 1024)]
    TooLarge,
}

impl FetchError {
    /// Stable label for metrics.
    pub fn label(&self) -> &'static str {
        match self {
            FetchError::NoServer => "no-server",
            FetchError::NotAllowed(_) => "not-allowed",
            FetchError::BadUrl(_) => "bad-url",
            FetchError::ForeignLink => "foreign-link",
            FetchError::Unreachable => "unreachable",
            FetchError::Timeout(_) => "timeout",
            FetchError::Status(_) => "status",
            FetchError::UnexpectedAnswer(_) => "unexpected-answer",
            FetchError::TooLarge => "too-large",
        }
    }
}

/// Which servers may be read.
#[derive(Debug, Clone)]
pub enum ServerPolicy {
    /// Only these base URLs (and paths below them).
    Allowed(Vec<Url>),
    /// Only loopback servers (no list configured: local work).
    LoopbackOnly,
}

impl ServerPolicy {
    /// From the `VENOUS_CDS_FHIR_SERVERS` setting.
    pub fn from_setting(servers: Option<&[String]>) -> ServerPolicy {
        match servers {
            Some(list) => {
                ServerPolicy::Allowed(list.iter().filter_map(|s| Url::parse(s).ok()).collect())
            }
            None => ServerPolicy::LoopbackOnly,
        }
    }

    /// Parses `fhir_server` and checks it against the policy and the https rule.
    pub fn check(&self, fhir_server: &str) -> Result<Url, FetchError> {
        let url = Url::parse(fhir_server).map_err(|e| FetchError::BadUrl(e.to_string()))?;
        let loopback = is_loopback(&url);
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => return Err(FetchError::NotAllowed(origin_of(&url))),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::NotAllowed(origin_of(&url)));
        }
        let allowed = match self {
            ServerPolicy::LoopbackOnly => loopback,
            ServerPolicy::Allowed(list) => list.iter().any(|base| is_below(&url, base)),
        };
        if allowed {
            Ok(url)
        } else {
            Err(FetchError::NotAllowed(origin_of(&url)))
        }
    }
}

fn origin_of(url: &Url) -> String {
    url.origin().ascii_serialization()
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Same origin, and the path of `url` is `base`'s path or below it.
fn is_below(url: &Url, base: &Url) -> bool {
    if url.origin() != base.origin() {
        return false;
    }
    let base_path = base.path().trim_end_matches('/');
    let path = url.path();
    path == base_path || path.starts_with(&format!("{base_path}/")) || base_path.is_empty()
}

/// One successful read, with how long it took.
#[derive(Debug)]
pub struct Fetched {
    /// The resources or bundles read: one value per page (a search) or the resource (a read).
    pub pages: Vec<Value>,
    /// Whether the search had more pages than the cap allowed.
    pub truncated: bool,
    /// Wall time of all pages.
    pub elapsed: Duration,
}

/// The HTTP client for FHIR reads, shared by all calls (pooled connections).
#[derive(Clone)]
pub struct FhirClient {
    http: reqwest::Client,
    policy: ServerPolicy,
    timeout: Duration,
    max_pages: u32,
}

impl FhirClient {
    /// A client with the given policy, per-read timeout and page cap.
    pub fn new(
        policy: ServerPolicy,
        timeout: Duration,
        max_pages: u32,
    ) -> Result<FhirClient, reqwest::Error> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .user_agent(concat!("venous-cds/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(FhirClient {
            http,
            policy,
            timeout,
            max_pages,
        })
    }

    /// The server policy.
    pub fn policy(&self) -> &ServerPolicy {
        &self.policy
    }

    /// Reads `relative` (a prefetch template after rendering, e.g. `Condition?patient=1`)
    /// from `server`. A query (`?`) is a search and must answer searchset Bundles, whose
    /// `next` links are followed up to the page cap; otherwise it is a read of one resource.
    pub async fn get(
        &self,
        server: &Url,
        relative: &str,
        token: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let started = Instant::now();
        let mut url = join(server, relative)?;
        let is_search = relative.contains('?') || !relative.contains('/');
        let mut pages = Vec::new();
        let mut truncated = false;
        loop {
            let page = self.get_json(&url, token).await?;
            if is_search {
                if page.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
                    return Err(FetchError::UnexpectedAnswer(describe(&page)));
                }
            } else if page.get("resourceType").and_then(Value::as_str).is_none()
                || page.get("resourceType").and_then(Value::as_str) == Some("OperationOutcome")
            {
                return Err(FetchError::UnexpectedAnswer(describe(&page)));
            }
            let next = if is_search { next_link(&page) } else { None };
            pages.push(page);
            match next {
                None => break,
                Some(_) if pages.len() as u32 >= self.max_pages => {
                    truncated = true;
                    break;
                }
                Some(link) => {
                    let next_url = server.join(&link).map_err(|_| FetchError::ForeignLink)?;
                    if !is_below(&next_url, server) {
                        return Err(FetchError::ForeignLink);
                    }
                    url = next_url;
                }
            }
        }
        Ok(Fetched {
            pages,
            truncated,
            elapsed: started.elapsed(),
        })
    }

    async fn get_json(&self, url: &Url, token: Option<&str>) -> Result<Value, FetchError> {
        let mut request = self
            .http
            .get(url.clone())
            .header(ACCEPT, "application/fhir+json, application/json;q=0.9")
            .timeout(self.timeout);
        if let Some(token) = token {
            request = request.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        let timeout_ms = self.timeout.as_millis() as u64;
        let response = request.send().await.map_err(|e| classify(&e, timeout_ms))?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|len| len as usize > MAX_ANSWER_BYTES)
        {
            return Err(FetchError::TooLarge);
        }
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| classify(&e, timeout_ms))?;
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(FetchError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        serde_json::from_slice(&body)
            .map_err(|_| FetchError::UnexpectedAnswer("a body that is not JSON".into()))
    }
}

fn classify(error: &reqwest::Error, timeout_ms: u64) -> FetchError {
    if error.is_timeout() {
        FetchError::Timeout(timeout_ms)
    } else {
        FetchError::Unreachable
    }
}

fn describe(value: &Value) -> String {
    match value.get("resourceType").and_then(Value::as_str) {
        Some(kind) => format!("a {kind} where a Bundle or resource was expected"),
        None => "JSON that is not a FHIR resource".into(),
    }
}

/// Appends a relative FHIR path to a base URL, keeping the base's path.
fn join(base: &Url, relative: &str) -> Result<Url, FetchError> {
    let mut text = base.as_str().trim_end_matches('/').to_owned();
    text.push('/');
    text.push_str(relative.trim_start_matches('/'));
    Url::parse(&text).map_err(|e| FetchError::BadUrl(e.to_string()))
}

fn next_link(bundle: &Value) -> Option<String> {
    bundle
        .get("link")?
        .as_array()?
        .iter()
        .find(|l| l.get("relation").and_then(Value::as_str) == Some("next"))?
        .get("url")?
        .as_str()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_is_allowed_when_no_server_list_is_configured() {
        let policy = ServerPolicy::LoopbackOnly;
        assert!(policy.check("http://127.0.0.1:8080/fhir").is_ok());
        assert!(policy.check("http://localhost/fhir").is_ok());
        assert!(policy.check("http://[::1]:9/fhir").is_ok());
        assert!(matches!(
            policy.check("https://ehr.example.org/fhir"),
            Err(FetchError::NotAllowed(_))
        ));
        assert!(matches!(
            policy.check("not a url"),
            Err(FetchError::BadUrl(_))
        ));
    }

    #[test]
    fn a_configured_server_allows_its_paths_only_over_https() {
        let policy = ServerPolicy::from_setting(Some(&["https://ehr.example.org/fhir".to_owned()]));
        assert!(policy.check("https://ehr.example.org/fhir").is_ok());
        assert!(policy.check("https://ehr.example.org/fhir/").is_ok());
        assert!(policy.check("https://ehr.example.org/fhirx").is_err());
        assert!(policy.check("https://ehr.example.org/other").is_err());
        assert!(policy.check("http://ehr.example.org/fhir").is_err());
        assert!(policy.check("https://evil.example.org/fhir").is_err());
        assert!(policy
            .check("https://user:pw@ehr.example.org/fhir")
            .is_err());
    }

    #[test]
    fn relative_paths_are_joined_below_the_base() {
        let base = Url::parse("https://ehr.example.org/fhir/r4").unwrap();
        assert_eq!(
            join(&base, "Condition?patient=1").unwrap().as_str(),
            "https://ehr.example.org/fhir/r4/Condition?patient=1"
        );
    }
}
