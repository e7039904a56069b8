//! Criterion benches of the call pipeline, stage by stage and end to end.
//!
//! Input: the shared benchmark request `../shared/bench/order-sign-30k.json` (relative to the
//! crate root), evaluated as of 2026-11-21 by `venous-anticoagulation-sign`.
//!
//! Run: `cargo bench --bench pipeline -- --warm-up-time 2 --measurement-time 5`
//! Figures and the machine they were taken on: `docs/performance.md`.
//!
//! Every bench first checks once that the pipeline still produces the expected cards, so a
//! broken pipeline cannot produce a fast number.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use serde_json::{json, Value};

use venous_cds::cards::{self, Card, CardContext, Language};
use venous_cds::cds::call::{CallOutput, Engine};
use venous_cds::cds::prefetch::{self, FhirAccess, KeyData};
use venous_cds::cds::request;
use venous_cds::cds::response::{card_json, CdsResponse, DataIssueJson, ResponseExtension};
use venous_cds::cds::schema::Schema;
use venous_cds::cds::services::Service;
use venous_cds::facts::{self, OrderScope, PatientFacts};
use venous_cds::fhir::resources::{PatientRecord, RecordReader};
use venous_cds::fhir::{validation, DataIssue};
use venous_cds::guidelines::{self, Finding, Mode, RuleContext};
use venous_cds::ledger::{LedgerWriter, PatientHasher, Store};
use venous_cds::settings::{Region, Settings};
use venous_cds::startup::build_engine;

/// The allocator of the `venous-cds` binary, so the figures are the service's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SERVICE: &str = "venous-anticoagulation-sign";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
}

fn request_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/order-sign-30k.json")
}

/// The bench request's bytes.
fn request_bytes() -> Vec<u8> {
    let path = request_path();
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the benchmark request {} cannot be read ({e}); the benches need the shared \
             `order-sign-30k.json` at ../shared/bench/ relative to the crate root",
            path.display()
        )
    })
}

/// The engine as `serve` builds it, but with canned (empty) FHIR access: complete prefetch
/// must make no call, and any attempt to read fails instead of touching the network.
fn engine() -> Engine {
    let mut engine = build_engine(&Settings::default()).expect("the engine builds");
    engine.fhir = FhirAccess::Canned(Arc::new(HashMap::new()));
    engine
}

fn service(engine: &Engine) -> &Service {
    engine
        .catalogue
        .get(SERVICE)
        .unwrap_or_else(|| panic!("no service {SERVICE} in hooks/"))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio runtime")
}

/// One call, bytes in, response bytes out.
fn call(
    rt: &tokio::runtime::Runtime,
    engine: &Engine,
    service: &Service,
    body: &[u8],
) -> (CallOutput, Vec<u8>) {
    let output = rt
        .block_on(engine.call(service, body, as_of(), Language::En))
        .unwrap_or_else(|e| panic!("the call failed: {e:?}"));
    let bytes = serde_json::to_vec(&output.response).expect("the response serialises");
    (output, bytes)
}

/// The once-per-bench guard: the call answers with cards (printed), and the response parses.
fn assert_cards(label: &str, output: &CallOutput, bytes: &[u8]) {
    assert!(
        !output.fired.is_empty(),
        "{label}: the pipeline produced no cards; refusing to measure a broken pipeline"
    );
    let parsed: Value = serde_json::from_slice(bytes).expect("the response is JSON");
    let cards = parsed["cards"].as_array().expect("cards array");
    assert_eq!(
        cards.len(),
        output.fired.len(),
        "{label}: cards on the wire"
    );
    eprintln!(
        "[{label}] cards: {} ({} data issues, {} keys fetched)",
        output.fired.join(", "),
        output.data_issues,
        output.fetched_keys
    );
    assert_eq!(
        output.fetched_keys, 0,
        "{label}: complete prefetch must make no call"
    );
}

/// The reference rule ids of the bench request (printed once by `ceiling`), computed through
/// the whole pipeline.
fn expected_rules(engine: &Engine, service: &Service, body: &[u8]) -> Vec<&'static str> {
    let rt = runtime();
    let (output, bytes) = call(&rt, engine, service, body);
    assert_cards("reference", &output, &bytes);
    output.fired
}

