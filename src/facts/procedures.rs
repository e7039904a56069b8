//! Procedures → venous stents, recanalisations, IVC filter, endoscopy; draft ServiceRequests →
//! procedure orders (clinical-rules.md §3.3).

use crate::fhir::resources::{DraftOrder, ProcedureView};
use crate::fhir::terminology::{Terminology, ValueSetId as Vs};
use crate::fhir::{DataIssue, IssueKind};

use super::{days, Evidence, IvcFilter, OrderScope, PatientFacts};

/// What a procedure order asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProcedureKind {
    /// Venous stent placement.
    StentPlacement,
    /// Venous balloon angioplasty.
    BalloonAngioplasty,
    /// Drug-coated balloon angioplasty.
    DrugCoatedBalloon,
    /// IVC filter insertion.
    FilterInsertion,
    /// IVC filter removal.
    FilterRemoval,
}

impl ProcedureKind {
    /// Stent, plain or drug-coated balloon: what makes a stent service fire (§1).
    pub fn is_venous_intervention(self) -> bool {
        matches!(
            self,
            ProcedureKind::StentPlacement
                | ProcedureKind::BalloonAngioplasty
                | ProcedureKind::DrugCoatedBalloon
        )
    }
}

/// A draft procedure order.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcedureOrder {
    /// What it asks for.
    pub kind: ProcedureKind,
    /// The ServiceRequest.
    pub evidence: Evidence,
    /// Ordered now (selected, or any draft in order-sign), rather than planned context.
    pub ordered: bool,
}

fn counts(procedure: &ProcedureView<'_>, issues: &mut Vec<DataIssue>) -> bool {
    match procedure.status {
        None | Some("completed" | "in-progress" | "unknown") => true,
        Some("preparation" | "not-done" | "on-hold" | "stopped" | "entered-in-error") => false,
        Some(_) => {
            issues.push(
                DataIssue::new(
                    procedure.reference.clone(),
                    "status",
                    IssueKind::UnknownStatus,
                )
                .with_detail("unknown Procedure status; not used"),
            );
            false
        }
    }
}

pub(super) fn read(
    procedures: &[ProcedureView<'_>],
    terminology: &Terminology,
    facts: &mut PatientFacts,
    issues: &mut Vec<DataIssue>,
) {
    let as_of = facts.as_of;
    let mut insertions = Vec::new();
    let mut removals = Vec::new();
    for procedure in procedures {
        if !counts(procedure, issues) {
            continue;
        }
        let sets = terminology.classify_concept(&procedure.code);
        if sets.is_empty() {
            continue;
        }
        let evidence = || Evidence::new(procedure.reference.clone(), procedure.performed);
        if sets.contains(Vs::VenousStentPlacement) {
            facts.venous_stents.push(evidence());
        }
        if sets.contains(Vs::VenousBalloonAngioplasty)
            || sets.contains(Vs::DrugCoatedBalloonAngioplasty)
        {
            facts.balloon_recanalisations.push(evidence());
        }
        if sets.contains(Vs::IvcFilterInsertion) {
            insertions.push(evidence());
        }
        if sets.contains(Vs::IvcFilterRemoval) {
            removals.push(evidence());
        }
        if sets.contains(Vs::VaricealBandLigation) {
            facts.liver.band_ligation.push(evidence());
        }
        if sets.contains(Vs::UpperEndoscopy) {
            facts.liver.upper_endoscopy.push(evidence());
        }
        if sets.contains(Vs::AbdominalSurgery)
            && procedure
                .performed
                .is_some_and(|d| d.within_days_before(as_of, days::THREE_MONTHS))
        {
            facts.recent_abdominal_cause.push(evidence());
        }
    }
    // The filter is in place when its latest insertion has no removal after it. A removal
    // whose date or whose insertion's date is unknown is taken to follow the insertion.
    if let Some(latest) = super::latest(&insertions) {
        let removed = removals
            .iter()
            .any(|removal| match (removal.date, latest.date) {
                (Some(out), Some(inserted)) => out.last_day() >= inserted.first_day(),
                _ => true,
            });
        if !removed {
            facts.ivc_filter = Some(IvcFilter {
                inserted: latest.clone(),
            });
        }
    }
}

pub(super) fn read_orders(
    drafts: &[(DraftOrder<'_>, bool)],
    terminology: &Terminology,
    scope: OrderScope,
    facts: &mut PatientFacts,
) {
    for (order, selected) in drafts {
        let DraftOrder::Service(request) = order else {
            continue;
        };
        let sets = terminology.classify_concept(&request.code);
        let kind = if sets.contains(Vs::VenousStentPlacement) {
            ProcedureKind::StentPlacement
        } else if sets.contains(Vs::DrugCoatedBalloonAngioplasty) {
            ProcedureKind::DrugCoatedBalloon
        } else if sets.contains(Vs::VenousBalloonAngioplasty) {
            ProcedureKind::BalloonAngioplasty
        } else if sets.contains(Vs::IvcFilterInsertion) {
            ProcedureKind::FilterInsertion
        } else if sets.contains(Vs::IvcFilterRemoval) {
            ProcedureKind::FilterRemoval
        } else {
            continue;
        };
        let ordered = match scope {
            OrderScope::Selected => *selected,
            OrderScope::AllDrafts => true,
            OrderScope::NoOrders => false,
        };
        facts.procedure_orders.push(ProcedureOrder {
            kind,
            evidence: Evidence::new(request.reference.clone(), request.authored_on),
            ordered,
        });
    }
}
