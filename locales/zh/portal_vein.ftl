# 门静脉血栓规则的文本（src/guidelines/portal_vein.rs；seed 004，日本面向患者的综述文章，
# 文中称“来源文章”）— 简体中文。术语：门静脉血栓、肝硬化 / Child-Pugh分级、食管静脉曲张、
# 内镜下套扎术（EVL）、肝细胞癌、癌栓、门静脉海绵样变、日本指定难病。摘要少于 140 个字符。

## Reasons and suggestions of this module

reason-portal-recent-onset = 近6个月内发病（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-portal-progression = 发病后复查影像示血栓进展（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-portal-no-cirrhosis = 无肝硬化记录
reason-portal-no-malignancy = 无肝细胞癌或其他活动性肿瘤记录
reason-portal-no-abdominal-cause = 近3个月内无急性胰腺炎或腹部手术记录
reason-portal-course-started = 治疗剂量抗凝疗程始于{ $date }（{ $days }天前）
suggestion-portal-upper-endoscopy = { $variant ->
    [untreated] 开具上消化道内镜检查，对高危静脉曲张行套扎术
   *[unassessed] 开具上消化道内镜检查（静脉曲张筛查）
}
suggestion-portal-remove-estrogen = 删除含雌激素避孕药医嘱

## PVT-ANTICOAGULATE

pvt-anticoagulate-summary = 门静脉血栓未抗凝：建议抗凝，最好在发病后6个月内开始
pvt-anticoagulate-recommendation = 请为该门静脉血栓启动抗凝，应尽快开始，最好在发病后6个月内。{ $cirrhosis ->
    [yes] 该肝硬化患者符合{ $profile ->
        [jp] 日本指南的适应证（症状性PVT、近期发病的PVT或呈进展的PVT）。
       *[intl] 国际共识的适应证（肝移植候选者、症状性PVT或近期闭塞性PVT）。
    }{ $child_pugh ->
        [A] Child-Pugh A级时，DOAC可替代华法林。
        [B] Child-Pugh B级时，DOAC需谨慎使用，利伐沙班禁用。
        [C] Child-Pugh C级时，应避免使用DOAC。
       *[unknown] 选择药物前请记录Child-Pugh分级：Child-Pugh B级时DOAC需谨慎使用，C级时应避免。
    }如使用华法林，肝硬化患者的基线INR可能已升高，INR监测较为困难。
   *[no] {""}
}{ $varices_assessed ->
    [no] 无静脉曲张评估记录：请安排上消化道内镜检查，但不应过度延误抗凝。
   *[yes] {""}
}
pvt-anticoagulate-evidence = { $cirrhosis ->
    [yes] 来源文章引用的肝硬化患者荟萃分析（Loffredo等，Gastroenterology 2017，该文参考文献20）显示：抗凝患者中71%获得一定程度的再通，未治疗者为42%；血栓进展率由约33%降至9%，且大出血无显著增加。尽早开始治疗效果最佳，最好在血栓形成后6个月内（§3.1.2–3.1.3）。
   *[no] 来源文章称抗凝是绝大多数门静脉血栓患者治疗的基础（§3.1），尽早开始效果最佳，最好在血栓形成后6个月内（§3.1.2）。
}
pvt-anticoagulate-disagree = 如已权衡后决定不抗凝（如稳定的部分性血栓、出血风险，或与肝病科共同决定），请在不采纳本提示时记录理由；仅在未使用抗凝药期间本提示才会再次出现。

## PVT-DOAC-CHILD-PUGH-C

pvt-doac-child-pugh-c-summary = Child-Pugh C级：避免{ $agent }及其他DOAC；改用{ $lmwh ->
    [yes] LMWH或华法林
   *[no] 肝素，之后华法林
}
pvt-doac-child-pugh-c-recommendation = Child-Pugh C级肝硬化不要启用{ $agent }或其他DOAC。{ $lmwh ->
    [yes] 请使用低分子肝素，或急性期用普通肝素后序贯华法林。
   *[no] 急性期请用普通肝素，之后改用华法林（在本地区设置下无法使用治疗剂量低分子肝素）。
}如使用华法林，肝硬化患者的基线INR可能已升高，INR监测较为困难。
pvt-doac-child-pugh-c-evidence = 来源文章总结的国际共识（§3.4表格）：代偿期（Child-Pugh A级）肝硬化可用DOAC替代华法林，Child-Pugh B级需谨慎，Child-Pugh C级应避免；现行指南尤其提醒失代偿期肝硬化需谨慎（§3.1.4）。
pvt-doac-child-pugh-c-disagree = 如Child-Pugh分级已过时或有误，请更新；如经肝病科评估后有意选择DOAC，请在不采纳本提示时记录理由。

## PVT-RIVAROXABAN-CHILD-PUGH-B

