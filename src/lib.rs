//! venous-cds: a CDS Hooks 2.0 service for venous thrombosis care.
//!
//! A CDS client POSTs a hook request; [`cds`] parses it and finds the service definition from
//! `hooks/`; [`fhir`] supplies the resources named by the prefetch templates, from the request
//! or, when missing, from `fhirServer` with the given token; [`facts`] turns FHIR resources
//! into clinical facts as of an explicit date, keeping the references they came from;
//! [`guidelines`] evaluates pure rules over the facts and returns findings, each with a rule
//! id and a citation; [`cards`] turns findings into cards with suggestions that carry real
//! FHIR resources; [`cds`] serialises the response.
//!
//! Invariants: only `cds` knows CDS Hooks JSON; only `fhir` (FHIR reads) and `auth` (issuers' JWK
//! Sets) talk to other servers;
//! `guidelines`, `facts` and `cards` never see HTTP, JSON or the wall clock.

pub mod auth;
pub mod cards;
pub mod cds;
pub mod check;
pub mod error;
pub mod facts;
pub mod fhir;
pub mod guidelines;
pub mod ledger;
pub mod metrics;
pub mod preview;
pub mod settings;
pub mod startup;
pub mod telemetry;
