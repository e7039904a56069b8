# 静脉支架规则的文本（src/guidelines/stent.rs；clinical-rules.md §4.4；seed 000，日本静脉支架
# 相关学会协议会 2025-09-18 的支架植入指南，文中称“该指南”）— 简体中文。
#
# 无中文来源涉及静脉支架指导；取 seed 001 的用词（支架植入、球囊扩张、流入道、药物涂层球囊）
# 及 glossary.md（流出道、病例会诊、再次介入、抗栓治疗）。摘要在最长参数下仍少于 140 个字符。
# 流入道分型采用 Barbati 等（J Vasc Surg Venous Lymphat Disord 2024;12(5):101910，该指南的参考文献）。

## Regimens written out (read off the drug-choice function's options; shared with iliocaval.ftl)

stent-regimen-apixaban-initial = 阿哌沙班 10 mg 每日2次，连用7天，之后5 mg 每日2次
stent-regimen-apixaban = 阿哌沙班 5 mg 每日2次
stent-regimen-rivaroxaban-initial = 利伐沙班 15 mg 每日2次，连用21天，之后20 mg 每日1次
stent-regimen-rivaroxaban-initial-jp = 利伐沙班 15 mg 每日2次，连用3周，之后15 mg 每日1次（日本剂量）
stent-regimen-rivaroxaban = 利伐沙班 20 mg 每日1次
stent-regimen-rivaroxaban-jp = 利伐沙班 15 mg 每日1次（日本剂量）
stent-regimen-warfarin = 华法林，按目标INR 2.0–3.0调整剂量
stent-regimen-enoxaparin = 依诺肝素 1 mg/kg 皮下注射，每日2次
stent-regimen-ufh-warfarin = 急性期用普通肝素，之后华法林，目标INR 2.0–3.0
stent-regimen-ufh = 普通肝素，按APTT为正常值的1.5–2.5倍调整剂量
stent-regimen-other = 为该患者选择的抗凝药

## Reasons and suggestions of this module

reason-stent-attribution-judged-clear = 已记录症状归因明确（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-stent-no-initial-dose-indication = 无急性DVT记录，也无血栓后综合征新发血栓记录
reason-stent-no-antithrombotic-active = 当前未使用抗凝药或抗血小板药
reason-stent-antithrombotic-end = 抗栓医嘱于{ $end }结束，即支架植入后{ $days }天
suggestion-stent-remove-order = 删除静脉支架医嘱

## STENT-INFLOW-CONTRAINDICATED

stent-inflow-contraindicated-summary = 流入道Type V：静脉支架植入为禁忌；请删除支架医嘱
stent-inflow-contraindicated-recommendation = 不要植入此静脉支架：流入道Type V时支架植入为禁忌，经优化流入道的介入治疗后仍为Type V者也不是良好适应证。请删除支架医嘱并重新考虑治疗方案。
stent-inflow-contraindicated-evidence = 该指南（§1a）要求，流入道不佳者除非流入道已优化，否则避免支架植入：Type II和III为良好适应证，IVa和IVb视病例而定，Type V为禁忌；§2a补充，介入后仍为Type IVb或V者不是良好适应证。分型采用该指南所参考的Barbati等（J Vasc Surg Venous Lymphat Disord 2024）的分型。
stent-inflow-contraindicated-disagree = 如已重新评估流入道（CT、双功超声、静脉造影、IVUS）且优于Type V，请记录新的流入道分型；否则仅在病例会诊后方可不采纳本提示，并记录理由。

## STENT-INFLOW-OPTIMISE

stent-inflow-optimise-summary = 流入道Type { $type }：植入静脉支架前请优化流入道
stent-inflow-optimise-recommendation = 流入道Type { $type }是否适合支架植入视病例而定：最终植入支架前，应尽可能优化流入道——血栓后病变行股深静脉开口球囊扩张，急性DVT行包括股深静脉在内的取栓。介入后流入道仍为Type IVb（或V）者，支架植入不是良好适应证。
stent-inflow-optimise-evidence = 该指南（§1a）将流入道Type IVa和IVb视为视病例而定，应尽可能通过球囊扩张或取栓予以优化；§2c要求在最终植入支架前考虑以导管治疗改善流入道（急性DVT行包括股深静脉在内的取栓，PTS行股深静脉入口球囊扩张）；§2a指出介入后仍为Type IVb或V者不是良好适应证。
stent-inflow-optimise-disagree = 如流入道已优化，请记录介入后的流入道分型；如按现状植入支架，请记录理由（如经病例会诊决定）。

