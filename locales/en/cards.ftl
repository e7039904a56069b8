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
beyond-seeds-doac-labels = the apixaban, rivaroxaban, edoxaban and dabigatran labels (Japanese labels in the jp profile)
beyond-seeds-edoxaban-label = the edoxaban label
beyond-seeds-warfarin-and-doac-labels = the warfarin and DOAC labels
beyond-seeds-rivaroxaban-label = the rivaroxaban label (contraindicated in moderate hepatic impairment, Child-Pugh B)

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
regimen-days = (total { $days } days)
regimen-ufh-subcutaneous = unfractionated heparin subcutaneously twice daily, dose adjusted to the APTT, through pregnancy
regimen-edoxaban = edoxaban { $maintenance } mg once daily
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
phase-ufh-subcutaneous = Subcutaneous injection twice daily, dose adjusted to a mid-interval APTT in the therapeutic range; continue through pregnancy (no warfarin or DOAC follows)
phase-with-start = { $dosage }, { $start }
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

## Procedures being ordered

procedure-venous-stent = a venous stent
procedure-balloon-angioplasty = a venous balloon angioplasty
procedure-drug-coated-balloon = a drug-coated balloon angioplasty
procedure-ivc-filter-insertion = an IVC filter insertion
procedure-ivc-filter-removal = an IVC filter removal

## Thrombosis sites

site-calf-muscular = Calf muscular vein thrombosis
site-tibial = Tibial vein DVT
site-peroneal = Peroneal vein DVT
site-distal-unspecified = Distal DVT
site-popliteal = Popliteal vein DVT
site-femoral = Femoral vein DVT
site-proximal-unspecified = Proximal DVT
site-lower-limb-unspecified = Lower-limb DVT (segment not stated)
site-iliac = Iliac vein thrombosis
site-ivc = Inferior vena cava thrombosis
site-portal = Portal vein thrombosis
site-mesenteric = Mesenteric vein thrombosis
site-pulmonary-embolism = Pulmonary embolism
site-unspecified-vein = Venous thrombosis

## Reasons (the facts behind a card)

