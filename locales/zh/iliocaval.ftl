# 慢性腔髂静脉闭塞及 PTS 规则的文本（src/guidelines/iliocaval.rs；clinical-rules.md §4.4；
# seed 001，田晨阳等，中国普通外科杂志 2025;34(12):2654-2663，文中称“田晨阳等”）— 简体中文。
#
# 术语取自该文：慢性腔髂静脉闭塞、重复球囊扩张、药物涂层球囊（DCB）、下腔静脉滤器（IVCF）、
# 锥形/纺锤形滤器、长腿梯度弹力袜、Villalta评分、血栓后综合征（PTS）。
# 摘要在最长参数下仍少于 140 个字符。给药方案文本（$plan）见 stent.ftl。

## Reasons of this module

reason-iliocaval-no-ivc-filter = 无下腔静脉滤器记录（田晨阳等分析的患者均留置了滤器）
reason-iliocaval-cancer-compression = 已记录活动性肿瘤（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）：请排除恶性肿瘤压迫导致的闭塞
reason-iliocaval-filter-shape-unknown = 未记录下腔静脉滤器形状（锥形或纺锤形）
reason-iliocaval-course-end = 抗凝疗程于{ $end }结束，即末次球囊扩张后{ $days }天
reason-iliocaval-pts-ulcer = 已记录血栓后综合征伴静脉溃疡（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）

## ICVO-BALLOON-DCB-OPTION

icvo-balloon-dcb-option-summary = 慢性腔髂静脉闭塞：可选择避免支架植入的重复球囊扩张联合药物涂层球囊方案
icvo-balloon-dcb-option-recommendation = 在为该慢性腔髂静脉闭塞植入支架前，可考虑田晨阳等避免支架植入的方案：间隔1个月共行3次球囊扩张，最大至12–14 mm（最大球囊扩张5分钟，并在同一部位重复），第3次后以12 mm药物涂层球囊（2分钟）结束{ $filter ->
    [yes] ，并尽可能回收下腔静脉滤器
   *[no] {""}
}。该研究的入组人群比本病历所能显示的范围更窄——请确认下腔静脉闭塞位于肾静脉以下，且不符合任何排除标准：急性或亚急性DVT（≤28天）；由恶性肿瘤压迫、腹膜后纤维化、慢性肾脏病或自身免疫性疾病导致的闭塞；严重心、肝、肾功能衰竭或凝血功能障碍而不能耐受手术；双下肢全程DVT且无流入道。{ $filter ->
    [yes] {""}
   *[no] 该研究所有患者均留置下腔静脉滤器；该患者无滤器记录，研究结果可能不适用。
}
icvo-balloon-dcb-option-evidence = 单中心回顾性研究（田晨阳等 2025）：治疗72例，分析62例；技术成功率（完成全部3次治疗）86.1%（62/72）；术后6个月CT静脉造影示下腔静脉通畅69.4%（43/62）；无症状性肺栓塞、大出血、血管破裂或死亡。所有纳入分析的患者均留置下腔静脉滤器。作者引用的支架研究报道6/12/24个月一期通畅率为96.4/94.8/87.2%（Chick等，n = 120），但4年时为30–35%（Neglén等，n = 121；Hage等，n = 159）。随访时间较短，尚无远期通畅率结果，且药物涂层球囊用于静脉的依据仅来自动物研究。
icvo-balloon-dcb-option-disagree = 这是一个可选方案，而非指令：如权衡后认为支架更适合该患者，无需处理。

## ICVO-FILTER-RETRIEVAL

