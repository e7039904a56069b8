# 小腿肌间静脉血栓/孤立性远端深静脉血栓规则及脑出血规则的文本
# （src/guidelines/calf_vein.rs；clinical-rules.md §4.2；seed 002、003）— 简体中文。
#
# 术语取自来源文献：小腿肌间静脉血栓（CMVT）、孤立性远端深静脉血栓（IDDVT）、序贯超声监测、
# 间歇充气加压（IPC）、可回收滤器、自发性脑出血（ICH）。摘要在最长参数下仍少于 140 个字符。

## Shared pieces

# 各抗凝提示卡共用的药物选择句（clinical-rules.md §5.1）。
calf-choice = 建议药物：{ $choice-agent }{ $choice ->
    [pregnancy] （妊娠期：肝素；禁用华法林或DOAC）。
    [aps] （抗磷脂综合征：华法林，INR 2.0–3.0；不用DOAC）。
    [child-pugh-c] （肝硬化Child-Pugh C级：不用DOAC；{ $choice-region ->
        [no-lmwh] 急性期用普通肝素，之后华法林
       *[lmwh] 低分子肝素，或普通肝素后序贯华法林
    }）。
    [renal] （肾功能低于DOAC限值：急性期用普通肝素，之后华法林，INR 2.0–3.0）。
    [cancer] （活动性肿瘤：{ $choice-region ->
        [no-lmwh] Xa因子抑制剂；无法使用治疗剂量低分子肝素
       *[lmwh] Xa因子抑制剂或低分子肝素
    }）。
   *[default] （DOAC优于华法林）。
}

## Reasons of this module

reason-calf-no-other-indication = 无其他抗凝指征记录（近期静脉支架、肺栓塞、门静脉或肠系膜静脉血栓、心房颤动、机械瓣、APS）
reason-calf-not-provoked-reversible = 无“由已去除的一过性诱因引起”的记录
reason-calf-only-cmvt = 无其他现存血栓记录（无其他DVT，无髂静脉/下腔静脉、门静脉或肠系膜静脉血栓，无肺栓塞）
reason-calf-course-since = 自{ $date }起治疗剂量抗凝（{ $days }天）

## Suggestion labels of this module

suggestion-calf-surveillance-scans = 开具第1周和第2周的下肢静脉双功超声检查
suggestion-calf-withdraw = 删除{ $from }医嘱草稿（监测期间不抗凝）
suggestion-calf-extend = 将{ $from }延长至3个月：{ $to }
suggestion-calf-withhold-and-scan = 暂缓{ $from }，并开具第1周和第2周的双功超声检查
suggestion-calf-withhold = 暂缓{ $from }
suggestion-calf-cancel-filter = 取消下腔静脉滤器医嘱
suggestion-calf-reassessment-scan = 开具下肢静脉双功超声检查以重新评估

## CMVT-NOT-ISOLATED

cmvt-not-isolated-summary = 小腿肌间静脉血栓合并近端DVT、髂静脉/下腔静脉血栓或PE：按近端DVT处理并抗凝
cmvt-not-isolated-recommendation = 按近端DVT处理：启动治疗剂量抗凝至少3个月，之后重新评估。{ calf-choice }{ $bleeding ->
    [low] 出血风险已评估为低。
   *[unconfirmed] 来源文献要求先明确出血风险低：开始抗凝前请确认。
}
cmvt-not-isolated-evidence = 杨逸成、熊长明（中国医学科学院学报 2021，总结与展望）：非孤立性CMVT在明确低出血风险后应首选抗凝治疗。《肌间静脉血栓到底需不需要抗凝？》所附解读补充：仅对超声证实的孤立性CMVT（无近端延伸、无对侧血栓）进一步分层，否则按近端DVT处理。
cmvt-not-isolated-disagree = 如近端DVT、髂静脉/下腔静脉血栓或PE已不再存在（已消退或已排除），请更新问题列表；如有意暂不抗凝（如出血风险），请在不采纳本提示时记录理由。

## CMVT-SURVEILLANCE

