//! Questions on a terminal: confirmations that need Enter (a stray key press never
//! answers them), and context printed to stderr wrapped to 80 columns so a prompt is
//! drawn once.

use crate::error::CliError;

/// The widest line a prompt draws.
pub const WIDTH: usize = 80;

/// Asks a yes/no question answered with Enter.
pub fn confirm(question: &str, default: bool) -> Result<bool, CliError> {
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(default)
        .wait_for_newline(true)
        .interact()
        .map_err(|e| CliError::other(format!("reading the answer: {e}")))
}

/// `label: text` wrapped to [`WIDTH`] columns, continuation lines indented under the
/// text.
pub fn field(label: &str, text: &str) -> String {
    let indent = label.chars().count() + 2;
    let mut out = format!("{label}:");
    let mut col = indent - 1;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if col + 1 + len > WIDTH && col > indent {
            out.push('\n');
            out.push_str(&" ".repeat(indent - 1));
            col = indent - 1;
        }
        out.push(' ');
        out.push_str(word);
        col += 1 + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_80_columns() {
        let text = "word ".repeat(60);
        let shown = field("Summary", &text);
        assert!(shown.lines().count() > 3);
        for line in shown.lines() {
            assert!(line.chars().count() <= WIDTH, "{line:?}");
        }
        assert!(shown.lines().nth(1).unwrap().starts_with("         word"));
    }
}
