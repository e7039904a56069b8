# Messages of the chronic iliocaval occlusion and PTS rules (src/guidelines/iliocaval.rs;
# clinical-rules.md §4.4; seed 001, Tian et al., Chin J Gen Surg 2025;34(12):2654-2663, cited as
# "Tian et al.").
#
# Summaries stay under 140 characters with the longest argument values. Selectors: $filter,
# $ulcer = yes | no; $shape = conical | spindle | unknown; $variant = short | none-active;
# $why-not = none | pregnancy | aps | child-pugh-c | child-pugh-b | renal | cancer;
# $grade = none | mild | moderate | severe. Regimen texts ($plan) live in stent.ftl.

## Reasons of this module

reason-iliocaval-no-ivc-filter = No IVC filter on record (every patient analysed by Tian et al. had one)
reason-iliocaval-cancer-compression = Active cancer on record ({ $date }): exclude malignant compression as the cause of the occlusion
reason-iliocaval-filter-shape-unknown = IVC filter shape (conical or spindle) not recorded
reason-iliocaval-course-end = The anticoagulation course ends on { $end }, { $days } days after the last balloon session
reason-iliocaval-pts-ulcer = Post-thrombotic syndrome with venous ulcer on record ({ $date })

## ICVO-BALLOON-DCB-OPTION

icvo-balloon-dcb-option-summary = Chronic iliocaval occlusion: a stent-sparing repeated balloon and drug-coated balloon option exists
icvo-balloon-dcb-option-recommendation = Before stenting this chronic iliocaval occlusion, consider the stent-sparing protocol of Tian et al.: three balloon dilatation sessions one month apart, up to 12–14 mm (the largest balloon inflated for 5 minutes and repeated at the same site), then a final 12 mm drug-coated balloon (2 minutes) after the third session{ $filter ->
    [yes] , retrieving the IVC filter where possible
   *[no] {""}
}. The study's population was narrower than what the record can show — confirm that the IVC occlusion lies below the renal veins and that none of its exclusions applies: acute or subacute DVT (≤ 28 days); occlusion caused by malignant compression, retroperitoneal fibrosis, chronic kidney disease or autoimmune disease; severe heart, liver or kidney failure or a coagulopathy that makes the procedures intolerable; bilateral whole-limb DVT without inflow.{ $filter ->
    [yes] {""}
   *[no] {" "}Every patient in the study had an IVC filter; this patient has none on record, so the results may not carry over.
}
icvo-balloon-dcb-option-evidence = Single-centre retrospective series (Tian et al. 2025): 72 patients treated, 62 analysed; technical success (all three sessions completed) 86.1 % (62/72); IVC patent on CT venography at 6 months in 69.4 % (43/62); no symptomatic pulmonary embolism, major bleeding, vessel rupture or death. Every analysed patient had an IVC filter. Stent series cited by the authors report primary patency of 96.4/94.8/87.2 % at 6/12/24 months (Chick et al., n = 120) but 30–35 % at 4 years (Neglén et al., n = 121; Hage et al., n = 159). Follow-up was short, with no long-term patency yet, and drug-coated balloons in veins rest on animal studies only.
icvo-balloon-dcb-option-disagree = This is an option, not an order: if a stent is the better choice for this patient after weighing the options, no action is needed.

## ICVO-FILTER-RETRIEVAL

icvo-filter-retrieval-summary = Chronic IVC thrombosis with an IVC filter in place: plan filter retrieval during recanalisation
icvo-filter-retrieval-recommendation = Plan to retrieve the IVC filter as part of the iliocaval recanalisation. { $shape ->
    [conical] Conical filter: retrieve it at the first recanalisation session; if the IVC is undamaged after retrieval, balloon-dilate in the same session, and if it is damaged (contrast extravasation), dilate in a second stage.
    [spindle] Spindle-shaped filter: balloon-dilate first, anticoagulate for 1 month and re-image; if the IVC stays patent, retrieve the filter by open surgery and repeat the iliocaval balloon dilatation 1 month later; if it re-occludes, dilate again and reassess.
   *[unknown] The filter shape is not recorded and decides the pathway. Conical filter: retrieve it at the first session (dilate in a second stage if the IVC is damaged). Spindle-shaped filter: balloon-dilate first, anticoagulate for 1 month, and if the IVC stays patent retrieve it by open surgery, then dilate again 1 month later.
}
icvo-filter-retrieval-evidence = In the series of Tian et al. (n = 62, all with an IVC filter), filter retrieval was more frequent in patients whose IVC was patent at 6 months than in those with re-occlusion (100 % vs 78.9 %, P = 0.002). The authors read this as retrieval helping patency; in a retrospective series it is an association.
icvo-filter-retrieval-disagree = If the filter is to stay (e.g. an ongoing indication for it), no action is needed; record the reason in the procedure plan.

