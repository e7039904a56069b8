# 静脈ステントのルールの文言（src/guidelines/stent.rs；clinical-rules.md §4.4；seed 000、
# 静脈ステント関連学会協議会「ステント留置に関する指針」（2025年9月18日）、「本指針」と呼ぶ）— 日本語。
#
# 用語は本指針の語：inflow / outflow（本指針どおりラテン文字）、ステント留置、症例コンサルテーション、
# 未分画ヘパリン、活性化部分トロンボプラスチン時間（APTT）、ACT、再インターベンション、抗血栓療法。
# サマリーは最長の引数でも 140 文字未満。inflow の Type 分類は Barbati ら（J Vasc Surg Venous
# Lymphat Disord 2024;12(5):101910、本指針の参考文献）による。

## Regimens written out (read off the drug-choice function's options; shared with iliocaval.ftl)

stent-regimen-apixaban-initial = アピキサバン 10 mg 1日2回（7日間）、以後5 mg 1日2回
stent-regimen-apixaban = アピキサバン 5 mg 1日2回
stent-regimen-rivaroxaban-initial = リバーロキサバン 15 mg 1日2回（21日間）、以後20 mg 1日1回
stent-regimen-rivaroxaban-initial-jp = リバーロキサバン 15 mg 1日2回（3週間）、以後15 mg 1日1回（日本の用量）
stent-regimen-rivaroxaban = リバーロキサバン 20 mg 1日1回
stent-regimen-rivaroxaban-jp = リバーロキサバン 15 mg 1日1回（日本の用量）
stent-regimen-warfarin = ワルファリン（目標INR 2.0～3.0に用量調節）
stent-regimen-enoxaparin = エノキサパリン 1 mg/kg 1日2回皮下注
stent-regimen-ufh-warfarin = 急性期は未分画ヘパリン、その後ワルファリン（目標INR 2.0～3.0）
stent-regimen-ufh = 未分画ヘパリン（APTT 正常値の1.5～2.5倍に用量調節）
stent-regimen-other = この患者に選択された抗凝固薬

## Reasons and suggestions of this module

reason-stent-attribution-judged-clear = 症状の原因は明確と記録（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-stent-no-initial-dose-indication = 急性DVTも、PTSにおける新規血栓形成も記録なし
reason-stent-no-antithrombotic-active = 投与中の抗凝固薬・抗血小板薬なし
reason-stent-antithrombotic-end = 抗血栓薬のオーダーは{ $end }（ステント留置の{ $days }日後）に終了
suggestion-stent-remove-order = 静脈ステントのオーダーを削除

## STENT-INFLOW-CONTRAINDICATED

stent-inflow-contraindicated-summary = inflow Type V：静脈ステント留置は禁忌です。ステントのオーダーを削除してください
stent-inflow-contraindicated-recommendation = この静脈ステントを留置しないでください：inflow Type Vではステント留置は禁忌であり、inflow 最適化のためのインターベンション後のType Vも良い適応ではありません。ステントのオーダーを削除し、治療計画を再検討してください。
stent-inflow-contraindicated-evidence = 本指針（§1a）は、inflow が悪い患者には inflow が最適化されない限りステント留置を避けるよう求めています：Type II、IIIが良い適応、IVa、IVbは症例次第、Type Vは禁忌です。§2aは、インターベンション後のType IVbまたはVはステント留置の良い適応ではないと付け加えています。Type は本指針が参考とする Barbati ら（J Vasc Surg Venous Lymphat Disord 2024）の分類です。
stent-inflow-contraindicated-disagree = inflow を再評価し（CT、デュプレックス超音波、静脈造影、IVUS）、Type Vより良好であれば、新しい inflow Type を記録してください。そうでなければ、症例コンサルテーションを行った後に限りオーバーライドし、理由を記録してください。

## STENT-INFLOW-OPTIMISE

