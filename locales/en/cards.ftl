# venous-cds card texts — English.
#
# Message ids: `<rule-id in lower case>-summary | -recommendation | -evidence | -disagree` per
# rule; `reason-*` for the facts behind a card; `agent-*`, `regimen-*`, `suggestion-*`,
# `action-*`, `override-*` and `detail-*` shared by all cards. Summaries stay under 140
# characters. Placeables never carry patient data other than codes, dates and FHIR ids.

## Detail layout

detail-why = Why
detail-evidence = Evidence
detail-disagree = If you disagree
detail-source = Source
detail-beyond-seeds = This advice goes beyond the guideline documents: it rests on { $label }.

## Drugs

agent-apixaban = apixaban
agent-rivaroxaban = rivaroxaban
agent-edoxaban = edoxaban
agent-dabigatran = dabigatran
agent-warfarin = warfarin
agent-ufh = unfractionated heparin
agent-enoxaparin = enoxaparin
agent-dalteparin = dalteparin
agent-fondaparinux = fondaparinux
agent-argatroban = argatroban
agent-aspirin = aspirin
agent-clopidogrel = clopidogrel
agent-estrogen-contraceptive = an estrogen-containing contraceptive
agent-unknown = an unidentified drug

## Regimens (FHIR dosage texts and suggestion labels)

regimen-warfarin = warfarin, dose adjusted to a target INR of 2.0–3.0
regimen-ufh = unfractionated heparin IV infusion, target APTT 1.5–2.5× normal or ACT ≥ 200 s
regimen-enoxaparin = enoxaparin 1 mg/kg subcutaneously twice daily
regimen-apixaban-initial = apixaban 10 mg twice daily for 7 days, then 5 mg twice daily
regimen-apixaban = apixaban 5 mg twice daily
regimen-rivaroxaban-initial = rivaroxaban 15 mg twice daily for 21 days, then { $maintenance } mg once daily
regimen-rivaroxaban = rivaroxaban { $maintenance } mg once daily
regimen-days = for { $days } days
phase-dose = { $dose } { $unit } { $frequency ->
    [1] once daily
    [2] twice daily
   *[other] { $frequency } times daily
}{ $days ->
    [none] {""}
   *[other] {" "}for { $days } days
}
phase-warfarin = Warfarin once daily, dose adjusted to a target INR of 2.0–3.0
phase-ufh = Continuous IV infusion adjusted to APTT 1.5–2.5× normal or ACT ≥ 200 s; continue until oral anticoagulation is established
phase-start-after = starting on day { $day }

## Suggestions and actions

suggestion-replace = Replace { $from } with { $to }
suggestion-start = Start { $to }
action-delete = Remove the draft order { $reference }
action-create-medication = Order { $regimen }
action-create-procedure = Order { $procedure }

## Procedures

procedure-duplex-ultrasound = duplex ultrasound of the leg veins
procedure-upper-endoscopy = upper endoscopy

## Override reasons

override-patient-specific-contraindication = Contraindicated for this patient for another reason
override-decided-with-specialist = Already decided with a specialist
override-bleeding-risk-acceptable = Bleeding risk judged acceptable
override-not-applicable = Not applicable to this patient
override-already-addressed = Already addressed elsewhere in the record

## Reasons (the facts behind a card)

reason-aps = Antiphospholipid syndrome on record
reason-ordered = { $agent } is being ordered
reason-pregnancy = Pregnancy on record

## VTE-APS-NO-DOAC

vte-aps-no-doac-summary = Antiphospholipid syndrome: avoid { $agent }; use { $pregnant ->
    [yes] heparin (pregnancy)
   *[no] warfarin, INR 2.0–3.0
}
vte-aps-no-doac-recommendation = Do not start { $agent } or another DOAC in antiphospholipid syndrome. { $pregnant ->
    [yes] The patient is pregnant: use heparin; warfarin and DOACs harm the fetus.
   *[no] Use warfarin with a target INR of 2.0–3.0.
}
vte-aps-no-doac-evidence = The Japanese venous stent guideline (2025-09-18, §3e) states for APS: avoid DOACs and use warfarin.
vte-aps-no-doac-disagree = If APS has been excluded, correct the problem list; if a DOAC is chosen deliberately (e.g. after specialist review), record the reason when overriding.
