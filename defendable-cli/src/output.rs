//! Printing: compact tables on a terminal (coloured outcomes, relative times),
//! tab-separated rows when piped, one JSON document with `--json` (filtered by
//! `--jq`). A closed pipe ends the program quietly.

use std::io::{IsTerminal as _, Write as _};

use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use serde::Serialize;

use crate::error::CliError;
use crate::jq::JqFilter;
use crate::style;

/// How the results of a command are printed.
#[derive(Debug)]
pub struct Printer {
    pub json: bool,
    pub terminal: bool,
    /// `--jq`: the filter every JSON document goes through.
    jq: Option<JqFilter>,
}

impl Printer {
    /// `--jq` implies `--json`.
    pub fn new(json: bool, jq: Option<JqFilter>) -> Printer {
        Printer {
            json: json || jq.is_some(),
            terminal: std::io::stdout().is_terminal(),
            jq,
        }
    }

    /// Prints a value as JSON (pretty on a terminal, compact when piped), or what
    /// `--jq` makes of it.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), CliError> {
        if let Some(jq) = &self.jq {
            let value = serde_json::to_value(value)
                .map_err(|e| CliError::other(format!("printing JSON: {e}")))?;
            for output in jq.run(value)? {
                match output {
                    serde_json::Value::String(text) => line(&text)?,
                    other => self.print_json(&other)?,
                }
            }
            return Ok(());
        }
        self.print_json(value)
    }

    fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), CliError> {
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
        let mut table = terminal_table();
        table.set_header(headers.iter().map(|h| {
            let cell = Cell::new(h);
            if style::enabled() {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        let now = chrono::Utc::now();
        for row in rows {
            table.add_row(row.into_iter().map(|text| cell(text, now)));
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
        let mut table = terminal_table();
        let now = chrono::Utc::now();
        for (label, value) in fields {
            let label = Cell::new(label);
            let label = if style::enabled() {
                label.add_attribute(Attribute::Dim)
            } else {
                label
            };
            table.add_row(vec![label, cell(value, now)]);
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

/// A borderless table sized to the terminal's width (kept whole when the terminal
/// does not say how wide it is), styled only when colour is on.
fn terminal_table() -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    match console::Term::stdout().size_checked() {
        Some((_, columns)) if columns >= 20 => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(columns);
        }
        _ => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if style::enabled() {
        table.enforce_styling();
    }
    table
}

/// A table cell: timestamps relative to now, outcome words in their colour.
fn cell(text: String, now: chrono::DateTime<chrono::Utc>) -> Cell {
    let text = style::relative_time(&text, now).unwrap_or(text);
    let tone = style::tone(&text).filter(|_| style::enabled());
    let cell = Cell::new(text);
    match tone {
        Some(tone) => cell.fg(style::table_colour(tone)),
        None => cell,
    }
}

/// Writes one line to stdout (✓/✗ marks coloured when colour is on); a closed pipe
/// is reported as [`CliError::broken_pipe`].
pub fn line(text: &str) -> Result<(), CliError> {
    let text = style::marks(text);
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

/// A spinner on stderr for a call that is taking a while (hidden unless stderr is a
/// terminal).
pub fn spinner(message: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_message(message.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    bar
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
