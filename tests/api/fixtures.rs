use std::path::Path;

use venous_cds::check;
use venous_cds::settings::Settings;
use venous_cds::startup::build_engine;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn every_fixture_of_the_repository_passes() {
    let engine = build_engine(&Settings::default()).unwrap();
    let report = check::run(&engine, Path::new("fixtures"), false)
        .await
        .unwrap();
    assert!(!report.results.is_empty(), "fixtures/ holds fixtures");
    let failures: Vec<String> = report
        .failures()
        .map(|f| format!("{}:\n{}", f.path.display(), f.problems.join("\n")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[tokio::test]
async fn an_edited_expectation_fails_with_a_readable_diff() {
    let engine = build_engine(&Settings::default()).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let fixture = check::find_fixtures(Path::new("fixtures"))
        .unwrap()
        .into_iter()
        .find(|p| {
            p.join("expected.json").is_file()
                && std::fs::read_to_string(p.join("expected.json"))
                    .unwrap()
                    .contains("\"critical\"")
        })
        .expect("a fixture with a critical card");
    let copy = scratch.path().join("edited");
    copy_dir(&fixture, &copy);
    let expected = std::fs::read_to_string(copy.join("expected.json")).unwrap();
    std::fs::write(
        copy.join("expected.json"),
        expected.replacen("\"critical\"", "\"info\"", 1),
    )
    .unwrap();

    let report = check::run(&engine, scratch.path(), false).await.unwrap();
    let failure = report.failures().next().expect("the edited fixture fails");
    let text = failure.problems.join("\n");
    assert!(text.contains("- expected, + actual"), "{text}");
    assert!(text.contains("-      \"indicator\": \"info\""), "{text}");
    assert!(
        text.contains("+      \"indicator\": \"critical\""),
        "{text}"
    );
}