stent-inflow-optimise-summary = inflow Type { $type }：静脈ステント留置の前に inflow を最適化してください
stent-inflow-optimise-recommendation = inflow Type { $type }は症例次第の適応です：最終的なステント留置の前に、できる限り inflow を最適化してください。静脈血栓後症候群（PTS）では大腿深静脈開口部のバルーン血管形成術、急性DVTでは大腿深静脈を含めた血栓除去を行います。インターベンション後も inflow がType IVb（またはV）であれば、ステント留置は良い適応ではありません。
stent-inflow-optimise-evidence = 本指針（§1a）は、inflow Type IVa、IVbを症例次第とし、なるべく balloon 血管形成、血栓除去で inflow を最適化するとしています。§2cは、最終的なステント留置の前に inflow を改善するためのカテーテル治療を検討するよう求めています（急性DVTでは大腿深静脈を含めた血栓摘除、PTSでは大腿深静脈入口部の balloon 血管形成など）。§2aは、インターベンション後のType IVbまたはVは良い適応ではないとしています。
stent-inflow-optimise-disagree = inflow がすでに最適化されている場合は、インターベンション後の inflow Type を記録してください。このままステント留置を行う場合は、理由（例：症例コンサルテーションで決定）を記録してください。

## STENT-INFLOW-UNASSESSED

stent-inflow-unassessed-summary = inflow 評価の記録がありません：静脈ステント留置の前に inflow を評価してください
stent-inflow-unassessed-recommendation = ステント留置の前に、CT、デュプレックス超音波、静脈造影、IVUSを組み合わせて inflow を評価し（単一の画像診断では不十分なことがあります）、inflow Type（I～V）を記録してください。inflow が悪い場合は最適化されない限りステント留置を避け、inflow Type Vは禁忌です。
stent-inflow-unassessed-evidence = 本指針（§1a）は、inflow が悪い患者には inflow が最適化されない限りステント留置を避けるよう求め、画像診断は単一の方法では困難なことがあるため、CT、エコー、静脈造影、IVUSなどで総合的に判断するよう求めています。本指針自体は inflow Type の記録を求めていません。このカードは、オーダー時に inflow のチェックが行えるよう記録を求めています。
stent-inflow-unassessed-disagree = inflow を評価したが記録していない場合は、inflow Type の所見として記録してください（6ヶ月より前の評価はここでは数えません）。そうでなければ、評価なしでステント留置を行う理由を記録してください。

## STENT-DFV-OSTIUM

stent-dfv-ostium-summary = 大腿深静脈の開口部が開存していません：静脈ステントには inflow が不十分です
stent-dfv-ostium-recommendation = 大腿深静脈は開口部を含めて開存している必要があり、大腿静脈の inflow だけでは不十分です。最終的なステント留置の前に大腿深静脈の inflow を回復させるか（PTSでは大腿深静脈開口部のバルーン血管形成術、急性DVTでは大腿深静脈を含めた血栓除去）、ステント留置を再検討してください。
stent-dfv-ostium-evidence = 本指針（§2a）は「適切な inflowの確保が不可欠」の項で、大腿深静脈は開口部を含めて開存している必要があり、大腿静脈の inflow だけでは不十分であるとしています。§2cは、最終的なステント留置の前に inflow に対するカテーテル治療を検討するよう求めています。
stent-dfv-ostium-disagree = その後、大腿深静脈の開口部が再開通していれば、新しい所見を記録してください。そうでなければ、ステント留置の理由（例：症例コンサルテーションで決定）を記録してください。

## STENT-RESIDUAL-LESION

stent-residual-lesion-summary = 予定するステントと大腿深静脈の開口部の間に病変が残っています：病変が残らないようにしてください
stent-residual-lesion-recommendation = 静脈ステントと大腿深静脈の開口部の間に病変が残らないようにしてください。開口部までの区間に病変が残らないよう治療を計画し、静脈造影（場合によっては中枢バルーン拡張下）、IVUS、または体表デュプレックス超音波で確認してください。
stent-residual-lesion-evidence = 本指針（§2b）は、静脈ステントと大腿深静脈の開口部の間に病変が残らないようにし、静脈造影（場合によっては中枢 balloon拡張下）、IVUS、体表エコーなどにより確認するよう求めています。
stent-residual-lesion-disagree = 病変が治療済みであるか、計画に含まれるようになった場合は、新しい所見を記録してください。そうでなければ、オーバーライド時に理由を記録してください。

