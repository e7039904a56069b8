//! The rules: pure functions of the facts, the evaluation date and the region profile, one
//! module per source document, listed in one static table ([`RULES`]).
//!
//! Rules never read the clock, do I/O or see JSON or HTTP. A rule that fires returns a
//! [`Finding`]: its indicator, the facts that made it fire (with their FHIR references), named
//! values for the card text, and suggestions as plans (which order to delete, which regimen or
//! procedure to create) that `cards` turns into FHIR resources. Which rules a service runs is
//! declared only in `hooks/`.

pub mod calf_vein;
pub mod drug_choice;
pub mod general;
pub mod iliocaval;
pub mod portal_vein;
pub mod reasons;
pub mod stent;

use chrono::NaiveDate;

use crate::facts::PatientFacts;
use crate::fhir::ResourceRef;
use crate::settings::Region;

pub use drug_choice::{Phase, Regimen, RegimenOption};

/// How urgent a card is (clinical-rules.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Indicator {
    /// An option or a plan the source recommends.
    Info,
    /// A step the source requires is missing, or a risk needs a decision.
    Warning,
    /// The draft order would contradict the source.
    Critical,
}

impl Indicator {
    /// The CDS Hooks value.
    pub fn as_str(self) -> &'static str {
        match self {
            Indicator::Info => "info",
            Indicator::Warning => "warning",
            Indicator::Critical => "critical",
        }
    }
}

/// Whether the hook is placing orders or reviewing the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// order-select / order-sign: "ordered" follows §3.2.
    Ordering,
    /// patient-view: nothing is being ordered.
    Review,
}

/// What a rule may know besides the facts.
#[derive(Debug, Clone, Copy)]
pub struct RuleContext {
    /// The evaluation date (the facts are as of this date too).
    pub as_of: NaiveDate,
    /// The region profile.
    pub region: Region,
    /// Ordering or review.
    pub mode: Mode,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy)]
pub struct Citation {
    /// Clinician-facing short title and section, e.g. "Japanese venous stent guideline
    /// 2025-09-18 §3e".
    pub label: &'static str,
    /// The seed file(s) the rule rests on.
    pub seed: &'static str,
    /// A public URL of the source, where one exists.
    pub url: Option<&'static str>,
    /// For rules beyond the seeds: the Fluent message (locales/*/cards.ftl) naming the drug
    /// label they rest on, so that the name is in the card's language too.
    pub beyond_seeds: Option<&'static str>,
}

/// A rule of the catalogue.
pub struct RuleDef {
    /// The public rule id (clinical-rules.md §4).
    pub id: &'static str,
    /// Short English title (also the rule CodeSystem display).
    pub title: &'static str,
    /// Its source.
    pub citation: Citation,
    /// The catalogue's indicator (clinical-rules.md §4).
    pub indicator: Indicator,
    /// A different indicator on the review service, where the catalogue gives one.
    pub review_indicator: Option<Indicator>,
    /// The region profile the rule is limited to, if any.
    pub region: Option<Region>,
    /// The rule.
    pub evaluate: fn(&PatientFacts, &RuleContext) -> Option<Finding>,
}

impl std::fmt::Debug for RuleDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleDef").field("id", &self.id).finish()
    }
}

/// A value for the card text. Terms are message ids, translated by `cards`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A translatable term (message id), e.g. `agent-apixaban`.
    Term(&'static str),
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// Literal text that needs no translation (codes, units).
    Literal(String),
}

/// A fact that made the rule fire, for the card's "why".
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// Message id of the fact's wording (`reason-…`).
    pub key: &'static str,
    /// Values for the wording.
    pub args: Vec<(&'static str, Arg)>,
    /// The resources it comes from.
    pub evidence: Vec<ResourceRef>,
}

impl Reason {
    /// A reason backed by one resource.
    pub fn new(key: &'static str, evidence: &ResourceRef) -> Self {
        Reason {
            key,
            args: Vec::new(),
            evidence: vec![evidence.clone()],
        }
    }

    /// Adds a value for the wording.
    pub fn with(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }
}

/// A procedure the service may suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestedProcedure {
    /// Duplex (compression) ultrasound of the leg veins.
    DuplexUltrasound,
    /// Upper endoscopy (variceal screening).
    UpperEndoscopy,
}

