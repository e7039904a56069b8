# Messages of the calf muscular vein thrombosis / isolated distal DVT rules and the ICH rules
# (src/guidelines/calf_vein.rs; clinical-rules.md §4.2; seeds 002 and 003).
#
# Terms as the seeds use them: calf muscular vein thrombosis (CMVT, 肌间静脉血栓), isolated
# distal DVT (IDDVT), serial compression (duplex) ultrasound, intermittent pneumatic
# compression (IPC), retrievable IVC filter, spontaneous intracerebral haemorrhage (ICH).
# Summaries stay under 140 characters with the longest argument values.

## Shared pieces

# The drug-choice sentence shared by the anticoagulate cards (clinical-rules.md §5.1).
calf-choice = Suggested drug: { $choice-agent }{ $choice ->
    [pregnancy] {" "}(pregnancy: heparin; never warfarin or a DOAC).
    [aps] {" "}(antiphospholipid syndrome: warfarin, INR 2.0–3.0; no DOAC).
    [child-pugh-c] {" "}(cirrhosis Child-Pugh C: no DOAC; { $choice-region ->
        [no-lmwh] UFH while acute, then warfarin
       *[lmwh] LMWH, or UFH then warfarin
    }).
    [renal] {" "}(renal function below the DOAC threshold: UFH while acute, then warfarin, INR 2.0–3.0).
    [cancer] {" "}(active cancer: { $choice-region ->
        [no-lmwh] a factor Xa inhibitor; treatment-dose LMWH is not available
       *[lmwh] a factor Xa inhibitor or LMWH
    }).
   *[default] {" "}(a DOAC is preferred over warfarin).
}

## Reasons of this module

reason-calf-no-other-indication = No other reason to anticoagulate on record (recent venous stent, PE, portal or mesenteric thrombosis, atrial fibrillation, mechanical valve, APS)
reason-calf-not-provoked-reversible = Not recorded as provoked by a transient factor that is now gone
reason-calf-only-cmvt = No other current thrombosis on record (no other DVT, no iliac/IVC, portal or mesenteric thrombosis, no PE)
reason-calf-course-since = Therapeutic anticoagulation since { $date } ({ $days } days)

## Suggestion labels of this module

suggestion-calf-surveillance-scans = Order duplex ultrasound of the leg veins at 1 and 2 weeks
suggestion-calf-withdraw = Remove the draft { $from } (no anticoagulation while under surveillance)
suggestion-calf-extend = Extend { $from } to 3 months: { $to }
suggestion-calf-withhold-and-scan = Withhold { $from } and order duplex ultrasound at 1 and 2 weeks
suggestion-calf-withhold = Withhold { $from } for now
suggestion-calf-cancel-filter = Cancel the IVC filter order
suggestion-calf-reassessment-scan = Order a duplex ultrasound of the leg veins to reassess

## CMVT-NOT-ISOLATED

cmvt-not-isolated-summary = Calf muscular vein thrombosis with proximal DVT, iliac/IVC thrombosis or PE: manage as proximal DVT and anticoagulate
cmvt-not-isolated-recommendation = Manage as proximal DVT: start therapeutic anticoagulation for at least 3 months, then reassess. { calf-choice } { $bleeding ->
    [low] The bleeding risk has been judged low.
   *[unconfirmed] The source asks for a low bleeding risk to be established first: confirm it before starting.
}
cmvt-not-isolated-evidence = Yang & Xiong (Acta Acad Med Sin 2021, summary and outlook): in non-isolated CMVT, anticoagulation should be the first choice once a low bleeding risk has been established. The commentary of the Chinese CMVT review adds that only ultrasound-proven isolated CMVT (no proximal extension, no contralateral thrombus) is stratified further; otherwise it is managed as proximal DVT.
cmvt-not-isolated-disagree = If the proximal DVT, iliac/IVC thrombosis or PE is no longer current (resolved or refuted), update the problem list; if anticoagulation is withheld on purpose (e.g. bleeding risk), record the reason when overriding.

## CMVT-SURVEILLANCE

