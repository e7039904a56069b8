//! Logging: one JSON object per line on stdout, filtered by `RUST_LOG` (default `info`).
//!
//! What may be logged above debug level: service ids, hookInstance, rule ids, resource types
//! and ids, timings, counts and error codes. Never names, values, free text or tokens.

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter};

/// Installs the JSON subscriber once for the process. Later calls are no-ops, so tests and
/// subcommands may call it freely.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let json = fmt::layer()
        .json()
        .with_current_span(true)
        .with_span_list(false)
        .with_target(true)
        .flatten_event(true);
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(json)
        .try_init();
}
