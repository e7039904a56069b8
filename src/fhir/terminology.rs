//! Terminology as data: the built-in FHIR ValueSets and CodeSystems (`src/knowledge/`), local
//! additions from `VENOUS_CDS_KNOWLEDGE_DIR`, and precompiled membership lookups.
//!
//! Lookups are hashes of (system, code), never scans. ICD-10 (CM and WHO) and ATC `is-a`
//! filters are hierarchies by code prefix: the index holds every filter value, and a code is
//! looked up by each of its prefixes (at most its length). ICD-10 codes are compared without
//! dots and case-insensitively; every other system exactly. Systems are never conflated: WHO
//! I85.0 (varices *with* bleeding) and ICD-10-CM I85.00 (*without*) live in different tables.

use std::collections::HashMap;
use std::path::Path;

use include_dir::{include_dir, Dir};
use serde::Deserialize;

use super::resources::{Coding, Concept};

static BUILT_IN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/knowledge");

/// SNOMED CT.
pub const SNOMED: &str = "http://snomed.info/sct";
/// ICD-10-CM.
pub const ICD10_CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
/// WHO ICD-10 (Japan, China).
pub const ICD10_WHO: &str = "http://hl7.org/fhir/sid/icd-10";
/// LOINC.
pub const LOINC: &str = "http://loinc.org";
/// RxNorm.
pub const RXNORM: &str = "http://www.nlm.nih.gov/research/umls/rxnorm";
/// WHO ATC.
pub const ATC: &str = "http://www.whocc.no/atc";
/// CPT.
pub const CPT: &str = "http://www.ama-assn.org/go/cpt";
/// UCUM.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// The project's finding codes (clinical-rules.md §3.4).
pub const FINDING: &str = "https://fhir.venous-cds.org/CodeSystem/finding";
/// The project's rule ids.
pub const RULE: &str = "https://fhir.venous-cds.org/CodeSystem/rule";
/// The project's procedure codes.
pub const PROCEDURE: &str = "https://fhir.venous-cds.org/CodeSystem/procedure";
/// The project's override reasons.
pub const OVERRIDE_REASON: &str = "https://fhir.venous-cds.org/CodeSystem/override-reason";
/// Canonical base of the project's ValueSets.
pub const VALUESET_BASE: &str = "https://fhir.venous-cds.org/ValueSet/";
/// Extension on a ValueSet concept: the strength of one dose unit of a drug code.
pub const STRENGTH_EXTENSION: &str = "https://fhir.venous-cds.org/StructureDefinition/strength";
/// Extension on a local ValueSet: `extend` (default) or `replace` the built-in one.
pub const KNOWLEDGE_MODE_EXTENSION: &str =
    "https://fhir.venous-cds.org/StructureDefinition/knowledge-mode";

/// Other URIs senders use for the same code systems (HL7 OIDs).
const SYSTEM_ALIASES: &[(&str, &str)] = &[
    ("urn:oid:2.16.840.1.113883.6.96", SNOMED),
    ("urn:oid:2.16.840.1.113883.6.90", ICD10_CM),
    ("urn:oid:2.16.840.1.113883.6.3", ICD10_WHO),
    ("urn:oid:2.16.840.1.113883.6.1", LOINC),
    ("urn:oid:2.16.840.1.113883.6.88", RXNORM),
    ("urn:oid:2.16.840.1.113883.6.73", ATC),
    ("urn:oid:2.16.840.1.113883.6.12", CPT),
];

macro_rules! value_sets {
    ($($variant:ident => $id:literal,)*) => {
        /// Every value set the facts use. The id is the ValueSet's `id` and the last segment
        /// of its canonical url.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum ValueSetId { $(#[doc = $id] $variant,)* }

        impl ValueSetId {
            /// All value sets, in declaration order.
            pub const ALL: &'static [ValueSetId] = &[$(ValueSetId::$variant,)*];

            /// The ValueSet id.
            pub fn id(self) -> &'static str {
                match self { $(ValueSetId::$variant => $id,)* }
            }

            /// Looks a value set up by its id.
            pub fn from_id(id: &str) -> Option<ValueSetId> {
                match id { $($id => Some(ValueSetId::$variant),)* _ => None }
            }
        }
    };
}

