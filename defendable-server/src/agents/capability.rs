//! What an agent profile has shown it can do, computed from its runs' current
//! verdicts and applied rules (facts read in a bounded number of queries).

use std::collections::{BTreeMap, HashMap};

use defendable_contract::doctrine::LaneStatus;
use defendable_contract::schemas::{
    Capability, CapabilityRun, CapabilitySummary, LaneCapability, PassRate, RecurringFlag,
    VerdictCounts,
};

use crate::store::agents::{CheckFact, RunFact};
use crate::time::to_wire;

/// How many evaluated runs `history` shows.
pub const HISTORY: usize = 25;

/// The status rule of a lane: propolis ≥ 2 blocked, ≥ 1 restricted, honey ≥ 3
/// approved, otherwise testing.
pub fn lane_status(counts: &VerdictCounts) -> LaneStatus {
    if counts.propolis >= 2 {
        LaneStatus::Blocked
    } else if counts.propolis >= 1 {
        LaneStatus::Restricted
    } else if counts.honey >= 3 {
        LaneStatus::Approved
    } else {
        LaneStatus::Testing
    }
}

/// A verdict severity as counted: anything but honey or propolis is jelly.
pub fn counted_severity(severity: &str) -> &'static str {
    match severity {
        "honey" => "honey",
        "propolis" => "propolis",
        _ => "jelly",
    }
}

/// The name a run's lane goes by: its flight sheet's name, else its run lane.
pub fn lane_name(sheet_name: Option<&str>, lane: &str) -> String {
    sheet_name.unwrap_or(lane).to_string()
}

fn add(counts: &mut VerdictCounts, severity: &str) {
    match counted_severity(severity) {
        "honey" => counts.honey += 1,
        "propolis" => counts.propolis += 1,
        _ => counts.jelly += 1,
    }
}

fn category_label(category: &str) -> String {
    match category {
        "schema" => "Schema validity".into(),
        "math" => "Math accuracy".into(),
        "evidence" => "Evidence reference".into(),
        "structure" => "Structure".into(),
        "policy" => "Policy gates".into(),
        other => other
            .split(['_', '-', ' '])
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut chars = w.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The most frequent flags, most frequent first (ties by label).
pub fn recurring_flags(checks: &[&CheckFact], top: usize) -> Vec<RecurringFlag> {
    let mut by_label: BTreeMap<&str, RecurringFlag> = BTreeMap::new();
    for c in checks.iter().filter(|c| c.status == "flag") {
        by_label
            .entry(c.label.as_str())
            .or_insert_with(|| RecurringFlag {
                label: c.label.clone(),
                count: 0,
                severity: c.severity.clone(),
                category: c.category.clone(),
            })
            .count += 1;
    }
    let mut flags: Vec<RecurringFlag> = by_label.into_values().collect();
    flags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    flags.truncate(top);
    flags
}

/// The capability of one profile from its runs and rules; `locked` names the
/// lanes its governance blocks.
pub fn capability(runs: &[&RunFact], checks: &[&CheckFact], locked: &[String]) -> Capability {
    let mut verdict_counts = VerdictCounts::default();
    // Keyed by flight sheet id, or by run lane for runs without a flight sheet.
    let mut lanes: BTreeMap<String, LaneCapability> = BTreeMap::new();
    let mut history = Vec::new();
    for run in runs {
        let (Some(outcome), Some(severity)) = (&run.outcome, &run.severity) else {
            continue;
        };
        add(&mut verdict_counts, severity);
        let name = lane_name(run.sheet_name.as_deref(), &run.lane);
        let key = match &run.flight_sheet_id {
            Some(id) => format!("sheet:{id}"),
            None => format!("lane:{}", run.lane),
        };
        let lane = lanes.entry(key).or_insert_with(|| LaneCapability {
            flight_sheet_id: run.flight_sheet_id.clone(),
            name: name.clone(),
            lane: run.lane.clone(),
            honey: 0,
            jelly: 0,
            propolis: 0,
            total: 0,
            status: LaneStatus::Testing,
            locked: false,
        });
        let mut counts = VerdictCounts {
            honey: lane.honey,
            jelly: lane.jelly,
            propolis: lane.propolis,
        };
        add(&mut counts, severity);
        lane.honey = counts.honey;
        lane.jelly = counts.jelly;
        lane.propolis = counts.propolis;
        lane.total += 1;
        history.push((
            run.verdict_at.clone().unwrap_or_default(),
            CapabilityRun {
                run_id: run.run_id.clone(),
                title: run.title.clone(),
                lane_name: name,
                outcome: outcome.clone(),
                severity: counted_severity(severity).to_string(),
                score_100: run.score_100.unwrap_or(0),
                created_at: to_wire(&run.created_at),
            },
        ));
    }
    let mut lanes: Vec<LaneCapability> = lanes
        .into_values()
        .map(|mut lane| {
            lane.status = lane_status(&VerdictCounts {
                honey: lane.honey,
                jelly: lane.jelly,
                propolis: lane.propolis,
            });
            lane.locked = locked.contains(&lane.name);
            lane
        })
        .collect();
    lanes.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.lane.cmp(&b.lane)));
    let overall_status = if lanes
        .iter()
        .any(|l| matches!(l.status, LaneStatus::Blocked | LaneStatus::Restricted))
    {
        LaneStatus::Restricted
    } else if lanes.iter().any(|l| l.status == LaneStatus::Approved) {
        LaneStatus::Approved
    } else {
        LaneStatus::Testing
    };
    history.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.run_id.cmp(&a.1.run_id)));
    let evaluated_runs = history.len() as i64;
    let history: Vec<CapabilityRun> = history.into_iter().take(HISTORY).map(|(_, h)| h).collect();

    let mut rates: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for c in checks {
        let entry = rates.entry(c.category.as_str()).or_default();
        entry.1 += 1;
        if c.status == "pass" {
            entry.0 += 1;
        }
    }
    let pass_rates = rates
        .into_iter()
        .map(|(category, (passed, n))| PassRate {
            category: category.to_string(),
            label: category_label(category),
            rate: ((passed as f64 / n as f64) * 100.0).round() / 100.0,
            n,
        })
        .collect();

    Capability {
        overall_status,
        evaluated_runs,
        total_runs: runs.len() as i64,
        verdict_counts,
        lanes,
        pass_rates,
        recurring_flags: recurring_flags(checks, 6),
        latest: history.first().cloned(),
        history,
    }
}

