//! CDS Hooks 2.0: the wire format, discovery, service calls and prefetch. The only module that
//! knows CDS Hooks JSON.

pub mod call;
pub mod feedback;
pub mod handlers;
pub mod prefetch;
pub mod request;
pub mod response;
pub mod schema;
pub mod services;
