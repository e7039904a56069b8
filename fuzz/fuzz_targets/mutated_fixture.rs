//! Structure-aware fuzzing: a fixture request of the repository, mutated by the fuzzer's input
//! (values replaced with values of every JSON type, keys removed, entries duplicated), through
//! every service.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Map, Value};

fn fixtures() -> &'static Vec<Value> {
    static FIXTURES: OnceLock<Vec<Value>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
        let mut found = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.file_name().is_some_and(|n| n == "request.json") {
                    if let Ok(value) = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()) {
                        found.push(value);
                    }
                }
            }
        }
        found.sort_by_key(|v: &Value| v.to_string());
        assert!(!found.is_empty(), "fixtures/ holds requests");
        found
    })
}

fn arbitrary_value(u: &mut Unstructured<'_>, depth: u8) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=7)? {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Value::from(i64::arbitrary(u)?),
        3 => serde_json::Number::from_f64(f64::arbitrary(u)?).map_or(Value::Null, Value::Number),
        4 => Value::String(String::arbitrary(u)?),
        5 => Value::String(["2026-11-20", "2026", "2026-13-01", "yesterday", "active", "refuted", "draft", "final",
            "http://snomed.info/sct", "26843008", "I82.461", "1364445", "mg", "10*3/uL"][u.int_in_range(0..=13)?].into()),
        6 if depth < 4 => {
            let len = u.int_in_range(0..=3)?;
            Value::Array((0..len).map(|_| arbitrary_value(u, depth + 1)).collect::<Result<_, _>>()?)
        }
        _ if depth < 4 => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=3)? {
                map.insert(String::arbitrary(u)?, arbitrary_value(u, depth + 1)?);
            }
            Value::Object(map)
        }
        _ => Value::Null,
    })
}

/// Walks to a random node and mutates it: replaces it, removes an object key, or duplicates
/// an array entry.
fn mutate(node: &mut Value, u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
    if u.ratio(3, 4)? {
        match node {
            Value::Object(map) if !map.is_empty() => {
                let index = u.choose_index(map.len())?;
                let key = map.keys().nth(index).cloned().expect("index in range");
                if u.ratio(1, 8)? {
                    map.shift_remove(&key);
                    return Ok(());
                }
                return mutate(map.get_mut(&key).expect("key exists"), u);
            }
            Value::Array(items) if !items.is_empty() => {
                let index = u.choose_index(items.len())?;
                if u.ratio(1, 8)? {
                    let copy = items[index].clone();
                    items.push(copy);
                    return Ok(());
                }
                return mutate(&mut items[index], u);
            }
            _ => {}
        }
    }
    *node = arbitrary_value(u, 0)?;
    Ok(())
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let fixtures = fixtures();
    let Ok(index) = u.choose_index(fixtures.len()) else { return };
    let mut request = fixtures[index].clone();
    for _ in 0..u.int_in_range(1..=8).unwrap_or(1) {
        if mutate(&mut request, &mut u).is_err() {
            break;
        }
    }
    common::run_all_services(request.to_string().as_bytes());
});
