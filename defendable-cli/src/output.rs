//! Printing: tables on a terminal, tab-separated rows when piped, one JSON document
//! with `--json`. A closed pipe ends the program quietly.

use std::io::{IsTerminal as _, Write as _};

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use crate::error::CliError;

/// How the results of a command are printed.
#[derive(Clone, Copy, Debug)]
pub struct Printer {
    pub json: bool,
    pub terminal: bool,
}

impl Printer {
    pub fn new(json: bool) -> Printer {
        Printer {
            json,
            terminal: std::io::stdout().is_terminal(),
        }
    }

    /// Prints a value as JSON (always pretty on a terminal, compact when piped).
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), CliError> {
        let text = if self.terminal {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        }
        .map_err(|e| CliError::other(format!("printing JSON: {e}")))?;
        line(&text)
    }

    /// A list: `value` is printed with `--json`, else the rows as a table / TSV.
    pub fn list<T: Serialize + ?Sized>(
        &self,
        value: &T,
        headers: &[&str],
        rows: Vec<Vec<String>>,
    ) -> Result<(), CliError> {
        if self.json {
            return self.json(value);
        }
        if !self.terminal {
            for row in rows {
                line(&row.join("\t"))?;
            }
            return Ok(());
        }
        if rows.is_empty() {
            return line("(none)");
        }
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_HORIZONTAL_ONLY)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(headers.iter().map(|h| h.to_string()));
        for row in rows {
            table.add_row(row);
        }
        line(&table.to_string())
    }

    /// One object: `value` with `--json`, else label/value pairs.
    pub fn object<T: Serialize + ?Sized>(
        &self,
        value: &T,
        fields: Vec<(&str, String)>,
    ) -> Result<(), CliError> {
        if self.json {
            return self.json(value);
        }
        if !self.terminal {
            for (label, value) in fields {
                line(&format!("{label}\t{value}"))?;
            }
            return Ok(());
        }
        let mut table = Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        for (label, value) in fields {
            table.add_row(vec![label.to_string(), value]);
        }
        line(&table.to_string())
    }

    /// A human message on stdout (suppressed with `--json`).
    pub fn say(&self, text: &str) -> Result<(), CliError> {
        if self.json {
            return Ok(());
        }
        line(text)
    }
}

/// Writes one line to stdout; a closed pipe is reported as [`CliError::BrokenPipe`].
pub fn line(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|_| out.flush())
        .map_err(CliError::from_io)
}

/// A note for the user on stderr (warnings, progress messages).
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// `Some(x)` as text, `None` as a dash.
pub fn opt<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// A progress bar for a transfer of `size` bytes (hidden unless stderr is a terminal).
pub fn transfer_bar(size: u64, label: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(size);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message(label.to_string());
    bar
}
