//! Venous stenting (clinical-rules.md §4.4; seed 000, the Japanese venous stent guideline of
//! 2025-09-18).
//!
//! Sources implemented here: see each rule's header (original sentence, English, When/Then).

use super::{not_yet_implemented, Citation, RuleDef};
use crate::settings::Region;

/// STENT-INFLOW-CONTRAINDICATED.
pub static STENT_INFLOW_CONTRAINDICATED: RuleDef = RuleDef {
    id: "STENT-INFLOW-CONTRAINDICATED",
    title: "Venous stent with inflow Type V",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1a, §2a",
        seed: "000_0a3220f03e4fd094.txt §1a, §2a",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-INFLOW-OPTIMISE.
pub static STENT_INFLOW_OPTIMISE: RuleDef = RuleDef {
    id: "STENT-INFLOW-OPTIMISE",
    title: "Venous stent with inflow Type IVa or IVb",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1a, §2a, §2c",
        seed: "000_0a3220f03e4fd094.txt §1a, §2a, §2c",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-INFLOW-UNASSESSED.
pub static STENT_INFLOW_UNASSESSED: RuleDef = RuleDef {
    id: "STENT-INFLOW-UNASSESSED",
    title: "Venous stent with inflow not assessed",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1a",
        seed: "000_0a3220f03e4fd094.txt §1a",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-DFV-OSTIUM.
pub static STENT_DFV_OSTIUM: RuleDef = RuleDef {
    id: "STENT-DFV-OSTIUM",
    title: "Venous stent with deep femoral vein ostium occluded",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §2a",
        seed: "000_0a3220f03e4fd094.txt §2a",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-RESIDUAL-LESION.
pub static STENT_RESIDUAL_LESION: RuleDef = RuleDef {
    id: "STENT-RESIDUAL-LESION",
    title: "Lesion left between stent and DFV ostium",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §2b",
        seed: "000_0a3220f03e4fd094.txt §2b",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-INFLOW-OUTFLOW-UNCLEARED.
pub static STENT_INFLOW_OUTFLOW_UNCLEARED: RuleDef = RuleDef {
    id: "STENT-INFLOW-OUTFLOW-UNCLEARED",
    title: "Venous stent with inflow/outflow not cleared",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1d",
        seed: "000_0a3220f03e4fd094.txt §1d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-SYMPTOM-ATTRIBUTION.
pub static STENT_SYMPTOM_ATTRIBUTION: RuleDef = RuleDef {
    id: "STENT-SYMPTOM-ATTRIBUTION",
    title: "Venous stent when the symptom cause is uncertain",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1b",
        seed: "000_0a3220f03e4fd094.txt §1b",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-ADHERENCE.
pub static STENT_ADHERENCE: RuleDef = RuleDef {
    id: "STENT-ADHERENCE",
    title: "Venous stent with an adherence concern",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1c",
        seed: "000_0a3220f03e4fd094.txt §1c",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-CASE-CONSULT.
pub static STENT_CASE_CONSULT: RuleDef = RuleDef {
    id: "STENT-CASE-CONSULT",
    title: "Difficult venous stent case: consult first",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §1e",
        seed: "000_0a3220f03e4fd094.txt §1e",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-PERIOP-PLAN.
pub static STENT_PERIOP_PLAN: RuleDef = RuleDef {
    id: "STENT-PERIOP-PLAN",
    title: "Venous stent perioperative antithrombotic plan",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3a–3d",
        seed: "000_0a3220f03e4fd094.txt §3a–3d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-REINTERVENTION-ANTIPLATELET.
pub static STENT_REINTERVENTION_ANTIPLATELET: RuleDef = RuleDef {
    id: "STENT-REINTERVENTION-ANTIPLATELET",
    title: "Stent reintervention or thrombophilia: antiplatelet",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3c, §3e",
        seed: "000_0a3220f03e4fd094.txt §3c, §3e",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-DURATION-6M.
pub static STENT_DURATION_6M: RuleDef = RuleDef {
    id: "STENT-DURATION-6M",
    title: "Antithrombotic therapy under 6 months after a stent",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3d",
        seed: "000_0a3220f03e4fd094.txt §3d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// STENT-EXTENDED-THERAPY.
pub static STENT_EXTENDED_THERAPY: RuleDef = RuleDef {
    id: "STENT-EXTENDED-THERAPY",
    title: "Stent: antithrombotics beyond 6 months?",
    citation: Citation {
        label: "Japanese venous stent guideline 2025-09-18 §3d",
        seed: "000_0a3220f03e4fd094.txt §3d",
        url: None,
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &STENT_INFLOW_CONTRAINDICATED,
    &STENT_INFLOW_OPTIMISE,
    &STENT_INFLOW_UNASSESSED,
    &STENT_DFV_OSTIUM,
    &STENT_RESIDUAL_LESION,
    &STENT_INFLOW_OUTFLOW_UNCLEARED,
    &STENT_SYMPTOM_ATTRIBUTION,
    &STENT_ADHERENCE,
    &STENT_CASE_CONSULT,
    &STENT_PERIOP_PLAN,
    &STENT_REINTERVENTION_ANTIPLATELET,
    &STENT_DURATION_6M,
    &STENT_EXTENDED_THERAPY,
];
