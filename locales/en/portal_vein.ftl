# Messages of the portal vein thrombosis rules (src/guidelines/portal_vein.rs; seed 004, a
# Japanese patient-facing review cited as "the source"). Summaries stay under 140 characters
# with every argument value. Selectors: $cirrhosis, $lmwh, $pvt = yes | no; $profile = intl | jp;
# $variant = unassessed | untreated; $mode = ordering | review; $cause = permanent | mesenteric | both.

## Reasons and suggestions of this module

reason-portal-recent-onset = Onset within the last 6 months ({ $date })
reason-portal-progression = Thrombus progression on follow-up imaging after the onset ({ $date })
reason-portal-no-cirrhosis = No cirrhosis on record
reason-portal-no-malignancy = No hepatocellular carcinoma or other active cancer on record
reason-portal-no-abdominal-cause = No acute pancreatitis and no abdominal surgery in the last 3 months on record
reason-portal-course-started = Therapeutic anticoagulation course started { $date } ({ $days } days ago)
suggestion-portal-upper-endoscopy = { $variant ->
    [untreated] Order an upper endoscopy for band ligation of the high-risk varices
   *[unassessed] Order an upper endoscopy (variceal screening)
}
suggestion-portal-remove-estrogen = Remove the estrogen-containing contraceptive order

## PVT-ANTICOAGULATE

pvt-anticoagulate-summary = Portal vein thrombosis without anticoagulation: anticoagulation is recommended, ideally within 6 months of onset
pvt-anticoagulate-recommendation = Start anticoagulation for this portal vein thrombosis, promptly and ideally within 6 months of its onset.{ $cirrhosis ->
    [yes] {" "}In cirrhosis it meets the { $profile ->
        [jp] Japanese guideline's indication (symptomatic PVT, PVT of recent onset, or PVT showing progression).
       *[intl] international consensus indication (liver-transplant candidate, symptomatic PVT, or recent occlusive PVT).
    } { $child_pugh ->
        [A] In Child-Pugh A, DOACs are an alternative to warfarin.
        [B] In Child-Pugh B, DOACs need caution and rivaroxaban is contraindicated.
        [C] In Child-Pugh C, avoid DOACs.
       *[unknown] Record the Child-Pugh class before choosing the drug: DOACs need caution in Child-Pugh B and should be avoided in Child-Pugh C.
    } If warfarin is used, the baseline INR may already be raised in cirrhosis, which makes INR monitoring difficult.
   *[no] {""}
}{ $varices_assessed ->
    [no] {" "}No variceal assessment is on record: arrange an upper endoscopy, without delaying anticoagulation unduly.
   *[yes] {""}
}
pvt-anticoagulate-evidence = { $cirrhosis ->
    [yes] In the meta-analysis of patients with cirrhosis that the source cites (Loffredo et al., Gastroenterology 2017, its reference 20), 71 % of anticoagulated patients achieved some recanalisation vs 42 % of untreated patients, progression fell from about 33 % to 9 %, and there was no significant increase in major bleeding. Treatment is most effective when started promptly, ideally within 6 months of thrombus formation (§3.1.2–3.1.3).
   *[no] The source calls anticoagulation the foundation of treatment for the great majority of patients with portal vein thrombosis (§3.1), most effective when started promptly, ideally within 6 months of thrombus formation (§3.1.2).
}
pvt-anticoagulate-disagree = If anticoagulation has been weighed and declined (e.g. a stable partial thrombus, bleeding risk, or a decision with hepatology), record the reason when overriding; the card returns only while no anticoagulant is active.

## PVT-DOAC-CHILD-PUGH-C

pvt-doac-child-pugh-c-summary = Child-Pugh C: avoid { $agent } and other DOACs; use { $lmwh ->
    [yes] LMWH or warfarin
   *[no] heparin, then warfarin
}
pvt-doac-child-pugh-c-recommendation = Do not start { $agent } or another DOAC in Child-Pugh C cirrhosis. { $lmwh ->
    [yes] Use LMWH, or unfractionated heparin while acute followed by warfarin.
   *[no] Use unfractionated heparin while acute, then warfarin (treatment-dose LMWH is not available in this profile).
} If warfarin is used, the baseline INR may already be raised in cirrhosis, which makes INR monitoring difficult.
pvt-doac-child-pugh-c-evidence = The international consensus summarised by the source (§3.4 table) uses DOACs as an alternative to warfarin in compensated (Child-Pugh A) cirrhosis, asks for caution in Child-Pugh B, and says they should be avoided in Child-Pugh C; current guidelines urge caution especially in decompensated cirrhosis (§3.1.4).
pvt-doac-child-pugh-c-disagree = If the Child-Pugh class is out of date or wrong, update it; if a DOAC is chosen deliberately after hepatology review, record the reason when overriding.

