//! The rule catalogue is consistent everywhere it appears: code, the rule CodeSystem, `hooks/`,
//! the card texts and the fixtures.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;
use venous_cds::cards::{message_prefix, Language, Texts};
use venous_cds::cds::services::ServiceCatalogue;
use venous_cds::check;
use venous_cds::guidelines;

fn rule_code_system() -> Value {
    serde_json::from_str(&std::fs::read_to_string("src/knowledge/codesystems/rule.json").unwrap())
        .unwrap()
}

#[test]
fn every_rule_of_the_code_system_is_in_code_with_the_same_title_and_back() {
    let system = rule_code_system();
    let listed: BTreeMap<String, String> = system["concept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_owned(),
                c["display"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let coded: BTreeMap<String, String> = guidelines::rules()
        .map(|r| (r.id.to_owned(), r.title.to_owned()))
        .collect();
    assert_eq!(listed.len(), 49, "the catalogue has 49 rules");
    assert_eq!(
        coded, listed,
        "rule ids and titles in code match the rule CodeSystem"
    );
}

#[test]
fn every_rule_is_bound_to_a_service_and_every_binding_exists() {
    let catalogue = ServiceCatalogue::load().unwrap();
    let bound: BTreeSet<&str> = catalogue
        .all()
        .iter()
        .flat_map(|s| s.rules.iter().map(|r| r.id))
        .collect();
    for rule in guidelines::rules() {
        assert!(
            bound.contains(rule.id),
            "{} is bound to no service",
            rule.id
        );
    }
}

#[test]
fn every_rule_has_its_texts_in_every_language() {
    let texts = Texts::load().unwrap();
    for language in Language::ALL {
        for rule in guidelines::rules() {
            for part in ["summary", "recommendation", "evidence", "disagree"] {
                let id = format!("{}-{part}", message_prefix(rule));
                assert!(texts.has(*language, &id), "{} lacks {id}", language.tag());
            }
        }
    }
}

fn fixture_cards(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join("expected.json"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let expected: Value = serde_json::from_str(&text).unwrap();
    expected["cards"].as_array().cloned().unwrap_or_default()
}

#[test]
fn every_rule_has_a_fixture_where_it_fires_and_a_near_miss_where_it_does_not() {
    let fixtures = check::find_fixtures(Path::new("fixtures")).unwrap();
    let mut missing = Vec::new();
    for rule in guidelines::rules() {
        let own: Vec<_> = fixtures
            .iter()
            .filter(|p| p.parent().is_some_and(|d| d.ends_with(rule.id)))
            .collect();
        let fires = |p: &&&std::path::PathBuf| {
            fixture_cards(p)
                .iter()
                .any(|c| c["source"]["topic"]["code"] == rule.id)
        };
        let fired_in = own
            .iter()
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("in-"))
            .filter(fires)
            .count();
        let silent_out = own
            .iter()
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("out-"))
            .filter(|p| !fires(p))
            .count();
        if fired_in == 0 {
            missing.push(format!("{}: no in- fixture where it fires", rule.id));
        }
        if silent_out == 0 {
            missing.push(format!(
                "{}: no out- fixture where it stays silent",
                rule.id
            ));
        }
        for p in &own {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("in-") {
                assert!(fires(&p), "{} does not fire its rule", p.display());
            } else if name.starts_with("out-") {
                assert!(!fires(&p), "{} fires its rule", p.display());
            } else {
                panic!("{}: a fixture folder starts with in- or out-", p.display());
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_card_of_every_fixture_cites_its_rule_as_the_rule_defines_it() {
    for fixture in check::find_fixtures(Path::new("fixtures")).unwrap() {
        for card in fixture_cards(&fixture) {
            let id = card["source"]["topic"]["code"].as_str().unwrap();
            let rule = guidelines::rule(id)
                .unwrap_or_else(|| panic!("{}: unknown rule {id}", fixture.display()));
            assert_eq!(
                card["source"]["label"],
                rule.citation.label,
                "{}",
                fixture.display()
            );
            assert_eq!(
                card["source"]["topic"]["display"],
                rule.title,
                "{}",
                fixture.display()
            );
            assert_eq!(
                card["source"]["url"].as_str(),
                rule.citation.url,
                "{}",
                fixture.display()
            );
            assert!(
                card["summary"].as_str().unwrap().chars().count() < 140,
                "{}",
                fixture.display()
            );
        }
    }
}

#[test]
fn the_readme_rule_table_is_generated_from_the_code() {
    let catalogue = ServiceCatalogue::load().unwrap();
    let table = catalogue.rule_table();
    let readme = std::fs::read_to_string("README.md").unwrap();
    let (begin, end) = (
        "<!-- rules:begin (generated by `venous-cds rules`) -->\n",
        "<!-- rules:end -->",
    );
    let start = readme.find(begin).expect("README has the rules markers") + begin.len();
    let stop = readme[start..]
        .find(end)
        .expect("README has the end marker")
        + start;
    if readme[start..stop] != table {
        if std::env::var("VENOUS_CDS_UPDATE_README").is_ok() {
            std::fs::write(
                "README.md",
                format!("{}{}{}", &readme[..start], table, &readme[stop..]),
            )
            .unwrap();
        } else {
            panic!("README.md's rule table is out of date: run `VENOUS_CDS_UPDATE_README=1 cargo test --test api readme` (or `cargo run -- rules`)");
        }
    }
}

#[test]
fn every_fixture_card_has_its_rules_catalogue_indicator() {
    for fixture in check::find_fixtures(Path::new("fixtures")).unwrap() {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(fixture.join("case.json")).unwrap())
                .unwrap();
        let review = case["service"] == "venous-thrombosis-review";
        for card in fixture_cards(&fixture) {
            let rule = guidelines::rule(card["source"]["topic"]["code"].as_str().unwrap()).unwrap();
            let expected = match (review, rule.review_indicator) {
                (true, Some(indicator)) => indicator,
                _ => rule.indicator,
            };
            assert_eq!(
                card["indicator"],
                expected.as_str(),
                "{}: {}",
                fixture.display(),
                rule.id
            );
        }
    }
}

#[test]
fn every_suggested_resource_round_trips_through_the_fhir_r4_model_with_its_codes() {
    use venous_cds::fhir::validation::{parse_r4, to_json};
    let mut resources = 0;
    for fixture in check::find_fixtures(Path::new("fixtures")).unwrap() {
        for card in fixture_cards(&fixture) {
            for suggestion in card["suggestions"].as_array().into_iter().flatten() {
                for action in suggestion["actions"].as_array().unwrap() {
                    let Some(resource) = action.get("resource") else {
                        assert_eq!(action["type"], "delete");
                        assert!(action["resourceId"].as_str().unwrap().contains('/'));
                        continue;
                    };
                    resources += 1;
                    let parsed =
                        parse_r4(resource).unwrap_or_else(|e| panic!("{}: {e}", fixture.display()));
                    assert_eq!(
                        &to_json(&parsed).unwrap(),
                        resource,
                        "{}: the resource changes through fhirbolt",
                        fixture.display()
                    );
                    assert_eq!(resource["status"], "draft");
                    assert_eq!(resource["intent"], "order");
                    let systems = |path: &str| -> Vec<String> {
                        resource
                            .pointer(path)
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .map(|c| c["system"].as_str().unwrap().to_owned())
                            .collect()
                    };
                    match resource["resourceType"].as_str().unwrap() {
                        "MedicationRequest" => {
                            let systems = systems("/medicationCodeableConcept/coding");
                            assert!(
                                systems.contains(
                                    &"http://www.nlm.nih.gov/research/umls/rxnorm".to_owned()
                                ),
                                "{}",
                                fixture.display()
                            );
                            assert!(
                                systems.contains(&"http://www.whocc.no/atc".to_owned()),
                                "{}",
                                fixture.display()
                            );
                            assert!(!resource["dosageInstruction"].as_array().unwrap().is_empty());
                        }
                        "ServiceRequest" => {
                            let systems = systems("/code/coding");
                            assert!(
                                systems.iter().any(|s| s == "http://snomed.info/sct"
                                    || s == "http://www.ama-assn.org/go/cpt"
                                    || s == "https://fhir.venous-cds.org/CodeSystem/procedure"),
                                "{}",
                                fixture.display()
                            );
                        }
                        other => panic!("{}: unexpected suggested {other}", fixture.display()),
                    }
                }
            }
        }
    }
    assert!(
        resources > 50,
        "only {resources} suggested resources in the fixtures"
    );
}
