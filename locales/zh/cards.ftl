# venous-cds 提示卡文本 — 简体中文（与 locales/en/cards.ftl 的消息 ID 相同）。
#
# 术语取自来源文献本身（田晨阳等 2025；《肌间静脉血栓到底需不需要抗凝?》；杨逸成、熊长明 2021）
# 及 /work/shared/spec/glossary.md。摘要少于 140 个字符。占位符与选择分支与英文版一致。
# 日期未知时日期参数为 "unknown"（以 [unknown] 分支显示为“不详”）。

## Detail layout

detail-why = 依据
detail-evidence = 证据
detail-disagree = 如不同意
detail-source = 来源
detail-beyond-seeds = 本建议超出指南文件的范围，依据：{ $label }。
beyond-seeds-doac-labels = 阿哌沙班、利伐沙班、依度沙班和达比加群的药品说明书（jp 配置下为日本说明书）
beyond-seeds-edoxaban-label = 依度沙班的药品说明书
beyond-seeds-warfarin-and-doac-labels = 华法林和DOAC的药品说明书
beyond-seeds-rivaroxaban-label = 利伐沙班的药品说明书（中度肝功能损害〔Child-Pugh B级〕禁用）

## Drugs

agent-apixaban = 阿哌沙班
agent-rivaroxaban = 利伐沙班
agent-edoxaban = 依度沙班
agent-dabigatran = 达比加群
agent-warfarin = 华法林
agent-ufh = 普通肝素
agent-enoxaparin = 依诺肝素
agent-dalteparin = 达肝素
agent-fondaparinux = 磺达肝癸钠
agent-argatroban = 阿加曲班
agent-aspirin = 阿司匹林
agent-clopidogrel = 氯吡格雷
agent-estrogen-contraceptive = 含雌激素避孕药
agent-unknown = 未能识别的药物

## Regimens (FHIR dosage texts and suggestion labels)

regimen-warfarin = 华法林，按目标INR 2.0–3.0调整剂量
regimen-ufh = 普通肝素静脉输注，目标APTT为正常值的1.5–2.5倍或ACT ≥200秒
regimen-enoxaparin = 依诺肝素 1 mg/kg 皮下注射，每日2次
regimen-apixaban-initial = 阿哌沙班 10 mg 每日2次，连用7天，之后5 mg 每日2次
regimen-apixaban = 阿哌沙班 5 mg 每日2次
regimen-rivaroxaban-initial = 利伐沙班 15 mg 每日2次，连用21天，之后{ $maintenance } mg 每日1次
regimen-rivaroxaban = 利伐沙班 { $maintenance } mg 每日1次
regimen-days = (共{ $days }天)
regimen-ufh-subcutaneous = 普通肝素皮下注射，每日2次，按APTT调整剂量，贯穿整个妊娠期
regimen-edoxaban = 依度沙班 { $maintenance } mg 每日1次
phase-dose = { $dose } { $unit } { $frequency ->
    [1] 每日1次
    [2] 每日2次
   *[other] 每日{ $frequency }次
}{ $days ->
    [none] {""}
   *[other] ，连用{ $days }天
}
phase-warfarin = 华法林每日1次，按目标INR 2.0–3.0调整剂量
phase-ufh = 持续静脉输注，按APTT为正常值的1.5–2.5倍或ACT ≥200秒调整；持续至口服抗凝治疗建立
phase-ufh-subcutaneous = 皮下注射，每日2次，按给药间隔中点APTT达治疗范围调整剂量；贯穿整个妊娠期（之后不改用华法林或DOAC）
phase-with-start = { $dosage }（{ $start }）
phase-start-after = 自第{ $day }天开始

## Suggestions and actions

suggestion-replace = 将{ $from }改为{ $to }
suggestion-start = 开始{ $to }
action-delete = 删除医嘱草稿 { $reference }
action-create-medication = 开具{ $regimen }
action-create-procedure = 开具{ $procedure }

## Procedures

procedure-duplex-ultrasound = 下肢静脉双功超声检查
procedure-upper-endoscopy = 上消化道内镜检查

## Override reasons

override-patient-specific-contraindication = 因其他原因对该患者禁忌
override-decided-with-specialist = 已与专科医师商定
override-bleeding-risk-acceptable = 出血风险评估为可接受
override-not-applicable = 不适用于该患者
override-already-addressed = 已在病历其他部分处理

## Procedures being ordered

procedure-venous-stent = 静脉支架植入
procedure-balloon-angioplasty = 静脉球囊扩张术
procedure-drug-coated-balloon = 药物涂层球囊（DCB）扩张术
procedure-ivc-filter-insertion = 下腔静脉滤器置入
procedure-ivc-filter-removal = 下腔静脉滤器回收

## Thrombosis sites

site-calf-muscular = 小腿肌间静脉血栓
site-tibial = 胫静脉DVT
site-peroneal = 腓静脉DVT
site-distal-unspecified = 远端DVT
site-popliteal = 腘静脉DVT
site-femoral = 股静脉DVT
site-proximal-unspecified = 近端DVT
site-lower-limb-unspecified = 下肢DVT（未注明节段）
site-iliac = 髂静脉血栓
site-ivc = 下腔静脉血栓
site-portal = 门静脉血栓
site-mesenteric = 肠系膜静脉血栓
site-pulmonary-embolism = 肺栓塞
site-unspecified-vein = 静脉血栓

## Reasons (the facts behind a card)

