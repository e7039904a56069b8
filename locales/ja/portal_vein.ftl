# 門脈血栓症のルールの文言（src/guidelines/portal_vein.rs；seed 004、日本語の患者向け解説記事、
# 「出典記事」と呼ぶ）— 日本語。用語は出典記事の語：門脈血栓症、抗凝固療法、再開通、
# 内視鏡的静脈瘤結紮術（EVL）、非選択的β遮断薬、腫瘍血栓、門脈海綿状変化（「海綿状血管腫」は使わない）、
# 指定難病346。サマリーは 140 文字未満。

## Reasons and suggestions of this module

reason-portal-recent-onset = 直近6ヶ月以内の発症（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-portal-progression = 発症後の経過観察の画像で血栓が進行（{ $date ->
    [unknown] 日付不明
   *[other] { $date }
}）
reason-portal-no-cirrhosis = 肝硬変の記録なし
reason-portal-no-malignancy = 肝細胞癌やその他の活動性のがんの記録なし
reason-portal-no-abdominal-cause = 直近3ヶ月以内の急性膵炎・腹部手術の記録なし
reason-portal-course-started = 治療用量の抗凝固療法を{ $date }に開始（{ $days }日前）
suggestion-portal-upper-endoscopy = { $variant ->
    [untreated] 高リスク静脈瘤の結紮術のため上部消化管内視鏡検査をオーダー
   *[unassessed] 上部消化管内視鏡検査（静脈瘤スクリーニング）をオーダー
}
suggestion-portal-remove-estrogen = エストロゲン含有避妊薬のオーダーを削除

## PVT-ANTICOAGULATE

pvt-anticoagulate-summary = 抗凝固療法が行われていない門脈血栓症：抗凝固療法が推奨されます。理想的には発症から6ヶ月以内に開始します
pvt-anticoagulate-recommendation = この門脈血栓症に対して、速やかに、理想的には発症から6ヶ月以内に抗凝固療法を開始してください。{ $cirrhosis ->
    [yes] 肝硬変では、{ $profile ->
        [jp] 日本のガイドラインの適応（症候性PVT、最近発症したPVT、または進行を示すPVT）を満たします。
       *[intl] 国際的コンセンサスの適応（肝移植候補者、症候性PVT、または最近の閉塞性PVT）を満たします。
    }{ $child_pugh ->
        [A] Child-Pugh AではDOACはワルファリンの代替となります。
        [B] Child-Pugh BではDOACに注意が必要で、リバーロキサバンは禁忌です。
        [C] Child-Pugh CではDOACを避けてください。
       *[unknown] 薬剤を選ぶ前にChild-Pugh分類を記録してください：DOACはChild-Pugh Bでは注意が必要で、Child-Pugh Cでは避けるべきです。
    }ワルファリンを使用する場合、肝硬変ではベースラインのINRがすでに上昇していることがあり、INRモニタリングが難しくなります。
   *[no] {""}
}{ $varices_assessed ->
    [no] 静脈瘤評価の記録がありません：抗凝固療法を過度に遅らせることなく、上部消化管内視鏡検査を手配してください。
   *[yes] {""}
}
pvt-anticoagulate-evidence = { $cirrhosis ->
    [yes] 出典記事が引用する肝硬変患者のメタアナリシス（Loffredoら、Gastroenterology 2017、同記事の参考文献20）では、何らかの再開通が得られたのは抗凝固療法群で71%、非治療群で42%で、血栓の進行は約33%から9%に減少し、大出血の有意な増加はありませんでした。治療は速やかに、理想的には血栓形成から6ヶ月以内に開始したときに最も効果的です（§3.1.2～3.1.3）。
   *[no] 出典記事は、抗凝固療法を門脈血栓症の大多数の患者における治療の基盤とし（§3.1）、速やかに、理想的には血栓形成から6ヶ月以内に開始したときに最も効果的であるとしています（§3.1.2）。
}
pvt-anticoagulate-disagree = 抗凝固療法を検討したうえで行わないと判断した場合（例：安定した部分血栓、出血リスク、肝臓専門医との協議による決定）は、オーバーライド時に理由を記録してください。このカードは抗凝固薬が投与されていない間のみ再表示されます。

## PVT-DOAC-CHILD-PUGH-C

