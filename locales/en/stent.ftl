# Messages of the venous stent rules (src/guidelines/stent.rs; clinical-rules.md §4.4; seed 000,
# the Japanese venous stent guideline of 2025-09-18, cited as "the guideline").
#
# Summaries stay under 140 characters with the longest argument values. Selectors take the
# values yes | no unless noted: $variant = short | none-active; $why = reintervention |
# thrombophilia | both; $choice = default | pregnancy | aps | child-pugh-c | renal | cancer;
# $factor = pts | inflow | thrombophilia | several.
# The inflow Types follow Barbati et al., J Vasc Surg Venous Lymphat Disord 2024;12(5):101910
# (the guideline's reference for the classification).

## Regimens written out (read off the drug-choice function's options; shared with iliocaval.ftl)

stent-regimen-apixaban-initial = apixaban 10 mg twice daily for 7 days, then 5 mg twice daily
stent-regimen-apixaban = apixaban 5 mg twice daily
stent-regimen-rivaroxaban-initial = rivaroxaban 15 mg twice daily for 21 days, then 20 mg once daily
stent-regimen-rivaroxaban-initial-jp = rivaroxaban 15 mg twice daily for 3 weeks, then 15 mg once daily (Japanese dosing)
stent-regimen-rivaroxaban = rivaroxaban 20 mg once daily
stent-regimen-rivaroxaban-jp = rivaroxaban 15 mg once daily (Japanese dosing)
stent-regimen-warfarin = warfarin, dose adjusted to a target INR of 2.0–3.0
stent-regimen-enoxaparin = enoxaparin 1 mg/kg subcutaneously twice daily
stent-regimen-ufh-warfarin = unfractionated heparin while acute, then warfarin to a target INR of 2.0–3.0
stent-regimen-ufh = unfractionated heparin, dose adjusted to APTT 1.5–2.5× normal
stent-regimen-other = the anticoagulant chosen for this patient

## Reasons and suggestions of this module

reason-stent-attribution-judged-clear = Symptom attribution recorded as clear ({ $date })
reason-stent-no-initial-dose-indication = No acute DVT and no new thrombus in post-thrombotic syndrome on record
reason-stent-no-antithrombotic-active = No anticoagulant or antiplatelet is active
reason-stent-antithrombotic-end = The antithrombotic orders end on { $end }, { $days } days after the stent
suggestion-stent-remove-order = Remove the venous stent order

## STENT-INFLOW-CONTRAINDICATED

stent-inflow-contraindicated-summary = Inflow Type V: venous stenting is contraindicated; remove the stent order
stent-inflow-contraindicated-recommendation = Do not place this venous stent: with inflow Type V, stenting is contraindicated, and Type V after an inflow-optimising intervention is not a good indication either. Remove the stent order and reconsider the treatment plan.
stent-inflow-contraindicated-evidence = The guideline (§1a) asks to avoid stenting with poor inflow unless the inflow has been optimised: Types II and III are good indications, IVa and IVb depend on the case, and Type V is a contraindication; §2a adds that Type IVb or V after intervention is not a good indication. The Types are those of Barbati et al. (J Vasc Surg Venous Lymphat Disord 2024), the guideline's reference.
stent-inflow-contraindicated-disagree = If the inflow has been reassessed (CT, duplex ultrasound, venography, IVUS) and is better than Type V, record the new inflow type; otherwise override only after a case consultation, and record the reason.

## STENT-INFLOW-OPTIMISE

stent-inflow-optimise-summary = Inflow Type { $type }: optimise inflow before placing the venous stent
stent-inflow-optimise-recommendation = Inflow Type { $type } is a case-by-case indication: before the final stent, optimise the inflow as far as possible — in post-thrombotic disease by balloon angioplasty of the deep femoral vein ostium, in acute DVT by thrombectomy including the deep femoral vein. If the inflow is still Type IVb (or V) after the intervention, stenting is not a good indication.
stent-inflow-optimise-evidence = The guideline (§1a) rates inflow Types IVa and IVb as case by case, to be optimised as far as possible by balloon angioplasty or thrombectomy; §2c asks to consider catheter treatment to improve inflow before the final stent (thrombectomy including the deep femoral vein in acute DVT, balloon angioplasty of the deep femoral vein inlet in PTS); §2a says Type IVb or V after intervention is not a good indication.
stent-inflow-optimise-disagree = If the inflow has already been optimised, record the inflow type found after the intervention; if stenting proceeds as it is, record the reason (e.g. decided at a case consultation).