## STENT-INFLOW-UNASSESSED

stent-inflow-unassessed-summary = 无流入道评估记录：植入静脉支架前请评估流入道
stent-inflow-unassessed-recommendation = 植入支架前请综合CT、双功超声、静脉造影和IVUS评估流入道（单一影像方法可能不够），并记录流入道分型（I–V）。流入道不佳者除非已优化，否则避免支架植入；流入道Type V为禁忌。
stent-inflow-unassessed-evidence = 该指南（§1a）要求，流入道不佳者除非流入道已优化，否则避免支架植入；由于单一影像方法可能难以判断，应结合CT、超声、静脉造影和IVUS综合判断。该指南本身并未要求记录流入道分型；本提示要求记录，以便在开具医嘱时进行流入道核查。
stent-inflow-unassessed-disagree = 如已评估但未记录流入道，请将其记录为流入道分型检查结果（超过6个月的评估在此不计）；否则请记录未评估即植入支架的理由。

## STENT-DFV-OSTIUM

stent-dfv-ostium-summary = 股深静脉开口未通畅：流入道不足以支持静脉支架
stent-dfv-ostium-recommendation = 股深静脉必须包括其开口在内保持通畅；仅有股静脉流入道是不够的。请在最终植入支架前恢复股深静脉流入道（血栓后病变行股深静脉开口球囊扩张；急性DVT行包括股深静脉在内的取栓），或重新考虑支架植入。
stent-dfv-ostium-evidence = 该指南（§2a）在“确保充分的流入道不可或缺”一项下指出，股深静脉必须包括其开口在内保持通畅，仅有股静脉流入道是不够的；§2c要求在最终植入支架前考虑对流入道进行导管治疗。
stent-dfv-ostium-disagree = 如股深静脉开口此后已再通，请记录新的检查结果；否则请记录植入支架的理由（如经病例会诊决定）。

## STENT-RESIDUAL-LESION

stent-residual-lesion-summary = 拟植入支架与股深静脉开口之间残留病变：不应残留任何病变
stent-residual-lesion-recommendation = 静脉支架与股深静脉开口之间不应残留病变。请规划治疗，使直至开口的节段均无病变，并通过静脉造影（部分病例在近心端球囊扩张下）、IVUS或经皮双功超声确认。
stent-residual-lesion-evidence = 该指南（§2b）要求静脉支架与股深静脉开口之间不残留病变，并通过静脉造影（部分病例在近心端球囊扩张下）、IVUS、经皮超声等确认。
stent-residual-lesion-disagree = 如该病变已治疗或现已纳入治疗计划，请记录新的检查结果；否则请在不采纳本提示时记录理由。

## STENT-INFLOW-OUTFLOW-UNCLEARED

stent-inflow-outflow-uncleared-summary = 流入道或流出道未解除：不要在其间植入静脉支架
stent-inflow-outflow-uncleared-recommendation = 流入道和流出道的血栓/狭窄未充分解除时，不要在二者之间的节段植入支架；术中同样适用。请先解除并保障流入道和流出道通畅，并在释放支架前确认。支架植入部位本身的残留血栓在一定程度上可以接受。
stent-inflow-outflow-uncleared-evidence = 该指南（§1d）：除非流入道和流出道的血栓与狭窄已充分解除、流入道和流出道已得到保障（包括术中），否则不要在二者之间的节段植入支架；支架植入部位的残留血栓在一定程度上可以接受。
stent-inflow-outflow-uncleared-disagree = 如流入道和流出道此后已解除，请记录新的检查结果；如计划在同一手术中于释放支架前予以解除，请以此为理由不采纳本提示。

## STENT-SYMPTOM-ATTRIBUTION