cmvt-surveillance-summary = 低危孤立性小腿肌间静脉血栓：第1周和第2周复查超声，而非立即抗凝
cmvt-surveillance-recommendation = 暂不启动抗凝，改为每周复查全下肢加压（双功）超声，连续2周（至少在第1周复查1次）。若血栓无延伸，则无需抗凝；若出现延伸（即便仍限于小腿），则启动3个月抗凝。鼓励早期活动；住院患者使用间歇充气加压（IPC）。明确告知患者复查时间，并嘱其如出现疼痛/肿胀加重、气促或胸痛应提前就诊。{ $mode ->
    [ordering] 所拟的{ $agent }目前无需使用。
   *[review] {""}
}
cmvt-surveillance-evidence = CHEST 2021（《肌间静脉血栓到底需不需要抗凝？》§2、§6）：无明显症状且无延伸高危因素时，首选序贯超声监测2周而非立即抗凝；若未延伸，则无需抗凝（CHEST：周周查，连查两周；ESVS：1周复查）。MacDonald等（135例，见杨逸成、熊长明 2021）：未抗凝者3个月内仅16.3%延伸至胫静脉或腓静脉，且90.9%的延伸在诊断后2周内经超声发现。
cmvt-surveillance-disagree = 如判断需要抗凝（症状明显，或存在尚未记录的高危因素：血栓靠近腘静脉、长度>5 cm、直径>7 mm、累及多条静脉、无诱因、既往VTE、肿瘤、制动），请记录该因素，并在不采纳本提示时记录理由；如选择监测，请预约两次复查。

## CMVT-RISK-UNASSESSED

cmvt-risk-unassessed-summary = 孤立性小腿肌间静脉血栓：在选择监测或抗凝前，请记录D-二聚体和血栓范围
cmvt-risk-unassessed-recommendation = 在序贯超声监测与抗凝之间作出选择前，请记录D-二聚体和血栓范围：长度（>5 cm为高危）、最大直径（>7 mm）、累及静脉数以及是否靠近腘静脉。若无上述高危因素、D-二聚体阴性且无严重症状，首选超声监测2周；若存在任一因素，倾向抗凝3个月。{ $mode ->
    [ordering] 待上述结果明确后，再决定所拟的抗凝药。
   *[review] {""}
}
cmvt-risk-unassessed-evidence = 《肌间静脉血栓到底需不需要抗凝？》（§4、§6）先按其清单评估延伸风险：血栓靠近腘静脉、长度>5 cm、累及多条深静脉或管径>7 mm；D-二聚体阳性、无可逆诱因、既往VTE、活动性肿瘤、住院/制动。杨逸成、熊长明（2021）指出，孤立性CMVT向近端延伸及发生PE的比例低于胫静脉或腓静脉DVT，因此选择治疗前应评估进展风险。
cmvt-risk-unassessed-disagree = 如D-二聚体或血栓范围记录于别处（如超声报告），请将其录入为检查结果，以便本系统使用；如不依据这些信息作决定，请记录理由。

## CMVT-ANTICOAGULATE

cmvt-anticoagulate-summary = 孤立性小腿肌间静脉血栓伴{ $why ->
    [symptoms] 严重症状
    [both] 严重症状及高危因素
   *[risk] 延伸高危因素
}：倾向抗凝3个月
cmvt-anticoagulate-recommendation = 出血风险可接受时，倾向抗凝3个月{ $mode ->
    [review] ；当前未使用治疗剂量抗凝药。
   *[ordering] 。
}{ calf-choice }{ $fits ->
    [yes] 正在开具的抗凝药符合此选择：计划3个月疗程，疗程结束时根据超声决定停药或继续。
   *[no] {""}
}
cmvt-anticoagulate-evidence = CHEST 2021及《肌间静脉血栓到底需不需要抗凝？》（§2、§4、§6）：症状明显或有≥1个高危因素，且出血风险可接受时，倾向抗凝3个月，首选DOAC（肿瘤相关：Xa因子抑制剂或LMWH）。ACCP 2016（见杨逸成、熊长明 2021）建议在以下情况抗凝：症状严重、血栓靠近近端静脉、D-二聚体显著升高、血栓范围广泛（长度>5 cm、最大直径>7 mm、累及多条静脉）或活动性肿瘤。
cmvt-anticoagulate-disagree = 来源文献倾向抗凝，但并未强制要求：如改为超声监测（如出血风险不可接受），请每周复查、连查2周，并在不采纳本提示时记录理由。

## CMVT-EXTENSION

cmvt-extension-summary = 复查发现远端DVT{ $extension ->
    [proximal] 延伸至近端静脉
   *[distal] 在小腿静脉内延伸
}：启动治疗剂量抗凝
cmvt-extension-recommendation = { $extension ->
    [proximal] 启动治疗剂量抗凝至少3个月：血栓已累及近端静脉，应按近端DVT处理。
   *[distal] 启动治疗剂量抗凝3个月。
}{ calf-choice }请先确认出血风险不高。
cmvt-extension-evidence = CHEST 2021（《肌间静脉血栓到底需不需要抗凝？》§2、§6）：观察中的远端血栓一旦延伸（即便仍限于远端）或近端化，则启动治疗剂量抗凝3个月。杨逸成、熊长明（2021）：CMVT应以多普勒超声监测2周；血栓延展至近端深静脉时，在排除出血高风险后首选抗凝。
cmvt-extension-disagree = 如复查结果有误或属于较早的检查，请更正；如暂不抗凝（如出血风险），请在不采纳本提示时记录理由，并继续超声复查。

