//! Builds the engine and the actix application from [`Settings`], binds, and runs until stopped.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::middleware::Condition;
use actix_web::{web, App, HttpServer};

use crate::cards::Texts;
use crate::cds::call::Engine;
use crate::cds::handlers;
use crate::cds::prefetch::FhirAccess;
use crate::cds::services::ServiceCatalogue;
use crate::fhir::client::{FhirClient, ServerPolicy};
use crate::fhir::terminology::Terminology;
use crate::settings::Settings;

/// State shared by every request.
pub struct AppState {
    /// Settings in force.
    pub settings: Settings,
    /// The call pipeline and its knowledge.
    pub engine: Engine,
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
    })
}

/// A bound, not yet running, service.
pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Validates the knowledge, binds `settings.bind` and prepares the server.
    pub fn build(settings: Settings) -> anyhow::Result<Application> {
        let engine = build_engine(&settings)?;
        let listener = TcpListener::bind(settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot bind {} (VENOUS_CDS_BIND): {e}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let state = web::Data::new(AppState {
            settings,
            engine,
            ready: AtomicBool::new(false),
        });
        let server = serve(listener, state.clone())?;
        state.ready.store(true, Ordering::Release);
        tracing::info!(
            port,
            region = state.settings.region.as_str(),
            "venous-cds ready"
        );
        Ok(Application { port, server })
    }

    /// The bound port (useful when binding port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs until the server stops (SIGINT/SIGTERM: graceful).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
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
            .route("/health/live", web::get().to(handlers::live))
            .route("/health/ready", web::get().to(handlers::ready))
            .default_service(web::to(handlers::not_found))
    })
    .listen(listener)?
    .run();
    Ok(server)
}