## STENT-INFLOW-UNASSESSED

stent-inflow-unassessed-summary = No inflow assessment on record: assess inflow before placing the venous stent
stent-inflow-unassessed-recommendation = Assess the inflow before stenting, combining CT, duplex ultrasound, venography and IVUS (one imaging method alone may not be enough), and record the inflow type (I–V). Stenting is avoided with poor inflow unless it has been optimised, and inflow Type V is a contraindication.
stent-inflow-unassessed-evidence = The guideline (§1a) asks to avoid stenting in patients with poor inflow unless the inflow has been optimised, and to judge the inflow comprehensively with CT, ultrasound, venography and IVUS, since a single imaging method can be difficult. The guideline does not itself require a recorded inflow type; this card asks for one so that the inflow checks can run on the order.
stent-inflow-unassessed-disagree = If the inflow was assessed but not recorded, record it as an inflow-type finding (an assessment older than 6 months does not count here); otherwise record why stenting proceeds without it.

## STENT-DFV-OSTIUM

stent-dfv-ostium-summary = Deep femoral vein ostium not patent: inflow is insufficient for the venous stent
stent-dfv-ostium-recommendation = The deep femoral vein must be patent including its ostium; inflow from the femoral vein alone is insufficient. Restore deep femoral vein inflow before the final stent (in post-thrombotic disease, balloon angioplasty of the deep femoral vein ostium; in acute DVT, thrombectomy including the deep femoral vein), or reconsider stenting.
stent-dfv-ostium-evidence = The guideline (§2a), under "securing adequate inflow is essential", states that the deep femoral vein must be patent including its ostium and that femoral vein inflow alone is insufficient; §2c asks to consider catheter treatment of the inflow before the final stent.
stent-dfv-ostium-disagree = If the deep femoral vein ostium has since been reopened, record the new finding; otherwise record the reason for stenting (e.g. decided at a case consultation).

## STENT-RESIDUAL-LESION

stent-residual-lesion-summary = A lesion is left between the planned stent and the deep femoral vein ostium: leave none
stent-residual-lesion-recommendation = Leave no lesion between the venous stent and the deep femoral vein ostium. Plan the treatment so that the segment down to the ostium is free of disease, and confirm it with venography (in some cases under central balloon dilatation), IVUS or transcutaneous duplex ultrasound.
stent-residual-lesion-evidence = The guideline (§2b) asks that no lesion remain between the venous stent and the ostium of the deep femoral vein, confirmed by venography (in some cases under central balloon dilatation), IVUS, transcutaneous ultrasound and similar.
stent-residual-lesion-disagree = If the lesion has been treated or the plan now covers it, record the new finding; otherwise record the reason when overriding.

## STENT-INFLOW-OUTFLOW-UNCLEARED

stent-inflow-outflow-uncleared-summary = Inflow or outflow not cleared: do not place a venous stent between them
stent-inflow-outflow-uncleared-recommendation = Do not place a stent in the segment between an inflow and an outflow whose thrombus or stenosis has not been sufficiently cleared; this holds during the procedure too. Clear and secure the inflow and outflow first, and confirm it before deploying the stent. Residual thrombus at the stent site itself is tolerated to some extent.
stent-inflow-outflow-uncleared-evidence = The guideline (§1d): unless thrombus and stenosis of the inflow and outflow have been sufficiently cleared and the inflow and outflow are secured (including during the procedure), do not place a stent in the segment between them; residual thrombus at the stent site is tolerated to some extent.
stent-inflow-outflow-uncleared-disagree = If the inflow and outflow have since been cleared, record the new finding; if clearing them is planned in the same procedure before the stent is deployed, override with that reason.

## STENT-SYMPTOM-ATTRIBUTION

