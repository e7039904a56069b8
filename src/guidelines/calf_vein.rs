//! Calf muscular vein thrombosis and isolated distal DVT, and anticoagulation around
//! intracerebral haemorrhage (clinical-rules.md §4.2; seeds 002 and 003).
//!
//! Sources implemented here: see each rule's header (original sentence, English, When/Then).

use super::{not_yet_implemented, Citation, RuleDef};
use crate::settings::Region;

/// CMVT-NOT-ISOLATED.
pub static CMVT_NOT_ISOLATED: RuleDef = RuleDef {
    id: "CMVT-NOT-ISOLATED",
    title: "Calf muscular DVT with proximal DVT or PE",
    citation: Citation {
        label: "Yang & Xiong, Acta Acad Med Sin 2021, summary and outlook",
        seed: "003_f20073cb548b4c28.txt 总结与展望",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-SURVEILLANCE.
pub static CMVT_SURVEILLANCE: RuleDef = RuleDef {
    id: "CMVT-SURVEILLANCE",
    title: "Isolated calf muscular DVT: ultrasound surveillance",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2, §6",
        seed: "002_126ee537a40a731f.txt §2, §6; 003_f20073cb548b4c28.txt",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-RISK-UNASSESSED.
pub static CMVT_RISK_UNASSESSED: RuleDef = RuleDef {
    id: "CMVT-RISK-UNASSESSED",
    title: "Isolated calf muscular DVT: extension risk unassessed",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §4, §6",
        seed: "002_126ee537a40a731f.txt §4, §6; 003_f20073cb548b4c28.txt",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-ANTICOAGULATE.
pub static CMVT_ANTICOAGULATE: RuleDef = RuleDef {
    id: "CMVT-ANTICOAGULATE",
    title: "Isolated calf muscular DVT: anticoagulate 3 months",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2, §4, §6",
        seed: "002_126ee537a40a731f.txt §2, §4, §6; 003_f20073cb548b4c28.txt",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-EXTENSION.
pub static CMVT_EXTENSION: RuleDef = RuleDef {
    id: "CMVT-EXTENSION",
    title: "Isolated distal DVT extended on follow-up",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2, §6",
        seed: "002_126ee537a40a731f.txt §2, §6; 003_f20073cb548b4c28.txt",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-DURATION-SHORT.
pub static CMVT_DURATION_SHORT: RuleDef = RuleDef {
    id: "CMVT-DURATION-SHORT",
    title: "Isolated distal DVT: course of 6 weeks or less",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §2, §7",
        seed: "002_126ee537a40a731f.txt §2, §7; 003_f20073cb548b4c28.txt",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-HIGH-BLEEDING.
pub static CMVT_HIGH_BLEEDING: RuleDef = RuleDef {
    id: "CMVT-HIGH-BLEEDING",
    title: "Calf muscular DVT with high bleeding risk",
    citation: Citation {
        label: "Yang & Xiong, Acta Acad Med Sin 2021, summary and outlook",
        seed: "003_f20073cb548b4c28.txt 总结与展望; 002_126ee537a40a731f.txt §3, §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-ICH-DEFER.
pub static CMVT_ICH_DEFER: RuleDef = RuleDef {
    id: "CMVT-ICH-DEFER",
    title: "Full-dose anticoagulation for distal DVT after ICH",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §5.1",
        seed: "002_126ee537a40a731f.txt §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-ICH-EARLY-THERAPEUTIC.
pub static VTE_ICH_EARLY_THERAPEUTIC: RuleDef = RuleDef {
    id: "VTE-ICH-EARLY-THERAPEUTIC",
    title: "Therapeutic anticoagulation within 7 days of ICH",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §5.1",
        seed: "002_126ee537a40a731f.txt §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// VTE-ICH-PROXIMAL-BRIDGE.
pub static VTE_ICH_PROXIMAL_BRIDGE: RuleDef = RuleDef {
    id: "VTE-ICH-PROXIMAL-BRIDGE",
    title: "Proximal DVT or PE after recent ICH: bridging",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §5.1",
        seed: "002_126ee537a40a731f.txt §5.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-NO-IVC-FILTER.
pub static CMVT_NO_IVC_FILTER: RuleDef = RuleDef {
    id: "CMVT-NO-IVC-FILTER",
    title: "IVC filter ordered for isolated calf muscular DVT",
    citation: Citation {
        label: "Yang & Xiong, Acta Acad Med Sin 2021, summary and outlook",
        seed: "003_f20073cb548b4c28.txt 总结与展望",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// CMVT-EXTENDED-PHASE.
pub static CMVT_EXTENDED_PHASE: RuleDef = RuleDef {
    id: "CMVT-EXTENDED-PHASE",
    title: "Isolated distal DVT: reassess after 3 months",
    citation: Citation {
        label: "Chinese review on calf muscular vein thrombosis §6",
        seed: "002_126ee537a40a731f.txt §6",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &CMVT_NOT_ISOLATED,
    &CMVT_SURVEILLANCE,
    &CMVT_RISK_UNASSESSED,
    &CMVT_ANTICOAGULATE,
    &CMVT_EXTENSION,
    &CMVT_DURATION_SHORT,
    &CMVT_HIGH_BLEEDING,
    &CMVT_ICH_DEFER,
    &VTE_ICH_EARLY_THERAPEUTIC,
    &VTE_ICH_PROXIMAL_BRIDGE,
    &CMVT_NO_IVC_FILTER,
    &CMVT_EXTENDED_PHASE,
];