value_sets! {
    DvtCalfMuscular => "dvt-calf-muscular",
    DvtTibial => "dvt-tibial",
    DvtPeroneal => "dvt-peroneal",
    DvtDistalUnspecified => "dvt-distal-unspecified",
    DvtPopliteal => "dvt-popliteal",
    DvtFemoral => "dvt-femoral",
    DvtProximalUnspecified => "dvt-proximal-unspecified",
    DvtLowerLimbUnspecified => "dvt-lower-limb-unspecified",
    IliacVeinThrombosis => "iliac-vein-thrombosis",
    IvcThrombosis => "ivc-thrombosis",
    PortalVeinThrombosis => "portal-vein-thrombosis",
    MesentericVeinThrombosis => "mesenteric-vein-thrombosis",
    PulmonaryEmbolism => "pulmonary-embolism",
    VenousThrombosisUnspecifiedSite => "venous-thrombosis-unspecified-site",
    ThrombosisAcuteCode => "thrombosis-acute-code",
    ThrombosisChronicCode => "thrombosis-chronic-code",
    VteHistory => "vte-history",
    PostThromboticSyndrome => "post-thrombotic-syndrome",
    BilateralLegOedema => "bilateral-leg-oedema",
    SuperficialVeinThrombosis => "superficial-vein-thrombosis",
    IntracerebralHaemorrhage => "intracerebral-haemorrhage",
    MajorBleeding => "major-bleeding",
    Cirrhosis => "cirrhosis",
    OesophagogastricVarices => "oesophagogastric-varices",
    HepatocellularCarcinoma => "hepatocellular-carcinoma",
    TransplantCandidate => "transplant-candidate",
    AcutePancreatitis => "acute-pancreatitis",
    AbdominalSurgery => "abdominal-surgery",
    ActiveCancer => "active-cancer",
    GiGuCancer => "gi-gu-cancer",
    MyeloproliferativeNeoplasm => "myeloproliferative-neoplasm",
    AntiphospholipidSyndrome => "antiphospholipid-syndrome",
    InheritedThrombophilia => "inherited-thrombophilia",
    ThrombophiliaWorkupLab => "thrombophilia-workup-lab",
    Pregnancy => "pregnancy",
    Immobility => "immobility",
    DDimerFeu => "d-dimer-feu",
    DDimerDdu => "d-dimer-ddu",
    DDimerUnspecifiedBasis => "d-dimer-unspecified-basis",
    PlateletCount => "platelet-count",
    CreatinineClearance => "creatinine-clearance",
    Egfr => "egfr",
    BodyWeight => "body-weight",
    PregnancyStatus => "pregnancy-status",
    Apixaban => "apixaban",
    Rivaroxaban => "rivaroxaban",
    Edoxaban => "edoxaban",
    Dabigatran => "dabigatran",
    Warfarin => "warfarin",
    HeparinUnfractionated => "heparin-unfractionated",
    Enoxaparin => "enoxaparin",
    Dalteparin => "dalteparin",
    Fondaparinux => "fondaparinux",
    Argatroban => "argatroban",
    Aspirin => "aspirin",
    Clopidogrel => "clopidogrel",
    EstrogenContraceptive => "estrogen-contraceptive",
    VenousStentPlacement => "venous-stent-placement",
    VenousBalloonAngioplasty => "venous-balloon-angioplasty",
    DrugCoatedBalloonAngioplasty => "drug-coated-balloon-angioplasty",
    IvcFilterInsertion => "ivc-filter-insertion",
    IvcFilterRemoval => "ivc-filter-removal",
    VaricealBandLigation => "variceal-band-ligation",
    UpperEndoscopy => "upper-endoscopy",
    DuplexUltrasound => "duplex-ultrasound",
    AtrialFibrillation => "atrial-fibrillation",
    MechanicalHeartValve => "mechanical-heart-valve",
    PostThromboticSyndromeUlcer => "post-thrombotic-syndrome-ulcer",
    BodySiteCalfMuscularVein => "body-site-calf-muscular-vein",
    BodySiteTibialVein => "body-site-tibial-vein",
    BodySitePeronealVein => "body-site-peroneal-vein",
    BodySitePoplitealVein => "body-site-popliteal-vein",
    BodySiteFemoralVein => "body-site-femoral-vein",
    BodySiteIliacVein => "body-site-iliac-vein",
    BodySiteIvc => "body-site-ivc",
    BodySitePortalVein => "body-site-portal-vein",
    BodySiteMesentericVein => "body-site-mesenteric-vein",
    IntravenousRoute => "intravenous-route",
}

