//! Override analytics: per rule, cards issued, accepted, overridden, the acceptance rate and
//! the top override reasons — for `venous-cds report` and `GET /admin/rules/stats`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::store::RuleCounts;

/// Override reasons listed per rule, at most.
pub const TOP_REASONS: usize = 3;

/// One rule's line of the report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RuleStats {
    /// Rule id.
    pub rule_id: String,
    /// Cards issued.
    pub issued: i64,
    /// Cards accepted.
    pub accepted: i64,
    /// Cards overridden.
    pub overridden: i64,
    /// accepted / (accepted + overridden); `None` without feedback.
    pub acceptance_rate: Option<f64>,
    /// Most frequent override reasons.
    pub top_override_reasons: Vec<ReasonCount>,
}

/// An override reason and how often it was given.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReasonCount {
    /// Code.
    pub code: String,
    /// Display, when the client sent one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// Cards overridden with it.
    pub count: i64,
}

/// The report over a time window.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Window start (inclusive).
    pub since: DateTime<Utc>,
    /// Window end (exclusive).
    pub until: DateTime<Utc>,
    /// Per rule.
    pub rules: Vec<RuleStats>,
}

impl Report {
    /// Builds the report from the store's counts.
    pub fn new(since: DateTime<Utc>, until: DateTime<Utc>, counts: Vec<RuleCounts>) -> Report {
        let rules = counts
            .into_iter()
            .map(|c| {
                let decided = c.accepted + c.overridden;
                RuleStats {
                    acceptance_rate: (decided > 0).then(|| c.accepted as f64 / decided as f64),
                    top_override_reasons: c
                        .override_reasons
                        .into_iter()
                        .take(TOP_REASONS)
                        .map(|(code, display, count)| ReasonCount {
                            code,
                            display,
                            count,
                        })
                        .collect(),
                    rule_id: c.rule_id,
                    issued: c.issued,
                    accepted: c.accepted,
                    overridden: c.overridden,
                }
            })
            .collect();
        Report {
            since,
            until,
            rules,
        }
    }

    /// A text table.
    pub fn table(&self) -> String {
        let mut out = format!(
            "Cards issued {} to {}\n{:<34} {:>7} {:>9} {:>11} {:>10}  top override reasons\n",
            self.since.format("%Y-%m-%d %H:%M"),
            self.until.format("%Y-%m-%d %H:%M"),
            "rule",
            "issued",
            "accepted",
            "overridden",
            "accept %"
        );
        for rule in &self.rules {
            let rate = rule
                .acceptance_rate
                .map_or("-".to_owned(), |r| format!("{:.0}", r * 100.0));
            let reasons = rule
                .top_override_reasons
                .iter()
                .map(|r| format!("{} ({})", r.code, r.count))
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!(
                "{:<34} {:>7} {:>9} {:>11} {:>10}  {}\n",
                rule.rule_id, rule.issued, rule.accepted, rule.overridden, rate, reasons
            ));
        }
        if self.rules.is_empty() {
            out.push_str("(no cards or feedback in this window)\n");
        }
        out
    }
}