stent-symptom-attribution-summary = { $uncertain ->
    [yes] 尚不明确静脉阻塞是否为症状的原因：明确之前避免支架植入
   *[no] 已记录双下肢水肿：支架植入前请确认其由静脉阻塞引起
}
stent-symptom-attribution-recommendation = 尚不明确静脉阻塞是否为症状的原因时，应避免支架植入；请先明确病因归属。{ $oedema ->
    [yes] 已记录双下肢水肿：其可能另有原因（心源性、肾源性、肝源性、静脉功能不全、药物），但双侧髂静脉或腔静脉阻塞同样会引起这种水肿——如影像显示存在此类阻塞且可解释水肿，支架植入仍可能是适当的。
   *[no] {""}
}{ $judged-clear ->
    [yes] 临床医师已记录病因归属明确（见下）；请确认该判断是否涵盖水肿。
   *[no] {""}
}
stent-symptom-attribution-evidence = 该指南（§1b）要求，对于尚不明确静脉阻塞是否为症状原因的患者（以双侧水肿患者为例），应避免支架植入。
stent-symptom-attribution-disagree = 如已证实阻塞可解释症状，请记录 symptom-attribution-uncertain = false，并注明理由不采纳本提示{ $oedema ->
    [yes] （已记录的双下肢水肿会使本提示持续显示，以便该判断保持可见）。
   *[no] 。
}

## STENT-ADHERENCE

stent-adherence-summary = 对能否坚持抗凝和随访存在疑虑：请重新考虑静脉支架，或先解决该问题
stent-adherence-recommendation = 应选择能坚持服用抗凝药并按时术后随访的患者行支架植入。请在植入支架前解决该疑虑（宣教、支持、随访计划），或重新考虑支架植入。
stent-adherence-evidence = 该指南（§1c）要求选择能够坚持抗凝药物治疗和术后随访的患者。
stent-adherence-disagree = 如该疑虑已解决，请记录 adherence-concern = false；否则请在不采纳本提示时记录将如何保证依从性。

## STENT-CASE-CONSULT

stent-case-consult-summary = 存在{ $count }项患者选择或流入道方面的问题：植入静脉支架前请进行病例会诊
stent-case-consult-recommendation = 该静脉支架医嘱涉及该指南中多项患者选择和流入道方面的问题（相关事实见下）。请在治疗前进行病例会诊。
stent-case-consult-evidence = 该指南（§1e）要求，各方面均预计存在困难的病例必须在治疗前进行病例会诊。该指南未规定数量；本服务在其2项或以上核查成立时要求会诊（流入道Type V、IVa或IVb；股深静脉开口；残留病变；流入道或流出道未解除；症状归因；依从性）。
stent-case-consult-disagree = 如该病例已经病例会诊讨论，请选择“已与专科医师商定”作为不采纳理由。

## STENT-PERIOP-PLAN

stent-periop-plan-summary = 静脉支架：术中用肝素，之后{ $current ->
    [yes] 继续使用{ $agent }
   *[no] 使用{ $agent }
}至少6个月
stent-periop-plan-recommendation = 静脉支架围手术期抗栓方案。术前：继续患者原已服用的抗凝药和抗血小板药（出血风险增加）；如需停用，则以肝素桥接。术中：手术开始后（部分病例在通过慢性完全闭塞病变后）开始普通肝素，目标APTT为正常值的1.5–2.5倍或ACT ≥200秒，监测ACT，并持续至口服抗凝治疗建立。术后：{ $current ->
    [yes] 继续使用当前的{ $agent }{ $current-fits ->
        [yes] 。
       *[no] ；按药物选择规则，该患者应选择{ $plan }——请复核当前用药。
    }
   *[no] { $plan }。{ $has-alternative ->
        [yes] 备选：{ $alternative }。
       *[no] {""}
    }{ $choice ->
        [pregnancy] 妊娠期：肝素，禁用华法林或DOAC。
        [aps] 抗磷脂综合征：华法林，不用DOAC。
        [child-pugh-c] 肝硬化Child-Pugh C级：不用DOAC。
        [renal] 肾功能低于DOAC限值：肝素，之后华法林。
        [cancer] 活动性肿瘤：阿哌沙班，或在可用时使用低分子肝素。
       *[default] {""}
    }{ $doac ->
        [yes] { $initial ->
            [yes] 因存在急性DVT或血栓后综合征新发血栓（见下），给予较高的起始剂量。
           *[no] 无急性DVT记录，也无血栓后综合征新发血栓记录：以维持剂量开始。
        }
       *[no] {""}
    }
}支架植入后抗栓治疗至少持续6个月。
stent-periop-plan-evidence = 该指南（§3a–§3d）：术前不停用抗凝药和抗血小板药（如停用则以肝素桥接）；手术开始后开始普通肝素，APTT为正常值的1.5–2.5倍或ACT ≥200秒，监测ACT，持续至口服抗凝治疗建立；之后改用DOAC（如阿哌沙班 5 mg 每日2次）或华法林（INR 2.0–3.0），急性DVT（按说明书）或伴新发血栓的PTS可考虑较高的起始剂量；所有支架病例至少抗栓治疗6个月。文中写出的起始剂量和维持剂量来自药品说明书；日本的剂量和可用药物有所不同（无治疗剂量低分子肝素）。
stent-periop-plan-disagree = 这是该指南推荐的方案；请根据患者情况调整（如出血风险、其他抗凝指征），如已有方案，可忽略所建议的医嘱。

