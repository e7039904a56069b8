//! Conditions → thromboses, comorbidities and history (clinical-rules.md §3.1, §3.3).

use crate::fhir::resources::{Concept, ConditionView};
use crate::fhir::terminology::{
    canonical_system, Terminology, ValueSetId as Vs, ValueSets, ICD10_CM, SNOMED,
};
use crate::fhir::{DataIssue, IssueKind, PartialDate};

use super::{
    days, Acuity, Evidence, Laterality, PatientFacts, SymptomSeverity, ThrombosisEpisode,
    ThrombosisSite,
};

/// SNOMED CT "Right" qualifier (terminology.md §3.4).
const SNOMED_RIGHT: &str = "24028007";
/// SNOMED CT "Left" qualifier (terminology.md §3.4).
const SNOMED_LEFT: &str = "7771000";
/// SNOMED CT "Severe" severity (clinical-rules.md §3.3).
const SNOMED_SEVERE: &str = "24484000";

/// How a Condition counts (§3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Active, recurrence, relapse, or no clinical status.
    Current,
    /// Resolved, inactive or remission.
    History,
    /// Refuted or entered in error.
    Ignored,
}

fn standing(condition: &ConditionView<'_>, issues: &mut Vec<DataIssue>) -> Standing {
    match condition.verification_status {
        Some("refuted" | "entered-in-error") => return Standing::Ignored,
        Some("unconfirmed" | "provisional" | "differential" | "confirmed") | None => {}
        Some(_) => issues.push(
            DataIssue::new(
                condition.reference.clone(),
                "verificationStatus",
                IssueKind::UnknownStatus,
            )
            .with_detail("unknown verification status; the Condition is counted"),
        ),
    }
    match condition.clinical_status {
        None | Some("active" | "recurrence" | "relapse") => Standing::Current,
        Some("resolved" | "inactive" | "remission") => Standing::History,
        Some(_) => {
            // Counted as current: an unknown status must not hide a safety-relevant Condition.
            issues.push(
                DataIssue::new(
                    condition.reference.clone(),
                    "clinicalStatus",
                    IssueKind::UnknownStatus,
                )
                .with_detail("unknown clinical status; the Condition is counted as current"),
            );
            Standing::Current
        }
    }
}

/// Sites a thrombosis code names, most specific first; body sites refine unspecific codes.
fn thrombosis_sites(code_sets: ValueSets, site_sets: ValueSets) -> Vec<ThrombosisSite> {
    use ThrombosisSite as S;
    const FROM_CODE: &[(Vs, S)] = &[
        (Vs::DvtCalfMuscular, S::CalfMuscular),
        (Vs::DvtTibial, S::Tibial),
        (Vs::DvtPeroneal, S::Peroneal),
        (Vs::DvtDistalUnspecified, S::DistalUnspecified),
        (Vs::DvtPopliteal, S::Popliteal),
        (Vs::DvtFemoral, S::Femoral),
        (Vs::DvtProximalUnspecified, S::ProximalUnspecified),
        (Vs::DvtLowerLimbUnspecified, S::LowerLimbUnspecified),
        (Vs::IliacVeinThrombosis, S::Iliac),
        (Vs::IvcThrombosis, S::Ivc),
        (Vs::PortalVeinThrombosis, S::Portal),
        (Vs::MesentericVeinThrombosis, S::Mesenteric),
        (Vs::PulmonaryEmbolism, S::PulmonaryEmbolism),
        (Vs::VenousThrombosisUnspecifiedSite, S::UnspecifiedVein),
    ];
    const FROM_BODY_SITE: &[(Vs, S)] = &[
        (Vs::BodySiteCalfMuscularVein, S::CalfMuscular),
        (Vs::BodySiteTibialVein, S::Tibial),
        (Vs::BodySitePeronealVein, S::Peroneal),
        (Vs::BodySitePoplitealVein, S::Popliteal),
        (Vs::BodySiteFemoralVein, S::Femoral),
        (Vs::BodySiteIliacVein, S::Iliac),
        (Vs::BodySiteIvc, S::Ivc),
        (Vs::BodySitePortalVein, S::Portal),
        (Vs::BodySiteMesentericVein, S::Mesenteric),
    ];
    let mut sites: Vec<S> = FROM_CODE
        .iter()
        .filter(|(set, _)| code_sets.contains(*set))
        .map(|(_, site)| *site)
        .collect();
    if sites.is_empty() {
        return sites;
    }
    // A body site refines a code that leaves the segment open, within the code's region.
    let body: Vec<S> = FROM_BODY_SITE
        .iter()
        .filter(|(set, _)| site_sets.contains(*set))
        .map(|(_, site)| *site)
        .collect();
    let refinable = |code_site: S, body_site: S| match code_site {
        S::LowerLimbUnspecified => body_site.is_lower_limb_dvt() || body_site == S::Iliac,
        S::UnspecifiedVein => true,
        S::DistalUnspecified => body_site.is_distal(),
        S::ProximalUnspecified => body_site.is_proximal_for_safety(),
        _ => false,
    };
    let mut refined = Vec::new();
    for site in &sites {
        let matches: Vec<S> = body
            .iter()
            .copied()
            .filter(|b| refinable(*site, *b))
            .collect();
        if matches.is_empty() {
            refined.push(*site);
        } else {
            refined.extend(matches);
        }
    }
    sites = refined;
    // Drop the unspecific sites when a specific one of the same region is named.
    let specific_distal = sites
        .iter()
        .any(|s| matches!(s, S::CalfMuscular | S::Tibial | S::Peroneal));
    let specific_proximal = sites.iter().any(|s| matches!(s, S::Popliteal | S::Femoral));
    let any_leg = specific_distal
        || specific_proximal
        || sites.contains(&S::DistalUnspecified)
        || sites.contains(&S::ProximalUnspecified);
    sites.retain(|s| match s {
        S::DistalUnspecified => !specific_distal,
        S::ProximalUnspecified => !specific_proximal,
        S::LowerLimbUnspecified => !any_leg,
        _ => true,
    });
    if sites.len() > 1 {
        sites.retain(|s| *s != S::UnspecifiedVein);
    }
    sites.sort();
    sites.dedup();
    sites
}

