//! Colour and time on a terminal: whether colour is on for this process (`--color`,
//! `NO_COLOR`, whether stdout is a terminal), the colour of an outcome word (pass
//! green, flag and fail red, risk yellow), and timestamps shown relative to now.

use std::io::IsTerminal as _;
use std::sync::OnceLock;

use clap::ValueEnum;

/// `--color`: when output is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    // Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    // Always colour (even into a pipe).
    Always,
    // Never colour.
    Never,
}

impl std::str::FromStr for ColorChoice {
    type Err = String;

    fn from_str(text: &str) -> Result<ColorChoice, String> {
        <ColorChoice as ValueEnum>::from_str(text, true)
            .map_err(|_| format!("{text:?} is not one of auto, always, never"))
    }
}

static COLOUR: OnceLock<bool> = OnceLock::new();

/// Decides once, for the whole process, whether output is coloured.
pub fn init(choice: ColorChoice) {
    let stdout_on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && colour_allowed(),
    };
    let _ = COLOUR.set(stdout_on);
    console::set_colors_enabled(stdout_on);
    console::set_colors_enabled_stderr(match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stderr().is_terminal() && colour_allowed(),
    });
}

/// `NO_COLOR` (any non-empty value) and `TERM=dumb` turn automatic colour off.
fn colour_allowed() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    !no_color && !dumb
}

/// True when stdout is coloured.
pub fn enabled() -> bool {
    COLOUR.get().copied().unwrap_or(false)
}

/// The colour an outcome word is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Warn,
}

/// The tone of a cell whose whole text is an outcome, status or severity word.
pub fn tone(word: &str) -> Option<Tone> {
    match word.trim().to_ascii_lowercase().as_str() {
        "pass" | "passed" | "ok" | "true" | "verified" | "approved" | "succeeded" | "active"
        | "satisfied" => Some(Tone::Good),
        "flag" | "flagged" | "fail" | "failed" | "false" | "rejected" | "revoked" | "critical"
        | "high" | "error" => Some(Tone::Bad),
        "risk" | "escalated" | "pending" | "needs_grading" | "medium" | "waitlisted"
        | "expired" => Some(Tone::Warn),
        _ => None,
    }
}

fn style_of(tone: Tone) -> console::Style {
    let style = console::Style::new().for_stdout();
    match tone {
        Tone::Good => style.green(),
        Tone::Bad => style.red(),
        Tone::Warn => style.yellow(),
    }
}

/// A whole line as printed: the ✓ and ✗ marks and the "NOT verified" verdict in
/// their colours (nothing changes when colour is off).
pub fn marks(line: &str) -> String {
    if !enabled() {
        return line.to_string();
    }
    let good = style_of(Tone::Good);
    let bad = style_of(Tone::Bad);
    line.replace('✓', &good.apply_to('✓').to_string())
        .replace('✗', &bad.apply_to('✗').to_string())
        .replace(
            "NOT verified",
            &bad.bold().apply_to("NOT verified").to_string(),
        )
}

/// A comfy-table colour for a tone.
pub fn table_colour(tone: Tone) -> comfy_table::Color {
    match tone {
        Tone::Good => comfy_table::Color::Green,
        Tone::Bad => comfy_table::Color::Red,
        Tone::Warn => comfy_table::Color::Yellow,
    }
}

/// An RFC 3339 timestamp as "3 min ago" / "in 2 days"; other text is left alone.
pub fn relative_time(text: &str, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    let when = chrono::DateTime::parse_from_rfc3339(text.trim()).ok()?;
    let seconds = now
        .signed_duration_since(when.with_timezone(&chrono::Utc))
        .num_seconds();
    let (ahead, span) = (seconds < 0, seconds.unsigned_abs());
    let amount = match span {
        0..=44 => return Some("just now".to_string()),
        45..=5_399 => plural(((span + 30) / 60).max(1), "min"),
        5_400..=84_599 => plural((span + 1_800) / 3_600, "hour"),
        84_600..=3_887_999 => plural((span + 43_200) / 86_400, "day"),
        3_888_000..=47_303_999 => plural((span + 1_296_000) / 2_592_000, "month"),
        _ => plural((span + 15_768_000) / 31_536_000, "year"),
    };
    Some(if ahead {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    })
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 || unit == "min" {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_relative_to_now() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-01T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let at = |t: &str| relative_time(t, now);
        assert_eq!(at("2026-03-01T11:59:50Z").as_deref(), Some("just now"));
        assert_eq!(at("2026-03-01T11:57:00Z").as_deref(), Some("3 min ago"));
        assert_eq!(
            at("2026-03-01T09:00:00+00:00").as_deref(),
            Some("3 hours ago")
        );
        assert_eq!(at("2026-02-27T12:00:00Z").as_deref(), Some("2 days ago"));
        assert_eq!(at("2026-03-02T12:00:00Z").as_deref(), Some("in 1 day"));
        assert_eq!(at("not a time"), None);
        assert_eq!(at("2026-01-01"), None);
    }

    #[test]
    fn outcome_words_have_tones() {
        assert_eq!(tone("pass"), Some(Tone::Good));
        assert_eq!(tone("fail"), Some(Tone::Bad));
        assert_eq!(tone("flag"), Some(Tone::Bad));
        assert_eq!(tone("risk"), Some(Tone::Warn));
        assert_eq!(tone("Acme runs"), None);
    }
}