/// Reads the record of a parsed request the way `Engine::call` does.
fn read_record<'a>(parsed: &'a Value, service: &Service) -> PatientRecord<'a> {
    let request = request::parse(parsed, service).expect("the request parses");
    let planned = prefetch::plan(service, &request).expect("the prefetch plan");
    let mut reader = RecordReader::new(Some(request.patient_id));
    if let Some(drafts) = request.draft_orders {
        reader.read_draft_orders(drafts, &request.selections, "context.draftOrders");
    }
    for (key, data) in &planned {
        match data {
            KeyData::Given(value) => reader.read_source(value, &format!("prefetch.{key}")),
            KeyData::NoData => {}
            KeyData::Fetch { .. } => panic!("prefetch key {key} is missing from the bench request"),
        }
    }
    reader.finish()
}

fn clone_record<'a>(record: &PatientRecord<'a>) -> PatientRecord<'a> {
    PatientRecord {
        patient: record.patient.clone(),
        conditions: record.conditions.clone(),
        observations: record.observations.clone(),
        medication_requests: record.medication_requests.clone(),
        procedures: record.procedures.clone(),
        draft_orders: record.draft_orders.clone(),
        issues: record.issues.clone(),
    }
}

fn rule_context() -> RuleContext {
    RuleContext {
        as_of: as_of(),
        region: Region::Intl,
        mode: Mode::Ordering,
    }
}

fn card_context(patient_id: &str) -> CardContext<'_> {
    CardContext {
        language: Language::En,
        patient_id,
        as_of: as_of(),
    }
}

fn response_bytes(cards: &[Card], issues: &[DataIssue]) -> Vec<u8> {
    let cards = cards
        .iter()
        .map(card_json)
        .collect::<Result<Vec<_>, String>>()
        .expect("cards serialise");
    let extension = (!issues.is_empty()).then(|| ResponseExtension {
        data_issues: issues.iter().map(DataIssueJson::from).collect(),
    });
    serde_json::to_vec(&CdsResponse { cards, extension }).expect("the response serialises")
}

/// Everything the stage benches start from.
struct Stages<'a> {
    record: PatientRecord<'a>,
    facts: PatientFacts,
    issues: Vec<DataIssue>,
    findings: Vec<Finding>,
    cards: Vec<Card>,
}

fn stages<'a>(engine: &Engine, service: &Service, parsed: &'a Value) -> Stages<'a> {
    let record = read_record(parsed, service);
    let report = facts::extract(
        clone_record(&record),
        &engine.terminology,
        as_of(),
        OrderScope::AllDrafts,
    );
    let findings = guidelines::evaluate(&service.rules, &report.facts, &rule_context());
    let patient_id = parsed["context"]["patientId"].as_str().expect("patientId");
    let cards = cards::render(&findings, &engine.texts, &card_context(patient_id));
    Stages {
        record,
        facts: report.facts,
        issues: report.issues,
        findings,
        cards,
    }
}

/// The reference a pipeline is held against: parsing `body` into `serde_json::Value` and
/// nothing else.
fn bench_ceiling(c: &mut Criterion, name: &str, body: &[u8]) {
    let mut ceiling = c.benchmark_group("ceiling");
    ceiling.throughput(Throughput::Bytes(body.len() as u64));
    ceiling.bench_function(name, |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(body)).expect("JSON"))
    });
    ceiling.finish();
}