/// One FHIR action of a suggestion.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionPlan {
    /// Delete the draft order being replaced.
    Delete(ResourceRef),
    /// Create a drug order.
    CreateMedication(Regimen),
    /// Create a procedure order, due `due_in_days` after the evaluation date.
    CreateProcedure {
        /// The procedure.
        procedure: SuggestedProcedure,
        /// When it is due.
        due_in_days: Option<i64>,
    },
}

/// A suggestion: a label and the actions that carry it out.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionPlan {
    /// Message id of the label (`suggestion-…`).
    pub key: &'static str,
    /// Values for the label.
    pub args: Vec<(&'static str, Arg)>,
    /// The option the source prefers.
    pub recommended: bool,
    /// The actions.
    pub actions: Vec<ActionPlan>,
}

/// A rule that fired.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule.
    pub rule: &'static RuleDef,
    /// The indicator.
    pub indicator: Indicator,
    /// Named values for the card text (selectors and numbers).
    pub args: Vec<(&'static str, Arg)>,
    /// The facts that made it fire.
    pub reasons: Vec<Reason>,
    /// One-click suggestions.
    pub suggestions: Vec<SuggestionPlan>,
    /// Whether the card asks the clinician to change course (and so offers override reasons).
    pub asks_to_change_course: bool,
}

impl Finding {
    /// A finding of `rule` with `indicator`.
    pub fn new(rule: &'static RuleDef, indicator: Indicator) -> Self {
        Finding {
            rule,
            indicator,
            args: Vec::new(),
            reasons: Vec::new(),
            suggestions: Vec::new(),
            asks_to_change_course: indicator != Indicator::Info,
        }
    }

    /// Adds a reason.
    pub fn because(mut self, reason: Reason) -> Self {
        self.reasons.push(reason);
        self
    }

    /// Adds a named value.
    pub fn with(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }

    /// Adds a suggestion.
    pub fn suggest(mut self, suggestion: SuggestionPlan) -> Self {
        self.suggestions.push(suggestion);
        self
    }
}

/// The message id naming a drug.
pub fn agent_term(agent: crate::facts::Agent) -> &'static str {
    use crate::facts::Agent;
    match agent {
        Agent::Apixaban => "agent-apixaban",
        Agent::Rivaroxaban => "agent-rivaroxaban",
        Agent::Edoxaban => "agent-edoxaban",
        Agent::Dabigatran => "agent-dabigatran",
        Agent::Warfarin => "agent-warfarin",
        Agent::Ufh => "agent-ufh",
        Agent::Enoxaparin => "agent-enoxaparin",
        Agent::Dalteparin => "agent-dalteparin",
        Agent::Fondaparinux => "agent-fondaparinux",
        Agent::Argatroban => "agent-argatroban",
        Agent::Aspirin => "agent-aspirin",
        Agent::Clopidogrel => "agent-clopidogrel",
        Agent::EstrogenContraceptive => "agent-estrogen-contraceptive",
    }
}

/// The rule tables of every source module, in catalogue order.
pub static MODULES: &[&[&RuleDef]] = &[
    general::RULES,
    calf_vein::RULES,
    portal_vein::RULES,
    stent::RULES,
    iliocaval::RULES,
];

/// Every rule of the catalogue, in catalogue order.
pub fn rules() -> impl Iterator<Item = &'static RuleDef> {
    MODULES.iter().flat_map(|module| module.iter().copied())
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static RuleDef> {
    rules().find(|r| r.id == id)
}

/// Evaluates `rule_ids` (as bound to a service) and returns their findings, most urgent
/// first, keeping the service's order among equals. Region-only rules outside their region
/// are skipped.
pub fn evaluate(
    rule_ids: &[&'static RuleDef],
    facts: &PatientFacts,
    context: &RuleContext,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = rule_ids
        .iter()
        .filter(|rule| rule.region.is_none_or(|region| region == context.region))
        .filter_map(|rule| (rule.evaluate)(facts, context))
        .collect();
    findings.sort_by(|a, b| b.indicator.cmp(&a.indicator));
    findings
}
