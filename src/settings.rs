//! Typed, documented settings: built-in defaults, then an optional TOML file, then
//! `VENOUS_CDS_*` environment variables (the environment wins).
//!
//! Settings never hold patient data. Secrets (none yet) must never be printed: `Debug` of a
//! secret field is redacted.

use std::net::SocketAddr;
use std::path::PathBuf;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Deserializer, Serialize};

/// The region profile: drug availability, doses and region-only rules (clinical-rules.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// International profile (default).
    #[default]
    Intl,
    /// Japan.
    Jp,
    /// China.
    Cn,
}

impl Region {
    /// The profile's setting value.
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Intl => "intl",
            Region::Jp => "jp",
            Region::Cn => "cn",
        }
    }
}

impl std::str::FromStr for Region {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "intl" => Ok(Region::Intl),
            "jp" => Ok(Region::Jp),
            "cn" => Ok(Region::Cn),
            other => Err(format!(
                "unknown region `{other}` (expected intl, jp or cn)"
            )),
        }
    }
}

/// Whether incoming FHIR resources are also checked against the full R4 model (fhirbolt,
/// Strict). Findings are data issues; they never remove facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FhirValidation {
    /// No model validation on the hot path (default).
    #[default]
    Off,
    /// Validate every resource and report failures as data issues.
    Report,
}

/// How calls are authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMode {
    /// CDS Hooks 2.0 JWTs from the issuers of `VENOUS_CDS_ISSUERS`.
    Jwt,
    /// No authentication (explicit; only for trusted networks and local work).
    Disabled,
}

/// An on/off setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Switch {
    /// On.
    On,
    /// Off.
    Off,
}

/// A secret setting: never printed.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<secret>")
    }
}

/// All settings of the service.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// `VENOUS_CDS_BIND`: address and port to listen on.
    pub bind: SocketAddr,
    /// `VENOUS_CDS_REGION`: `intl` | `jp` | `cn`.
    pub region: Region,
    /// `VENOUS_CDS_FHIR_SERVERS`: comma-separated base URLs the service may read from when a
    /// request names them as `fhirServer`. Unset: only loopback servers (local work).
    #[serde(
        deserialize_with = "comma_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub fhir_servers: Option<Vec<String>>,
    /// `VENOUS_CDS_FHIR_TIMEOUT_MS`: timeout of one FHIR read, in milliseconds.
    pub fhir_timeout_ms: u64,
    /// `VENOUS_CDS_FHIR_MAX_PAGES`: how many pages of one search are followed at most.
    pub fhir_max_pages: u32,
    /// `VENOUS_CDS_MAX_BODY_BYTES`: largest accepted request body.
    pub max_body_bytes: usize,
    /// `VENOUS_CDS_CORS_ORIGINS`: comma-separated browser origins allowed to call the service.
    /// Unset: no CORS headers at all.
    #[serde(
        deserialize_with = "comma_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub cors_origins: Option<Vec<String>>,
    /// `VENOUS_CDS_KNOWLEDGE_DIR`: folder of extra or overriding FHIR ValueSets (local codes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub knowledge_dir: Option<PathBuf>,
    /// `VENOUS_CDS_FHIR_VALIDATION`: `off` | `report`.
    pub fhir_validation: FhirValidation,
    /// `VENOUS_CDS_AUTH`: `jwt` | `disabled`. Unset is allowed only on a loopback address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth: Option<AuthMode>,
    /// `VENOUS_CDS_ISSUERS`: path of the trusted-issuers JSON file (required with `jwt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuers: Option<PathBuf>,
    /// `VENOUS_CDS_PUBLIC_URL`: the service's external base URL; a token's `aud` must be this
    /// URL plus the request path (required with `jwt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
    /// `VENOUS_CDS_JWKS_REFRESH_S`: least seconds between two reads of an issuer's JWK Set
    /// (re-read when a token names an unknown `kid`).
    pub jwks_refresh_s: u64,
    /// `VENOUS_CDS_RATE_LIMIT`: requests per second per issuer (burst twice that); 0 = off.
    /// Default: 200 with JWT authentication, off without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<u32>,
    /// `VENOUS_CDS_MAX_JSON_DEPTH`: deepest accepted JSON nesting.
    pub max_json_depth: usize,
    /// `VENOUS_CDS_MAX_RESOURCES`: most FHIR resources accepted in one call.
    pub max_resources: usize,
    /// `VENOUS_CDS_CALL_BUDGET_MS`: total time allowed for reading missing prefetch.
    pub call_budget_ms: u64,
    /// `VENOUS_CDS_MAX_CONNECTIONS`: concurrent connections per worker.
    pub max_connections: usize,
    /// `VENOUS_CDS_SHUTDOWN_TIMEOUT_S`: on SIGTERM, how long in-flight calls may finish.
    pub shutdown_timeout_s: u64,
    /// `VENOUS_CDS_DATABASE_URL`: the card ledger and feedback store: `sqlite:<file>` (default
    /// `sqlite:venous-cds.db` in the working directory, created on first start) or
    /// `postgres://…` for several replicas.
    pub database_url: Secret,
    /// `VENOUS_CDS_DEFAULT_LANGUAGE`: card language when `Accept-Language` names none the
    /// service writes: `en` | `ja` | `zh`.
    pub default_language: crate::cards::Language,
    /// `VENOUS_CDS_PREVIEW`: the built-in preview page at `/preview`: `on` | `off`; unset = on
    /// when bound to a loopback address, off otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<Switch>,
    /// `VENOUS_CDS_LEDGER_KEY`: secret key of the patient-id hash in the ledger; unset = a key
    /// generated on first start and kept in the database.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger_key: Option<Secret>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            region: Region::Intl,
            fhir_servers: None,
            fhir_timeout_ms: 3000,
            fhir_max_pages: 20,
            max_body_bytes: 8 * 1024 * 1024,
            cors_origins: None,
            knowledge_dir: None,
            fhir_validation: FhirValidation::Off,
            auth: None,
            issuers: None,
            public_url: None,
            rate_limit: None,
            jwks_refresh_s: 30,
            max_json_depth: DEFAULT_MAX_JSON_DEPTH,
            max_resources: 10_000,
            call_budget_ms: 5_000,
            max_connections: 10_000,
            shutdown_timeout_s: DEFAULT_SHUTDOWN_TIMEOUT_S,
            database_url: Secret(DEFAULT_DATABASE_URL.into()),
            default_language: crate::cards::Language::En,
            preview: None,
            ledger_key: None,
        }
    }
}