stent-symptom-attribution-summary = { $uncertain ->
    [yes] Not clear that the venous obstruction causes the symptoms: avoid stenting until it is
   *[no] Bilateral leg oedema on record: confirm that the venous obstruction causes it before stenting
}
stent-symptom-attribution-recommendation = Avoid stenting when it is not clear that the venous obstruction causes the symptoms; establish the attribution first.{ $oedema ->
    [yes] {" "}Bilateral leg oedema is on record: it may have other causes (cardiac, renal, hepatic, venous insufficiency, drugs), but it is also what a bilateral iliac or caval obstruction produces — if imaging shows such an obstruction and it explains the oedema, stenting may still be appropriate.
   *[no] {""}
}{ $judged-clear ->
    [yes] {" "}The clinician has recorded the attribution as clear (below); check that this judgement covers the oedema.
   *[no] {""}
}
stent-symptom-attribution-evidence = The guideline (§1b) asks to avoid stenting in patients in whom it is not clear that the venous obstruction causes the symptoms, giving bilateral oedema as an example.
stent-symptom-attribution-disagree = If the obstruction has been shown to explain the symptoms, record symptom-attribution-uncertain = false and override with the reason{ $oedema ->
    [yes] {" "}(recorded bilateral leg oedema keeps this card showing, so that the judgement stays visible).
   *[no] .
}

## STENT-ADHERENCE

stent-adherence-summary = Doubt about keeping anticoagulation and follow-up: reconsider the venous stent or address it first
stent-adherence-recommendation = Select for stenting patients who can keep taking anticoagulation and attend post-operative follow-up. Address the concern (education, support, a follow-up plan) before the stent, or reconsider it.
stent-adherence-evidence = The guideline (§1c) asks to select patients who can adhere to anticoagulant medication and post-operative follow-up.
stent-adherence-disagree = If the concern has been resolved, record adherence-concern = false; otherwise record how adherence will be secured when overriding.

## STENT-CASE-CONSULT

stent-case-consult-summary = { $count } patient-selection or inflow concerns: hold a case consultation before the venous stent
stent-case-consult-recommendation = Several of the guideline's patient-selection and inflow concerns apply to this venous stent order (the facts are listed below). Hold a case consultation before treatment.
stent-case-consult-evidence = The guideline (§1e) asks that cases in which difficulties are expected on all points always have a case consultation before treatment. It gives no count; this service asks for a consultation when two or more of its checks apply (inflow Type V, IVa or IVb; deep femoral vein ostium; residual lesion; inflow or outflow not cleared; symptom attribution; adherence).
stent-case-consult-disagree = If the case has already been discussed at a case consultation, override with "already decided with a specialist".

## STENT-PERIOP-PLAN

stent-periop-plan-summary = Venous stent: heparin during the procedure, then { $current ->
    [yes] keep { $agent }
   *[no] { $agent }
} for at least 6 months
stent-periop-plan-recommendation = Perioperative antithrombotic plan for the venous stent. Before: keep the anticoagulants and antiplatelets the patient already takes (bleeding risk rises); if they are stopped, bridge with heparin. During: start unfractionated heparin once the procedure has started (in some cases after crossing a chronic total occlusion), target APTT 1.5–2.5× normal or ACT ≥ 200 s, monitor ACT, and continue it until oral anticoagulation is established. After: { $current ->
    [yes] keep the current { $agent }{ $current-fits ->
        [yes] .
       *[no] ; for this patient the drug-choice rules would choose { $plan } — review the current drug.
    }
   *[no] { $plan }.{ $has-alternative ->
        [yes] {" "}Alternative: { $alternative }.
       *[no] {""}
    }{ $choice ->
        [pregnancy] {" "}Pregnancy: heparin, never warfarin or a DOAC.
        [aps] {" "}Antiphospholipid syndrome: warfarin, not a DOAC.
        [child-pugh-c] {" "}Cirrhosis Child-Pugh C: no DOAC.
        [renal] {" "}Renal function below the DOAC threshold: heparin, then warfarin.
        [cancer] {" "}Active cancer: apixaban, or LMWH where it is available.
       *[default] {""}
    }{ $doac ->
        [yes] { $initial ->
            [yes] {" "}The initial higher dose is given because of an acute DVT or new thrombus in post-thrombotic syndrome (below).
           *[no] {" "}No acute DVT and no new thrombus in post-thrombotic syndrome on record: start at the maintenance dose.
        }
       *[no] {""}
    }
} Continue antithrombotic therapy for at least 6 months after the stent.
stent-periop-plan-evidence = The guideline (§3a–§3d): keep pre-operative anticoagulants and antiplatelets (heparin bridging if stopped); start unfractionated heparin after the procedure starts, APTT 1.5–2.5× normal or ACT ≥ 200 s, ACT monitoring, until oral anticoagulation is established; then switch to a DOAC (e.g. apixaban 5 mg twice daily) or warfarin (INR 2.0–3.0), with an initial higher dose considered in acute DVT (as labelled) or in PTS with new thrombus; at least 6 months of antithrombotic therapy in every stent case. The written-out initial and maintenance doses are those of the drug labels; in Japan, doses and available drugs differ (no treatment-dose LMWH).
stent-periop-plan-disagree = This is the plan the guideline recommends; adapt it to the patient (e.g. bleeding risk, another indication for anticoagulation) and ignore the suggested orders where a plan is already in place.