icvo-filter-retrieval-summary = 慢性下腔静脉血栓且留置下腔静脉滤器：再通治疗时计划回收滤器
icvo-filter-retrieval-recommendation = 请将回收下腔静脉滤器作为腔髂静脉再通治疗的一部分进行计划。{ $shape ->
    [conical] 锥形滤器：在首次再通治疗时回收；回收后下腔静脉无损伤者同期行球囊扩张，有损伤者（对比剂外渗）二期扩张。
    [spindle] 纺锤形滤器：先行球囊扩张，抗凝1个月后复查影像；如下腔静脉保持通畅，则开腹回收滤器，并于1个月后再次行腔髂静脉球囊扩张；如再次闭塞，则再行扩张并重新评估。
   *[unknown] 未记录滤器形状，而治疗路径取决于形状。锥形滤器：首次治疗时回收（下腔静脉有损伤则二期扩张）。纺锤形滤器：先行球囊扩张，抗凝1个月，如下腔静脉保持通畅则开腹回收，1个月后再次扩张。
}
icvo-filter-retrieval-evidence = 在田晨阳等的研究中（n = 62，均留置下腔静脉滤器），6个月时下腔静脉通畅者的滤器回收率高于再闭塞者（100% vs 78.9%，P = 0.002）。作者将其解读为回收滤器有助于维持通畅；在回顾性研究中这仅是一种相关性。
icvo-filter-retrieval-disagree = 如滤器需继续保留（如仍有留置指征），无需处理；请在手术计划中记录理由。

## ICVO-POST-PROCEDURE

icvo-post-procedure-summary = { $variant ->
    [short] 抗凝在末次腔髂静脉球囊扩张后{ $days }天结束：请持续至少6个月
   *[none-active] { $date }行腔髂静脉球囊扩张再通，当前未使用抗凝药：请抗凝至少6个月
}
icvo-post-procedure-recommendation = 腔髂静脉球囊或药物涂层球囊再通术后，应在末次治疗后抗凝至少6个月（该患者至少至{ $until }，自{ $date }的治疗起算）。用药：{ $plan }{ $why-not ->
    [none] {""}
    [pregnancy] （妊娠期：以肝素替代利伐沙班）
    [aps] （抗磷脂综合征：以华法林替代利伐沙班）
    [child-pugh-c] （肝硬化Child-Pugh C级：不用DOAC）
    [child-pugh-b] （肝硬化Child-Pugh B级：利伐沙班禁用）
    [renal] （肾功能低于DOAC限值）
   *[cancer] （活动性肿瘤：阿哌沙班，或在可用时使用低分子肝素）
}；之后根据CT静脉造影决定疗程。{ $variant ->
    [short] 抗凝疗程于治疗后{ $days }天的{ $end }结束：请延长。
   *[none-active] 当前未使用抗凝药：除非因故（如出血）停用，请开始抗凝。
}建议穿长腿梯度弹力袜，并主动进行踝关节屈伸运动（每次5–10分钟）。
icvo-post-procedure-evidence = 田晨阳等（§1.3）自围手术期起口服利伐沙班20 mg 1次/d，抗凝疗程至少6个月，6个月后根据影像学结果调整，并长期穿戴长腿梯度弹力袜、进行踝泵运动。该研究以抗凝疗程计6个月；本提示从末次治疗起算，更为严格。日本剂量（15 mg 每日1次）依据的是日本说明书，而非该研究。
icvo-post-procedure-disagree = 如有意缩短或停止抗凝（如出血、CT静脉造影后的决定），或抗凝在本病历未显示的医嘱下继续，请在不采纳本提示时记录理由。

## PTS-SEVERITY

pts-severity-summary = Villalta评分 { $score }分（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）{ $ulcer ->
    [yes] ，伴静脉溃疡
   *[no] {""}
}：{ $grade ->
    [none] 无血栓后综合征
    [mild] 轻度血栓后综合征
    [moderate] 中度血栓后综合征
   *[severe] 重度血栓后综合征
}
pts-severity-recommendation = 根据{ $date ->
    [unknown] 日期不详的
   *[other] { $date }的
}Villalta评分判断血栓后综合征分级：{ $score }分{ $ulcer ->
    [yes] ，且已记录静脉溃疡
   *[no] {""}
}，即{ $grade ->
    [none] 无PTS（0–4）。
    [mild] 轻度PTS（5–9）。
    [moderate] 中度PTS（10–14）。
   *[severe] 重度PTS（≥15或溃疡）。
}分级：0–4无PTS，5–9轻度，10–14中度，≥15或有溃疡为重度。
pts-severity-evidence = 田晨阳等（§1.5.3）的Villalta评分包括症状5项、体征6项和有无溃疡（每项按严重程度计0–3分）：总分0–4提示无PTS，≥5提示存在PTS——5–9为轻度，10–14为中度，≥15或溃疡为重度。
pts-severity-disagree = 如评分已过时，请记录新的Villalta评分；本提示仅说明分级。