fn bench_stages(c: &mut Criterion) {
    let engine = engine();
    let service = service(&engine);
    let body = request_bytes();
    let expected = expected_rules(&engine, service, &body);
    let parsed: Value = serde_json::from_slice(&body).expect("the bench request is JSON");
    let staged = stages(&engine, service, &parsed);
    let stage_rules: Vec<&str> = staged.cards.iter().map(|c| c.rule.id).collect();
    assert_eq!(
        stage_rules, expected,
        "the stages, run one by one, give the cards of the whole pipeline"
    );
    let patient_id = parsed["context"]["patientId"].as_str().expect("patientId");

    bench_ceiling(c, "serde_json_value", &body);

    let mut group = c.benchmark_group("stage");
    group.bench_function("parse_and_validate", |b| {
        b.iter(|| {
            let parsed: Value = serde_json::from_slice(black_box(&body)).expect("JSON");
            assert!(parsed.is_object());
            Schema::Request.check(&parsed).expect("schema-valid");
            let request = request::parse(&parsed, service).expect("request");
            black_box(request.hook_instance.len());
            parsed
        })
    });

    // The optional VENOUS_CDS_FHIR_VALIDATION=report path: every input resource through
    // fhirbolt (Strict, `Resource` enum), one at a time.
    let resources = validation::request_resources(&parsed);
    let invalid = resources
        .iter()
        .filter(|(_, r)| validation::parse_r4(r).is_err())
        .count();
    eprintln!(
        "[stage/fhirbolt_validation] {} resources, {invalid} refused by fhirbolt",
        resources.len()
    );
    assert!(!resources.is_empty());
    group.bench_function("fhirbolt_validation", |b| {
        b.iter(|| {
            let mut refused = 0usize;
            for (_, resource) in &resources {
                if validation::parse_r4(black_box(resource)).is_err() {
                    refused += 1;
                }
            }
            refused
        })
    });

    group.bench_function("read_record", |b| {
        b.iter(|| read_record(black_box(&parsed), service))
    });

    group.bench_function("facts", |b| {
        b.iter_batched(
            || clone_record(&staged.record),
            |record| facts::extract(record, &engine.terminology, as_of(), OrderScope::AllDrafts),
            BatchSize::SmallInput,
        )
    });

    let context = rule_context();
    group.bench_function("rules", |b| {
        b.iter(|| guidelines::evaluate(&service.rules, black_box(&staged.facts), &context))
    });

    let card_context = card_context(patient_id);
    group.bench_function("cards", |b| {
        b.iter(|| cards::render(black_box(&staged.findings), &engine.texts, &card_context))
    });

    group.bench_function("response", |b| {
        b.iter(|| response_bytes(black_box(&staged.cards), &staged.issues))
    });
    group.finish();
}

fn bench_full(c: &mut Criterion) {
    let engine = engine();
    let service = service(&engine);
    let body = request_bytes();
    let rt = runtime();
    let (output, bytes) = call(&rt, &engine, service, &body);
    assert_cards("pipeline/full", &output, &bytes);

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("full", |b| {
        b.iter(|| call(&rt, &engine, service, black_box(&body)))
    });
    group.finish();
}

/// Shifts a FHIR date or dateTime `days` back (the day part only; the time is kept).
fn shift_date(text: &str, days: i64) -> String {
    let (date, rest) = text.split_at(text.len().min(10));
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => format!("{}{rest}", d - chrono::Duration::days(days)),
        Err(_) => text.to_owned(),
    }
}

/// Rewrites every date-like element of a resource `days` back.
fn shift_dates(value: &mut Value, days: i64) {
    const DATE_FIELDS: &[&str] = &[
        "onsetDateTime",
        "recordedDate",
        "abatementDateTime",
        "effectiveDateTime",
        "issued",
        "authoredOn",
        "performedDateTime",
        "start",
        "end",
    ];
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if DATE_FIELDS.contains(&key.as_str()) {
                    if let Some(text) = item.as_str() {
                        *item = Value::String(shift_date(text, days));
                        continue;
                    }
                }
                shift_dates(item, days);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| shift_dates(i, days)),
        _ => {}
    }
}

