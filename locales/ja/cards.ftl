# venous-cds カード文言 — 日本語（locales/en/cards.ftl と同じメッセージ ID）。
#
# 用語は出典文書の語（静脈ステント関連学会協議会「ステント留置に関する指針」、門脈血栓症の
# 解説記事）と /work/shared/spec/glossary.md に従う。です・ます調。範囲は「～」。
# サマリーは 140 文字未満。プレースホルダーと選択肢（variant）は英語版と同じ。
# 日付が不明なとき、日付の引数は "unknown" になる（[unknown] の選択肢で「不明」と表示）。

## Detail layout

detail-why = 根拠となる所見
detail-evidence = エビデンス
detail-disagree = 同意しない場合
detail-source = 出典
detail-beyond-seeds = この助言はガイドライン文書の範囲を超えています。根拠：{ $label }。
beyond-seeds-doac-labels = アピキサバン、リバーロキサバン、エドキサバン、ダビガトランの添付文書（jpプロファイルでは日本の添付文書）
beyond-seeds-edoxaban-label = エドキサバンの添付文書
beyond-seeds-warfarin-and-doac-labels = ワルファリンとDOACの添付文書
beyond-seeds-rivaroxaban-label = リバーロキサバンの添付文書（中等度の肝機能障害〔Child-Pugh分類B〕では禁忌）

## Drugs

agent-apixaban = アピキサバン
agent-rivaroxaban = リバーロキサバン
agent-edoxaban = エドキサバン
agent-dabigatran = ダビガトラン
agent-warfarin = ワルファリン
agent-ufh = 未分画ヘパリン
agent-enoxaparin = エノキサパリン
agent-dalteparin = ダルテパリン
agent-fondaparinux = フォンダパリヌクス
agent-argatroban = アルガトロバン
agent-aspirin = アスピリン
agent-clopidogrel = クロピドグレル
agent-estrogen-contraceptive = エストロゲン含有避妊薬
agent-unknown = 特定できない薬剤

## Regimens (FHIR dosage texts and suggestion labels)

regimen-warfarin = ワルファリン（目標INR 2.0～3.0に用量調節）
regimen-ufh = 未分画ヘパリン持続静注（目標APTT 正常値の1.5～2.5倍、またはACT 200秒以上）
regimen-enoxaparin = エノキサパリン 1 mg/kg 1日2回皮下注
regimen-apixaban-initial = アピキサバン 10 mg 1日2回（7日間）、以後5 mg 1日2回
regimen-apixaban = アピキサバン 5 mg 1日2回
regimen-rivaroxaban-initial = リバーロキサバン 15 mg 1日2回（21日間）、以後{ $maintenance } mg 1日1回
regimen-rivaroxaban = リバーロキサバン { $maintenance } mg 1日1回
regimen-days = (計{ $days }日間)
regimen-ufh-subcutaneous = 未分画ヘパリン 1日2回皮下注（APTTに応じて用量調節、妊娠期間を通じて）
regimen-edoxaban = エドキサバン { $maintenance } mg 1日1回
phase-dose = { $dose } { $unit } { $frequency ->
    [1] 1日1回
    [2] 1日2回
   *[other] 1日{ $frequency }回
}{ $days ->
    [none] {""}
   *[other] 、{ $days }日間
}
phase-warfarin = ワルファリン 1日1回、目標INR 2.0～3.0に用量調節
phase-ufh = 持続静注、APTT 正常値の1.5～2.5倍またはACT 200秒以上を目標に調節。経口抗凝固療法が確立されるまで継続
phase-ufh-subcutaneous = 1日2回皮下注、投与間隔の中間時点のAPTTが治療域となるよう用量調節。妊娠期間を通じて継続（その後ワルファリンやDOACには切り替えない）
phase-with-start = { $dosage }（{ $start }）
phase-start-after = { $day }日目から開始

## Suggestions and actions

suggestion-replace = { $from }を{ $to }に変更
suggestion-start = { $to }を開始
action-delete = 下書きオーダー { $reference } を削除
action-create-medication = { $regimen }をオーダー
action-create-procedure = { $procedure }をオーダー

