//! Prometheus metrics (`GET /metrics`, text format): calls and their latency per service and
//! status, cards per rule and indicator, feedback outcomes per rule, FHIR reads and their
//! errors, data issues, authentication failures and the ledger queue. Labels never carry
//! patient data.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Latency buckets in seconds: CDS calls are expected well under 500 ms.
const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// The process-wide recorder (installed once; every server of the process shares it).
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY_BUCKETS)
            .expect("buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder may already be installed (tests that install their own): keep ours
        // for rendering either way.
        let _ = metrics::set_global_recorder(recorder);
        describe();
        handle
    })
}

fn describe() {
    use metrics::{describe_counter, describe_histogram, Unit};
    describe_counter!(
        "venous_cds_requests_total",
        "CDS service calls answered, by service and HTTP status"
    );
    describe_histogram!(
        "venous_cds_request_duration_seconds",
        Unit::Seconds,
        "CDS service call latency, by service and status"
    );
    describe_counter!(
        "venous_cds_cards_total",
        "Cards issued, by rule and indicator"
    );
    describe_counter!(
        "venous_cds_feedback_total",
        "Feedback items stored, by rule and outcome"
    );
    describe_histogram!(
        "venous_cds_fhir_fetch_duration_seconds",
        Unit::Seconds,
        "Reads of missing prefetch from the FHIR server, by prefetch key"
    );
    describe_counter!(
        "venous_cds_fhir_fetch_errors_total",
        "Failed reads from the FHIR server, by reason"
    );
    describe_counter!(
        "venous_cds_data_issues_total",
        "Parts of requests the service could not understand, by kind"
    );
    describe_counter!(
        "venous_cds_auth_failures_total",
        "Calls refused by authentication, by reason"
    );
    describe_counter!(
        "venous_cds_ledger_written_total",
        "Cards written to the ledger"
    );
    describe_counter!(
        "venous_cds_ledger_dropped_total",
        "Cards the ledger could not record"
    );
}

/// The exposition text.
pub fn render() -> String {
    handle().render()
}