## PVT-RIVAROXABAN-CHILD-PUGH-B

pvt-rivaroxaban-child-pugh-b-summary = Child-Pugh B: { $agent } is contraindicated (drug label); choose another anticoagulant
pvt-rivaroxaban-child-pugh-b-recommendation = Do not start { $agent } in Child-Pugh B (moderate hepatic impairment). Choose another anticoagulant; other DOACs also need caution in Child-Pugh B.
pvt-rivaroxaban-child-pugh-b-evidence = The source (§3.4 table, international consensus) asks for caution with DOACs in Child-Pugh B and says they should be avoided in Child-Pugh C; it does not single out rivaroxaban. The contraindication of rivaroxaban in Child-Pugh B comes from its label.
pvt-rivaroxaban-child-pugh-b-disagree = If the Child-Pugh class is out of date or wrong, update it; otherwise record the reason for keeping rivaroxaban when overriding.

## PVT-DOAC-CHILD-PUGH-B

pvt-doac-child-pugh-b-summary = Child-Pugh B: use { $agent } with caution
pvt-doac-child-pugh-b-recommendation = Use { $agent } with caution in Child-Pugh B cirrhosis: confirm the indication and dose, and watch liver function and bleeding. The alternatives are heparin or warfarin (in cirrhosis the baseline INR may already be raised, which makes INR monitoring difficult).
pvt-doac-child-pugh-b-evidence = The source (§3.4 table, international consensus) reports DOACs increasingly used instead of warfarin in compensated (Child-Pugh A) cirrhosis, says caution is needed in Child-Pugh B and that they should be avoided in Child-Pugh C; DOAC use in PVT is often off-label (§3.1.4).
pvt-doac-child-pugh-b-disagree = If the Child-Pugh class is out of date or wrong, update it; if the choice was made with hepatology, record it when overriding.

## PVT-VARICES-FIRST

pvt-varices-first-summary = { $variant ->
    [untreated] Portal vein thrombosis with untreated high-risk varices: band ligation or a non-selective beta-blocker
   *[unassessed] Portal vein thrombosis without variceal assessment: upper endoscopy is needed
}
pvt-varices-first-recommendation = { $variant ->
    [untreated] Treat the high-risk varices: endoscopic band ligation (EVL) or a non-selective beta-blocker,
   *[unassessed] Arrange an upper endoscopy to look for varices, and treat high-risk varices (band ligation or a non-selective beta-blocker),
} ideally before anticoagulation starts, but without delaying anticoagulation unduly: the window for recanalisation is limited.
pvt-varices-first-evidence = The source calls upper endoscopy essential for every patient with suspected or confirmed PVT (§2.1) and starts preventive treatment when medium-to-large varices at high risk of bleeding are found (§3.2). Ideally high-risk varices are eradicated before anticoagulation, though this is debated without firm consensus, and anticoagulation should not be unduly delayed (§3.4 table).
pvt-varices-first-disagree = If an endoscopy or variceal treatment was done elsewhere (or the patient takes a non-selective beta-blocker), record it in the chart; otherwise record the reason when overriding.

## PVT-DURATION-LIFELONG

pvt-duration-lifelong-summary = Portal vein thrombosis with { $cause ->
    [mesenteric] mesenteric extension
    [both] a permanent risk factor and mesenteric extension
   *[permanent] a permanent risk factor
}: consider lifelong anticoagulation
pvt-duration-lifelong-recommendation = { $mode ->
    [ordering] The anticoagulation being ordered ends after a fixed course.
   *[review] No anticoagulant is active.
} With { $cause ->
    [mesenteric] thrombosis extending into the mesenteric veins,
    [both] a permanent risk factor and thrombosis extending into the mesenteric veins,
   *[permanent] a permanent risk factor on record,
} consider lifelong anticoagulation{ $mode ->
    [ordering] {" "}instead of a fixed course
   *[review] {""}
}, weighing bleeding risk.
pvt-duration-lifelong-evidence = The international consensus summarised by the source (§3.4 table) makes 3–6 months the minimum and strongly considers lifelong anticoagulation when a permanent risk factor (e.g. MPN, inherited thrombophilia) is present or the thrombosis extends into the mesenteric veins; the FAQ adds that lifelong treatment is often recommended to prevent new clots. Antiphospholipid syndrome is counted as permanent by this service's catalogue.
pvt-duration-lifelong-disagree = If a fixed course is chosen deliberately (e.g. high bleeding risk, or the risk factor is not confirmed), record the reason when overriding.

## PVT-NONCIRRHOTIC-WORKUP