## Procedures

procedure-duplex-ultrasound = 下肢静脈のデュプレックス超音波検査
procedure-upper-endoscopy = 上部消化管内視鏡検査

## Override reasons

override-patient-specific-contraindication = 別の理由でこの患者には禁忌
override-decided-with-specialist = 専門医と協議して決定済み
override-bleeding-risk-acceptable = 出血リスクは許容範囲と判断
override-not-applicable = この患者には該当しない
override-already-addressed = 記録の別の箇所で対応済み

## Procedures being ordered

procedure-venous-stent = 静脈ステント留置
procedure-balloon-angioplasty = 静脈バルーン血管形成術
procedure-drug-coated-balloon = 薬剤コーティングバルーン（DCB）による血管形成術
procedure-ivc-filter-insertion = 下大静脈フィルター留置
procedure-ivc-filter-removal = 下大静脈フィルター抜去

## Thrombosis sites

site-calf-muscular = 下腿筋静脈血栓
site-tibial = 脛骨静脈のDVT
site-peroneal = 腓骨静脈のDVT
site-distal-unspecified = 遠位DVT
site-popliteal = 膝窩静脈のDVT
site-femoral = 大腿静脈のDVT
site-proximal-unspecified = 近位DVT
site-lower-limb-unspecified = 下肢DVT（部位の記載なし）
site-iliac = 腸骨静脈血栓
site-ivc = 下大静脈血栓
site-portal = 門脈血栓症
site-mesenteric = 腸間膜静脈血栓症
site-pulmonary-embolism = 肺塞栓症
site-unspecified-vein = 静脈血栓症

## Reasons (the facts behind a card)