cmvt-surveillance-summary = Isolated calf muscular vein thrombosis at low risk: ultrasound at 1 and 2 weeks instead of immediate anticoagulation
cmvt-surveillance-recommendation = Repeat compression (duplex) ultrasound of the whole leg weekly for 2 weeks — at least once at 1 week — instead of starting anticoagulation now. If the thrombus does not extend, no anticoagulation is needed; if it extends (even within the calf), start 3 months of anticoagulation. Encourage early mobilisation; use intermittent pneumatic compression (IPC) if the patient is in hospital. Tell the patient when the scans are due and to come back earlier with worsening pain or swelling, breathlessness or chest pain.{ $mode ->
    [ordering] {" "}The drafted { $agent } is not needed for now.
   *[review] {""}
}
cmvt-surveillance-evidence = CHEST 2021 (Chinese CMVT review §2, §6): without marked symptoms or risk factors for extension, serial ultrasound for 2 weeks is preferred over immediate anticoagulation, and no anticoagulation is needed if the thrombus does not extend (CHEST: scan weekly for two weeks; ESVS: repeat at 1 week). MacDonald et al. (135 patients, in Yang & Xiong 2021): without anticoagulation only 16.3 % extended to the tibial or peroneal veins within 3 months, and 90.9 % of extensions were seen on ultrasound within 2 weeks of diagnosis.
cmvt-surveillance-disagree = If you judge anticoagulation necessary — marked symptoms, or a risk factor not yet recorded (thrombus near the popliteal vein, length > 5 cm, diameter > 7 mm, several veins, unprovoked, prior VTE, cancer, immobilisation) — record it and the reason when overriding; if you choose surveillance, book both scans.

## CMVT-RISK-UNASSESSED

cmvt-risk-unassessed-summary = Isolated calf muscular vein thrombosis: record D-dimer and thrombus extent before choosing surveillance or anticoagulation
cmvt-risk-unassessed-recommendation = Before choosing between serial ultrasound surveillance and anticoagulation, record a D-dimer and the extent of the thrombus: length (risk above 5 cm), maximal diameter (above 7 mm), number of veins involved and proximity to the popliteal vein. With none of these risk factors, a negative D-dimer and no severe symptoms, ultrasound surveillance for 2 weeks is preferred; with any of them, 3 months of anticoagulation is favoured.{ $mode ->
    [ordering] {" "}Decide on the drafted anticoagulant once these are known.
   *[review] {""}
}
cmvt-risk-unassessed-evidence = The Chinese CMVT review (§4, §6) assesses the risk of extension first, against its checklist: thrombus near the popliteal vein, length > 5 cm, several deep veins or diameter > 7 mm; positive D-dimer, no reversible trigger, prior VTE, active cancer, hospitalisation or immobilisation. Yang & Xiong (2021) note that isolated CMVT extends proximally and causes PE less often than tibial or peroneal DVT, so the risk of progression should be assessed before treatment is chosen.
cmvt-risk-unassessed-disagree = If the D-dimer or the thrombus extent is documented elsewhere (e.g. in the ultrasound report), record them as findings so this support can use them; if you decide without them, record the reason.

## CMVT-ANTICOAGULATE

cmvt-anticoagulate-summary = Isolated calf muscular vein thrombosis with { $why ->
    [symptoms] severe symptoms
    [both] severe symptoms and risk factors
   *[risk] an extension risk factor
}: lean towards anticoagulation for 3 months
cmvt-anticoagulate-recommendation = Anticoagulation for 3 months is favoured when the bleeding risk is acceptable{ $mode ->
    [review] ; no therapeutic anticoagulant is active.
   *[ordering] .
} { calf-choice }{ $fits ->
    [yes] {" "}The anticoagulant being ordered fits this choice: plan a 3-month course and decide with ultrasound at its end whether to stop or continue.
   *[no] {""}
}
cmvt-anticoagulate-evidence = CHEST 2021 and the Chinese CMVT review (§2, §4, §6): with marked symptoms or at least 1 high-risk factor, and an acceptable bleeding risk, lean towards anticoagulation for 3 months, DOAC first (cancer: factor Xa inhibitor or LMWH). ACCP 2016 (in Yang & Xiong 2021) advises anticoagulation for severe symptoms, thrombus close to the proximal veins, markedly raised D-dimer, extensive thrombus (length > 5 cm, maximal diameter > 7 mm, several veins) or active cancer.
cmvt-anticoagulate-disagree = The sources lean towards anticoagulation but do not mandate it: if you choose ultrasound surveillance instead (e.g. the bleeding risk is not acceptable), scan weekly for 2 weeks and record the reason when overriding.

## CMVT-EXTENSION

cmvt-extension-summary = Distal DVT extended { $extension ->
    [proximal] into the proximal veins
   *[distal] within the calf veins
} on follow-up: start therapeutic anticoagulation
cmvt-extension-recommendation = Start therapeutic anticoagulation { $extension ->
    [proximal] for at least 3 months: the thrombus now reaches the proximal veins, so manage it as proximal DVT.
   *[distal] for 3 months.
} { calf-choice } Confirm first that the bleeding risk is not high.
cmvt-extension-evidence = CHEST 2021 (Chinese CMVT review §2, §6): if a distal thrombus under observation extends — even if still confined to the calf — or becomes proximal, start therapeutic anticoagulation for 3 months. Yang & Xiong (2021): monitor CMVT by Doppler ultrasound for 2 weeks; when it extends into the proximal deep veins, anticoagulation is the first choice once high bleeding risk has been excluded.
cmvt-extension-disagree = If the follow-up finding is wrong or belongs to an older scan, correct it; if anticoagulation is withheld (e.g. bleeding risk), record the reason when overriding and keep scanning.

