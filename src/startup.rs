//! Builds the engine and the actix application from [`Settings`], binds, and runs until stopped.
//!
//! Shutdown: on SIGTERM or SIGINT the service turns not-ready (so the load balancer stops
//! sending), stops accepting connections, lets in-flight calls finish for up to
//! `VENOUS_CDS_SHUTDOWN_TIMEOUT_S`, then exits.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use actix_cors::Cors;
use actix_web::dev::{Server, ServerHandle};
use actix_web::http::header;
use actix_web::middleware::Condition;
use actix_web::{web, App, HttpServer};

use crate::auth::{self, Authenticator, RateLimits};
use crate::cards::Texts;
use crate::cds::call::{CallLimits, Engine};
use crate::cds::handlers;
use crate::cds::prefetch::FhirAccess;
use crate::cds::services::ServiceCatalogue;
use crate::fhir::client::{FhirClient, ServerPolicy};
use crate::fhir::terminology::Terminology;
use crate::ledger::{LedgerWriter, PatientHasher, Store};
use crate::settings::{AuthMode, Settings, DEFAULT_RATE_LIMIT_WITH_JWT};

/// State shared by every request.
pub struct AppState {
    /// Settings in force.
    pub settings: Settings,
    /// The call pipeline and its knowledge.
    pub engine: Engine,
    /// Who may call.
    pub auth: Authenticator,
    /// Per-issuer request limits.
    pub rate_limits: RateLimits,
    /// The ledger and feedback store.
    pub store: Store,
    /// Card ledger writes (batched, off the hot path).
    pub ledger: LedgerWriter,
    /// The keyed patient hash of the ledger.
    pub patient_hasher: PatientHasher,
    /// Whether the service accepts calls (false while starting or stopping).
    pub ready: AtomicBool,
}

/// Loads and validates everything the service needs to answer calls: `hooks/`, the value sets
/// (built-in and local) and the card texts. This is what `venous-cds validate` runs.
pub fn build_engine(settings: &Settings) -> anyhow::Result<Engine> {
    let catalogue = ServiceCatalogue::load()?;
    let terminology = Terminology::load(settings.knowledge_dir.as_deref())?;
    let texts = Texts::load()?;
    let client = FhirClient::new(
        ServerPolicy::from_setting(settings.fhir_servers.as_deref()),
        Duration::from_millis(settings.fhir_timeout_ms),
        settings.fhir_max_pages,
    )?;
    Ok(Engine {
        catalogue,
        terminology,
        texts,
        fhir: FhirAccess::Http(client),
        region: settings.region,
        fhir_validation: settings.fhir_validation,
        limits: CallLimits {
            max_json_depth: settings.max_json_depth,
            max_resources: settings.max_resources,
            fetch_budget: Duration::from_millis(settings.call_budget_ms),
        },
    })
}

/// The authenticator the settings ask for (also run by `venous-cds validate`).
pub fn build_authenticator(settings: &Settings) -> anyhow::Result<Authenticator> {
    let default_policy = ServerPolicy::from_setting(settings.fhir_servers.as_deref());
    match settings.auth {
        Some(AuthMode::Jwt) => {
            let path = settings
                .issuers
                .as_deref()
                .expect("checked by Settings::check");
            let issuers = auth::load_issuers(path)?;
            let public_url = settings
                .public_url
                .as_deref()
                .expect("checked by Settings::check");
            Ok(Authenticator::jwt(issuers, public_url, default_policy)?
                .with_refresh_interval(Duration::from_secs(settings.jwks_refresh_s)))
        }
        Some(AuthMode::Disabled) | None => Ok(Authenticator::disabled(default_policy)),
    }
}

/// A bound, not yet running, service.
pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
}

