# 抗凝药物选择通用规则的文本（src/guidelines/general.rs）— 简体中文。

## VTE-APS-NO-DOAC

vte-aps-no-doac-summary = 抗磷脂综合征（APS）：避免使用{ $agent }，改用{ $pregnant ->
    [yes] 肝素（妊娠期）
   *[no] 华法林（INR 2.0–3.0）
}
vte-aps-no-doac-recommendation = 抗磷脂综合征患者不要启用{ $agent }或其他DOAC。{ $pregnant ->
    [yes] 患者处于妊娠期：应使用肝素；华法林和DOAC均对胎儿有害。
   *[no] 应使用华法林，目标INR 2.0–3.0。
}
vte-aps-no-doac-evidence = 日本静脉支架相关学会协议会的支架植入指南（2025-09-18，§3e）指出：APS患者应避免使用DOAC，改用华法林。
vte-aps-no-doac-disagree = 如已排除APS，请更正问题列表；如经慎重考虑仍选择DOAC（如经专科医师评估后），请在不采纳本提示时记录理由。

## VTE-DOAC-PREFERRED

vte-doac-preferred-summary = VTE患者开具了华法林：除非有使用华法林的理由，更倾向阿哌沙班等DOAC
vte-doac-preferred-recommendation = 静脉血栓栓塞症（VTE）更倾向使用直接口服抗凝药（DOAC）而非{ $agent }：颅内出血更少，且无需常规INR监测。除非选择{ $agent }另有本病历未体现的理由，可考虑改用阿哌沙班（见下方建议）。{ $renal ->
    [no] 无近90天的肾功能记录：选择DOAC前请核查肌酐清除率。
   *[yes] {""}
}{ $bridge ->
    [yes] 同时正在开具胃肠外抗凝药：阿哌沙班起始剂量无需肝素桥接，如更换药物请复核该医嘱。
   *[no] {""}
}
vte-doac-preferred-evidence = 《肌间静脉血栓到底需不需要抗凝？》一文（§2）指出：在需要抗凝的VTE患者中，指南更倾向DOAC优于华法林（颅内出血更少，流程更简便）；ESVS 2021同样在需要抗凝时优先选择DOAC。
vte-doac-preferred-disagree = 如有理由（如机械心脏瓣膜、抗磷脂综合征、严重肝肾疾病、药物相互作用、费用或患者意愿），可继续使用华法林；无需处理，关闭本提示时可记录理由。

## VTE-CANCER-AGENT

vte-cancer-agent-summary = { $group ->
    [gi-gu] 消化道/泌尿生殖系统肿瘤合并VTE：{ $lmwh ->
        [yes] 阿哌沙班或LMWH
       *[no] 阿哌沙班
    }优于{ $agent }
   *[other] 肿瘤相关VTE：{ $lmwh ->
        [yes] Xa因子抑制剂或LMWH
       *[no] Xa因子抑制剂
    }优于{ $agent }
}
vte-cancer-agent-recommendation = { $group ->
    [gi-gu] 消化道或泌尿生殖系统肿瘤易出血，宜优先选择阿哌沙班{ $lmwh ->
        [yes] 或低分子肝素
       *[no] {""}
    }而非{ $agent }（见下方建议）。
   *[other] 合并活动性肿瘤的VTE宜优先选择阿哌沙班等Xa因子抑制剂{ $lmwh ->
        [yes] 或低分子肝素
       *[no] {""}
    }而非{ $agent }（见下方建议）。
}请根据肿瘤部位和出血风险选择。{ $bridge ->
    [yes] 同时正在开具胃肠外抗凝药作为向华法林的桥接：如更换药物请复核该医嘱。
   *[no] {""}
}
vte-cancer-agent-evidence = 《肌间静脉血栓到底需不需要抗凝？》一文（§2）指出：合并肿瘤的VTE多数情形可选Xa抑制剂或LMWH，部分消化道/泌尿道肿瘤有出血倾向时可优先阿哌沙班或LMWH；§7补充：按实体瘤部位与出血风险选择。
vte-cancer-agent-disagree = 如肿瘤已非活动性，请更新问题列表。如经慎重考虑选择{ $agent }（如与抗肿瘤治疗存在相互作用、肿瘤科意见），可继续使用；关闭本提示时可记录理由。

## VTE-WARFARIN-INR-TARGET