pvt-rivaroxaban-child-pugh-b-summary = Child-Pugh B级：{ $agent }禁用（药品说明书）；请选择其他抗凝药
pvt-rivaroxaban-child-pugh-b-recommendation = Child-Pugh B级（中度肝功能损害）不要启用{ $agent }。请选择其他抗凝药；其他DOAC在Child-Pugh B级时同样需谨慎使用。
pvt-rivaroxaban-child-pugh-b-evidence = 来源文章（§3.4表格，国际共识）提出Child-Pugh B级使用DOAC需谨慎、C级应避免，但未单独提及利伐沙班。利伐沙班在Child-Pugh B级禁用，依据的是其药品说明书。
pvt-rivaroxaban-child-pugh-b-disagree = 如Child-Pugh分级已过时或有误，请更新；否则请在不采纳本提示时记录继续使用利伐沙班的理由。

## PVT-DOAC-CHILD-PUGH-B

pvt-doac-child-pugh-b-summary = Child-Pugh B级：慎用{ $agent }
pvt-doac-child-pugh-b-recommendation = Child-Pugh B级肝硬化慎用{ $agent }：请确认适应证和剂量，并监测肝功能和出血。替代药物为肝素或华法林（肝硬化患者的基线INR可能已升高，INR监测较为困难）。
pvt-doac-child-pugh-b-evidence = 来源文章（§3.4表格，国际共识）指出，代偿期（Child-Pugh A级）肝硬化越来越多地以DOAC替代华法林，Child-Pugh B级需谨慎，C级应避免；DOAC用于门静脉血栓常属超说明书用药（§3.1.4）。
pvt-doac-child-pugh-b-disagree = 如Child-Pugh分级已过时或有误，请更新；如该选择系与肝病科共同决定，请在不采纳本提示时记录。

## PVT-VARICES-FIRST

pvt-varices-first-summary = { $variant ->
    [untreated] 门静脉血栓伴未治疗的高危静脉曲张：内镜下套扎术（EVL）或非选择性β受体阻滞剂
   *[unassessed] 门静脉血栓未评估静脉曲张：需行上消化道内镜检查
}
pvt-varices-first-recommendation = { $variant ->
    [untreated] 请治疗高危静脉曲张：内镜下套扎术（EVL）或非选择性β受体阻滞剂，
   *[unassessed] 请安排上消化道内镜检查以筛查静脉曲张，并治疗高危静脉曲张（套扎术或非选择性β受体阻滞剂），
}最好在开始抗凝前完成，但不应过度延误抗凝：再通的时间窗有限。
pvt-varices-first-evidence = 来源文章指出，所有疑诊或确诊门静脉血栓的患者均必须行上消化道内镜检查（§2.1），发现出血风险高的中至大型静脉曲张时开始预防性治疗（§3.2）。理想情况下应在抗凝前根除高危静脉曲张，但这一点存在争议、尚无确切共识，且不应过度延误抗凝（§3.4表格）。
pvt-varices-first-disagree = 如内镜检查或静脉曲张治疗已在他处完成（或患者正在服用非选择性β受体阻滞剂），请记录于病历；否则请在不采纳本提示时记录理由。

## PVT-DURATION-LIFELONG

pvt-duration-lifelong-summary = 门静脉血栓伴{ $cause ->
    [mesenteric] 肠系膜静脉延伸
    [both] 永久性危险因素及肠系膜静脉延伸
   *[permanent] 永久性危险因素
}：考虑终身抗凝
pvt-duration-lifelong-recommendation = { $mode ->
    [ordering] 正在开具的抗凝为固定疗程。
   *[review] 当前未使用抗凝药。
}{ $cause ->
    [mesenteric] 血栓延伸至肠系膜静脉，
    [both] 存在永久性危险因素且血栓延伸至肠系膜静脉，
   *[permanent] 已记录永久性危险因素，
}请考虑终身抗凝{ $mode ->
    [ordering] （而非固定疗程）
   *[review] {""}
}，同时权衡出血风险。
pvt-duration-lifelong-evidence = 来源文章总结的国际共识（§3.4表格）以3–6个月为最短疗程，存在永久性危险因素（如MPN、遗传性易栓症）或血栓延伸至肠系膜静脉时强烈考虑终身抗凝；常见问题部分补充：为预防新血栓，常推荐终身治疗。本服务的规则目录将抗磷脂综合征视为永久性危险因素。
pvt-duration-lifelong-disagree = 如经慎重考虑选择固定疗程（如出血风险高或危险因素未确认），请在不采纳本提示时记录理由。

## PVT-NONCIRRHOTIC-WORKUP