impl Application {
    /// Validates the knowledge, opens the store (running its migrations), binds
    /// `settings.bind` and prepares the server.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        settings.check()?;
        crate::metrics::handle();
        let engine = build_engine(&settings)?;
        let store = Store::connect(&settings.database_url.0).await?;
        let key = match &settings.ledger_key {
            Some(secret) => secret.0.clone().into_bytes(),
            None => store.ledger_key().await?,
        };
        let mut auth = build_authenticator(&settings)?;
        if matches!(store, Store::Postgres(_)) && auth.enabled() {
            auth = auth.with_shared_replay(store.clone());
        }
        let rate = match (settings.rate_limit, settings.auth) {
            (Some(rate), _) => Some(rate),
            (None, Some(AuthMode::Jwt)) => Some(DEFAULT_RATE_LIMIT_WITH_JWT),
            (None, _) => None,
        };
        let listener = TcpListener::bind(settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot bind {} (VENOUS_CDS_BIND): {e}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let state = web::Data::new(AppState {
            settings,
            engine,
            auth,
            rate_limits: RateLimits::new(rate),
            ledger: LedgerWriter::start(store.clone()),
            store,
            patient_hasher: PatientHasher::new(key),
            ready: AtomicBool::new(false),
        });
        let server = serve(listener, state.clone())?;
        state.ready.store(true, Ordering::Release);
        tracing::info!(
            port,
            region = state.settings.region.as_str(),
            authentication = if state.auth.enabled() {
                "jwt"
            } else {
                "disabled"
            },
            store = state.store.backend(),
            "venous-cds ready"
        );
        Ok(Application {
            port,
            server,
            state,
        })
    }

    /// The bound port (useful when binding port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle that stops the server gracefully (as SIGTERM does).
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Runs until stopped. SIGTERM/SIGINT: not ready, stop accepting, finish in-flight calls.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let handle = self.server.handle();
        let state = self.state.clone();
        tokio::spawn(async move {
            wait_for_stop_signal().await;
            state.ready.store(false, Ordering::Release);
            tracing::info!(
                timeout_s = state.settings.shutdown_timeout_s,
                "stop signal: refusing new connections, finishing in-flight calls"
            );
            handle.stop(true).await;
        });
        let result = self.server.await;
        self.state.ledger.flush().await;
        tracing::info!("venous-cds stopped; ledger flushed");
        result
    }
}

async fn wait_for_stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut terminate = signal(SignalKind::terminate()).expect("SIGTERM handler");
        tokio::select! {
            _ = terminate.recv() => {},
            _ = tokio::signal::ctrl_c() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn cors(origins: Option<&[String]>) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST", "OPTIONS"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
        ])
        .max_age(3600);
    for origin in origins.unwrap_or_default() {
        cors = if origin == "*" {
            cors.allow_any_origin()
        } else {
            cors.allowed_origin(origin)
        };
    }
    cors
}

fn serve(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    let shutdown_timeout = state.settings.shutdown_timeout_s;
    let max_connections = state.settings.max_connections;
    let preview = state.settings.preview_enabled();
    let server = HttpServer::new(move || {
        let origins = state.settings.cors_origins.clone();
        App::new()
            .app_data(state.clone())
            .wrap(Condition::new(origins.is_some(), cors(origins.as_deref())))
            .service(
                web::resource("/cds-services")
                    .route(web::get().to(handlers::discovery))
                    .default_service(web::to(handlers::method_not_allowed)),
            )
            .service(
                web::resource("/cds-services/{id}")
                    .route(web::post().to(handlers::call))
                    .default_service(web::to(handlers::method_not_allowed)),
            )
            .service(
                web::resource("/cds-services/{id}/feedback")
                    .route(web::post().to(handlers::feedback))
                    .default_service(web::to(handlers::method_not_allowed)),
            )
            .route("/admin/rules/stats", web::get().to(handlers::rule_stats))
            .route("/metrics", web::get().to(handlers::metrics))
            .route("/health/live", web::get().to(handlers::live))
            .route("/health/ready", web::get().to(handlers::ready))
            .configure(|cfg| {
                if preview {
                    crate::preview::routes(cfg)
                }
            })
            .default_service(web::to(handlers::not_found))
    })
    .disable_signals()
    .shutdown_timeout(shutdown_timeout)
    .max_connections(max_connections)
    .client_request_timeout(Duration::from_secs(10))
    .listen(listener)?
    .run();
    Ok(server)
}