/// The list form of a capability.
pub fn summary(cap: &Capability) -> CapabilitySummary {
    CapabilitySummary {
        overall_status: cap.overall_status,
        evaluated_runs: cap.evaluated_runs,
        verdict_counts: cap.verdict_counts.clone(),
        latest: cap.latest.clone(),
        approved_lanes: cap
            .lanes
            .iter()
            .filter(|l| l.status == LaneStatus::Approved)
            .map(|l| l.name.clone())
            .collect(),
        blocked_lanes: cap
            .lanes
            .iter()
            .filter(|l| matches!(l.status, LaneStatus::Blocked | LaneStatus::Restricted))
            .map(|l| l.name.clone())
            .collect(),
        recurring_flags: cap.recurring_flags.iter().take(3).cloned().collect(),
    }
}

/// Splits facts read for many profiles by profile id.
pub fn by_profile<T>(facts: &[T], profile_of: impl Fn(&T) -> &str) -> HashMap<String, Vec<&T>> {
    let mut map: HashMap<String, Vec<&T>> = HashMap::new();
    for fact in facts {
        map.entry(profile_of(fact).to_string())
            .or_default()
            .push(fact);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(id: &str, sheet: Option<&str>, severity: Option<&str>) -> RunFact {
        RunFact {
            run_id: id.into(),
            profile_id: "p".into(),
            title: id.into(),
            flight_sheet_id: sheet.map(|s| format!("id-{s}")),
            sheet_name: sheet.map(str::to_string),
            lane: "agent".into(),
            created_at: format!("2026-01-01T00:00:0{}.000000Z", id.len()),
            outcome: severity.map(|_| "pass".to_string()),
            severity: severity.map(str::to_string),
            score_100: severity.map(|_| 90),
            verdict_at: severity.map(|_| format!("2026-01-02T00:00:00.00000{}Z", id.len())),
        }
    }

    #[test]
    fn lane_statuses_follow_the_rule() {
        let runs = [
            run("a", Some("Memo"), Some("propolis")),
            run("bb", Some("Memo"), Some("propolis")),
            run("c", Some("Draft"), Some("honey")),
            run("d", Some("Draft"), Some("honey")),
            run("e", Some("Draft"), Some("honey")),
            run("f", Some("Math"), Some("propolis")),
            run("g", Some("Odd"), Some("weird")),
            run("h", None, None),
        ];
        let refs: Vec<&RunFact> = runs.iter().collect();
        let cap = capability(&refs, &[], &["Memo".to_string()]);
        let status = |name: &str| cap.lanes.iter().find(|l| l.name == name).unwrap().status;
        assert_eq!(status("Memo"), LaneStatus::Blocked);
        assert_eq!(status("Math"), LaneStatus::Restricted);
        assert_eq!(status("Draft"), LaneStatus::Approved);
        assert_eq!(status("Odd"), LaneStatus::Testing);
        assert!(cap.lanes.iter().find(|l| l.name == "Memo").unwrap().locked);
        assert_eq!(cap.overall_status, LaneStatus::Restricted);
        assert_eq!(cap.evaluated_runs, 7);
        assert_eq!(cap.total_runs, 8);
        assert_eq!(
            cap.verdict_counts,
            VerdictCounts {
                honey: 3,
                jelly: 1,
                propolis: 3
            }
        );
        let s = summary(&cap);
        assert_eq!(s.approved_lanes, vec!["Draft".to_string()]);
        assert_eq!(
            s.blocked_lanes,
            vec!["Math".to_string(), "Memo".to_string()]
        );
    }

    #[test]
    fn pass_rates_and_flags_are_counted() {
        let fact = |category: &str, label: &str, status: &str| CheckFact {
            profile_id: "p".into(),
            category: category.into(),
            label: label.into(),
            status: status.into(),
            severity: "high".into(),
        };
        let checks = [
            fact("math", "Totals add up", "flag"),
            fact("math", "Totals add up", "flag"),
            fact("math", "Rates", "pass"),
            fact("evidence", "Cites", "pass"),
            fact("custom_gate", "Gate", "flag"),
        ];
        let refs: Vec<&CheckFact> = checks.iter().collect();
        let cap = capability(&[], &refs, &[]);
        let math = cap
            .pass_rates
            .iter()
            .find(|r| r.category == "math")
            .unwrap();
        assert_eq!(
            (math.rate, math.n, math.label.as_str()),
            (0.33, 3, "Math accuracy")
        );
        let custom = cap
            .pass_rates
            .iter()
            .find(|r| r.category == "custom_gate")
            .unwrap();
        assert_eq!(custom.label, "Custom Gate");
        assert_eq!(cap.recurring_flags[0].label, "Totals add up");
        assert_eq!(cap.recurring_flags[0].count, 2);
        assert_eq!(cap.overall_status, LaneStatus::Testing);
    }
}