reason-thrombosis = { $site }，{ $acuity ->
    [acute] 急性
    [chronic] 慢性
   *[unknown] 未注明急慢性
}，发病 { $onset ->
    [unknown] 日期不详
   *[other] { $onset }
}
reason-ordered = 正在开具{ $agent }{ $dose ->
    [therapeutic] （治疗剂量）
    [prophylactic] （预防剂量）
    [unknown] （剂量无法读取）
   *[none] {""}
}
reason-planned = 已计划{ $agent }{ $dose ->
    [therapeutic] （治疗剂量）
    [prophylactic] （预防剂量）
   *[other] {""}
}（医嘱草稿）
reason-active = 正在使用{ $agent }{ $dose ->
    [therapeutic] （治疗剂量）
    [prophylactic] （预防剂量）
   *[other] {""}
}
reason-procedure-ordered = 正在开具{ $procedure }医嘱
reason-no-anticoagulant-active = 当前未使用抗凝药
reason-no-therapeutic-anticoagulant = 当前未使用也未开具治疗剂量抗凝药
reason-aps = 已记录抗磷脂综合征（APS）
reason-mpn = 已记录骨髓增殖性肿瘤（MPN）
reason-inherited-thrombophilia = 已记录遗传性易栓症
reason-thrombophilia-workup-missing = 无易栓症检查记录（JAK2、狼疮抗凝物、抗磷脂抗体）
reason-pregnancy = 已记录妊娠
reason-active-cancer = 已记录活动性肿瘤
reason-gi-gu-cancer = 已记录消化道或泌尿生殖系统肿瘤
reason-hcc = 已记录肝细胞癌
reason-cirrhosis = 已记录肝硬化
reason-child-pugh = Child-Pugh { $class }级
reason-child-pugh-unknown = 未记录Child-Pugh分级
reason-varices = 已记录食管或胃静脉曲张
reason-varices-high-risk = 内镜见高危静脉曲张
reason-varices-untreated = 无内镜下套扎术（EVL）记录
reason-no-variceal-assessment = 无内镜检查、静脉曲张诊断或静脉曲张检查结果记录
reason-transplant-candidate = 等待器官移植
reason-renal = { $measure ->
    [crcl] 肌酐清除率
   *[egfr] eGFR
} { $value } mL/min（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-weight = 体重 { $value } kg
reason-atrial-fibrillation = 已记录心房颤动
reason-mechanical-valve = 已记录人工心脏瓣膜
reason-prior-vte = 已记录既往静脉血栓栓塞症（VTE）
reason-provoked-reversible = 由一过性诱因引起，且该诱因已去除
reason-symptoms-severe = 症状严重
reason-symptoms-mild = 有症状
reason-symptoms-none = 无症状
reason-d-dimer-negative = D-二聚体阴性（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-d-dimer-missing = 近7天内无D-二聚体结果
reason-risk-d-dimer-positive = D-二聚体阳性（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-risk-unprovoked = 无诱因（无一过性诱发因素）
reason-risk-prior-vte = 既往静脉血栓栓塞症（VTE）
reason-risk-active-cancer = 活动性肿瘤
reason-risk-immobilised = 住院或制动
reason-risk-length = 血栓长度 >5 cm（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-risk-diameter = 血栓直径 >7 mm（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-risk-veins = 累及2条及以上静脉（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-risk-near-popliteal = 血栓靠近腘静脉（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-no-risk-factor = 无延伸高危因素记录
reason-extension-distal = 复查影像示血栓在小腿静脉内延伸（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-extension-proximal = 复查影像示血栓延伸至近端静脉（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-extension-none = 复查影像示血栓无延伸（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-bleeding-ich = 脑出血，发病 { $date ->
    [unknown] 日期不详
   *[other] { $date }
}
reason-bleeding-major = 活动性大出血（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-bleeding-platelets = 血小板 <50×10⁹/L（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-bleeding-judged-high = 出血风险评估为高（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-bleeding-judged-low = 出血风险评估为低（{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-course = 抗凝疗程 { $days }天
reason-course-open = 抗凝疗程未设结束日期
reason-venous-stent = 静脉支架植入：{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}
reason-balloon-recanalisation = 腔髂静脉球囊扩张再通：{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}
reason-ivc-filter = 下腔静脉滤器留置中（置入日期 { $date ->
    [unknown] 不详
   *[other] { $date }
}）
reason-filter-shape = 下腔静脉滤器形状：{ $shape ->
    [conical] 锥形
    [spindle] 纺锤形
   *[other] { $shape }
}
reason-inflow-type = 流入道 Type { $type }
reason-inflow-unassessed = 无流入道评估记录
reason-dfv-ostium-occluded = 股深静脉开口未通畅
reason-residual-lesion = 拟植入支架与股深静脉开口之间残留病变
reason-inflow-outflow-uncleared = 流入道或流出道的血栓/狭窄未解除
reason-symptom-attribution-uncertain = 尚不明确静脉阻塞是否为症状的原因
reason-bilateral-oedema = 已记录双下肢水肿
reason-adherence-concern = 对患者能否坚持抗凝治疗和随访存在疑虑
reason-post-thrombotic-syndrome = 已记录血栓后综合征（PTS）
reason-villalta = Villalta评分 { $score }分（{ $grade ->
    [none] 无PTS
    [mild] 轻度PTS
    [moderate] 中度PTS
   *[severe] 重度PTS
}，{ $date ->
    [unknown] 日期不详
   *[other] { $date }
}）
reason-pvt-occlusive = 闭塞性门静脉血栓
reason-portal-cavernoma = 门静脉海绵样变
reason-tumour-thrombus-absent = 门静脉血栓为良性血栓（非癌栓）
reason-tumour-thrombus-unknown = 未记录门静脉血栓是否为癌栓
reason-recent-abdominal-cause = 近期腹部诱因（急性胰腺炎或腹部手术）
reason-age = 年龄 { $age }岁
