//! The one integration test binary: the real service on port 0, wiremock as the FHIR server,
//! fixtures through `check`, and the knowledge and fact tables.

mod helpers;

mod architecture;
mod auth;
mod catalogue;
mod corpus;
mod deploy;
mod discovery;
mod errors;
mod facts;
mod facts_boundaries;
mod fixtures;
mod hardening;
mod knowledge;
mod languages;
mod ledger;
mod prefetch;
mod preview;
mod properties;
mod service_call;