## STENT-INFLOW-OUTFLOW-UNCLEARED

stent-inflow-outflow-uncleared-summary = inflow または outflow が解除されていません：その間に静脈ステントを留置しないでください
stent-inflow-outflow-uncleared-recommendation = 血栓・狭窄が十分に解除されていない inflow と outflow の間の部位にステントを留置しないでください。これは手技中も同様です。まず inflow と outflow を解除して確保し、ステント展開の前に確認してください。ステント留置部そのものの遺残血栓はある程度許容されます。
stent-inflow-outflow-uncleared-evidence = 本指針（§1d）：inflow、outflow の血栓・狭窄が十分に解除され、inflow、outflow が担保されていない限り（手技中を含めて）、その間の部位にステントを留置しないでください。ただし、ステント留置部の遺残血栓はある程度許容されます。
stent-inflow-outflow-uncleared-disagree = その後 inflow と outflow が解除されていれば、新しい所見を記録してください。ステント展開前に同じ手技の中で解除する予定であれば、その理由でオーバーライドしてください。

## STENT-SYMPTOM-ATTRIBUTION

stent-symptom-attribution-summary = { $uncertain ->
    [yes] 静脈閉塞が症状の原因であることが明確ではありません：明確になるまでステント留置を避けてください
   *[no] 両側性下肢浮腫の記録あり：ステント留置の前に、静脈閉塞がその原因であることを確認してください
}
stent-symptom-attribution-recommendation = 静脈閉塞が症状の原因であることが明確でない場合はステント留置を避け、まず原因を明らかにしてください。{ $oedema ->
    [yes] 両側性下肢浮腫が記録されています：他の原因（心臓、腎臓、肝臓、静脈不全、薬剤）による可能性もありますが、両側の腸骨静脈や下大静脈の閉塞でも生じる所見です。画像でそのような閉塞が示され、それで浮腫が説明できるのであれば、ステント留置が適切な場合もあります。
   *[no] {""}
}{ $judged-clear ->
    [yes] 臨床医は原因が明確であると記録しています（下記）。その判断が浮腫も含めたものであるか確認してください。
   *[no] {""}
}
stent-symptom-attribution-evidence = 本指針（§1b）は、静脈閉塞が症状の原因であることが明確でない患者（両側性浮腫患者など）にはステント留置を避けるよう求めています。
stent-symptom-attribution-disagree = 閉塞が症状を説明することが示された場合は、symptom-attribution-uncertain = false を記録し、理由を添えてオーバーライドしてください{ $oedema ->
    [yes] （両側性下肢浮腫が記録されている間は、判断が見えるようこのカードは表示され続けます）。
   *[no] 。
}

## STENT-ADHERENCE

stent-adherence-summary = 抗凝固薬の服薬と術後フォローの遵守に懸念あり：静脈ステントを再検討するか、先に懸念に対処してください
stent-adherence-recommendation = ステント留置には、抗凝固薬の服薬と術後フォローを遵守できる患者を選択してください。ステント留置の前に懸念に対処する（教育、支援、フォローアップ計画）か、ステント留置を再検討してください。
stent-adherence-evidence = 本指針（§1c）は、抗凝固薬の服薬、術後フォローを遵守できる患者を選択するよう求めています。
stent-adherence-disagree = 懸念が解消していれば adherence-concern = false を記録してください。そうでなければ、オーバーライド時に遵守をどう確保するかを記録してください。

## STENT-CASE-CONSULT

