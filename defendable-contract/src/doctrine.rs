//! The doctrine vocabulary: the exact enums the wire is locked to, and `tier_of()`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $($variant:ident => $text:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $(
                #[serde(rename = $text)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire spelling of this value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses the exact wire spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum! {
    /// The verdict level: honey (clean), jelly (limitations), propolis (high risk).
    Severity { Honey => "honey", Jelly => "jelly", Propolis => "propolis" }
}

wire_enum! {
    /// The outcome of a verdict.
    VerdictOutcome { Pass => "pass", Risk => "risk", Fail => "fail" }
}

wire_enum! {
    /// The normalised tier of a flag.
    TierLevel { Low => "low", Mid => "mid", High => "high" }
}

wire_enum! {
    /// The status of one applied rule.
    CheckStatus { Pass => "pass", Flag => "flag", Open => "open", Skip => "skip" }
}

wire_enum! {
    /// The documented rule categories (flight sheets may also use `readiness`).
    CheckCategory {
        Structure => "structure",
        Schema => "schema",
        Math => "math",
        Evidence => "evidence",
        Policy => "policy",
    }
}

wire_enum! {
    /// Whether a rule is evaluated automatically or applied by an operator.
    CheckKind { Auto => "auto", Checklist => "checklist" }
}

wire_enum! {
    /// Who set a check's status.
    CheckSource { Auto => "auto", Operator => "operator" }
}

wire_enum! {
    /// Every severity spelling a rule may carry; `tier_of()` normalises them.
    RuleSeverity {
        High => "high",
        Mid => "mid",
        Medium => "medium",
        Low => "low",
        Critical => "critical",
        Noncritical => "noncritical",
        Honey => "honey",
        Jelly => "jelly",
        Propolis => "propolis",
        Minor => "minor",
    }
}

wire_enum! {
    /// A human approval decision. Receipts mint only on `approved`.
    ApprovalDecision { Approved => "approved", Rejected => "rejected", Escalated => "escalated" }
}

wire_enum! {
    /// Incident kinds. A single flag is a run-level finding, never an incident.
    IncidentKind {
        Rogue => "rogue",
        Dark => "dark",
        PolicyViolation => "policy_violation",
        RecurringFlag => "recurring_flag",
    }
}

wire_enum! {
    /// The work lane of a run or flight sheet.
    Lane { Agent => "agent", Dataset => "dataset", Compute => "compute", Other => "other" }
}

wire_enum! {
    /// The kind of an evidence item.
    EvidenceKind {
        File => "file",
        Note => "note",
        Url => "url",
        Observation => "observation",
        ToolOutput => "tool_output",
        ModelOutput => "model_output",
        Log => "log",
    }
}

wire_enum! {
    /// An organisation's plan.
    PlanTier { Free => "free", Pro => "pro", Enterprise => "enterprise" }
}

wire_enum! {
    /// A membership's state; `approved` sits between application and payment.
    MembershipStatus {
        Pending => "pending",
        Waitlisted => "waitlisted",
        Approved => "approved",
        Active => "active",
        Inactive => "inactive",
    }
}

wire_enum! {
    /// A member's role in an organisation.
    Role { Owner => "owner", Member => "member" }
}

wire_enum! {
    /// What an API key may do. Human sessions may do all three; owners also manage
    /// keys, invites and roles, which no key can.
    ApiScope { Read => "read", RunsWrite => "runs:write", Approve => "approve" }
}

wire_enum! {
    /// How capable an agent profile's model is declared to be.
    CapabilityTier { Edge => "edge", Small => "small", Mid => "mid", Frontier => "frontier" }
}

wire_enum! {
    /// An incident's state: open until someone resolves it.
    IncidentStatus { Open => "open", Resolved => "resolved" }
}

wire_enum! {
    /// The standing of an agent profile on one lane (flight sheet), from its verdicts.
    LaneStatus {
        Testing => "testing",
        Approved => "approved",
        Restricted => "restricted",
        Blocked => "blocked",
    }
}

impl TierLevel {
    /// The weight of a rule of this tier in the verdict score.
    pub fn weight(self) -> u32 {
        match self {
            TierLevel::High => 5,
            TierLevel::Mid => 2,
            TierLevel::Low => 1,
        }
    }
}

/// Normalises any severity spelling (trimmed, case-insensitive) to a tier:
/// high/critical/propolis are high, low/honey/minor are low, anything else
/// (mid, medium, noncritical, jelly, unknown, empty) is mid.
pub fn tier_of(severity: Option<&str>) -> TierLevel {
    let normalised = severity.unwrap_or("").trim().to_ascii_lowercase();
    match normalised.as_str() {
        "high" | "critical" | "propolis" => TierLevel::High,
        "low" | "honey" | "minor" => TierLevel::Low,
        _ => TierLevel::Mid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier_of_normalises_every_rule_severity() {
        let expected = [
            (RuleSeverity::High, TierLevel::High),
            (RuleSeverity::Critical, TierLevel::High),
            (RuleSeverity::Propolis, TierLevel::High),
            (RuleSeverity::Low, TierLevel::Low),
            (RuleSeverity::Honey, TierLevel::Low),
            (RuleSeverity::Minor, TierLevel::Low),
            (RuleSeverity::Mid, TierLevel::Mid),
            (RuleSeverity::Medium, TierLevel::Mid),
            (RuleSeverity::Noncritical, TierLevel::Mid),
            (RuleSeverity::Jelly, TierLevel::Mid),
        ];
        assert_eq!(expected.len(), RuleSeverity::ALL.len());
        for (severity, tier) in expected {
            assert_eq!(tier_of(Some(severity.as_str())), tier, "{severity}");
        }
        assert_eq!(tier_of(Some("  CRITICAL ")), TierLevel::High);
        assert_eq!(tier_of(Some("whatever")), TierLevel::Mid);
        assert_eq!(tier_of(None), TierLevel::Mid);
    }

    #[test]
    fn incident_kinds_exclude_single_flag() {
        assert!(IncidentKind::parse("single_flag").is_none());
        assert_eq!(IncidentKind::ALL.len(), 4);
    }
}