## STENT-REINTERVENTION-ANTIPLATELET

stent-reintervention-antiplatelet-summary = { $why ->
    [reintervention] 静脉支架再次介入且出血风险低：考虑加用氯吡格雷或阿司匹林
    [thrombophilia] 静脉支架伴易栓症且出血风险低：考虑加用氯吡格雷或阿司匹林
   *[both] 支架再次介入伴易栓症且出血风险低：考虑加用氯吡格雷或阿司匹林
}
stent-reintervention-antiplatelet-recommendation = { $why ->
    [reintervention] 静脉支架再次介入
    [thrombophilia] 存在易栓症（血栓高危）
   *[both] 静脉支架再次介入、同时存在易栓症
}且出血风险低时，可考虑在抗凝基础上加用抗血小板药（氯吡格雷或阿司匹林）。联合用药会增加出血风险，且氯吡格雷起效需要时间。
stent-reintervention-antiplatelet-evidence = 该指南（§3c）建议，血栓高危患者和再次介入者如出血风险低，可考虑加用抗血小板药（如氯吡格雷、阿司匹林），并提醒出血风险会增加、氯吡格雷起效需要时间；§3e针对再次介入重申了这一点。
stent-reintervention-antiplatelet-disagree = 如不拟加用抗血小板药（如出血风险高于记录），无需处理；如出血风险已变化，请更新出血风险评估结果。

## STENT-DURATION-6M

stent-duration-6m-summary = { $variant ->
    [short] 抗栓医嘱在静脉支架植入后{ $days }天结束：请持续至少6个月
   *[none-active] 静脉支架植入于{ $date }，当前未使用抗凝药或抗血小板药：请持续6个月
}
stent-duration-6m-recommendation = 所有静脉支架植入后均应持续抗栓治疗至少6个月：该患者至少持续至{ $until }（{ $date }植入支架后183天）。{ $variant ->
    [short] 抗栓医嘱于支架植入后{ $days }天的{ $end }结束：请延长。
   *[none-active] 当前未使用抗凝药或抗血小板药：除非因故（如出血）停用，请重新开始抗栓治疗。
}
stent-duration-6m-evidence = 该指南（§3d）：所有支架植入病例术后均应持续抗栓治疗（抗凝药或抗血小板药）至少6个月；6个月按183天计算。
stent-duration-6m-disagree = 如有意缩短或停止治疗（如出血、专科医师决定），或治疗在本病历未显示的医嘱下继续，请在不采纳本提示时记录理由。

## STENT-EXTENDED-THERAPY

stent-extended-therapy-summary = { $date }植入的静脉支架即将满6个月，伴{ $factor ->
    [pts] 血栓后综合征
    [inflow] 流入道不佳
    [thrombophilia] 易栓症
   *[several] 多项因素
}：考虑继续抗栓治疗
stent-extended-therapy-recommendation = 该静脉支架植入后的抗栓治疗将于{ $until }满6个月。存在血栓后综合征、流入道不佳（Type IVa、IVb或V）或易栓症（见下）时，请在权衡出血风险的同时考虑延长至6个月以上{ $bleeding ->
    [yes] ——已记录出血风险高（见下）
   *[no] {""}
}。
stent-extended-therapy-evidence = 该指南（§3d）在规定所有支架至少6个月之后指出：伴PTS、流入道不佳或血栓倾向的病例，应在权衡出血风险的同时考虑继续治疗。将流入道不佳理解为Type IVa–V、将血栓倾向理解为已记录的易栓症，是本服务的解读。
stent-extended-therapy-disagree = 这是需要权衡的选项，而非指令：当出血风险超过血栓风险时，6个月时停药仍然合理。