stent-case-consult-summary = 患者選択または inflow に関する懸念が{ $count }件：静脈ステント留置の前に症例コンサルテーションを行ってください
stent-case-consult-recommendation = この静脈ステントのオーダーには、本指針の患者選択と inflow に関する懸念が複数当てはまります（所見は下記）。治療前に症例コンサルテーションを行ってください。
stent-case-consult-evidence = 本指針（§1e）は、全ての点で困難が予想される症例は、必ず治療前に症例コンサルテーションを行うよう求めています。件数は示されていないため、本サービスは以下のチェックのうち2つ以上が当てはまる場合にコンサルテーションを求めます（inflow Type V、IVa、IVb、大腿深静脈開口部、残存病変、inflow・outflow の未解除、症状の原因、服薬遵守）。
stent-case-consult-disagree = すでに症例コンサルテーションで検討済みであれば、「専門医と協議して決定済み」でオーバーライドしてください。

## STENT-PERIOP-PLAN

stent-periop-plan-summary = 静脈ステント：術中はヘパリン、その後{ $current ->
    [yes] 現在の{ $agent }を少なくとも6ヶ月間継続
   *[no] { $agent }を少なくとも6ヶ月間投与
}
stent-periop-plan-recommendation = 静脈ステントの周術期抗血栓療法の計画です。術前：患者がすでに服用している抗凝固薬・抗血小板薬は中止しません（出血リスクは上昇します）。中止する場合はヘパリンによる代替療法を行います。術中：手技開始後（症例によっては慢性完全閉塞（CTO）通過後）に未分画ヘパリンを開始し、APTT 正常値の1.5～2.5倍またはACT 200秒以上を目標とし、ACTでモニターして、経口抗凝固療法が確立されるまで継続します。術後：{ $current ->
    [yes] 現在の{ $agent }を継続します{ $current-fits ->
        [yes] 。
       *[no] 。この患者では、薬剤選択のルールによれば{ $plan }が選ばれます。現在の薬剤を見直してください。
    }
   *[no] { $plan }。{ $has-alternative ->
        [yes] 代替：{ $alternative }。
       *[no] {""}
    }{ $choice ->
        [pregnancy] 妊娠中：ヘパリン。ワルファリンやDOACは決して使用しません。
        [aps] 抗リン脂質抗体症候群：ワルファリン。DOACは使用しません。
        [child-pugh-c] 肝硬変 Child-Pugh C：DOACは使用しません。
        [renal] 腎機能がDOACの基準未満：ヘパリン、その後ワルファリン。
        [cancer] 活動性のがん：アピキサバン、または使用可能な場合は低分子ヘパリン。
       *[default] {""}
    }{ $doac ->
        [yes] { $initial ->
            [yes] 急性DVTまたはPTSにおける新規血栓形成があるため（下記）、初期の高用量を投与します。
           *[no] 急性DVTもPTSにおける新規血栓形成も記録されていません：維持用量で開始します。
        }
       *[no] {""}
    }
}ステント留置後、少なくとも6ヶ月間は抗血栓療法を継続してください。
stent-periop-plan-evidence = 本指針（§3a～§3d）：術前の抗凝固薬・抗血小板薬は中止せず（中止する場合はヘパリンによる代替療法）、手技開始後に未分画ヘパリンを開始して、APTT 正常値の1.5～2.5倍またはACT 200秒以上とし、ACTでモニターし、経口抗凝固療法が確立されるまで継続します。その後DOAC（例：アピキサバン 5 mg 1日2回）またはワルファリン（INR 2.0～3.0）に切り替え、急性DVT（添付文書どおり）または新規血栓形成のあるPTSでは初期の高用量を検討します。すべてのステント留置症例で少なくとも6ヶ月間の抗血栓療法を行います。ここに記載した初期用量と維持用量は添付文書によるものです。日本では用量や使用できる薬剤が異なります（治療用量の低分子ヘパリンは使用できません）。
stent-periop-plan-disagree = これは本指針が推奨する計画です。患者に合わせて調整し（例：出血リスク、抗凝固療法の他の適応）、すでに計画がある場合は提案されたオーダーを無視してください。

## STENT-REINTERVENTION-ANTIPLATELET