/// A set of value sets (a bitset over [`ValueSetId`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct ValueSets(u128);

impl ValueSets {
    /// The empty set.
    pub const EMPTY: ValueSets = ValueSets(0);

    /// Whether `id` is in the set.
    pub fn contains(self, id: ValueSetId) -> bool {
        self.0 & (1u128 << id as u8) != 0
    }

    /// Adds `id`.
    pub fn insert(&mut self, id: ValueSetId) {
        self.0 |= 1u128 << id as u8;
    }

    /// Union.
    pub fn union(self, other: ValueSets) -> ValueSets {
        ValueSets(self.0 | other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The strength of one dose unit of a drug code (from the strength extension).
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    /// Amount.
    pub value: f64,
    /// UCUM unit code (`mg`, `[iU]`, `[iU]/mL`, `mg/mL`).
    pub unit: String,
}

#[derive(Default)]
struct SystemIndex {
    exact: HashMap<String, ValueSets>,
    prefixes: HashMap<String, ValueSets>,
    longest_prefix: usize,
    strengths: HashMap<String, Strength>,
}

/// Precompiled membership of every value set.
pub struct Terminology {
    systems: HashMap<String, SystemIndex>,
    /// Number of concepts and filters indexed, per value set (for `validate` and tests).
    sizes: HashMap<ValueSetId, usize>,
    findings: HashMap<String, ()>,
}

/// The knowledge files are not valid; the message names the file and the problem.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct KnowledgeError {
    /// The file.
    pub file: String,
    /// What is wrong.
    pub problem: String,
}

fn knowledge_error(file: &str, problem: impl Into<String>) -> KnowledgeError {
    KnowledgeError {
        file: file.to_owned(),
        problem: problem.into(),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ValueSetFile {
    resource_type: String,
    id: Option<String>,
    url: String,
    status: String,
    compose: Option<Compose>,
    #[serde(default)]
    extension: Vec<Extension>,
}

#[derive(Deserialize)]
struct Compose {
    include: Vec<Include>,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Include {
    system: Option<String>,
    #[serde(default)]
    concept: Vec<IncludedConcept>,
    #[serde(default)]
    filter: Vec<Filter>,
    #[serde(default)]
    value_set: Vec<String>,
}

#[derive(Deserialize, Clone)]
struct IncludedConcept {
    code: String,
    #[serde(default)]
    extension: Vec<Extension>,
}

#[derive(Deserialize, Clone)]
struct Filter {
    property: String,
    op: String,
    value: String,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Extension {
    url: String,
    value_code: Option<String>,
    value_quantity: Option<ExtensionQuantity>,
}

#[derive(Deserialize, Clone)]
struct ExtensionQuantity {
    value: serde_json::Number,
    code: Option<String>,
    unit: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CodeSystemFile {
    resource_type: String,
    url: String,
    #[serde(default)]
    concept: Vec<CodeSystemConcept>,
}

#[derive(Deserialize)]
struct CodeSystemConcept {
    code: String,
    #[serde(default)]
    concept: Vec<CodeSystemConcept>,
}

/// Whether a system's codes form a prefix hierarchy (`is-a` by prefix).
fn hierarchical(system: &str) -> bool {
    matches!(system, ICD10_CM | ICD10_WHO | ATC)
}

/// The canonical form of a code in `system`.
fn normalise<'c>(system: &str, code: &'c str) -> std::borrow::Cow<'c, str> {
    if matches!(system, ICD10_CM | ICD10_WHO)
        && code
            .bytes()
            .any(|b| b == b'.' || b.is_ascii_lowercase() || b == b' ')
    {
        return std::borrow::Cow::Owned(
            code.chars()
                .filter(|c| *c != '.' && *c != ' ')
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
    }
    std::borrow::Cow::Borrowed(code)
}

/// The system URI a coding's system stands for: HL7 OIDs (`urn:oid:2.16.840.1.113883.6.90`)
/// are read as the code systems they name; any other URI is returned as is.
pub fn canonical_system(system: &str) -> &str {
    SYSTEM_ALIASES
        .iter()
        .find(|(alias, _)| *alias == system)
        .map_or(system, |(_, canonical)| canonical)
}

struct LoadedValueSet {
    id: ValueSetId,
    file: String,
    includes: Vec<Include>,
}

impl Terminology {
    /// The built-in knowledge only.
    pub fn built_in() -> Result<Terminology, KnowledgeError> {
        Terminology::load(None)
    }

    /// The built-in knowledge plus the ValueSets of `local_dir`.
    pub fn load(local_dir: Option<&Path>) -> Result<Terminology, KnowledgeError> {
        let mut sets: HashMap<ValueSetId, LoadedValueSet> = HashMap::new();
        let valuesets = BUILT_IN
            .get_dir("valuesets")
            .ok_or_else(|| knowledge_error("src/knowledge", "no valuesets folder"))?;
        for file in valuesets.files() {
            let name = format!("src/knowledge/{}", file.path().display());
            if file.path().extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = file
                .contents_utf8()
                .ok_or_else(|| knowledge_error(&name, "not UTF-8"))?;
            let (id, parsed) = parse_value_set(&name, text)?;
            let stem = file
                .path()
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("");
            if parsed.id.as_deref() != Some(stem) {
                return Err(knowledge_error(
                    &name,
                    "ValueSet.id must equal the file name",
                ));
            }
            if sets
                .insert(
                    id,
                    LoadedValueSet {
                        id,
                        file: name.clone(),
                        includes: parsed.compose.map(|c| c.include).unwrap_or_default(),
                    },
                )
                .is_some()
            {
                return Err(knowledge_error(&name, "duplicate ValueSet url"));
            }
        }
        for id in ValueSetId::ALL {
            if !sets.contains_key(id) {
                return Err(knowledge_error(
                    "src/knowledge/valuesets",
                    format!("missing built-in ValueSet `{}`", id.id()),
                ));
            }
        }
        if let Some(dir) = local_dir {
            apply_local(dir, &mut sets)?;
        }

        let mut terminology = Terminology::empty();
        for set in sets.values() {
            terminology.index(set)?;
        }
        terminology.load_code_systems()?;
        Ok(terminology)
    }

    fn empty() -> Terminology {
        Terminology {
            systems: HashMap::new(),
            sizes: HashMap::new(),
            findings: HashMap::new(),
        }
    }

    fn index(&mut self, set: &LoadedValueSet) -> Result<(), KnowledgeError> {
        let mut size = 0;
        for include in &set.includes {
            if !include.value_set.is_empty() {
                return Err(knowledge_error(
                    &set.file,
                    "compose.include.valueSet is not supported",
                ));
            }
            let system = include
                .system
                .as_deref()
                .ok_or_else(|| knowledge_error(&set.file, "compose.include without system"))?;
            if include.concept.is_empty() && include.filter.is_empty() {
                return Err(knowledge_error(
                    &set.file,
                    format!("include of {system} lists no concept and no filter (whole code systems are not supported)"),
                ));
            }
            let index = self.systems.entry(system.to_owned()).or_default();
            for concept in &include.concept {
                if concept.code.trim().is_empty() {
                    return Err(knowledge_error(&set.file, "empty concept code"));
                }
                let code = normalise(system, concept.code.trim()).into_owned();
                for extension in &concept.extension {
                    if extension.url == STRENGTH_EXTENSION {
                        let quantity = extension.value_quantity.as_ref().ok_or_else(|| {
                            knowledge_error(
                                &set.file,
                                format!("strength of {} has no valueQuantity", concept.code),
                            )
                        })?;
                        let value = quantity
                            .value
                            .as_f64()
                            .filter(|v| v.is_finite() && *v > 0.0)
                            .ok_or_else(|| {
                                knowledge_error(
                                    &set.file,
                                    format!(
                                        "strength of {} is not a positive number",
                                        concept.code
                                    ),
                                )
                            })?;
                        let unit = quantity
                            .code
                            .clone()
                            .or_else(|| quantity.unit.clone())
                            .ok_or_else(|| {
                                knowledge_error(
                                    &set.file,
                                    format!("strength of {} has no unit", concept.code),
                                )
                            })?;
                        index
                            .strengths
                            .insert(code.clone(), Strength { value, unit });
                    }
                }
                index.exact.entry(code).or_default().insert(set.id);
                size += 1;
            }
            for filter in &include.filter {
                if filter.property != "concept" || filter.op != "is-a" {
                    return Err(knowledge_error(
                        &set.file,
                        format!(
                            "filter {} {} is not supported (only concept is-a)",
                            filter.property, filter.op
                        ),
                    ));
                }
                if !hierarchical(system) {
                    return Err(knowledge_error(
                        &set.file,
                        format!("is-a filters are supported for ICD-10 and ATC only, not {system}"),
                    ));
                }
                let value = normalise(system, filter.value.trim()).into_owned();
                if value.is_empty() {
                    return Err(knowledge_error(&set.file, "empty is-a filter value"));
                }
                index.longest_prefix = index.longest_prefix.max(value.len());
                index.prefixes.entry(value).or_default().insert(set.id);
                size += 1;
            }
        }
        if size == 0 {
            return Err(knowledge_error(&set.file, "the ValueSet includes no code"));
        }
        self.sizes.insert(set.id, size);
        Ok(())
    }

    fn load_code_systems(&mut self) -> Result<(), KnowledgeError> {
        let dir = BUILT_IN
            .get_dir("codesystems")
            .ok_or_else(|| knowledge_error("src/knowledge", "no codesystems folder"))?;
        for file in dir.files() {
            let name = format!("src/knowledge/{}", file.path().display());
            let text = file
                .contents_utf8()
                .ok_or_else(|| knowledge_error(&name, "not UTF-8"))?;
            let parsed: CodeSystemFile = serde_json::from_str(text)
                .map_err(|e| knowledge_error(&name, format!("not a CodeSystem: {e}")))?;
            if parsed.resource_type != "CodeSystem" {
                return Err(knowledge_error(&name, "resourceType must be CodeSystem"));
            }
            if parsed.url == FINDING {
                fn walk(concepts: &[CodeSystemConcept], out: &mut HashMap<String, ()>) {
                    for concept in concepts {
                        out.insert(concept.code.clone(), ());
                        walk(&concept.concept, out);
                    }
                }
                walk(&parsed.concept, &mut self.findings);
            }
        }
        if self.findings.is_empty() {
            return Err(knowledge_error(
                "src/knowledge/codesystems",
                "no finding CodeSystem",
            ));
        }
        Ok(())
    }

    /// The value sets one coding belongs to.
    pub fn classify(&self, coding: &Coding<'_>) -> ValueSets {
        let system = canonical_system(coding.system);
        let Some(index) = self.systems.get(system) else {
            return ValueSets::EMPTY;
        };
        let code = normalise(system, coding.code);
        let mut found = index.exact.get(code.as_ref()).copied().unwrap_or_default();
        if !index.prefixes.is_empty() {
            let bytes = code.as_bytes();
            for length in 1..=bytes.len().min(index.longest_prefix) {
                if !code.is_char_boundary(length) {
                    continue;
                }
                if let Some(sets) = index.prefixes.get(&code[..length]) {
                    found = found.union(*sets);
                }
            }
        }
        found
    }

    /// The value sets any coding of a concept belongs to.
    pub fn classify_concept(&self, concept: &Concept<'_>) -> ValueSets {
        concept
            .codings
            .iter()
            .fold(ValueSets::EMPTY, |acc, coding| {
                acc.union(self.classify(coding))
            })
    }

    /// Whether any coding of `concept` is in `set`.
    pub fn contains(&self, set: ValueSetId, concept: &Concept<'_>) -> bool {
        self.classify_concept(concept).contains(set)
    }

    /// The strength of one dose unit of a drug code, when the knowledge gives it.
    pub fn strength(&self, coding: &Coding<'_>) -> Option<&Strength> {
        let system = canonical_system(coding.system);
        let index = self.systems.get(system)?;
        index.strengths.get(normalise(system, coding.code).as_ref())
    }

    /// Whether `code` is a code of the finding CodeSystem.
    pub fn is_finding_code(&self, code: &str) -> bool {
        self.findings.contains_key(code)
    }

    /// Concepts and filters indexed for `set`.
    pub fn size(&self, set: ValueSetId) -> usize {
        self.sizes.get(&set).copied().unwrap_or(0)
    }
}

fn parse_value_set(file: &str, text: &str) -> Result<(ValueSetId, ValueSetFile), KnowledgeError> {
    let parsed: ValueSetFile = serde_json::from_str(text)
        .map_err(|e| knowledge_error(file, format!("not a ValueSet: {e}")))?;
    if parsed.resource_type != "ValueSet" {
        return Err(knowledge_error(file, "resourceType must be ValueSet"));
    }
    if !matches!(
        parsed.status.as_str(),
        "active" | "draft" | "retired" | "unknown"
    ) {
        return Err(knowledge_error(
            file,
            "status must be a PublicationStatus code",
        ));
    }
    let id = parsed
        .url
        .strip_prefix(VALUESET_BASE)
        .and_then(ValueSetId::from_id)
        .ok_or_else(|| {
            knowledge_error(
                file,
                format!(
                    "url {} is not one of the service's ValueSets ({VALUESET_BASE}<id>)",
                    parsed.url
                ),
            )
        })?;
    if parsed.compose.as_ref().is_none_or(|c| c.include.is_empty()) {
        return Err(knowledge_error(file, "compose.include is required"));
    }
    Ok((id, parsed))
}

fn apply_local(
    dir: &Path,
    sets: &mut HashMap<ValueSetId, LoadedValueSet>,
) -> Result<(), KnowledgeError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        knowledge_error(&shown, format!("cannot read VENOUS_CDS_KNOWLEDGE_DIR: {e}"))
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| knowledge_error(&name, format!("cannot read: {e}")))?;
        let (id, parsed) = parse_value_set(&name, &text)?;
        let mode = parsed
            .extension
            .iter()
            .find(|e| e.url == KNOWLEDGE_MODE_EXTENSION)
            .map(|e| e.value_code.as_deref().unwrap_or(""))
            .unwrap_or("extend");
        let includes = parsed.compose.map(|c| c.include).unwrap_or_default();
        // Check this file's includes on their own before merging them, so that an error names
        // the file that has it (several local files may extend the same ValueSet).
        Terminology::empty().index(&LoadedValueSet {
            id,
            file: name.clone(),
            includes: includes.clone(),
        })?;
        let target = sets
            .get_mut(&id)
            .expect("every built-in value set is loaded");
        match mode {
            "extend" => target.includes.extend(includes),
            "replace" => target.includes = includes,
            other => {
                return Err(knowledge_error(
                    &name,
                    format!("knowledge-mode `{other}` is not extend or replace"),
                ))
            }
        }
        target.file = name;
        tracing::info!(value_set = id.id(), mode, "local knowledge applied");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coding<'a>(system: &'a str, code: &'a str) -> Coding<'a> {
        Coding { system, code }
    }

    #[test]
    fn every_built_in_value_set_loads_and_includes_codes() {
        let terminology = Terminology::built_in().unwrap();
        for id in ValueSetId::ALL {
            assert!(terminology.size(*id) > 0, "{} is empty", id.id());
        }
        assert!(
            ValueSetId::ALL.len() <= 128,
            "the bitset holds 128 value sets"
        );
    }

    #[test]
    fn icd10_hierarchies_match_by_prefix_without_dots_and_never_across_systems() {
        let terminology = Terminology::built_in().unwrap();
        let aps_who = terminology.classify(&coding(ICD10_WHO, "D68.6"));
        assert!(aps_who.contains(ValueSetId::AntiphospholipidSyndrome));
        let cancer = terminology.classify(&coding(ICD10_CM, "c18.7"));
        assert!(cancer.contains(ValueSetId::ActiveCancer));
        assert!(cancer.contains(ValueSetId::GiGuCancer));
        let history = terminology.classify(&coding(ICD10_CM, "Z85.038"));
        assert!(!history.contains(ValueSetId::ActiveCancer));
        // WHO I85.0 is varices with bleeding; ICD-10-CM I85.00 is without.
        assert!(terminology
            .classify(&coding(ICD10_WHO, "I85.0"))
            .contains(ValueSetId::MajorBleeding));
        assert!(!terminology
            .classify(&coding(ICD10_CM, "I85.00"))
            .contains(ValueSetId::MajorBleeding));
        // A code in an unknown system never matches.
        assert!(terminology
            .classify(&coding("http://example.org/icd", "D68.61"))
            .is_empty());
    }

    #[test]
    fn hl7_oids_are_read_as_their_code_systems() {
        let terminology = Terminology::built_in().unwrap();
        let sets = terminology.classify(&coding("urn:oid:2.16.840.1.113883.6.96", "26843008"));
        assert!(sets.contains(ValueSetId::AntiphospholipidSyndrome));
    }
}