pvt-noncirrhotic-workup-summary = Non-cirrhotic portal vein thrombosis: work up MPN (JAK2), inherited thrombophilia, APS and local causes
pvt-noncirrhotic-workup-recommendation = Look for the cause of this non-cirrhotic portal vein thrombosis: myeloproliferative neoplasm (JAK2 V617F), inherited thrombophilia (e.g. factor V Leiden, prothrombin G20210A), antiphospholipid syndrome, and local abdominal causes.
pvt-noncirrhotic-workup-evidence = The source makes a comprehensive search for other causes such as myeloproliferative neoplasms and inherited thrombophilia mandatory when there is no cirrhosis (§2.1); myeloproliferative neoplasms are found in 30–40 % of patients with PVT without cirrhosis (§1.2.4).
pvt-noncirrhotic-workup-disagree = If the work-up was done elsewhere, record the results in the chart; the card stays silent once any thrombophilia test or finding is on record.

## PVT-HCC-TUMOUR-THROMBUS

pvt-hcc-tumour-thrombus-summary = Portal vein thrombosis with hepatocellular carcinoma: distinguish bland from tumour thrombus on imaging
pvt-hcc-tumour-thrombus-recommendation = Decide on advanced imaging whether the portal thrombus is bland or tumour thrombus, and record it. If it is bland, consider full-dose anticoagulation promptly.
pvt-hcc-tumour-thrombus-evidence = The source stresses distinguishing bland thrombus from malignant tumour thrombus with specific imaging criteria, and says full-dose anticoagulation should be strongly considered as soon as bland PVT is identified in HCC, to prevent progression and keep cancer-treatment options (§4.2).
pvt-hcc-tumour-thrombus-disagree = If the nature of the thrombus is already known, record it as a tumour-thrombus finding; the card then stops.

## PVT-REASSESS

pvt-reassess-summary = Portal vein thrombosis anticoagulated for { $days } days: re-image and reassess whether to continue
pvt-reassess-recommendation = Re-image the portal vein and reassess recanalisation and bleeding risk to decide whether to continue anticoagulation. Keep it going with a permanent risk factor or mesenteric extension; it may stop after 3–6 months when the cause was temporary and has resolved.
pvt-reassess-evidence = The Japanese guideline summarised by the source (§3.4 table) often starts anticoagulation as a 3–6-month trial, then reassesses the need to continue on the basis of recanalisation and bleeding risk; the FAQ says it may be stopped after 3–6 months when a temporary cause has resolved.
pvt-reassess-disagree = If reassessment is already planned or done, record it; this card is information only.

## PVT-ESTROGEN

pvt-estrogen-summary = { $pvt ->
    [yes] Portal vein thrombosis
   *[no] Venous thrombosis
} on record: avoid estrogen-containing contraception; use a progestin-only or intrauterine method
pvt-estrogen-recommendation = Do not start { $agent }: estrogen raises the risk of new thrombosis. Use a progestin-only method or an intrauterine device instead.
pvt-estrogen-evidence = { $pvt ->
    [yes] The source says that for women of child-bearing age with PVT, estrogen-containing contraceptives should be avoided because of the thrombotic risk, and progestin-only methods or intrauterine devices are preferred (§4.2).
   *[no] The source addresses women with portal vein thrombosis: estrogen-containing contraceptives should be avoided because of the thrombotic risk, and progestin-only methods or intrauterine devices are preferred (§4.2). Applying this to other venous thrombosis is standard contraceptive-safety practice that goes beyond that source.
}
pvt-estrogen-disagree = If the thrombosis entry is wrong, correct the problem list; if estrogen is chosen deliberately after specialist advice, record the reason when overriding.

## PVT-JP-INTRACTABLE-DISEASE

pvt-jp-intractable-disease-summary = Possible primary extrahepatic portal vein obstruction (designated intractable disease 346): check subsidy eligibility
pvt-jp-intractable-disease-recommendation = This non-cirrhotic portal vein thrombosis with cavernous transformation may be primary extrahepatic portal vein obstruction, designated intractable disease 346 in Japan. Confirm the diagnostic criteria (obstruction of the extrahepatic main portal vein on imaging, marked collaterals, other causes of portal hypertension excluded) and, at severity grade III or above, help the patient apply for the public medical-expense subsidy.
pvt-jp-intractable-disease-evidence = The source describes primary extrahepatic portal vein obstruction as a subtype of non-cirrhotic PVT recognised by the Ministry of Health, Labour and Welfare as designated intractable disease 346; the diagnosis requires imaging evidence of extrahepatic main portal vein obstruction with marked collaterals, after excluding cirrhosis, other portal hypertension and secondary causes such as tumours, pancreatitis or recent abdominal surgery; subsidy requires severity grade III or above (§2.2, §4.3).
pvt-jp-intractable-disease-disagree = If another cause of portal hypertension is known or the criteria are not met, this card can be dismissed; it is information only.
