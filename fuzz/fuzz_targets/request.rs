//! Arbitrary bytes as a CDS Hooks request body, through every service: parsing, validation,
//! fact extraction, rules and cards must never panic.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::run_all_services(data);
});
