//! Portal vein thrombosis (clinical-rules.md §4.3; seed 004).
//!
//! Sources implemented here: see each rule's header (original sentence, English, When/Then).

use super::{not_yet_implemented, Citation, RuleDef};
use crate::settings::Region;

/// PVT-ANTICOAGULATE.
pub static PVT_ANTICOAGULATE: RuleDef = RuleDef {
    id: "PVT-ANTICOAGULATE",
    title: "Portal vein thrombosis: anticoagulation indicated",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §3.1, §3.4",
        seed: "004_d770563ef041bb5f.txt §3.1, §3.4",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-DOAC-CHILD-PUGH-C.
pub static PVT_DOAC_CHILD_PUGH_C: RuleDef = RuleDef {
    id: "PVT-DOAC-CHILD-PUGH-C",
    title: "DOAC ordered in Child-Pugh C cirrhosis",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §3.4",
        seed: "004_d770563ef041bb5f.txt §3.4",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-RIVAROXABAN-CHILD-PUGH-B.
pub static PVT_RIVAROXABAN_CHILD_PUGH_B: RuleDef = RuleDef {
    id: "PVT-RIVAROXABAN-CHILD-PUGH-B",
    title: "Rivaroxaban ordered in Child-Pugh B cirrhosis",
    citation: Citation {
        label: "Drug label: rivaroxaban",
        seed: "004_d770563ef041bb5f.txt §3.4 (caution in B)",
        url: None,
        beyond_seeds: Some("the rivaroxaban label"),
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-DOAC-CHILD-PUGH-B.
pub static PVT_DOAC_CHILD_PUGH_B: RuleDef = RuleDef {
    id: "PVT-DOAC-CHILD-PUGH-B",
    title: "Apixaban, edoxaban or dabigatran in Child-Pugh B",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §3.4",
        seed: "004_d770563ef041bb5f.txt §3.4",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-VARICES-FIRST.
pub static PVT_VARICES_FIRST: RuleDef = RuleDef {
    id: "PVT-VARICES-FIRST",
    title: "PVT: screen or treat varices",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §2.1, §3.2, §3.4",
        seed: "004_d770563ef041bb5f.txt §2.1, §3.2, §3.4",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-DURATION-LIFELONG.
pub static PVT_DURATION_LIFELONG: RuleDef = RuleDef {
    id: "PVT-DURATION-LIFELONG",
    title: "PVT with a permanent risk factor: lifelong therapy",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §3.4, FAQ",
        seed: "004_d770563ef041bb5f.txt §3.4, FAQ",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-NONCIRRHOTIC-WORKUP.
pub static PVT_NONCIRRHOTIC_WORKUP: RuleDef = RuleDef {
    id: "PVT-NONCIRRHOTIC-WORKUP",
    title: "Non-cirrhotic PVT without thrombophilia work-up",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §1.2.4, §2.1",
        seed: "004_d770563ef041bb5f.txt §1.2.4, §2.1",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-HCC-TUMOUR-THROMBUS.
pub static PVT_HCC_TUMOUR_THROMBUS: RuleDef = RuleDef {
    id: "PVT-HCC-TUMOUR-THROMBUS",
    title: "PVT with HCC: bland or tumour thrombus?",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §4.2",
        seed: "004_d770563ef041bb5f.txt §4.2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-REASSESS.
pub static PVT_REASSESS: RuleDef = RuleDef {
    id: "PVT-REASSESS",
    title: "PVT: reassess after 3–6 months of anticoagulation",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §3.4",
        seed: "004_d770563ef041bb5f.txt §3.4",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-ESTROGEN.
pub static PVT_ESTROGEN: RuleDef = RuleDef {
    id: "PVT-ESTROGEN",
    title: "Estrogen contraceptive ordered after VTE or PVT",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §4.2",
        seed: "004_d770563ef041bb5f.txt §4.2",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PVT-JP-INTRACTABLE-DISEASE.
pub static PVT_JP_INTRACTABLE_DISEASE: RuleDef = RuleDef {
    id: "PVT-JP-INTRACTABLE-DISEASE",
    title: "PVT: possible designated intractable disease 346",
    citation: Citation {
        label: "Japanese review on portal vein thrombosis §2.2, §4.3",
        seed: "004_d770563ef041bb5f.txt §2.2, §4.3",
        url: None,
        beyond_seeds: None,
    },
    region: Some(Region::Jp),
    evaluate: not_yet_implemented,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &PVT_ANTICOAGULATE,
    &PVT_DOAC_CHILD_PUGH_C,
    &PVT_RIVAROXABAN_CHILD_PUGH_B,
    &PVT_DOAC_CHILD_PUGH_B,
    &PVT_VARICES_FIRST,
    &PVT_DURATION_LIFELONG,
    &PVT_NONCIRRHOTIC_WORKUP,
    &PVT_HCC_TUMOUR_THROMBUS,
    &PVT_REASSESS,
    &PVT_ESTROGEN,
    &PVT_JP_INTRACTABLE_DISEASE,
];
