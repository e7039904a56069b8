//! FHIR access: the tolerant typed reader of request data, the client that reads from the
//! EHR's FHIR server, ValueSet membership, and R4 model validation (fhirbolt).
//!
//! Only this module talks to other servers; only `resources` and `validation` see FHIR JSON
//! outside `cds`.

pub mod client;
pub mod datetime;
pub mod issue;
pub mod resources;
pub mod terminology;
pub mod validation;

pub use datetime::PartialDate;
pub use issue::{DataIssue, IssueKind, ResourceRef};
