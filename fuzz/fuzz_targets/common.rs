//! Shared set-up of the fuzz targets: one engine with the built-in knowledge, canned (empty)
//! FHIR access so nothing leaves the process, and a runtime for the async call.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use venous_cds::cards::Language;
use venous_cds::cds::call::{CallOptions, Engine};
use venous_cds::cds::prefetch::FhirAccess;
use venous_cds::settings::{Region, Settings};

pub struct Harness {
    pub engine: Engine,
    pub access: FhirAccess,
    pub runtime: tokio::runtime::Runtime,
}

pub fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| Harness {
        engine: venous_cds::startup::build_engine(&Settings::default()).expect("engine"),
        access: FhirAccess::Canned(Arc::new(Default::default())),
        runtime: tokio::runtime::Builder::new_current_thread().enable_time().build().expect("runtime"),
    })
}

/// Runs one body through every service; any outcome but a panic is fine.
pub fn run_all_services(body: &[u8]) {
    let harness = harness();
    for service in harness.engine.catalogue.all() {
        let options = CallOptions {
            as_of: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            language: Language::En,
            region: Region::Intl,
            fhir: &harness.access,
            policy: None,
        };
        let _ = harness.runtime.block_on(harness.engine.call_with(service, body, &options));
    }
}