/// Default deepest JSON nesting: FHIR resources nest about 10–15 levels.
pub const DEFAULT_MAX_JSON_DEPTH: usize = 64;
/// serde_json's fixed recursion limit: deeper input is refused while parsing.
pub const MAX_JSON_PARSER_DEPTH: usize = 127;
/// Default graceful-shutdown time; the Kubernetes `terminationGracePeriodSeconds` is set above it.
pub const DEFAULT_SHUTDOWN_TIMEOUT_S: u64 = 25;
/// Default store: a SQLite file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:venous-cds.db";
/// Default per-issuer rate limit with JWT authentication (requests per second).
pub const DEFAULT_RATE_LIMIT_WITH_JWT: u32 = 200;

/// Settings could not be loaded; the message names the offending setting.
#[derive(Debug, thiserror::Error)]
#[error("invalid settings: {0}")]
pub struct SettingsError(String);

impl Settings {
    /// Whether the preview page is served (`VENOUS_CDS_PREVIEW`, default: on loopback only).
    pub fn preview_enabled(&self) -> bool {
        match self.preview {
            Some(Switch::On) => true,
            Some(Switch::Off) => false,
            None => self.bind.ip().is_loopback(),
        }
    }

    /// Defaults, then the TOML file at `config_file` (if given), then `VENOUS_CDS_*` variables.
    pub fn load(config_file: Option<&std::path::Path>) -> Result<Settings, SettingsError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(path) = config_file {
            if !path.exists() {
                return Err(SettingsError(format!(
                    "config file {} does not exist",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        figment = figment.merge(Env::prefixed("VENOUS_CDS_").ignore(&["CONFIG"]));
        let settings: Settings = figment
            .extract()
            .map_err(|e| SettingsError(describe_figment_error(e)))?;
        settings.check()?;
        Ok(settings)
    }

    /// Cross-field checks that serde cannot express.
    pub fn check(&self) -> Result<(), SettingsError> {
        if self.fhir_timeout_ms == 0 {
            return Err(SettingsError(
                "VENOUS_CDS_FHIR_TIMEOUT_MS must be > 0".into(),
            ));
        }
        if self.max_body_bytes < 1024 {
            return Err(SettingsError(
                "VENOUS_CDS_MAX_BODY_BYTES must be ≥ 1024".into(),
            ));
        }
        if self.fhir_max_pages == 0 {
            return Err(SettingsError(
                "VENOUS_CDS_FHIR_MAX_PAGES must be ≥ 1".into(),
            ));
        }
        let url = &self.database_url.0;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            return Err(SettingsError(
                "VENOUS_CDS_DATABASE_URL must start with sqlite: or postgres://".into(),
            ));
        }
        if !(16..=MAX_JSON_PARSER_DEPTH).contains(&self.max_json_depth) {
            return Err(SettingsError(format!(
                "VENOUS_CDS_MAX_JSON_DEPTH must be between 16 and {MAX_JSON_PARSER_DEPTH} (the JSON parser's own limit)"
            )));
        }
        if self.auth == Some(AuthMode::Jwt) {
            if self.issuers.is_none() {
                return Err(SettingsError(
                    "VENOUS_CDS_AUTH=jwt needs VENOUS_CDS_ISSUERS (the trusted-issuers file)"
                        .into(),
                ));
            }
            match &self.public_url {
                None => {
                    return Err(SettingsError(
                        "VENOUS_CDS_AUTH=jwt needs VENOUS_CDS_PUBLIC_URL (the audience of tokens)"
                            .into(),
                    ))
                }
                Some(url) => {
                    url::Url::parse(url)
                        .map_err(|e| SettingsError(format!("VENOUS_CDS_PUBLIC_URL: {e}")))?;
                }
            }
        }
        if self.auth.is_none() && !self.bind.ip().is_loopback() {
            return Err(SettingsError(format!(
                "VENOUS_CDS_BIND={} is not a loopback address and VENOUS_CDS_AUTH is not set: set VENOUS_CDS_AUTH=jwt \
                 (with VENOUS_CDS_ISSUERS and VENOUS_CDS_PUBLIC_URL), or VENOUS_CDS_AUTH=disabled to accept \
                 unauthenticated calls on purpose",
                self.bind
            )));
        }
        for server in self.fhir_servers.iter().flatten() {
            url::Url::parse(server).map_err(|e| {
                SettingsError(format!(
                    "VENOUS_CDS_FHIR_SERVERS: `{server}` is not a URL: {e}"
                ))
            })?;
        }
        Ok(())
    }
}

fn describe_figment_error(error: figment::Error) -> String {
    error
        .into_iter()
        .map(|e| {
            let key = e.path.join(".");
            if key.is_empty() {
                e.kind.to_string()
            } else {
                format!("VENOUS_CDS_{}: {}", key.to_uppercase(), e.kind)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Accepts `"a,b"` (environment) or `["a", "b"]` (file); empty entries are dropped.
fn comma_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrString {
        List(Vec<String>),
        Text(String),
    }
    let raw: Option<ListOrString> = Option::deserialize(deserializer)?;
    Ok(raw.map(|value| {
        let items = match value {
            ListOrString::List(items) => items,
            ListOrString::Text(text) => text.split(',').map(str::to_owned).collect(),
        };
        items
            .into_iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_listen_on_loopback_8080_with_the_intl_profile() {
        let settings = Settings::default();
        assert_eq!(settings.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(settings.region, Region::Intl);
        assert_eq!(settings.fhir_timeout_ms, 3000);
        assert_eq!(settings.max_body_bytes, 8 * 1024 * 1024);
        assert!(settings.fhir_servers.is_none());
        assert!(settings.cors_origins.is_none());
    }

    #[test]
    fn environment_overrides_the_file_and_lists_split_on_commas() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("venous.toml", "region = \"cn\"\nfhir_timeout_ms = 1000\n")?;
            jail.set_env("VENOUS_CDS_REGION", "jp");
            jail.set_env(
                "VENOUS_CDS_FHIR_SERVERS",
                "https://ehr.example.org/fhir, https://other.example.org/r4",
            );
            let settings = Settings::load(Some(std::path::Path::new("venous.toml")))
                .map_err(|e| e.to_string())?;
            assert_eq!(settings.region, Region::Jp);
            assert_eq!(settings.fhir_timeout_ms, 1000);
            assert_eq!(
                settings.fhir_servers.unwrap(),
                vec![
                    "https://ehr.example.org/fhir",
                    "https://other.example.org/r4"
                ]
            );
            Ok(())
        });
    }

    #[test]
    fn a_public_address_without_an_auth_setting_is_refused_naming_venous_cds_auth() {
        let mut settings = Settings::default();
        settings.bind = "0.0.0.0:8080".parse().unwrap();
        let error = settings.check().unwrap_err().to_string();
        assert!(error.contains("VENOUS_CDS_AUTH"), "{error}");
        settings.auth = Some(AuthMode::Disabled);
        assert!(settings.check().is_ok());
        settings.auth = Some(AuthMode::Jwt);
        assert!(settings
            .check()
            .unwrap_err()
            .to_string()
            .contains("VENOUS_CDS_ISSUERS"));
    }

    #[test]
    fn an_unknown_region_is_refused_with_the_setting_named() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("VENOUS_CDS_REGION", "mars");
            let error = Settings::load(None).unwrap_err().to_string();
            assert!(error.contains("VENOUS_CDS_REGION"), "{error}");
            Ok(())
        });
    }
}