reason-thrombosis = { $site }、{ $acuity ->
    [acute] 急性
    [chronic] 慢性
   *[unknown] 急性・慢性の記載なし
}、発症 { $onset ->
    [unknown] 不明
   *[other] { $onset }
}
reason-ordered = { $agent }{ $dose ->
    [therapeutic] （治療用量）
    [prophylactic] （予防用量）
    [unknown] （用量を読み取れません）
   *[none] {""}
}がオーダーされています
reason-planned = { $agent }{ $dose ->
    [therapeutic] （治療用量）
    [prophylactic] （予防用量）
   *[other] {""}
}が予定されています（下書きオーダー）
reason-active = { $agent }{ $dose ->
    [therapeutic] （治療用量）
    [prophylactic] （予防用量）
   *[other] {""}
}が投与中です
reason-procedure-ordered = { $procedure }がオーダーされています
reason-no-anticoagulant-active = 投与中の抗凝固薬はありません
reason-no-therapeutic-anticoagulant = 治療用量の抗凝固薬は投与中でもオーダー中でもありません
reason-aps = 抗リン脂質抗体症候群（APS）の記録あり
reason-mpn = 骨髄増殖性腫瘍（MPN）の記録あり
reason-inherited-thrombophilia = 遺伝性血栓性素因の記録あり
reason-thrombophilia-workup-missing = 血栓性素因の精査（JAK2、ループスアンチコアグラント、抗リン脂質抗体）の記録なし
reason-pregnancy = 妊娠の記録あり
reason-active-cancer = 活動性のがんの記録あり
reason-gi-gu-cancer = 消化器または泌尿生殖器のがんの記録あり
reason-hcc = 肝細胞癌（HCC）の記録あり
reason-cirrhosis = 肝硬変の記録あり
reason-child-pugh = Child-Pugh分類 { $class }
reason-child-pugh-unknown = Child-Pugh分類の記録なし
reason-varices = 食道・胃静脈瘤の記録あり
reason-varices-high-risk = 内視鏡で高リスクの静脈瘤あり
reason-varices-untreated = 内視鏡的静脈瘤結紮術（EVL）の記録なし
reason-no-variceal-assessment = 内視鏡検査、静脈瘤の診断、静脈瘤の所見のいずれの記録もなし
reason-transplant-candidate = 臓器移植待機中
reason-renal = { $measure ->
    [crcl] クレアチニンクリアランス
   *[egfr] eGFR
} { $value } mL/min（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-weight = 体重 { $value } kg
reason-atrial-fibrillation = 心房細動の記録あり
reason-mechanical-valve = 人工心臓弁の記録あり
reason-prior-vte = 静脈血栓塞栓症（VTE）の既往の記録あり
reason-provoked-reversible = 一過性の誘因によるもので、その誘因は解消済み
reason-symptoms-severe = 症状が重い
reason-symptoms-mild = 症状あり
reason-symptoms-none = 症状なし
reason-d-dimer-negative = Dダイマー陰性（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-d-dimer-missing = 直近7日間のDダイマーの記録なし
reason-risk-d-dimer-positive = Dダイマー陽性（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-risk-unprovoked = 誘因なし（一過性の誘発因子なし）
reason-risk-prior-vte = 静脈血栓塞栓症（VTE）の既往
reason-risk-active-cancer = 活動性のがん
reason-risk-immobilised = 入院中または安静臥床
reason-risk-length = 血栓長 5 cm超（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-risk-diameter = 血栓径 7 mm超（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-risk-veins = 2本以上の静脈に及ぶ（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-risk-near-popliteal = 血栓が膝窩静脈に近接（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-no-risk-factor = 進展リスク因子の記録なし
reason-extension-distal = 経過観察の画像で下腿静脈内での進展あり（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-extension-proximal = 経過観察の画像で近位静脈への進展あり（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-extension-none = 経過観察の画像で進展なし（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-bleeding-ich = 脳出血、発症 { $date ->
    [unknown] 不明
   *[other] { $date }
}
reason-bleeding-major = 活動性の大出血（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-bleeding-platelets = 血小板 50×10⁹/L未満（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-bleeding-judged-high = 出血リスクが高いと判断（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-bleeding-judged-low = 出血リスクが低いと判断（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-course = 抗凝固療法の期間 { $days }日
reason-course-open = 終了日の定めのない抗凝固療法
reason-venous-stent = 静脈ステント留置：{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}
reason-balloon-recanalisation = 腸骨・下大静脈のバルーン再開通術：{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}
reason-ivc-filter = 下大静脈フィルター留置中（留置日 { $date ->
    [unknown] 不明
   *[other] { $date }
}）
reason-filter-shape = 下大静脈フィルターの形状：{ $shape ->
    [conical] 円錐形
    [spindle] 紡錘形
   *[other] { $shape }
}
reason-inflow-type = inflow 分類：Type { $type }
reason-inflow-unassessed = inflow 評価の記録なし
reason-dfv-ostium-occluded = 大腿深静脈の開口部が開存していない
reason-residual-lesion = 予定するステントと大腿深静脈の開口部の間に病変が残っている
reason-inflow-outflow-uncleared = inflow または outflow の血栓・狭窄が解除されていない
reason-symptom-attribution-uncertain = 静脈閉塞が症状の原因であることが明確でない
reason-bilateral-oedema = 両側性下肢浮腫の記録あり
reason-adherence-concern = 抗凝固薬の服薬と術後フォローを遵守できるか懸念あり
reason-post-thrombotic-syndrome = 静脈血栓後症候群（PTS）の記録あり
reason-villalta = Villalta スコア { $score }点（{ $grade ->
    [none] PTSなし
    [mild] 軽度PTS
    [moderate] 中等度PTS
   *[severe] 重度PTS
}、{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-pvt-occlusive = 閉塞性の門脈血栓
reason-portal-cavernoma = 門脈海綿状変化
reason-tumour-thrombus-absent = 門脈血栓は良性の血栓（腫瘍血栓ではない）
reason-tumour-thrombus-unknown = 門脈血栓が腫瘍血栓かどうかの記録なし
reason-recent-abdominal-cause = 最近の腹部の原因（急性膵炎または腹部手術）
reason-age = 年齢 { $age }歳