vte-warfarin-inr-target-summary = 华法林医嘱未注明INR目标：静脉血栓的目标INR为2.0–3.0
vte-warfarin-inr-target-recommendation = 请在{ $agent }医嘱上注明INR目标：静脉血栓为INR 2.0–3.0，并据此调整剂量。{ $cirrhosis ->
    [yes] 已记录肝硬化：基线INR可能已升高，按INR调整剂量的可靠性降低（日本门静脉血栓科普综述 §3.1.4）；请与肝病团队商定目标值。
   *[no] {""}
}{ $valve ->
    [yes] 已记录人工心脏瓣膜：机械瓣可能需要更高的目标值；请取两者中较高者。
   *[no] {""}
}
vte-warfarin-inr-target-evidence = 日本静脉支架相关学会协议会的支架植入指南（2025-09-18，§3c）在转为口服抗凝时给出华法林，目标INR 2.0–3.0。
vte-warfarin-inr-target-disagree = 如目标值已记录于别处（如抗凝门诊计划）或拟采用其他目标值，请将其写在医嘱上，或在关闭本提示时记录理由。

## VTE-DOAC-RENAL

vte-doac-renal-summary = { $cause ->
    [jp-dabigatran] 达比加群在日本未获批用于VTE治疗：请选择其他抗凝药
   *[renal] 肾功能过低，不宜使用{ $agent }（{ $measure ->
        [crcl] 肌酐清除率
       *[egfr] eGFR
    } { $value } mL/min；限值 { $threshold }）：请选择其他抗凝药
}
vte-doac-renal-recommendation = { $cause ->
    [jp-dabigatran] 达比加群在日本未获批用于静脉血栓栓塞症的治疗。请改用下方建议的抗凝药。
   *[renal] 此肾功能下不要使用{ $agent }：低于{ $threshold } mL/min时不推荐使用。请改用下方建议的抗凝药，该药物选择已考虑肾功能。{ $measure ->
        [egfr] 仅有eGFR记录：说明书的限值基于肌酐清除率（Cockcroft–Gault公式），请计算以确认。
       *[other] {""}
    }
}
vte-doac-renal-evidence = 各指南文件均未给出肾功能限值，限值来自药品说明书{ $profile ->
    [jp] （日本说明书）：阿哌沙班和利伐沙班低于30 mL/min时不用，依度沙班低于15 mL/min时不用，达比加群未获批用于VTE。
   *[intl] ：阿哌沙班、利伐沙班和依度沙班低于15 mL/min时不用，达比加群低于30 mL/min时不用。
}《肌间静脉血栓到底需不需要抗凝？》一文（§5.2）仅指出选择DOAC时需结合肾功能；日本静脉支架指南（2025-09-18，§3）指出日本的药物适应证和剂量与国外不同。
vte-doac-renal-disagree = { $cause ->
    [jp-dabigatran] 如经慎重考虑继续使用达比加群（如遵专科医师意见），请在不采纳本提示时记录理由。
   *[renal] 如肾功能数值已过时或有误（如已恢复的急性肾损伤），请记录当前的肌酐清除率。如遵专科医师意见继续用药，请在不采纳本提示时记录理由。
}

## VTE-EDOXABAN-REDUCED-DOSE

vte-edoxaban-reduced-dose-summary = 已开具依度沙班 { $dose } mg：应减量至{ $reduced } mg 每日1次（{ $renal ->
    [yes] { $measure ->
        [crcl] 肌酐清除率
       *[egfr] eGFR
    } 15–50 mL/min{ $weight ->
        [yes] ，体重≤60 kg
       *[no] {""}
    }
   *[no] 体重≤60 kg
}）
vte-edoxaban-reduced-dose-recommendation = 请将依度沙班减量至{ $reduced } mg 每日1次：{ $renal ->
    [yes] { $measure ->
        [crcl] 肌酐清除率
       *[egfr] eGFR
    }为15–50 mL/min{ $weight ->
        [yes] 且体重≤60 kg
       *[no] {""}
    }
   *[no] 体重≤60 kg
}。{ $measure ->
    [egfr] 仅有eGFR记录：说明书的标准为肌酐清除率（Cockcroft–Gault公式），请计算以确认。
   *[other] {""}
}说明书还列有其他减量理由（如部分P-糖蛋白抑制剂）；本提示仅核查肾功能和体重。
vte-edoxaban-reduced-dose-evidence = 依度沙班说明书推荐60 mg 每日1次，肌酐清除率15–50 mL/min或体重≤60 kg时减量至30 mg 每日1次。日本静脉支架指南（2025-09-18，§3c）将依度沙班列为可选药物，但未给出剂量。
vte-edoxaban-reduced-dose-disagree = 如体重或肾功能数值已过时，请记录当前值。如经慎重考虑保留60 mg，请在不采纳本提示时记录理由。