stent-reintervention-antiplatelet-summary = { $why ->
    [reintervention] 出血リスクの低い静脈ステントの再インターベンション：クロピドグレルまたはアスピリンの追加を検討してください
    [thrombophilia] 血栓性素因があり出血リスクの低い静脈ステント：クロピドグレルまたはアスピリンの追加を検討してください
   *[both] 血栓性素因があり出血リスクの低いステント再インターベンション：クロピドグレルまたはアスピリンの追加を検討してください
}
stent-reintervention-antiplatelet-recommendation = { $why ->
    [reintervention] 静脈ステントの再インターベンションであり
    [thrombophilia] 血栓性素因（血栓症のハイリスク）があり
   *[both] 静脈ステントの再インターベンションで、血栓性素因もあり
}、出血リスクが低いため、抗凝固療法への抗血小板薬（クロピドグレルまたはアスピリン）の追加を検討してください。併用により出血リスクは上昇し、クロピドグレルは有効となるまで時間がかかります。
stent-reintervention-antiplatelet-evidence = 本指針（§3c）は、血栓症のハイリスク患者、再インターベンションにおいて、出血リスクが低ければ抗血小板薬（例：クロピドグレル、アスピリン）の追加を検討するとし、出血リスクが上昇すること、クロピドグレルは有効となるまで時間がかかることに留意するよう述べています。§3eは再インターベンションについてこれを繰り返しています。
stent-reintervention-antiplatelet-disagree = 抗血小板薬を追加しない場合（例：出血リスクが記録より高い）は、対応は不要です。出血リスクが変わった場合は、出血リスクの所見を更新してください。

## STENT-DURATION-6M

stent-duration-6m-summary = { $variant ->
    [short] 抗血栓薬のオーダーが静脈ステント留置の{ $days }日後に終了します：少なくとも6ヶ月間継続してください
   *[none-active] 静脈ステント留置（{ $date }）後、投与中の抗凝固薬・抗血小板薬がありません：6ヶ月間継続してください
}
stent-duration-6m-recommendation = すべての静脈ステント留置後、少なくとも6ヶ月間は抗血栓療法を継続してください：この患者では少なくとも{ $until }まで（{ $date }のステント留置から183日後）です。{ $variant ->
    [short] 抗血栓薬のオーダーはステント留置の{ $days }日後の{ $end }に終了します：延長してください。
   *[none-active] 投与中の抗凝固薬・抗血小板薬がありません：理由（例：出血）があって中止したのでなければ、抗血栓療法を再開してください。
}
stent-duration-6m-evidence = 本指針（§3d）：すべてのステント留置症例に対して術後最低6ヶ月間の抗血栓療法（抗凝固薬または抗血小板薬）を継続します。6ヶ月は183日として数えています。
stent-duration-6m-disagree = 意図して治療を短縮または中止した場合（例：出血、専門医の判断）や、この記録に表れていないオーダーで継続している場合は、オーバーライド時に理由を記録してください。

## STENT-EXTENDED-THERAPY

stent-extended-therapy-summary = { $date }の静脈ステント留置から6ヶ月が近づいています。{ $factor ->
    [pts] 静脈血栓後症候群（PTS）
    [inflow] inflow 不良
    [thrombophilia] 血栓性素因
   *[several] 複数の理由
}があるため、抗血栓療法の継続を検討してください
stent-extended-therapy-recommendation = この静脈ステント留置後の抗血栓療法は{ $until }に6ヶ月に達します。静脈血栓後症候群（PTS）、inflow 不良（Type IVa、IVb、V）、または血栓性素因（下記）がある場合は、出血リスクを考えながら6ヶ月を超えて継続することを検討してください{ $bleeding ->
    [yes] （出血リスクが高いことが記録されています：下記）
   *[no] {""}
}。
stent-extended-therapy-evidence = 本指針（§3d）は、すべてのステントで最低6ヶ月とした後に、PTS、inflow 不良、または血栓傾向がある症例には出血リスクを考えながら継続投与を検討するとしています。inflow 不良をType IVa～V、血栓傾向を記録された血栓性素因と読むのは、本サービスの解釈です。
stent-extended-therapy-disagree = これは検討すべき選択肢であり、指示ではありません：出血リスクが血栓症リスクを上回る場合は、6ヶ月で中止することも妥当です。