## STENT-REINTERVENTION-ANTIPLATELET

stent-reintervention-antiplatelet-summary = { $why ->
    [reintervention] Venous stent reintervention with low bleeding risk: consider adding clopidogrel or aspirin
    [thrombophilia] Venous stent with thrombophilia and low bleeding risk: consider adding clopidogrel or aspirin
   *[both] Stent reintervention with thrombophilia and low bleeding risk: consider adding clopidogrel or aspirin
}
stent-reintervention-antiplatelet-recommendation = With { $why ->
    [reintervention] a reintervention on a venous stent
    [thrombophilia] a thrombophilia (a high thrombotic risk)
   *[both] a reintervention on a venous stent and a thrombophilia
} and a low bleeding risk, consider adding an antiplatelet (clopidogrel or aspirin) to anticoagulation. The bleeding risk rises with the combination, and clopidogrel takes time to become effective.
stent-reintervention-antiplatelet-evidence = The guideline (§3c) suggests considering an added antiplatelet (e.g. clopidogrel, aspirin) for patients at high thrombotic risk and for reinterventions when the bleeding risk is low, noting that the bleeding risk rises and that clopidogrel takes time to become effective; §3e repeats it for reinterventions.
stent-reintervention-antiplatelet-disagree = If an antiplatelet is not wanted (e.g. the bleeding risk is higher than recorded), no action is needed; update the bleeding-risk finding if it has changed.

## STENT-DURATION-6M

stent-duration-6m-summary = { $variant ->
    [short] Antithrombotic orders end { $days } days after the venous stent: continue for at least 6 months
   *[none-active] Venous stent placed { $date } and no anticoagulant or antiplatelet active: continue for 6 months
}
stent-duration-6m-recommendation = Continue antithrombotic therapy for at least 6 months after every venous stent: here until at least { $until } (183 days after the stent of { $date }).{ $variant ->
    [short] {" "}The antithrombotic orders end on { $end }, { $days } days after the stent: extend them.
   *[none-active] {" "}No anticoagulant or antiplatelet is active: restart antithrombotic therapy unless it was stopped for a reason (e.g. bleeding).
}
stent-duration-6m-evidence = The guideline (§3d): continue antithrombotic therapy (anticoagulant or antiplatelet) for at least 6 months after the procedure in every stent case; 6 months is counted as 183 days.
stent-duration-6m-disagree = If therapy was shortened or stopped deliberately (e.g. bleeding, a specialist decision) or continues under an order this record does not show, record the reason when overriding.

## STENT-EXTENDED-THERAPY

stent-extended-therapy-summary = Venous stent of { $date } nears 6 months, with { $factor ->
    [pts] post-thrombotic syndrome
    [inflow] poor inflow
    [thrombophilia] a thrombophilia
   *[several] several reasons
}: consider continuing antithrombotic therapy
stent-extended-therapy-recommendation = Antithrombotic therapy after this venous stent reaches 6 months on { $until }. With post-thrombotic syndrome, poor inflow (Type IVa, IVb or V) or a thrombophilia (below), consider continuing it beyond 6 months, weighing the bleeding risk{ $bleeding ->
    [yes] {" "}— a high bleeding risk is on record (below)
   *[no] {""}
}.
stent-extended-therapy-evidence = The guideline (§3d), after the 6-month minimum for every stent: in cases with PTS, poor inflow or a thrombotic tendency, consider continuing therapy while weighing the bleeding risk. Reading poor inflow as Types IVa–V and a thrombotic tendency as a recorded thrombophilia is this service's interpretation.
stent-extended-therapy-disagree = This is an option to weigh, not an order: stopping at 6 months remains reasonable when the bleeding risk outweighs the thrombotic risk.