## VTE-PREGNANCY-NO-ORAL

vte-pregnancy-no-oral-summary = 妊娠期：{ $agent }可能危害胎儿；请改用{ $heparin ->
    [lmwh] 低分子肝素
   *[ufh] 普通肝素
}
vte-pregnancy-no-oral-recommendation = 妊娠期不要使用华法林或DOAC。{ $heparin ->
    [lmwh] 请使用低分子肝素（依诺肝素，见下方建议）。
   *[ufh] 请使用普通肝素（见下方建议）：在本地区设置下低分子肝素不能用于治疗。静脉输注用于急性期；妊娠期间之后也不改用华法林或DOAC，因此妊娠剩余时间请计划调整剂量的肝素皮下注射。
}请与产科团队共同制定抗凝方案。
vte-pregnancy-no-oral-evidence = 华法林可通过胎盘，可致胚胎病和胎儿出血；DOAC可通过胎盘，且缺乏妊娠期安全性数据；二者的说明书均不建议妊娠期使用，而肝素不通过胎盘。此处的指南文件仅提到为胎儿安全需调整用药（日本门静脉血栓科普综述 §4.2）。
vte-pregnancy-no-oral-disagree = 如妊娠已结束或已排除，请更新记录。妊娠期使用华法林仅限于专科医师管理的特殊情况（如部分机械心脏瓣膜）：请在不采纳本提示时记录理由。

## VTE-JP-NO-LMWH

vte-jp-no-lmwh-summary = 治疗剂量的{ $agent }在日本未获批用于VTE：请使用普通肝素、磺达肝癸钠或口服抗凝药
vte-jp-no-lmwh-recommendation = 在日本，低分子肝素获批用于预防，而非用于静脉血栓栓塞症的治疗。请将治疗剂量的{ $agent }更换为普通肝素、磺达肝癸钠或口服抗凝药（替代方案见下方建议）。
vte-jp-no-lmwh-evidence = 日本静脉支架指南（2025-09-18，§3开头段落）指出日本的药物适应证和剂量与国外不同，例如不能使用低分子肝素。其在日本仅获批用于预防，这一点依据的是日本的药品说明书。
vte-jp-no-lmwh-disagree = 如该医嘱意在预防，请开具预防剂量。如经慎重考虑使用治疗剂量LMWH（超说明书用药），请在不采纳本提示时记录理由。

## VTE-ANTICOAG-ANTIPLATELET

vte-anticoag-antiplatelet-summary = 抗凝药联合抗血小板药（{ $anticoagulant }与{ $antiplatelet }）：出血风险增加；仅在有明确理由时继续
vte-anticoag-antiplatelet-recommendation = 请复核{ $anticoagulant }与{ $antiplatelet }的联合使用：二者合用会增加出血风险。{ $stent ->
    [yes] 已记录或正在开具静脉支架：患者原已服用的抗血小板药在围手术期不要停用（日本静脉支架指南 §3a）；再次介入或血栓高危患者如出血风险低，可考虑加用抗血小板药（§3c、§3e）。联合用药应作为有意的决定记录在案，并设定计划结束时间。
   *[no] 仅在有明确适应证（如近期动脉支架或急性冠脉综合征）时于限定期间内继续；否则请与开具该抗血小板药的医师商讨停药。
}
vte-anticoag-antiplatelet-evidence = 日本静脉支架指南（2025-09-18）主张支架植入前不停用患者正在服用的抗凝药和抗血小板药，但指出出血风险会增加（§3a）；加用抗血小板药时，出血风险增加，且氯吡格雷起效需要时间（§3c）。《肌间静脉血栓到底需不需要抗凝？》一文（§5.2）指出，使用DOAC需结合同步使用的抗血小板方案（如近期支架/取栓后）做个体化权衡。
vte-anticoag-antiplatelet-disagree = 如联合用药是有意为之（如遵心内科或血管外科意见），可继续使用，并记录其适应证和计划结束时间，选择相应的不采纳理由。

## Reasons of this module

reason-general-renal-unknown = 无近90天的肌酐清除率或eGFR记录
reason-general-no-inr-target = 用法用量中未注明INR目标
reason-general-edoxaban-dose = 正在开具依度沙班每次{ $dose } mg
reason-general-reintervention-bleeding-not-low = 静脉支架再次介入，但出血风险未评估为低