## ICVO-POST-PROCEDURE

icvo-post-procedure-summary = { $variant ->
    [short] Anticoagulation ends { $days } days after the last iliocaval balloon session: continue for at least 6 months
   *[none-active] Iliocaval balloon recanalisation on { $date } and no anticoagulant active: anticoagulate for at least 6 months
}
icvo-post-procedure-recommendation = After iliocaval balloon or drug-coated balloon recanalisation, anticoagulate for at least 6 months after the last session — here until at least { $until } (session of { $date }) — with { $plan }{ $why-not ->
    [none] {""}
    [pregnancy] {" "}(pregnancy: heparin instead of rivaroxaban)
    [aps] {" "}(antiphospholipid syndrome: warfarin instead of rivaroxaban)
    [child-pugh-c] {" "}(cirrhosis Child-Pugh C: no DOAC)
    [child-pugh-b] {" "}(cirrhosis Child-Pugh B: rivaroxaban is contraindicated)
    [renal] {" "}(renal function below the DOAC threshold)
   *[cancer] {" "}(active cancer: apixaban, or LMWH where it is available)
}, then decide on the duration with CT venography. { $variant ->
    [short] The anticoagulation course ends on { $end }, { $days } days after the session: extend it.
   *[none-active] No anticoagulant is active: start it unless it was stopped for a reason (e.g. bleeding).
} Advise long-leg graduated compression stockings and active ankle flexion–extension exercise (5–10 minutes at a time).
icvo-post-procedure-evidence = Tian et al. (§1.3) gave rivaroxaban 20 mg once daily from the perioperative period for at least 6 months, adjusted by imaging after 6 months, with long-term long-leg graduated compression and ankle pump exercise. The study counted the 6 months as the course of anticoagulation; counting them from the last session, as here, is stricter. The Japanese dose (15 mg once daily) follows the Japanese label, not the study.
icvo-post-procedure-disagree = If anticoagulation was shortened or stopped deliberately (e.g. bleeding, a decision after CT venography) or continues under an order this record does not show, record the reason when overriding.

## PTS-SEVERITY

pts-severity-summary = Villalta score { $score } ({ $date }){ $ulcer ->
    [yes] {" "}with a venous ulcer
   *[no] {""}
}: { $grade ->
    [none] no post-thrombotic syndrome
    [mild] mild post-thrombotic syndrome
    [moderate] moderate post-thrombotic syndrome
   *[severe] severe post-thrombotic syndrome
}
pts-severity-recommendation = Post-thrombotic syndrome grade from the Villalta score of { $date }: { $score } points{ $ulcer ->
    [yes] {" "}and a venous ulcer on record
   *[no] {""}
}, i.e. { $grade ->
    [none] no PTS (0–4).
    [mild] mild PTS (5–9).
    [moderate] moderate PTS (10–14).
   *[severe] severe PTS (≥ 15 or ulcer).
} Grades: 0–4 none, 5–9 mild, 10–14 moderate, ≥ 15 or an ulcer severe.
pts-severity-evidence = Tian et al. (§1.5.3) score the Villalta scale over 5 symptoms, 6 signs and the presence of an ulcer (each 0–3 by severity): 0–4 indicates no PTS, ≥ 5 PTS — 5–9 mild, 10–14 moderate, ≥ 15 or ulcer severe.
pts-severity-disagree = If the score is out of date, record a new Villalta score; this card only states the grade.