pvt-noncirrhotic-workup-summary = 非肝硬化门静脉血栓：筛查MPN（JAK2）、遗传性易栓症、APS及局部病因
pvt-noncirrhotic-workup-recommendation = 请查找该非肝硬化门静脉血栓的病因：骨髓增殖性肿瘤（JAK2 V617F）、遗传性易栓症（如凝血因子V Leiden突变、凝血酶原G20210A突变）、抗磷脂综合征及腹部局部病因。
pvt-noncirrhotic-workup-evidence = 来源文章规定，无肝硬化时必须全面排查骨髓增殖性肿瘤和遗传性易栓症等其他病因（§2.1）；无肝硬化的门静脉血栓患者中30–40%可发现骨髓增殖性肿瘤（§1.2.4）。
pvt-noncirrhotic-workup-disagree = 如已在他处完成检查，请将结果记录于病历；一旦有任何易栓症检查或结果记录，本提示将不再出现。

## PVT-HCC-TUMOUR-THROMBUS

pvt-hcc-tumour-thrombus-summary = 门静脉血栓合并肝细胞癌：通过影像鉴别良性血栓与癌栓
pvt-hcc-tumour-thrombus-recommendation = 请通过高级影像检查判断门静脉血栓为良性血栓还是癌栓，并记录。如为良性血栓，应尽快考虑全剂量抗凝。
pvt-hcc-tumour-thrombus-evidence = 来源文章强调应依据特定影像学标准鉴别良性血栓与恶性癌栓，并指出肝细胞癌患者一旦确认为良性PVT，应强烈考虑全剂量抗凝，以防止进展并保留抗肿瘤治疗的选择（§4.2）。
pvt-hcc-tumour-thrombus-disagree = 如血栓性质已明确，请将其记录为癌栓检查结果；此后本提示将不再出现。

## PVT-REASSESS

pvt-reassess-summary = 门静脉血栓已抗凝{ $days }天：复查影像并重新评估是否继续
pvt-reassess-recommendation = 请复查门静脉影像，重新评估再通情况和出血风险，以决定是否继续抗凝。存在永久性危险因素或肠系膜静脉延伸时应继续；如病因为一过性且已去除，可在3–6个月后停药。
pvt-reassess-evidence = 来源文章总结的日本指南（§3.4表格）常以3–6个月为试验期开始抗凝，之后根据再通情况和出血风险重新评估是否需要继续；常见问题部分指出，一过性病因已去除时可在3–6个月后停药。
pvt-reassess-disagree = 如已计划或已完成重新评估，请记录；本提示仅供参考。

## PVT-ESTROGEN

pvt-estrogen-summary = 已记录{ $pvt ->
    [yes] 门静脉血栓
   *[no] 静脉血栓
}：避免含雌激素的避孕方法；改用单纯孕激素避孕或宫内节育器
pvt-estrogen-recommendation = 不要启用{ $agent }：雌激素会增加新发血栓的风险。请改用单纯孕激素避孕方法或宫内节育器。
pvt-estrogen-evidence = { $pvt ->
    [yes] 来源文章指出，患门静脉血栓的育龄女性因血栓风险应避免含雌激素的避孕药，优先选择单纯孕激素方法或宫内节育器（§4.2）。
   *[no] 来源文章针对的是门静脉血栓女性患者：因血栓风险应避免含雌激素的避孕药，优先选择单纯孕激素方法或宫内节育器（§4.2）。将其推及其他静脉血栓属于避孕安全方面的常规做法，超出了该来源的范围。
}
pvt-estrogen-disagree = 如血栓记录有误，请更正问题列表；如遵专科医师意见有意选择雌激素，请在不采纳本提示时记录理由。

## PVT-JP-INTRACTABLE-DISEASE

pvt-jp-intractable-disease-summary = 可能为原发性肝外门静脉阻塞症（日本指定难病346）：请核实医疗费补助资格
pvt-jp-intractable-disease-recommendation = 该伴门静脉海绵样变的非肝硬化门静脉血栓可能为原发性肝外门静脉阻塞症，即日本指定难病346。请核实诊断标准（影像示肝外门静脉主干阻塞、明显侧支循环、已排除门静脉高压的其他病因），严重程度达III级及以上时，协助患者申请公费医疗补助。
pvt-jp-intractable-disease-evidence = 来源文章将原发性肝外门静脉阻塞症描述为非肝硬化门静脉血栓的一种亚型，已由日本厚生劳动省认定为指定难病346；诊断需在排除肝硬化、其他门静脉高压及肿瘤、胰腺炎或近期腹部手术等继发性病因后，经影像学证实肝外门静脉主干阻塞并伴明显侧支循环；获得补助需严重程度达III级及以上（§2.2、§4.3）。
pvt-jp-intractable-disease-disagree = 如已知门静脉高压的其他病因或不符合诊断标准，可关闭本提示；本提示仅供参考。
