//! Invariants of the architecture, checked over the source text (rust-analyzer "tidy" style).

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

/// The code of a file without its `#[cfg(test)]` module (tests may build JSON).
fn production_part(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn facts_guidelines_and_cards_never_see_http_json_or_the_clock() {
    let forbidden = [
        "actix_web",
        "reqwest",
        "serde_json",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "std::fs",
        "tokio",
    ];
    let mut violations = Vec::new();
    for module in ["src/facts", "src/guidelines", "src/cards"] {
        let mut files = Vec::new();
        sources(Path::new(module), &mut files);
        assert!(!files.is_empty(), "{module} has sources");
        for (path, text) in files {
            for word in forbidden {
                if production_part(&text).contains(word) {
                    violations.push(format!("{path} uses {word}"));
                }
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn only_the_fhir_and_auth_modules_talk_to_other_servers() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    for (path, text) in files {
        if path.starts_with("src/fhir") || path == "src/auth.rs" {
            continue;
        }
        assert!(
            !production_part(&text).contains("reqwest"),
            "{path} uses reqwest"
        );
    }
}

#[test]
fn the_top_level_holds_only_what_a_rust_service_has() {
    let allowed = [
        "Cargo.toml",
        "Cargo.lock",
        "src",
        "hooks",
        "fixtures",
        "tests",
        "deploy",
        "README.md",
        ".ci",
        "benches",
        "fuzz",
        "migrations",
        "locales",
        "scripts",
        "docs",
        ".git",
        ".gitignore",
        "target",
    ];
    for entry in std::fs::read_dir(".").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected top-level entry `{name}`"
        );
    }
}