pvt-doac-child-pugh-c-summary = Child-Pugh C：{ $agent }や他のDOACを避け、{ $lmwh ->
    [yes] 低分子ヘパリンまたはワルファリン
   *[no] ヘパリン、その後ワルファリン
}を使用してください
pvt-doac-child-pugh-c-recommendation = Child-Pugh Cの肝硬変では{ $agent }や他のDOACを開始しないでください。{ $lmwh ->
    [yes] 低分子ヘパリン、または急性期に未分画ヘパリンを用いた後にワルファリンを使用してください。
   *[no] 急性期は未分画ヘパリン、その後ワルファリンを使用してください（この地域設定では治療用量の低分子ヘパリンは使用できません）。
}ワルファリンを使用する場合、肝硬変ではベースラインのINRがすでに上昇していることがあり、INRモニタリングが難しくなります。
pvt-doac-child-pugh-c-evidence = 出典記事がまとめた国際的コンセンサス（§3.4の表）は、代償性（Child-Pugh A）肝硬変ではDOACをワルファリンの代替として用い、Child-Pugh Bでは注意が必要、Child-Pugh Cでは避けるべきであるとしています。現在のガイドラインは、特に代償不全の肝硬変で注意を促しています（§3.1.4）。
pvt-doac-child-pugh-c-disagree = Child-Pugh分類が古いか誤っている場合は更新してください。肝臓専門医の評価後に意図してDOACを選ぶ場合は、オーバーライド時に理由を記録してください。

## PVT-RIVAROXABAN-CHILD-PUGH-B

pvt-rivaroxaban-child-pugh-b-summary = Child-Pugh B：{ $agent }は禁忌です（添付文書）。別の抗凝固薬を選択してください
pvt-rivaroxaban-child-pugh-b-recommendation = Child-Pugh B（中等度の肝機能障害）では{ $agent }を開始しないでください。別の抗凝固薬を選択してください。他のDOACもChild-Pugh Bでは注意が必要です。
pvt-rivaroxaban-child-pugh-b-evidence = 出典記事（§3.4の表、国際的コンセンサス）は、Child-Pugh BではDOACに注意が必要、Child-Pugh Cでは避けるべきであるとしていますが、リバーロキサバンを個別には挙げていません。Child-Pugh Bでのリバーロキサバンの禁忌は、その添付文書によります。
pvt-rivaroxaban-child-pugh-b-disagree = Child-Pugh分類が古いか誤っている場合は更新してください。そうでなければ、オーバーライド時にリバーロキサバンを継続する理由を記録してください。

## PVT-DOAC-CHILD-PUGH-B

pvt-doac-child-pugh-b-summary = Child-Pugh B：{ $agent }は慎重に使用してください
pvt-doac-child-pugh-b-recommendation = Child-Pugh Bの肝硬変では{ $agent }を慎重に使用してください：適応と用量を確認し、肝機能と出血に注意してください。代替薬はヘパリンまたはワルファリンです（肝硬変ではベースラインのINRがすでに上昇していることがあり、INRモニタリングが難しくなります）。
pvt-doac-child-pugh-b-evidence = 出典記事（§3.4の表、国際的コンセンサス）は、代償性（Child-Pugh A）肝硬変ではワルファリンの代わりにDOACがますます使用されているとし、Child-Pugh Bでは注意が必要、Child-Pugh Cでは避けるべきであるとしています。門脈血栓症へのDOACの使用は適応外であることが多いです（§3.1.4）。
pvt-doac-child-pugh-b-disagree = Child-Pugh分類が古いか誤っている場合は更新してください。肝臓専門医と協議して選択した場合は、オーバーライド時にその旨を記録してください。

## PVT-VARICES-FIRST

