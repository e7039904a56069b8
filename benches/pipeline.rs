//! Criterion benches of the call pipeline (filled in by the performance work).
fn main() {}