reason-thrombosis = { $site }, { $acuity ->
    [acute] acute
    [chronic] chronic
   *[unknown] acuity not stated
}, onset { $onset }
reason-ordered = { $agent } is being ordered{ $dose ->
    [therapeutic] {" "}at a therapeutic dose
    [prophylactic] {" "}at a prophylactic dose
    [unknown] {" "}(dose not readable)
   *[none] {""}
}
reason-planned = { $agent } is planned (draft order){ $dose ->
    [therapeutic] {" "}at a therapeutic dose
    [prophylactic] {" "}at a prophylactic dose
   *[other] {""}
}
reason-active = { $agent } is active{ $dose ->
    [therapeutic] {" "}at a therapeutic dose
    [prophylactic] {" "}at a prophylactic dose
   *[other] {""}
}
reason-procedure-ordered = { $procedure } is being ordered
reason-no-anticoagulant-active = No anticoagulant is active
reason-no-therapeutic-anticoagulant = No therapeutic anticoagulant is active or ordered
reason-aps = Antiphospholipid syndrome on record
reason-mpn = Myeloproliferative neoplasm on record
reason-inherited-thrombophilia = Inherited thrombophilia on record
reason-thrombophilia-workup-missing = No thrombophilia work-up on record (JAK2, lupus anticoagulant, antiphospholipid antibodies)
reason-pregnancy = Pregnancy on record
reason-active-cancer = Active cancer on record
reason-gi-gu-cancer = Gastrointestinal or genitourinary cancer on record
reason-hcc = Hepatocellular carcinoma on record
reason-cirrhosis = Cirrhosis on record
reason-child-pugh = Child-Pugh class { $class }
reason-child-pugh-unknown = Child-Pugh class not recorded
reason-varices = Oesophageal or gastric varices on record
reason-varices-high-risk = High-risk varices on endoscopy
reason-varices-untreated = No band ligation on record
reason-no-variceal-assessment = No endoscopy, varices diagnosis or varices finding on record
reason-transplant-candidate = Awaiting transplant
reason-renal = { $measure ->
    [crcl] Creatinine clearance
   *[egfr] eGFR
} { $value } mL/min ({ $date })
reason-weight = Body weight { $value } kg
reason-atrial-fibrillation = Atrial fibrillation on record
reason-mechanical-valve = Prosthetic heart valve on record
reason-prior-vte = Prior venous thromboembolism on record
reason-provoked-reversible = Provoked by a transient factor that is now gone
reason-symptoms-severe = Severe symptoms
reason-symptoms-mild = Symptomatic
reason-symptoms-none = No symptoms
reason-d-dimer-negative = D-dimer negative ({ $date })
reason-d-dimer-missing = No D-dimer in the last 7 days
reason-risk-d-dimer-positive = D-dimer positive ({ $date })
reason-risk-unprovoked = Unprovoked (no transient provoking factor)
reason-risk-prior-vte = Prior venous thromboembolism
reason-risk-active-cancer = Active cancer
reason-risk-immobilised = Hospitalised or immobilised
reason-risk-length = Thrombus longer than 5 cm ({ $date })
reason-risk-diameter = Thrombus diameter over 7 mm ({ $date })
reason-risk-veins = Two or more veins involved ({ $date })
reason-risk-near-popliteal = Thrombus close to the popliteal vein ({ $date })
reason-no-risk-factor = No extension risk factor on record
reason-extension-distal = Follow-up imaging shows extension within the calf veins ({ $date })
reason-extension-proximal = Follow-up imaging shows extension into the proximal veins ({ $date })
reason-extension-none = Follow-up imaging shows no extension ({ $date })
reason-bleeding-ich = Intracerebral haemorrhage, onset { $date }
reason-bleeding-major = Active major bleeding ({ $date })
reason-bleeding-platelets = Platelets below 50 ×10⁹/L ({ $date })
reason-bleeding-judged-high = Bleeding risk judged high ({ $date })
reason-bleeding-judged-low = Bleeding risk judged low ({ $date })
reason-course = Anticoagulation course of { $days } days
reason-course-open = Anticoagulation course with no end date
reason-venous-stent = Venous stent placed { $date ->
    [unknown] (date not recorded)
   *[other] { $date }
}
reason-balloon-recanalisation = Iliocaval balloon recanalisation { $date ->
    [unknown] (date not recorded)
   *[other] { $date }
}
reason-ivc-filter = IVC filter in place (inserted { $date ->
    [unknown] on an unrecorded date
   *[other] { $date }
})
reason-filter-shape = IVC filter shape: { $shape ->
    [conical] conical
    [spindle] spindle
   *[other] { $shape }
}
reason-inflow-type = Inflow Type { $type }
reason-inflow-unassessed = No inflow assessment on record
reason-dfv-ostium-occluded = Deep femoral vein ostium not patent
reason-residual-lesion = Lesion left between the planned stent and the deep femoral vein ostium
reason-inflow-outflow-uncleared = Inflow or outflow thrombus/stenosis not cleared
reason-symptom-attribution-uncertain = Not clear that the venous obstruction causes the symptoms
reason-bilateral-oedema = Bilateral leg oedema on record
reason-adherence-concern = Doubt that the patient keeps anticoagulation and follow-up
reason-post-thrombotic-syndrome = Post-thrombotic syndrome on record
reason-villalta = Villalta score { $score } ({ $grade ->
    [none] no PTS
    [mild] mild PTS
    [moderate] moderate PTS
   *[severe] severe PTS
}, { $date })
reason-pvt-occlusive = Occlusive portal vein thrombus
reason-portal-cavernoma = Cavernous transformation of the portal vein
reason-tumour-thrombus-absent = Portal thrombus is bland (no tumour thrombus)
reason-tumour-thrombus-unknown = Not recorded whether the portal thrombus is tumour thrombus
reason-recent-abdominal-cause = Recent abdominal cause (acute pancreatitis or abdominal surgery)
reason-age = Age { $age }