## CMVT-DURATION-SHORT

cmvt-duration-short-summary = Isolated distal DVT: a { $days }-day anticoagulation course; 3 months is preferred unless the provoking factor is gone
cmvt-duration-short-recommendation = Extend { $agent } to 3 months (91 days), unless the thrombosis was provoked by a transient factor that is now gone (e.g. surgery, trauma): then 6 weeks is acceptable — record it as the `provoked-reversible` finding.
cmvt-duration-short-evidence = RIDTS (Chinese CMVT review §2, §7): 3 months of rivaroxaban, compared with 6 weeks, reduced recurrent VTE over 2 years (mainly distal recurrences) without more major bleeding; courses of 6 weeks or less are less secure. The sources do not fully agree: the Australian and New Zealand guideline (in Yang & Xiong 2021) gives 6 weeks once the risk factor has been removed and 3 months while it persists, and cohort studies proposed even shorter courses (Gillet: at least 15–30 days; Galanaud: at least 1 month).
cmvt-duration-short-disagree = If the provoking factor has been removed, record `provoked-reversible` = true and keep the short course; otherwise record why a short course was chosen when overriding.

## CMVT-HIGH-BLEEDING

cmvt-high-bleeding-summary = Calf muscular vein thrombosis with high bleeding risk: IPC and ultrasound surveillance rather than anticoagulation now
cmvt-high-bleeding-recommendation = While the bleeding risk is high, anticoagulation is not the first choice{ $mode ->
    [ordering] {" "}— reconsider the drafted { $agent }.
   *[review] .
} Use intermittent pneumatic compression (IPC) — stockings alone are not VTE prophylaxis — and repeat duplex ultrasound over the next 2 weeks to detect extension. { $ich ->
    [yes] After intracerebral haemorrhage, prophylactic-dose { $region ->
        [no-lmwh] UFH
       *[lmwh] UFH/LMWH
    } may be considered from 24–48 h after the haemorrhage, once imaging shows the haematoma is stable.
   *[no] A prophylactic dose remains possible only where the cause of the bleeding risk allows it.
} Start anticoagulation once the bleeding risk allows.{ $isolated ->
    [no] {" "}With proximal DVT, iliac/IVC thrombosis or PE that cannot be anticoagulated, discuss a retrievable IVC filter as a bridge.
   *[yes] {""}
}
cmvt-high-bleeding-evidence = Yang & Xiong (2021, summary and outlook): at high bleeding risk anticoagulation is not the first choice; use intermittent pneumatic compression and stockings, and monitor extension closely with Doppler ultrasound (CMVT monitoring is advised for 2 weeks). The Chinese CMVT review (§3, §5.1): with high bleeding risk (e.g. acute ICH), observation with repeat scanning is the more reasonable start; after ICH, IPC from the day of diagnosis, low-dose UFH/LMWH after 24–48 h of stable imaging, and stockings should not be used alone.
cmvt-high-bleeding-disagree = If the bleeding risk is no longer high (bleeding controlled, platelets recovered), update the record; if you anticoagulate despite it, record the reason when overriding.

## CMVT-ICH-DEFER

cmvt-ich-defer-summary = Intracerebral haemorrhage ({ $date }): do not start full-dose anticoagulation for distal DVT now; IPC and repeat ultrasound
cmvt-ich-defer-recommendation = Do not start full-dose { $agent } now. Use IPC from the day of diagnosis and repeat duplex ultrasound; prophylactic-dose { $region ->
    [no-lmwh] UFH
   *[lmwh] UFH/LMWH
} may be considered from 24–48 h after the haemorrhage, once imaging shows the haematoma is stable. Reassess at 1–2 weeks — earlier if the thrombus extends or symptoms worsen — whether to start 3 months of anticoagulation.
cmvt-ich-defer-evidence = The Chinese CMVT review (§5.1, spontaneous ICH in stroke inpatients): for isolated calf muscular vein thrombosis in early ICH, immediate full-dose anticoagulation is generally not advocated; IPC and repeat ultrasound come first, and 3 months of anticoagulation is reconsidered when the thrombus extends, symptoms worsen or the patient is stable in a safe window. Prophylaxis: IPC on the day of diagnosis, low-dose UFH/LMWH after 24–48 h of stable imaging.
cmvt-ich-defer-disagree = The source says "generally not advocated", not forbidden: if neurology or neurosurgery judge the haematoma stable and the benefit greater, record the reason when overriding.

## VTE-ICH-EARLY-THERAPEUTIC