pvt-varices-first-summary = { $variant ->
    [untreated] 未治療の高リスク静脈瘤を伴う門脈血栓症：内視鏡的静脈瘤結紮術（EVL）または非選択的β遮断薬
   *[unassessed] 静脈瘤評価のない門脈血栓症：上部消化管内視鏡検査が必要です
}
pvt-varices-first-recommendation = { $variant ->
    [untreated] 高リスクの静脈瘤を、理想的には抗凝固療法の開始前に、内視鏡的静脈瘤結紮術（EVL）または非選択的β遮断薬で治療してください。
   *[unassessed] 上部消化管内視鏡検査で静脈瘤を評価し、高リスクの静脈瘤は、理想的には抗凝固療法の開始前に治療してください（結紮術または非選択的β遮断薬）。
}ただし、抗凝固療法を過度に遅らせないでください：再開通が期待できる期間は限られています。
pvt-varices-first-evidence = 出典記事は、門脈血栓症が疑われるか確定したすべての患者に上部消化管内視鏡検査が不可欠であるとし（§2.1）、出血リスクの高い中～大の静脈瘤が見つかれば予防的治療を開始するとしています（§3.2）。理想的には抗凝固療法の前に高リスクの静脈瘤を根絶しますが、これは確固たるコンセンサスのない議論の多い点であり、抗凝固療法を過度に遅らせるべきではありません（§3.4の表）。
pvt-varices-first-disagree = 内視鏡検査や静脈瘤治療が他施設などで行われている場合（または患者が非選択的β遮断薬を服用している場合）は、カルテに記録してください。そうでなければ、オーバーライド時に理由を記録してください。

## PVT-DURATION-LIFELONG

pvt-duration-lifelong-summary = { $cause ->
    [mesenteric] 腸間膜静脈への進展
    [both] 恒久的なリスク因子と腸間膜静脈への進展
   *[permanent] 恒久的なリスク因子
}を伴う門脈血栓症：生涯にわたる抗凝固療法を検討してください
pvt-duration-lifelong-recommendation = { $mode ->
    [ordering] オーダー中の抗凝固療法は一定期間で終了します。
   *[review] 投与中の抗凝固薬はありません。
}{ $cause ->
    [mesenteric] 血栓が腸間膜静脈に及んでいるため、
    [both] 恒久的なリスク因子があり、血栓が腸間膜静脈に及んでいるため、
   *[permanent] 恒久的なリスク因子の記録があるため、
}出血リスクを考慮しながら、{ $mode ->
    [ordering] 一定期間の治療ではなく
   *[review] {""}
}生涯にわたる抗凝固療法を検討してください。
pvt-duration-lifelong-evidence = 出典記事がまとめた国際的コンセンサス（§3.4の表）は、最低3～6ヶ月を標準とし、恒久的な基礎的リスク因子（例：MPN、遺伝性血栓性素因）がある場合や血栓が腸間膜静脈に及ぶ場合には、生涯にわたる抗凝固療法を強く考慮するとしています。よくある質問では、新たな血栓を防ぐために生涯にわたる治療がしばしば推奨されると補足しています。抗リン脂質抗体症候群は、本サービスのルール一覧で恒久的なリスク因子として扱っています。
pvt-duration-lifelong-disagree = 意図して一定期間の治療を選ぶ場合（例：出血リスクが高い、リスク因子が確定していない）は、オーバーライド時に理由を記録してください。

## PVT-NONCIRRHOTIC-WORKUP

pvt-noncirrhotic-workup-summary = 非肝硬変性門脈血栓症：MPN（JAK2）、遺伝性血栓性素因、APS、局所の原因を精査してください
pvt-noncirrhotic-workup-recommendation = この非肝硬変性門脈血栓症の原因を調べてください：骨髄増殖性腫瘍（JAK2 V617F）、遺伝性血栓性素因（例：第V因子ライデン変異、プロトロンビンG20210A変異）、抗リン脂質抗体症候群、腹部の局所的な原因。
pvt-noncirrhotic-workup-evidence = 出典記事は、肝硬変がない場合、骨髄増殖性腫瘍や遺伝性血栓性素因など他の原因の包括的な調査が必須であるとしています（§2.1）。肝硬変のない門脈血栓症患者の30～40%に骨髄増殖性腫瘍が見つかります（§1.2.4）。
pvt-noncirrhotic-workup-disagree = 精査が他施設などで行われている場合は、結果をカルテに記録してください。血栓性素因の検査や所見が1つでも記録されれば、このカードは表示されなくなります。

## PVT-HCC-TUMOUR-THROMBUS

