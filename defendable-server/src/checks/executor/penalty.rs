//! Penalty bands: how far a re-derived figure may stray before its flag is mid or high,
//! with tighter bands for monetary figures.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Bands {
    pub(super) tol_rel: f64,
    pub(super) low_rel: f64,
    pub(super) critical_rel: f64,
    pub(super) critical_abs: f64,
    pub(super) abs_floor_rel: f64,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            tol_rel: 0.01,
            low_rel: 0.05,
            critical_rel: 0.10,
            critical_abs: 1000.0,
            abs_floor_rel: 0.02,
        }
    }
}

impl Bands {
    /// Overrides the bands with the valid numbers of `obj`.
    pub(super) fn with(mut self, obj: Option<&Map<String, Value>>) -> Self {
        let Some(obj) = obj else { return self };
        let get = |k: &str| obj.get(k).and_then(num).filter(|x| *x >= 0.0);
        if let Some(x) = get("tol_rel") {
            self.tol_rel = x;
        }
        if let Some(x) = get("low_rel") {
            self.low_rel = x;
        }
        if let Some(x) = get("critical_rel") {
            self.critical_rel = x;
        }
        if let Some(x) = get("critical_abs") {
            self.critical_abs = x;
        }
        if let Some(x) = get("abs_floor_rel") {
            self.abs_floor_rel = x;
        }
        self
    }
}

/// "Spot of the foul": `None` when within tolerance, otherwise the tier of the
/// miss and the detail text. Two integers are compared exactly.
pub(super) fn penalty(
    stated: Number,
    truth: Number,
    monetary: bool,
    bands: &Bands,
) -> (Option<TierLevel>, String) {
    let diff = match (stated, truth) {
        (Number::Int(s), Number::Int(t)) => s
            .checked_sub(t)
            .map_or_else(|| (s as f64 - t as f64).abs(), |d| d.unsigned_abs() as f64),
        _ => (stated.f64() - truth.f64()).abs(),
    };
    let rel = diff / truth.f64().abs().max(1e-9);
    let amount = if monetary {
        format!("${diff:.2}")
    } else {
        format!("{diff:.6}")
    };
    let base = format!("stated {stated}, recomputed {truth}");
    if rel <= bands.tol_rel {
        return (
            None,
            format!("{base} — within tolerance ({:.2}%).", rel * 100.0),
        );
    }
    let (tier, note) = if rel >= bands.critical_rel {
        (TierLevel::High, "material miss")
    } else if monetary && diff >= bands.critical_abs && rel >= bands.abs_floor_rel {
        (TierLevel::High, "high-dollar impact")
    } else if rel >= bands.low_rel {
        (TierLevel::Mid, "material miss")
    } else {
        (TierLevel::Low, "minor variance")
    };
    let pct = if rel.is_finite() && rel < 1e9 {
        format!("{:.2}%", rel * 100.0)
    } else {
        "very large".into()
    };
    (
        Some(tier),
        format!("{base} — off by {amount} ({pct}) · {note}."),
    )
}

pub(super) fn is_monetary(name: &str, units: &str) -> bool {
    let units = units.trim().to_lowercase();
    let name = name.to_lowercase();
    MONETARY_UNITS.contains(&units.as_str()) || MONETARY_WORDS.iter().any(|w| name.contains(w))
}
