//! Text classification with the original engine's (Python's) semantics, so that
//! the same submission trims and counts the same way here: `str.strip()`
//! whitespace and the Unicode `\d` digit class.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Python's `str.isspace()`: the Unicode White_Space characters plus the four
/// information separators U+001C..U+001F (which Rust's `char::is_whitespace`
/// does not count).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
pub fn strip(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// Python's Unicode `\d`: any decimal digit (general category Nd), so the
/// fullwidth "３" and the Arabic-Indic "٣" count, and "½" or "²" do not.
pub fn is_digit(c: char) -> bool {
    c.general_category() == GeneralCategory::DecimalNumber
}

/// Whether `text` holds any `\d` digit.
pub fn has_digit(text: &str) -> bool {
    text.chars().any(is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_matches_python() {
        assert_eq!(strip("\u{1f} text \u{1c}\u{1d}\u{1e}"), "text");
        assert_eq!(strip("\u{a0}\u{3000}x\u{85}\u{2029}"), "x");
        assert_eq!(strip("\u{1f}\u{1f}"), "");
        // Not whitespace in Python either.
        assert_eq!(strip("\u{200b}x"), "\u{200b}x");
        assert_eq!(strip("\u{0}x"), "\u{0}x");
    }

    #[test]
    fn digits_match_python() {
        assert!(has_digit("３２ GB"));
        assert!(has_digit("٣"));
        assert!(has_digit("7"));
        assert!(!has_digit("½ ² Ⅷ"));
        assert!(!has_digit("no figures"));
    }
}
