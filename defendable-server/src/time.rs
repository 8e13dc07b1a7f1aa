//! Timestamps: wire times are UTC with second precision (`YYYY-MM-DDTHH:MM:SSZ`);
//! stored times carry microseconds so they order events within a second.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

/// Now, as a wire timestamp.
pub fn now_iso() -> String {
    iso(Utc::now())
}

/// Now, as a stored timestamp (microseconds).
pub fn now_micros() -> String {
    micros(Utc::now())
}

/// A wire timestamp.
pub fn iso(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored timestamp.
pub fn micros(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A stored timestamp `delta` from now.
pub fn micros_in(delta: Duration) -> String {
    micros(Utc::now() + delta)
}

/// Turns a stored timestamp into a wire timestamp (drops the fraction).
pub fn to_wire(stored: &str) -> String {
    match DateTime::parse_from_rfc3339(stored) {
        Ok(at) => iso(at.with_timezone(&Utc)),
        Err(_) => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_times_have_second_precision() {
        let stored = "2026-11-22T13:05:09.123456Z";
        assert_eq!(to_wire(stored), "2026-11-22T13:05:09Z");
        assert!(now_iso().ends_with('Z'));
        assert_eq!(now_iso().len(), 20);
        assert_eq!(now_micros().len(), 27);
    }
}