## CMVT-DURATION-SHORT

cmvt-duration-short-summary = 孤立性远端深静脉血栓：抗凝疗程{ $days }天；除非诱因已去除，更推荐3个月
cmvt-duration-short-recommendation = 请将{ $agent }延长至3个月（91天），除非血栓由一过性诱因（如手术、外伤）引起且该诱因已去除：此时6周可以接受，请将其记录为 `provoked-reversible` 检查结果。
cmvt-duration-short-evidence = RIDTS随机试验（《肌间静脉血栓到底需不需要抗凝？》§2、§7）：3个月利伐沙班较6周可降低2年内复发VTE（主要是复发的远端DVT），未增加大出血；短疗程（≤6周）不如3个月稳妥。来源文献之间并不完全一致：澳大利亚和新西兰指南（见杨逸成、熊长明 2021）在危险因素已去除时给予6周、危险因素持续存在时给予3个月，队列研究还提出了更短的疗程（Gillet：至少15–30天；Galanaud：至少1个月）。
cmvt-duration-short-disagree = 如诱因已去除，请记录 `provoked-reversible` = true 并保留短疗程；否则请在不采纳本提示时记录选择短疗程的理由。

## CMVT-HIGH-BLEEDING

cmvt-high-bleeding-summary = 小腿肌间静脉血栓伴出血高风险：目前采用IPC和超声监测，而非抗凝
cmvt-high-bleeding-recommendation = 出血风险高时，抗凝并非首选{ $mode ->
    [ordering] ，请重新考虑所拟的{ $agent }。
   *[review] 。
}请使用间歇充气加压（IPC）（单用弹力袜不能作为VTE预防），并在之后2周内复查双功超声以发现延伸。{ $ich ->
    [yes] 脑出血后，出血后24–48小时、影像提示血肿稳定后可考虑预防剂量{ $region ->
        [no-lmwh] UFH
       *[lmwh] UFH/LMWH
    }。
   *[no] 仅在出血风险的原因允许时，方可使用预防剂量。
}待出血风险允许后再启动抗凝。{ $isolated ->
    [no] 如近端DVT、髂静脉/下腔静脉血栓或PE无法抗凝，请讨论置入可回收下腔静脉滤器作为过渡。
   *[yes] {""}
}
cmvt-high-bleeding-evidence = 杨逸成、熊长明（2021，总结与展望）：出血高风险时抗凝治疗并非首选方式，应采用间歇充气加压和弹力袜，并以多普勒超声密切监测血栓延展（建议CMVT监测2周）。《肌间静脉血栓到底需不需要抗凝？》（§3、§5.1）：出血风险高（如脑出血急性期）时，观察加复查超声是更合理的起点；脑出血后诊断当日即开始IPC，影像显示稳定24–48小时后使用小剂量UFH/LMWH，弹力袜不应单用。
cmvt-high-bleeding-disagree = 如出血风险已不再高（出血已控制、血小板已恢复），请更新记录；如仍决定抗凝，请在不采纳本提示时记录理由。

## CMVT-ICH-DEFER

cmvt-ich-defer-summary = 脑出血（{ $date }）：目前不要对远端DVT启动全剂量抗凝；采用IPC并复查超声
cmvt-ich-defer-recommendation = 目前不要启动全剂量{ $agent }。诊断当日即开始IPC，并复查双功超声；出血后24–48小时、影像提示血肿稳定后可考虑预防剂量{ $region ->
    [no-lmwh] UFH
   *[lmwh] UFH/LMWH
}。1–2周时（如血栓延伸或症状加重则提前）重新评估是否启动3个月抗凝。
cmvt-ich-defer-evidence = 《肌间静脉血栓到底需不需要抗凝？》（§5.1，脑卒中住院患者的自发性脑出血）：对于孤立肌间静脉血栓，在ICH早期通常不主张立即全剂量抗凝；首选IPC加复查超声，出现延伸、症状加重或病情稳定到安全窗口期后，再评估是否启动3个月抗凝。预防：诊断当日即开始IPC，影像显示血肿稳定24–48小时后使用小剂量UFH/LMWH。
cmvt-ich-defer-disagree = 来源文献的表述是“通常不主张”，而非禁止：如神经内科或神经外科判断血肿稳定且获益更大，请在不采纳本提示时记录理由。

## VTE-ICH-EARLY-THERAPEUTIC