/// Laterality from the ICD-10-CM laterality character (terminology.md §3.1: the 6th of
/// I82.4-/I82.5-/I80.2-, the 5th of I80.1-; 1 right, 2 left, 3 bilateral, 0/9 unspecified)
/// or SNOMED laterality qualifiers among the body sites. ICD-10-CM codes are read the way the
/// terminology reads them: any HL7 alias of the system, with or without dots, any case.
fn laterality(code: &Concept<'_>, body_sites: &[Concept<'_>]) -> Laterality {
    for coding in &code.codings {
        if canonical_system(coding.system) != ICD10_CM {
            continue;
        }
        let bare: String = coding
            .code
            .chars()
            .filter(|c| *c != '.' && *c != ' ')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let position =
            if (bare.starts_with("I824") || bare.starts_with("I825") || bare.starts_with("I802"))
                && bare.len() == 6
            {
                5
            } else if bare.starts_with("I801") && bare.len() == 5 {
                4
            } else {
                continue;
            };
        return match bare.as_bytes()[position] {
            b'1' => Laterality::Right,
            b'2' => Laterality::Left,
            b'3' => Laterality::Bilateral,
            _ => Laterality::Unknown,
        };
    }
    let mut right = false;
    let mut left = false;
    for site in body_sites {
        right |= has_snomed(site, SNOMED_RIGHT);
        left |= has_snomed(site, SNOMED_LEFT);
    }
    match (right, left) {
        (true, true) => Laterality::Bilateral,
        (true, false) => Laterality::Right,
        (false, true) => Laterality::Left,
        _ => Laterality::Unknown,
    }
}

fn acuity(code_sets: ValueSets, onset: Option<PartialDate>, as_of: chrono::NaiveDate) -> Acuity {
    if code_sets.contains(Vs::ThrombosisAcuteCode) && !code_sets.contains(Vs::ThrombosisChronicCode)
    {
        return Acuity::Acute;
    }
    if code_sets.contains(Vs::ThrombosisChronicCode) && !code_sets.contains(Vs::ThrombosisAcuteCode)
    {
        return Acuity::Chronic;
    }
    // Seed 001 §1.1: chronic when onset > 28 days ago. A partial date is chronic only when
    // every day it may stand for is more than 28 days back.
    match onset {
        Some(date) if date.min_days_before(as_of) > days::FOUR_WEEKS => Acuity::Chronic,
        Some(_) => Acuity::Acute,
        None => Acuity::Unknown,
    }
}