pvt-hcc-tumour-thrombus-summary = 肝細胞癌を伴う門脈血栓症：画像で良性の血栓と腫瘍血栓を区別してください
pvt-hcc-tumour-thrombus-recommendation = 高度な画像検査で門脈血栓が良性の血栓か腫瘍血栓かを判定し、記録してください。良性の血栓であれば、速やかに全用量の抗凝固療法を検討してください。
pvt-hcc-tumour-thrombus-evidence = 出典記事は、特定の画像基準を用いて良性の血栓と悪性の腫瘍血栓を区別することの重要性を強調し、肝細胞がん（HCC）で良性のPVTが確認されたら、進行を防ぎ、がん治療の選択肢を保つため、直ちに全用量の抗凝固療法を強く考慮すべきであるとしています（§4.2）。
pvt-hcc-tumour-thrombus-disagree = 血栓の性状がすでに分かっている場合は、腫瘍血栓の所見として記録してください。以後このカードは表示されません。

## PVT-REASSESS

pvt-reassess-summary = { $days }日間抗凝固療法を行った門脈血栓症：画像を再検し、継続するかを再評価してください
pvt-reassess-recommendation = 門脈の画像を再検し、再開通と出血リスクを再評価して、抗凝固療法を継続するかを決定してください。恒久的なリスク因子や腸間膜静脈への進展があれば継続します。原因が一時的なもので解消している場合は、3～6ヶ月後に中止できます。
pvt-reassess-evidence = 出典記事がまとめた日本のガイドライン（§3.4の表）では、抗凝固療法はしばしば3～6ヶ月の試行期間で開始され、その後、再開通と出血リスクに基づいて継続の必要性が再評価されます。よくある質問では、一時的な原因が解消していれば3～6ヶ月後に中止することがあるとしています。
pvt-reassess-disagree = 再評価がすでに予定されているか実施済みであれば、記録してください。このカードは情報提供のみです。

## PVT-ESTROGEN

pvt-estrogen-summary = { $pvt ->
    [yes] 門脈血栓症
   *[no] 静脈血栓症
}の記録あり：エストロゲン含有避妊薬を避け、プロゲスチンのみの方法または子宮内器具を使用してください
pvt-estrogen-recommendation = { $agent }を開始しないでください：エストロゲンは新たな血栓症のリスクを高めます。代わりにプロゲスチンのみの方法または子宮内器具を使用してください。
pvt-estrogen-evidence = { $pvt ->
    [yes] 出典記事は、門脈血栓症を持つ出産可能年齢の女性では、血栓形成リスクのためエストロゲン含有避妊薬を避けるべきであり、プロゲスチンのみの方法や子宮内器具が好ましいとしています（§4.2）。
   *[no] 出典記事が対象としているのは門脈血栓症を持つ女性です：血栓形成リスクのためエストロゲン含有避妊薬を避けるべきであり、プロゲスチンのみの方法や子宮内器具が好ましいとしています（§4.2）。これを他の静脈血栓症に当てはめるのは避妊の安全性に関する標準的な診療であり、この出典の範囲を超えています。
}
pvt-estrogen-disagree = 血栓症の記載が誤っている場合は、プロブレムリストを修正してください。専門医の助言を受けて意図してエストロゲンを選ぶ場合は、オーバーライド時に理由を記録してください。

## PVT-JP-INTRACTABLE-DISEASE

pvt-jp-intractable-disease-summary = 原発性肝外門脈閉塞症（指定難病346）の可能性：医療費助成の対象となるか確認してください
pvt-jp-intractable-disease-recommendation = 門脈海綿状変化を伴うこの非肝硬変性門脈血栓症は、日本の指定難病346である原発性肝外門脈閉塞症の可能性があります。診断基準（画像での肝外主門脈の閉塞、顕著な側副血行路、門脈圧亢進症の他の原因の除外）を確認し、重症度がグレードIII以上であれば、患者が医療費の公的助成を申請できるよう支援してください。
pvt-jp-intractable-disease-evidence = 出典記事は、原発性肝外門脈閉塞症を、厚生労働省により指定難病346として認定されている非肝硬変性門脈血栓症の一病型として説明しています。診断には、肝硬変、他の門脈圧亢進症、および腫瘍、膵炎、最近の腹部手術などの二次的な原因を除外したうえで、顕著な側副血行路を伴う肝外主門脈の閉塞の画像所見が必要です。助成には重症度グレードIII以上が必要です（§2.2、§4.3）。
pvt-jp-intractable-disease-disagree = 門脈圧亢進症の他の原因が分かっている場合や基準を満たさない場合は、このカードを閉じてかまいません。情報提供のみです。