vte-ich-early-therapeutic-summary = 脑出血（{ $date }）：DVT/PE的治疗剂量抗凝推迟至起病后1–2周
vte-ich-early-therapeutic-recommendation = 出血后第1周内不要启动治疗剂量{ $agent }。起病后1–2周（{ $from }至{ $to }）考虑启动治疗剂量{ $region ->
    [no-lmwh] UFH
   *[lmwh] UFH或LMWH
}；在此之前可置入可回收下腔静脉滤器作为过渡。诊断当日即开始IPC；出血后24–48小时、影像提示血肿稳定后可考虑预防剂量肝素。
vte-ich-early-therapeutic-evidence = 《肌间静脉血栓到底需不需要抗凝？》（§5.1、§7，脑卒中住院患者的自发性脑出血）：近端DVT或PE暂时不能抗凝时，可临时置入可回收滤器作为过渡，并在ICH起病后1–2周考虑治疗剂量UFH/LMWH。该文将推迟作为一种选择（“治疗剂量抗凝可考虑延后至1–2周”），而非绝对禁止。
vte-ich-early-therapeutic-disagree = 如神经内科或神经外科判断需早期治疗剂量抗凝（如血流动力学显著的PE）且血肿稳定，请在不采纳本提示时记录该决定。

## VTE-ICH-PROXIMAL-BRIDGE

vte-ich-proximal-bridge-summary = 脑出血（{ $date }）后近端DVT或PE：可置入可回收下腔静脉滤器过渡；1–2周后使用肝素
vte-ich-proximal-bridge-recommendation = 出血后无法进行治疗剂量抗凝期间，可置入可回收下腔静脉滤器作为过渡。{ $window ->
    [before] 起病后1–2周（{ $from }至{ $to }）考虑启动治疗剂量{ $region ->
        [no-lmwh] UFH
       *[lmwh] UFH或LMWH
    }。
    [open] 起病后1–2周的时间窗（{ $from }至{ $to }）已开始：血肿稳定后考虑启动治疗剂量{ $region ->
        [no-lmwh] UFH
       *[lmwh] UFH或LMWH
    }。
   *[after] 起病已超过2周：如血肿稳定，考虑启动治疗剂量抗凝。
}在此期间使用IPC。
vte-ich-proximal-bridge-evidence = 《肌间静脉血栓到底需不需要抗凝？》（§5.1，脑卒中住院患者的自发性脑出血）：一旦出现近端DVT/PE且暂时不能抗凝，可临时置入可回收滤器作为过渡；1–2周后（自ICH起病算起）再考虑启动治疗剂量UFH/LMWH。
vte-ich-proximal-bridge-disagree = 如已启动抗凝或DVT/PE已不再存在，请更新记录；如既不选择滤器也不计划稍后启动肝素，请记录理由。

## CMVT-NO-IVC-FILTER

cmvt-no-ivc-filter-summary = 孤立性小腿肌间静脉血栓开具了下腔静脉滤器：CMVT不建议置入滤器
cmvt-no-ivc-filter-recommendation = 孤立性小腿肌间静脉血栓不要置入下腔静脉滤器。应针对血栓本身处理：超声监测，或有指征时抗凝；出血风险高时采用IPC和超声监测。
cmvt-no-ivc-filter-evidence = 杨逸成、熊长明（2021，总结与展望）：CMVT并不建议行下腔静脉滤器置入术。其支持证据是间接的：在严重创伤患者中，预防性滤器在早期降低了肺栓塞或死亡的发生率，但90天时症状性肺栓塞或死亡并不低于未置入滤器者，且下腔静脉滤器长期植入可带来许多并发症。
cmvt-no-ivc-filter-disagree = 如有其他指征（如尚未列入问题列表的近端DVT或PE），请记录；否则请在不采纳本提示时记录置入滤器的理由。

## CMVT-EXTENDED-PHASE

cmvt-extended-phase-summary = 孤立性远端深静脉血栓，已完成3个月抗凝，危险因素持续：超声重新评估（停药、延长或减量）
cmvt-extended-phase-recommendation = 该远端DVT自{ $start }起已抗凝（{ $days }天），且仍有持续存在的危险因素。请以双功超声重新评估，权衡复发与出血风险后决定：停药、继续（延长期）或减量维持（如阿哌沙班 2.5 mg 每日2次）。
cmvt-extended-phase-evidence = 《肌间静脉血栓到底需不需要抗凝？》（§6）：需要抗凝者足疗程3个月；若不可逆危险因素持续或复发风险高，可评估延长或减量维持（低剂量阿哌沙班/利伐沙班）。杨逸成、熊长明（2021）：至少3个月，根据多普勒超声决定停药或继续。阿哌沙班 2.5 mg 每日2次的剂量来自阿哌沙班说明书（延长期剂量），而非上述来源。
cmvt-extended-phase-disagree = 如该危险因素已不再适用（如肿瘤缓解、已明确诱因），请更新记录；如不经重新评估而原样继续，请记录理由。