/// A large record built from the bench request: its Conditions, Observations and
/// MedicationRequests replicated with new ids, codes rotated among the resources of the same
/// type (and every fifth replaced by a code no value set holds), dates moved back, values and
/// statuses varied, until the request holds about `target` resources.
fn large_request(body: &[u8], target: usize) -> Vec<u8> {
    let mut request: Value = serde_json::from_slice(body).expect("JSON");
    let keys = ["conditions", "observations", "medications"];
    let originals: Vec<Vec<Value>> = keys
        .iter()
        .map(|k| {
            request["prefetch"][k]["entry"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let count = |request: &Value| -> usize {
        let drafts = request["context"]["draftOrders"]["entry"]
            .as_array()
            .map_or(0, Vec::len);
        drafts
            + request["prefetch"]
                .as_object()
                .expect("prefetch")
                .values()
                .map(|v| v["entry"].as_array().map_or(1, Vec::len))
                .sum::<usize>()
    };
    let mut round = 0usize;
    while count(&request) < target {
        round += 1;
        for (k, entries) in keys.iter().zip(&originals) {
            for (i, template) in entries.iter().enumerate() {
                let mut entry = template.clone();
                entry["fullUrl"] =
                    json!(format!("urn:uuid:00000000-0000-4000-8000-{round:04}{i:08}"));
                let resource = &mut entry["resource"];
                let id = format!("{}-r{round}", resource["id"].as_str().unwrap_or("x"));
                resource["id"] = json!(id);
                shift_dates(resource, (round * 37 + i * 5) as i64);
                let code_field = if *k == "medications" {
                    "medicationCodeableConcept"
                } else {
                    "code"
                };
                // Rotate the code among the resources of the same type.
                let donor = &entries[(i + round) % entries.len()]["resource"][code_field];
                if !donor.is_null() {
                    resource[code_field] = donor.clone();
                }
                if (round + i) % 5 == 0 {
                    if let Some(coding) = resource[code_field]["coding"]
                        .as_array_mut()
                        .and_then(|c| c.first_mut())
                    {
                        coding["code"] = json!(format!("999{round}{i}"));
                    }
                }
                match *k {
                    "conditions" => {
                        if round % 2 == 1 {
                            resource["clinicalStatus"]["coding"][0]["code"] = json!("resolved");
                        }
                    }
                    "observations" => {
                        if let Some(v) = resource["valueQuantity"]["value"].as_f64() {
                            resource["valueQuantity"]["value"] = json!(
                                ((v * (1.0 + (round % 7) as f64 * 0.03)) * 10.0).round() / 10.0
                            );
                        }
                    }
                    _ => {
                        resource["status"] = json!(if round % 3 == 0 {
                            "completed"
                        } else {
                            "stopped"
                        });
                    }
                }
                request["prefetch"][k]["entry"]
                    .as_array_mut()
                    .expect("entry")
                    .push(entry);
            }
        }
    }
    // Pretty-printed with a one-space indent, as the bench request itself is.
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(&request, &mut serializer).expect("JSON");
    out
}

fn bench_large(c: &mut Criterion) {
    let engine = engine();
    let service = service(&engine);
    let body = large_request(&request_bytes(), 500);
    let rt = runtime();
    let (output, bytes) = call(&rt, &engine, service, &body);
    let resources =
        validation::request_resources(&serde_json::from_slice::<Value>(&body).expect("JSON")).len();
    eprintln!(
        "[pipeline/large_record] {resources} resources, {} bytes",
        body.len()
    );
    assert_cards("pipeline/large_record", &output, &bytes);

    bench_ceiling(c, "serde_json_value_large_record", &body);

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("large_record", |b| {
        b.iter(|| call(&rt, &engine, service, black_box(&body)))
    });
    group.finish();
}

fn bench_ledger(c: &mut Criterion) {
    let engine = engine();
    let service = service(&engine);
    let body = request_bytes();
    let rt = runtime();
    let (output, bytes) = call(&rt, &engine, service, &body);
    assert_cards("pipeline/ledger", &output, &bytes);

    // The writer runs on its own runtime thread, as in `serve` (the system runtime, apart
    // from the workers that answer calls), writing to a fresh SQLite store.
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite:{}/l.db", dir.path().display());
    let writer_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("writer runtime");
    let store = writer_rt
        .block_on(Store::connect(&url))
        .expect("the SQLite ledger opens");
    let writer = {
        let _guard = writer_rt.enter();
        LedgerWriter::start(store.clone())
    };
    let hasher = PatientHasher::new(b"bench-ledger-key".to_vec());
    let queued = AtomicU64::new(0);

    let mut group = c.benchmark_group("pipeline");
    group.bench_function("ledger_off", |b| {
        b.iter(|| call(&rt, &engine, service, black_box(&body)))
    });
    group.bench_function("ledger_on", |b| {
        b.iter(|| {
            let (output, bytes) = call(&rt, &engine, service, black_box(&body));
            let entries = output.ledger_entries(SERVICE, Language::En, &hasher, chrono::Utc::now());
            queued.fetch_add(entries.len() as u64, Ordering::Relaxed);
            writer.record(entries);
            (output, bytes)
        })
    });
    group.finish();

    // Everything queued must have reached the database (a full queue drops entries, which
    // would make "on" look cheaper than it is).
    writer_rt.block_on(writer.flush());
    let Store::Sqlite(pool) = &store else {
        unreachable!("a sqlite: URL gives a SQLite store")
    };
    let written: i64 = writer_rt
        .block_on(sqlx::query_scalar("SELECT COUNT(*) FROM card_ledger").fetch_one(pool))
        .unwrap_or(-1);
    let queued = queued.load(Ordering::Relaxed);
    eprintln!("[pipeline/ledger_on] ledger entries queued {queued}, written {written}");
    if written >= 0 && written as u64 != queued {
        eprintln!(
            "[pipeline/ledger_on] WARNING: {} entries were dropped (queue full)",
            queued - written as u64
        );
    }
    writer_rt.shutdown_timeout(Duration::from_secs(5));
}

criterion_group!(benches, bench_stages, bench_full, bench_large, bench_ledger);
criterion_main!(benches);
