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
