use serde_json::{json, Value};

use crate::helpers::*;

fn aps_card(body: &Value) -> &Value {
    body["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"]["topic"]["code"] == "VTE-APS-NO-DOAC")
        .expect("an APS card")
}

#[tokio::test]
async fn a_doac_ordered_in_antiphospholipid_syndrome_gets_a_critical_card_with_a_warfarin_replacement(
) {
    let app = spawn().await;
    let body = cards_of(
        app.call(
            "venous-anticoagulation-sign",
            &order_sign(complete_prefetch(), None),
        )
        .await,
    )
    .await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
    let card = aps_card(&body);
    assert_eq!(card["indicator"], "critical");
    assert_eq!(
        card["source"]["topic"]["system"],
        "https://fhir.venous-cds.org/CodeSystem/rule"
    );
    assert_eq!(
        card["source"]["label"],
        "Japanese venous stent guideline 2025-09-18 §3e"
    );
    assert!(card["summary"].as_str().unwrap().chars().count() < 140);
    let detail = card["detail"].as_str().unwrap();
    assert!(
        detail.contains("`Condition/aps-1`"),
        "the card names the APS Condition: {detail}"
    );
    assert!(
        detail.contains("`MedicationRequest/draft-apixaban`"),
        "{detail}"
    );
    assert_eq!(card["selectionBehavior"], "at-most-one");
    let reasons = card["overrideReasons"].as_array().unwrap();
    assert!(!reasons.is_empty() && reasons.iter().all(|r| r["display"].is_string()));

    let suggestion = &card["suggestions"][0];
    assert_eq!(suggestion["isRecommended"], true);
    assert!(suggestion["uuid"].is_string());
    let actions = suggestion["actions"].as_array().unwrap();
    assert_eq!(actions[0]["type"], "delete");
    assert_eq!(actions[0]["resourceId"], "MedicationRequest/draft-apixaban");
    assert_eq!(actions[1]["type"], "create");
    let warfarin = &actions[1]["resource"];
    assert_eq!(warfarin["resourceType"], "MedicationRequest");
    assert_eq!(warfarin["status"], "draft");
    assert_eq!(warfarin["intent"], "order");
    assert_eq!(warfarin["subject"]["reference"], "Patient/p1");
    let codings = warfarin["medicationCodeableConcept"]["coding"]
        .as_array()
        .unwrap();
    assert!(codings
        .iter()
        .any(|c| c["system"] == RXNORM && c["code"] == "855332"));
    assert!(codings
        .iter()
        .any(|c| c["system"] == "http://www.whocc.no/atc" && c["code"] == "B01AA03"));
    let dosage_text = warfarin["dosageInstruction"][0]["text"].as_str().unwrap();
    assert!(dosage_text.contains("INR of 2.0–3.0"), "{dosage_text}");
    venous_cds::fhir::validation::parse_r4(warfarin).expect("the suggested order is FHIR R4");
}

#[tokio::test]
async fn one_garbage_condition_among_good_ones_is_reported_and_the_card_still_fires() {
    let app = spawn().await;
    let mut prefetch = complete_prefetch();
    prefetch["conditions"]["entry"]
        .as_array_mut()
        .unwrap()
        .push(json!({"resource": {"resourceType": "Condition", "id": "garbage", "code": "not a concept",
            "onsetDateTime": "yesterday", "clinicalStatus": 7}}));
    let body = cards_of(
        app.call("venous-anticoagulation-sign", &order_sign(prefetch, None))
            .await,
    )
    .await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
    let issues = body["extension"]["venous-cds-data-issues"]
        .as_array()
        .expect("data issues reported");
    let about_garbage: Vec<&Value> = issues
        .iter()
        .filter(|i| i["resource"] == "Condition/garbage")
        .collect();
    assert!(about_garbage.len() >= 2, "{issues:#?}");
}

#[tokio::test]
async fn a_refuted_antiphospholipid_syndrome_gives_no_card() {
    let app = spawn().await;
    let mut prefetch = complete_prefetch();
    prefetch["conditions"]["entry"][0]["resource"]["verificationStatus"]["coding"][0]["code"] =
        json!("refuted");
    let body = cards_of(
        app.call("venous-anticoagulation-sign", &order_sign(prefetch, None))
            .await,
    )
    .await;
    assert!(rule_ids(&body).is_empty(), "{body:#}");
}

#[tokio::test]
async fn order_select_looks_only_at_the_selected_draft() {
    let app = spawn().await;
    let mut request = order_sign(complete_prefetch(), None);
    request["hook"] = json!("order-select");
    request["context"]["draftOrders"]["entry"]
        .as_array_mut()
        .unwrap()
        .push(json!({"resource": {"resourceType": "MedicationRequest", "id": "other", "status": "draft", "intent": "order",
            "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": "243670"}]},
            "subject": {"reference": "Patient/p1"}}}));
    request["context"]["selections"] = json!(["MedicationRequest/other"]);
    let body = cards_of(app.call("venous-anticoagulation-select", &request).await).await;
    assert!(
        rule_ids(&body).is_empty(),
        "aspirin is selected, the apixaban draft is context: {body:#}"
    );

    request["context"]["selections"] = json!(["MedicationRequest/draft-apixaban"]);
    let body = cards_of(app.call("venous-anticoagulation-select", &request).await).await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
}

#[tokio::test]
async fn unknown_fields_in_the_request_are_accepted() {
    let app = spawn().await;
    let mut request = order_sign(complete_prefetch(), None);
    request["extension"] = json!({"com.example.ehr": {"tier": 3}});
    request["someFutureField"] = json!(["x"]);
    request["context"]["somethingNew"] = json!(true);
    let body = cards_of(app.call("venous-anticoagulation-sign", &request).await).await;
    assert_eq!(rule_ids(&body), ["VTE-APS-NO-DOAC"]);
}
