//! `config get|set|ls`: the CLI's own defaults: the profile's server, colour and
//! timeout. Flags and environment variables still win over them.

use crate::api::{parse_timeout, Ctx, DEFAULT_TIMEOUT_SECS};
use crate::cli::ConfigCommand;
use crate::credentials::{origin_of, DEFAULT_API};
use crate::error::CliError;
use crate::style::ColorChoice;

/// The settings `config` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Api,
    Color,
    Timeout,
}

const KEYS: [Key; 3] = [Key::Api, Key::Color, Key::Timeout];

impl Key {
    fn parse(text: &str) -> Result<Key, CliError> {
        KEYS.into_iter()
            .find(|k| k.name() == text.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                CliError::usage(format!(
                    "unknown setting {text:?} (known: api, color, timeout)"
                ))
            })
    }

    fn name(self) -> &'static str {
        match self {
            Key::Api => "api",
            Key::Color => "color",
            Key::Timeout => "timeout",
        }
    }
}

/// A setting's value and whether it was set or is the default.
fn value_of(ctx: &Ctx, key: Key) -> (String, &'static str) {
    let settings = ctx.store.settings();
    let set = match key {
        Key::Api => ctx.store.saved_api(),
        Key::Color => settings.color.map(|c| crate::commands::wire(&c)),
        Key::Timeout => settings.timeout.map(|t| t.to_string()),
    };
    match set {
        Some(value) => (value, "config"),
        None => (
            match key {
                Key::Api => DEFAULT_API.to_string(),
                Key::Color => "auto".to_string(),
                Key::Timeout => DEFAULT_TIMEOUT_SECS.to_string(),
            },
            "default",
        ),
    }
}

pub fn config(ctx: &Ctx, cmd: ConfigCommand) -> Result<(), CliError> {
    match cmd {
        ConfigCommand::Get { key } => {
            let key = Key::parse(&key)?;
            let (value, source) = value_of(ctx, key);
            if ctx.printer.json {
                return ctx.printer.json(&serde_json::json!({
                    "key": key.name(), "value": value, "source": source,
                }));
            }
            crate::output::line(&value)
        }
        ConfigCommand::Set { key, value } => {
            let key = Key::parse(&key)?;
            let value = value.trim();
            let mut settings = ctx.store.settings();
            match key {
                Key::Api => {
                    origin_of(value)
                        .map_err(|e| CliError::usage(format!("api must be an http(s) URL: {e}")))?;
                    ctx.store.save_api(value.trim_end_matches('/'))?;
                }
                Key::Color => {
                    let choice: ColorChoice = value.parse().map_err(CliError::usage)?;
                    settings.color = Some(choice);
                    ctx.store.save_settings(settings)?;
                }
                Key::Timeout => {
                    let secs = parse_timeout(value).ok_or_else(|| {
                        CliError::usage(format!(
                            "timeout is a whole number of seconds (1 to 86400), got {value:?}"
                        ))
                    })?;
                    settings.timeout = Some(secs);
                    ctx.store.save_settings(settings)?;
                }
            }
            let (value, _) = value_of(ctx, key);
            if ctx.printer.json {
                return ctx
                    .printer
                    .json(&serde_json::json!({"key": key.name(), "value": value}));
            }
            ctx.printer.say(&format!("{} is now {value}", key.name()))
        }
        ConfigCommand::Ls => {
            let values: Vec<(Key, String, &str)> = KEYS
                .into_iter()
                .map(|k| {
                    let (value, source) = value_of(ctx, k);
                    (k, value, source)
                })
                .collect();
            let json: serde_json::Map<String, serde_json::Value> = values
                .iter()
                .map(|(k, v, _)| (k.name().to_string(), v.clone().into()))
                .collect();
            let rows = values
                .iter()
                .map(|(k, v, source)| vec![k.name().to_string(), v.clone(), source.to_string()])
                .collect();
            ctx.printer.list(&json, &["KEY", "VALUE", "SOURCE"], rows)
        }
    }
}
