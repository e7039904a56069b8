# Messages of the general anticoagulant-choice rules (src/guidelines/general.rs).

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

## VTE-DOAC-PREFERRED

vte-doac-preferred-summary = Warfarin ordered for VTE: a DOAC such as apixaban is preferred unless warfarin is needed for a reason
vte-doac-preferred-recommendation = For venous thromboembolism a DOAC is preferred over { $agent }: less intracranial bleeding and no routine INR monitoring. Consider apixaban instead (suggested below) unless { $agent } is chosen for a reason this record does not show.{ $renal ->
    [no] {" "}No renal function from the last 90 days is on record: check creatinine clearance before choosing a DOAC.
   *[yes] {""}
}{ $bridge ->
    [yes] {" "}A parenteral anticoagulant is also being ordered: apixaban's initial dose needs no heparin bridge, so review that order if you switch.
   *[no] {""}
}
vte-doac-preferred-evidence = The Chinese review on calf muscular vein thrombosis (§2) states that in VTE patients who need anticoagulation, guidelines lean towards DOACs over warfarin (less intracranial haemorrhage, a simpler process), and that ESVS 2021 likewise prefers a DOAC when anticoagulation is needed.
vte-doac-preferred-disagree = Keep warfarin when there is a reason (e.g. a mechanical heart valve, antiphospholipid syndrome, severe liver or kidney disease, interacting drugs, cost or the patient's preference); no action is needed, and you may record the reason when dismissing the card.

## VTE-CANCER-AGENT

vte-cancer-agent-summary = { $group ->
    [gi-gu] GI/GU cancer with VTE: { $lmwh ->
        [yes] apixaban or LMWH is
       *[no] apixaban is
    } preferred over { $agent }
   *[other] Cancer-associated VTE: { $lmwh ->
        [yes] a factor Xa inhibitor or LMWH is
       *[no] a factor Xa inhibitor is
    } preferred over { $agent }
}
vte-cancer-agent-recommendation = { $group ->
    [gi-gu] With a gastrointestinal or genitourinary cancer, which is prone to bleeding, prefer apixaban{ $lmwh ->
        [yes] {" "}or low-molecular-weight heparin
       *[no] {""}
    } to { $agent } (suggested below).
   *[other] For VTE with active cancer prefer a factor Xa inhibitor such as apixaban{ $lmwh ->
        [yes] {" "}or low-molecular-weight heparin
       *[no] {""}
    } to { $agent } (suggested below).
} Choose by the tumour site and the bleeding risk.{ $bridge ->
    [yes] {" "}A parenteral anticoagulant is also being ordered as a bridge to warfarin: review it if you switch.
   *[no] {""}
}
vte-cancer-agent-evidence = The Chinese review on calf muscular vein thrombosis (§2) says that for VTE with cancer a factor Xa inhibitor or LMWH may be chosen in most situations, and that apixaban or LMWH may be preferred for some digestive or urinary-tract tumours with a bleeding tendency; §7 adds: choose by the solid tumour's site and the bleeding risk.
vte-cancer-agent-disagree = If the cancer is no longer active, update the problem list. If { $agent } is chosen deliberately (e.g. interactions with cancer therapy, oncology advice), keep it; you may record the reason when dismissing the card.

## VTE-WARFARIN-INR-TARGET

vte-warfarin-inr-target-summary = Warfarin order without an INR target: for venous thrombosis aim for INR 2.0–3.0
vte-warfarin-inr-target-recommendation = Write the INR target on the { $agent } order: INR 2.0–3.0 for venous thrombosis, with the dose adjusted to it.{ $cirrhosis ->
    [yes] {" "}Cirrhosis is on record: the baseline INR may already be raised, so INR-guided dosing is less reliable (Japanese review on portal vein thrombosis §3.1.4); agree the target with the hepatology team.
   *[no] {""}
}{ $valve ->
    [yes] {" "}A prosthetic heart valve is on record: a mechanical valve may need a higher target; use the higher of the two.
   *[no] {""}
}
vte-warfarin-inr-target-evidence = The Japanese venous stent guideline (2025-09-18, §3c) gives warfarin with a target INR of 2.0–3.0 when switching to oral anticoagulation.
vte-warfarin-inr-target-disagree = If the target is recorded elsewhere (e.g. in the anticoagulation clinic plan) or a different target is intended, write it on the order, or record why when dismissing the card.

## VTE-DOAC-RENAL

vte-doac-renal-summary = { $cause ->
    [jp-dabigatran] Dabigatran is not approved for VTE treatment in Japan: choose another anticoagulant
   *[renal] Renal function too low for { $agent } ({ $measure ->
        [crcl] creatinine clearance
       *[egfr] eGFR
    } { $value } mL/min; limit { $threshold }): choose another anticoagulant
}
vte-doac-renal-recommendation = { $cause ->
    [jp-dabigatran] Dabigatran is not approved in Japan for the treatment of venous thromboembolism. Use the anticoagulant suggested below instead.
   *[renal] Do not give { $agent } at this renal function: it is not recommended below { $threshold } mL/min. Use the anticoagulant suggested below instead; the drug choice takes renal function into account.{ $measure ->
        [egfr] {" "}Only eGFR is on record: the labels' limits are for creatinine clearance (Cockcroft–Gault), so calculate it to confirm.
       *[other] {""}
    }
}
vte-doac-renal-evidence = None of the guideline documents gives renal limits; they come from the drug labels{ $profile ->
    [jp] {" "}(Japanese labels): apixaban and rivaroxaban not below 30 mL/min, edoxaban not below 15 mL/min, and dabigatran not approved for VTE.
   *[intl] : apixaban, rivaroxaban and edoxaban not below 15 mL/min, dabigatran not below 30 mL/min.
} The Chinese review on calf muscular vein thrombosis (§5.2) says only that renal function must be weighed when choosing a DOAC, and the Japanese venous stent guideline (2025-09-18, §3) that drug indications and doses in Japan differ from those abroad.
vte-doac-renal-disagree = { $cause ->
    [jp-dabigatran] If dabigatran is kept deliberately (e.g. on specialist advice), record the reason when overriding.
   *[renal] If the renal value is outdated or wrong (e.g. acute kidney injury that has resolved), record a current creatinine clearance. If the drug is kept on specialist advice, record the reason when overriding.
}

## VTE-EDOXABAN-REDUCED-DOSE

vte-edoxaban-reduced-dose-summary = Edoxaban { $dose } mg ordered: reduce to { $reduced } mg once daily ({ $renal ->
    [yes] { $measure ->
        [crcl] creatinine clearance
       *[egfr] eGFR
    } 15–50 mL/min{ $weight ->
        [yes] , weight ≤ 60 kg
       *[no] {""}
    }
   *[no] weight ≤ 60 kg
})
vte-edoxaban-reduced-dose-recommendation = Reduce edoxaban to { $reduced } mg once daily: { $renal ->
    [yes] { $measure ->
        [crcl] creatinine clearance
       *[egfr] eGFR
    } is 15–50 mL/min{ $weight ->
        [yes] {" "}and body weight is 60 kg or less
       *[no] {""}
    }
   *[no] body weight is 60 kg or less
}.{ $measure ->
    [egfr] {" "}Only eGFR is on record: the label's criterion is creatinine clearance (Cockcroft–Gault), so calculate it to confirm.
   *[other] {""}
} The label lists further reasons to reduce the dose (e.g. some P-glycoprotein inhibitors); this card checks only renal function and weight.
vte-edoxaban-reduced-dose-evidence = The edoxaban label gives 60 mg once daily, reduced to 30 mg once daily with a creatinine clearance of 15–50 mL/min or a body weight of 60 kg or less. The Japanese venous stent guideline (2025-09-18, §3c) names edoxaban as an option but gives no dose.
vte-edoxaban-reduced-dose-disagree = If the weight or renal value is outdated, record a current one. If 60 mg is kept deliberately, record the reason when overriding.

## VTE-PREGNANCY-NO-ORAL

vte-pregnancy-no-oral-summary = Pregnancy: { $agent } can harm the fetus; use { $heparin ->
    [lmwh] low-molecular-weight heparin
   *[ufh] unfractionated heparin
} instead
vte-pregnancy-no-oral-recommendation = Do not give warfarin or a DOAC in pregnancy. { $heparin ->
    [lmwh] Use low-molecular-weight heparin (enoxaparin, suggested below).
   *[ufh] Use unfractionated heparin (suggested below): low-molecular-weight heparin is not available for treatment in this profile. The infusion covers the acute phase; no warfarin or DOAC follows during pregnancy, so plan adjusted-dose subcutaneous heparin for the rest of it.
} Plan anticoagulation with the obstetric team.
vte-pregnancy-no-oral-evidence = Warfarin crosses the placenta and can cause embryopathy and fetal bleeding; DOACs cross the placenta and lack safety data in pregnancy; their labels advise against use in pregnancy, whereas heparins do not cross the placenta. The guideline documents here say only that medicines are adjusted for the safety of the fetus (Japanese review on portal vein thrombosis §4.2).
vte-pregnancy-no-oral-disagree = If the pregnancy has ended or was ruled out, update the record. Warfarin in pregnancy is reserved for specialist-managed exceptions such as some mechanical heart valves: record the reason when overriding.

## VTE-JP-NO-LMWH

vte-jp-no-lmwh-summary = Treatment-dose { $agent } is not approved for VTE in Japan: use UFH, fondaparinux or an oral anticoagulant
vte-jp-no-lmwh-recommendation = In Japan low-molecular-weight heparin is approved for prophylaxis, not for the treatment of venous thromboembolism. Replace the treatment dose of { $agent } with unfractionated heparin, fondaparinux or an oral anticoagulant (a replacement is suggested below).
vte-jp-no-lmwh-evidence = The Japanese venous stent guideline (2025-09-18, §3, opening paragraph) notes that drug indications and doses in Japan differ from those abroad, for example that low-molecular-weight heparin cannot be used. That it is approved in Japan for prophylaxis only rests on Japanese labelling.
vte-jp-no-lmwh-disagree = If the order is meant as prophylaxis, order the prophylactic dose. If treatment-dose LMWH is given deliberately (off-label), record the reason when overriding.

## VTE-ANTICOAG-ANTIPLATELET

vte-anticoag-antiplatelet-summary = Anticoagulant plus antiplatelet ({ $anticoagulant } with { $antiplatelet }): bleeding risk rises; keep it only for a clear reason
vte-anticoag-antiplatelet-recommendation = Review the combination of { $anticoagulant } and { $antiplatelet }: taken together they raise the bleeding risk. { $stent ->
    [yes] A venous stent is on record or being ordered: do not stop antiplatelets the patient already takes around the procedure (Japanese venous stent guideline §3a); adding one is considered for reintervention or high thrombotic risk when the bleeding risk is low (§3c, §3e). Make the combination a deliberate, documented decision with a planned end.
   *[no] Continue it only for a clear indication (for example a recent arterial stent or an acute coronary syndrome) and for a defined time; otherwise discuss stopping the antiplatelet with the prescriber who started it.
}
vte-anticoag-antiplatelet-evidence = The Japanese venous stent guideline (2025-09-18) keeps the anticoagulants and antiplatelets a patient takes before stenting but notes that the bleeding risk rises (§3a), and, when adding an antiplatelet, that the bleeding risk rises and clopidogrel takes time to act (§3c). The Chinese review on calf muscular vein thrombosis (§5.2) says a DOAC must be weighed against any concurrent antiplatelet regimen, e.g. after a recent stent or thrombectomy.
vte-anticoag-antiplatelet-disagree = If the combination is intended (e.g. on cardiology or vascular advice), keep it, record its indication and planned end, and choose the matching override reason.

## Reasons of this module

reason-general-renal-unknown = No creatinine clearance or eGFR from the last 90 days on record
reason-general-no-inr-target = Its dosage instructions name no INR target
reason-general-edoxaban-dose = Edoxaban { $dose } mg per dose is being ordered
reason-general-reintervention-bleeding-not-low = Venous stent reintervention, but the bleeding risk is not judged low