vte-ich-early-therapeutic-summary = Intracerebral haemorrhage ({ $date }): defer therapeutic anticoagulation for DVT/PE to 1–2 weeks after onset
vte-ich-early-therapeutic-recommendation = Do not start therapeutic { $agent } in the first week after the haemorrhage. Consider starting therapeutic { $region ->
    [no-lmwh] UFH
   *[lmwh] UFH or LMWH
} 1–2 weeks after onset ({ $from } to { $to }); until then a retrievable IVC filter may bridge. Use IPC from the day of diagnosis; prophylactic-dose heparin may be considered from 24–48 h after the haemorrhage, once imaging shows the haematoma is stable.
vte-ich-early-therapeutic-evidence = The Chinese CMVT review (§5.1, §7; spontaneous ICH in stroke inpatients): with proximal DVT or PE that cannot yet be anticoagulated, a retrievable filter may bridge, and therapeutic-dose UFH/LMWH is considered 1–2 weeks after ICH onset. The source presents the deferral as an option ("may be deferred to 1–2 weeks"), not an absolute ban.
vte-ich-early-therapeutic-disagree = If neurology or neurosurgery judge early therapeutic anticoagulation necessary (e.g. a haemodynamically significant PE) and the haematoma stable, record the decision when overriding.

## VTE-ICH-PROXIMAL-BRIDGE

vte-ich-proximal-bridge-summary = Proximal DVT or PE after intracerebral haemorrhage ({ $date }): a retrievable IVC filter may bridge; heparin after 1–2 weeks
vte-ich-proximal-bridge-recommendation = While therapeutic anticoagulation is not possible after the haemorrhage, a retrievable IVC filter may be placed as a bridge. { $window ->
    [before] Consider starting therapeutic { $region ->
        [no-lmwh] UFH
       *[lmwh] UFH or LMWH
    } 1–2 weeks after onset ({ $from } to { $to }).
    [open] The window of 1–2 weeks after onset ({ $from } to { $to }) has begun: consider starting therapeutic { $region ->
        [no-lmwh] UFH
       *[lmwh] UFH or LMWH
    } once the haematoma is stable.
   *[after] More than 2 weeks have passed since onset: consider starting therapeutic anticoagulation if the haematoma is stable.
} Meanwhile use IPC.
vte-ich-proximal-bridge-evidence = The Chinese CMVT review (§5.1, spontaneous ICH in stroke inpatients): once proximal DVT or PE occurs and anticoagulation is temporarily impossible, a retrievable filter may be placed as a bridge, and therapeutic-dose UFH/LMWH is considered 1–2 weeks after ICH onset.
vte-ich-proximal-bridge-disagree = If anticoagulation has already been started or the DVT/PE is no longer current, update the record; if you choose neither a filter nor a later heparin start, record the reason.

## CMVT-NO-IVC-FILTER

cmvt-no-ivc-filter-summary = IVC filter ordered for isolated calf muscular vein thrombosis: filters are not recommended for CMVT
cmvt-no-ivc-filter-recommendation = Do not place an IVC filter for isolated calf muscular vein thrombosis. Manage the thrombosis itself: ultrasound surveillance, or anticoagulation when indicated; with a high bleeding risk, IPC and ultrasound surveillance.
cmvt-no-ivc-filter-evidence = Yang & Xiong (2021, summary and outlook): IVC filter placement is not recommended for CMVT. Their supporting evidence is indirect: in severely injured patients, prophylactic filters lowered early PE or death, but at 90 days symptomatic PE or death was no lower than without a filter, and long-term filters cause many complications.
cmvt-no-ivc-filter-disagree = If there is another indication (e.g. a proximal DVT or PE not yet on the problem list), record it; otherwise record the reason for the filter when overriding.

## CMVT-EXTENDED-PHASE

cmvt-extended-phase-summary = Isolated distal DVT, 3 months of anticoagulation done, persistent risk factor: reassess with ultrasound (stop, extend, reduce)
cmvt-extended-phase-recommendation = Anticoagulation for this distal DVT has run since { $start } ({ $days } days) and a persistent risk factor remains. Reassess with duplex ultrasound and decide: stop, continue (extended phase), or continue at a reduced dose (e.g. apixaban 2.5 mg twice daily), weighing recurrence against bleeding risk.
cmvt-extended-phase-evidence = The Chinese CMVT review (§6): those who need anticoagulation get a full 3-month course; if an irreversible risk factor persists or the recurrence risk is high, extension or reduced-dose maintenance (low-dose apixaban/rivaroxaban) may be evaluated. Yang & Xiong (2021): at least 3 months, with Doppler ultrasound deciding whether to end or continue. The apixaban 2.5 mg twice-daily dose comes from the apixaban label (extended-phase dosing), not from these sources.
cmvt-extended-phase-disagree = If the risk factor no longer applies (e.g. cancer in remission, a provoking factor identified), update the record; if you continue unchanged without reassessment, record the reason.
