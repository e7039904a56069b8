//! Chronic iliocaval occlusion: balloon and drug-coated balloon recanalisation, IVC filter
//! retrieval, post-procedure anticoagulation, PTS severity (clinical-rules.md §4.4; seed 001,
//! Tian et al., Chin J Gen Surg 2025).
//!
//! Sources implemented here: see each rule's header (original sentence, English, When/Then).

use super::{not_yet_implemented, Citation, RuleDef};
use crate::settings::Region;

/// ICVO-BALLOON-DCB-OPTION.
pub static ICVO_BALLOON_DCB_OPTION: RuleDef = RuleDef {
    id: "ICVO-BALLOON-DCB-OPTION",
    title: "Chronic iliocaval occlusion: balloon/DCB option",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 abstract, §1.1, §1.2, §3.1, §3.4",
        seed: "001_8a736ee8d8b2ec63.txt abstract, §1.1, §1.2, §3.1, §3.4",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// ICVO-FILTER-RETRIEVAL.
pub static ICVO_FILTER_RETRIEVAL: RuleDef = RuleDef {
    id: "ICVO-FILTER-RETRIEVAL",
    title: "Chronic IVC thrombosis with a filter: retrieval",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 §1.2.2, §2.1",
        seed: "001_8a736ee8d8b2ec63.txt §1.2.2, §2.1",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// ICVO-POST-PROCEDURE.
pub static ICVO_POST_PROCEDURE: RuleDef = RuleDef {
    id: "ICVO-POST-PROCEDURE",
    title: "Anticoagulation after iliocaval balloon/DCB",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 §1.3",
        seed: "001_8a736ee8d8b2ec63.txt §1.3",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// PTS-SEVERITY.
pub static PTS_SEVERITY: RuleDef = RuleDef {
    id: "PTS-SEVERITY",
    title: "Post-thrombotic syndrome severity (Villalta)",
    citation: Citation {
        label: "Tian et al., Chin J Gen Surg 2025 §1.5.3",
        seed: "001_8a736ee8d8b2ec63.txt §1.5.3",
        url: Some("https://doi.org/10.7659/j.issn.1005-6947.250621"),
        beyond_seeds: None,
    },
    region: None,
    evaluate: not_yet_implemented,
};

/// The rules of this module.
pub static RULES: &[&RuleDef] = &[
    &ICVO_BALLOON_DCB_OPTION,
    &ICVO_FILTER_RETRIEVAL,
    &ICVO_POST_PROCEDURE,
    &PTS_SEVERITY,
];