pub(super) fn read(
    conditions: &[ConditionView<'_>],
    terminology: &Terminology,
    facts: &mut PatientFacts,
    issues: &mut Vec<DataIssue>,
) {
    let as_of = facts.as_of;
    for condition in conditions {
        let standing = standing(condition, issues);
        if standing == Standing::Ignored {
            continue;
        }
        let sets = terminology.classify_concept(&condition.code);
        if sets.is_empty() {
            continue;
        }
        let date = condition.onset.or(condition.recorded);
        let evidence = || Evidence::new(condition.reference.clone(), date);
        let site_sets = condition
            .body_sites
            .iter()
            .fold(ValueSets::EMPTY, |acc, c| {
                acc.union(terminology.classify_concept(c))
            });
        let sites = if sets.contains(Vs::SuperficialVeinThrombosis) {
            // Superficial vein thrombosis is not DVT (terminology.md §9).
            Vec::new()
        } else {
            thrombosis_sites(sets, site_sets)
        };

        if standing == Standing::History {
            if !sites.is_empty() || sets.contains(Vs::VteHistory) {
                facts.risk_factors.prior_vte.push(evidence());
            }
            // §3.3 "thrombophilia work-up on record: … any thrombophilia Condition": a
            // resolved or inactive one still shows the work-up was done (the thrombophilia
            // itself counts only while current).
            if is_thrombophilia(sets) {
                facts.thrombophilia.workup.push(evidence());
            }
            continue;
        }

        if !sites.is_empty() {
            let acuity = acuity(sets, date, as_of);
            let laterality = laterality(&condition.code, &condition.body_sites);
            for site in &sites {
                facts.thromboses.push(ThrombosisEpisode {
                    site: *site,
                    acuity,
                    laterality,
                    onset: date,
                    evidence: evidence(),
                });
            }
            if let Some(severity) = &condition.severity {
                let value = if has_snomed(severity, SNOMED_SEVERE) {
                    SymptomSeverity::Severe
                } else {
                    SymptomSeverity::Mild
                };
                let stronger = facts
                    .symptoms
                    .as_ref()
                    .is_none_or(|s| rank(value) > rank(s.value));
                if stronger {
                    facts.symptoms = Some(super::Observed {
                        value,
                        evidence: evidence(),
                    });
                }
            }
        }
        if sets.contains(Vs::VteHistory) {
            facts.risk_factors.prior_vte.push(evidence());
        }
        if sets.contains(Vs::IntracerebralHaemorrhage) {
            // Acute ICH (§3.3): onset ≤ 14 days; the newest onset is kept for the 7/14-day windows.
            if let Some(onset) = date {
                if onset.within_days_before(as_of, days::TWO_WEEKS) {
                    let newer = facts
                        .bleeding
                        .acute_ich
                        .as_ref()
                        .and_then(|e| e.date)
                        .is_none_or(|d| onset.last_day() > d.last_day());
                    if newer {
                        facts.bleeding.acute_ich = Some(evidence());
                    }
                }
            }
        }
        let lists: [(Vs, &mut Vec<Evidence>); 14] = [
            (Vs::MajorBleeding, &mut facts.bleeding.major_bleeding),
            (Vs::Cirrhosis, &mut facts.liver.cirrhosis),
            (Vs::OesophagogastricVarices, &mut facts.liver.varices),
            (Vs::HepatocellularCarcinoma, &mut facts.liver.hcc),
            (
                Vs::TransplantCandidate,
                &mut facts.liver.transplant_candidate,
            ),
            (Vs::AntiphospholipidSyndrome, &mut facts.thrombophilia.aps),
            (Vs::MyeloproliferativeNeoplasm, &mut facts.thrombophilia.mpn),
            (
                Vs::InheritedThrombophilia,
                &mut facts.thrombophilia.inherited,
            ),
            (Vs::ActiveCancer, &mut facts.cancer.active),
            (Vs::GiGuCancer, &mut facts.cancer.gi_gu),
            (Vs::Pregnancy, &mut facts.pregnancy),
            (Vs::AtrialFibrillation, &mut facts.atrial_fibrillation),
            (Vs::MechanicalHeartValve, &mut facts.mechanical_valve),
            (
                Vs::PostThromboticSyndrome,
                &mut facts.post_thrombotic_syndrome,
            ),
        ];
        for (set, list) in lists {
            if sets.contains(set) {
                list.push(evidence());
            }
        }
        if is_thrombophilia(sets) {
            facts.thrombophilia.workup.push(evidence());
        }
        if sets.contains(Vs::HepatocellularCarcinoma) && !sets.contains(Vs::ActiveCancer) {
            facts.cancer.active.push(evidence());
        }
        if sets.contains(Vs::Immobility) && facts.risk_factors.immobilised.is_none() {
            facts.risk_factors.immobilised = Some(evidence());
        }
        if sets.contains(Vs::BilateralLegOedema) {
            facts.stent_workup.bilateral_leg_oedema.push(evidence());
        }
        if sets.contains(Vs::PostThromboticSyndromeUlcer) {
            facts.pts_ulcer.push(evidence());
        }
        if sets.contains(Vs::AcutePancreatitis) {
            facts.recent_abdominal_cause.push(evidence());
        }
    }
}

/// Whether a concept carries a SNOMED CT code, under the SNOMED URI or its HL7 OID.
fn has_snomed(concept: &Concept<'_>, code: &str) -> bool {
    concept
        .codings
        .iter()
        .any(|c| c.code == code && canonical_system(c.system) == SNOMED)
}

fn is_thrombophilia(sets: ValueSets) -> bool {
    sets.contains(Vs::AntiphospholipidSyndrome)
        || sets.contains(Vs::MyeloproliferativeNeoplasm)
        || sets.contains(Vs::InheritedThrombophilia)
}

/// Orders symptom severities: none < mild < severe.
pub(super) fn rank(severity: SymptomSeverity) -> u8 {
    match severity {
        SymptomSeverity::None => 0,
        SymptomSeverity::Mild => 1,
        SymptomSeverity::Severe => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::resources::Coding;
    use ThrombosisSite as S;

    fn sets(list: &[Vs]) -> ValueSets {
        let mut out = ValueSets::EMPTY;
        for id in list {
            out.insert(*id);
        }
        out
    }

    #[test]
    fn a_body_site_refines_an_unspecific_dvt_code_within_its_region() {
        let cmvt = thrombosis_sites(
            sets(&[Vs::DvtDistalUnspecified]),
            sets(&[Vs::BodySiteCalfMuscularVein]),
        );
        assert_eq!(cmvt, vec![S::CalfMuscular]);
        let generic = thrombosis_sites(
            sets(&[Vs::DvtLowerLimbUnspecified]),
            sets(&[Vs::BodySitePoplitealVein]),
        );
        assert_eq!(generic, vec![S::Popliteal]);
        // A distal code is not turned proximal by a proximal body site.
        let odd = thrombosis_sites(
            sets(&[Vs::DvtDistalUnspecified]),
            sets(&[Vs::BodySiteFemoralVein]),
        );
        assert_eq!(odd, vec![S::DistalUnspecified]);
        // A specific code keeps its site.
        let femoral = thrombosis_sites(
            sets(&[Vs::DvtFemoral]),
            sets(&[Vs::BodySiteCalfMuscularVein]),
        );
        assert_eq!(femoral, vec![S::Femoral]);
    }

    #[test]
    fn unspecific_sites_give_way_to_specific_ones_of_the_same_region() {
        let both = thrombosis_sites(
            sets(&[Vs::DvtLowerLimbUnspecified, Vs::DvtCalfMuscular]),
            ValueSets::EMPTY,
        );
        assert_eq!(both, vec![S::CalfMuscular]);
        let iliofemoral = thrombosis_sites(
            sets(&[Vs::DvtFemoral, Vs::IliacVeinThrombosis]),
            ValueSets::EMPTY,
        );
        assert_eq!(iliofemoral, vec![S::Femoral, S::Iliac]);
    }

    #[test]
    fn laterality_comes_from_the_icd10cm_sixth_character() {
        let concept = |code: &'static str| Concept {
            codings: vec![Coding {
                system: ICD10_CM,
                code,
            }],
            text: None,
        };
        assert_eq!(laterality(&concept("I82.461"), &[]), Laterality::Right);
        assert_eq!(laterality(&concept("I82.562"), &[]), Laterality::Left);
        assert_eq!(laterality(&concept("I82.463"), &[]), Laterality::Bilateral);
        assert_eq!(laterality(&concept("I82.469"), &[]), Laterality::Unknown);
        assert_eq!(laterality(&concept("I82.46"), &[]), Laterality::Unknown);
    }
}
