//! Shell completion. Live completion (`source <(COMPLETE=bash defendable)`) asks the
//! configured server for run and project ids, flight-sheet, dataset and model slugs,
//! and reads the saved profile names, each with a description. The static scripts
//! of `defendable completion SHELL` remain for shells that cannot run the binary
//! while completing: `completions/` holds a copy for each shell; a test fails when
//! they are stale and `DEFENDABLE_UPDATE_COMPLETIONS=1 cargo test -p defendable-cli`
//! rewrites them.

use clap_complete::Shell;

use crate::error::CliError;

/// The completion script of one shell.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = crate::help::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "defendable", &mut out);
    out
}

/// `defendable completion SHELL`.
pub fn print(shell: Shell) -> Result<(), CliError> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&script(shell))
        .and_then(|_| stdout.flush())
        .map_err(CliError::from_io)
}

/// Answers the shell when it runs the binary to complete a word (`COMPLETE=SHELL`),
/// then exits; otherwise returns at once.
pub fn answer_shell() {
    clap_complete::CompleteEnv::with_factory(crate::help::command).complete();
}

/// The completers attached to arguments in the command tree.
pub mod live {
    use std::ffi::OsStr;
    use std::time::Duration;

    use clap::Parser as _;
    use clap_complete::{ArgValueCompleter, CompletionCandidate};

    use crate::api::Ctx;
    use crate::resolve::{self, Candidate};

    /// How long completion waits for the server before offering nothing.
    const PATIENCE: Duration = Duration::from_secs(3);

    /// What a completer lists.
    #[derive(Clone, Copy)]
    enum Source {
        Runs,
        Projects,
        Cooks,
        Agents,
        FlightSheets,
        Datasets,
        Models,
    }

    /// The candidates of `source` from the server the environment and saved profile
    /// point at; nothing when it cannot be asked (no server, not signed in, slow).
    fn fetch(source: Source) -> Vec<Candidate> {
        // The environment's server and profile, as a command line without flags has.
        let Ok(cli) = crate::cli::Cli::try_parse_from(["defendable", "server", "info"]) else {
            return Vec::new();
        };
        let Ok(ctx) = Ctx::new(&cli.global) else {
            return Vec::new();
        };
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return Vec::new();
        };
        let _ = rustls::crypto::ring::default_provider().install_default();
        runtime.block_on(async {
            // The stored token, without the notes a command prints on stderr.
            let Some((token, _)) = ctx.token() else {
                return Vec::new();
            };
            let Ok(client) = ctx.client_with_headers(Some(&token), Default::default()) else {
                return Vec::new();
            };
            let ask = async {
                match source {
                    Source::Runs => resolve::runs(&ctx, &client).await,
                    Source::Projects => resolve::projects(&ctx, &client).await,
                    Source::Cooks => resolve::cooks(&ctx, &client).await,
                    Source::Agents => resolve::agents(&ctx, &client).await,
                    Source::FlightSheets => resolve::flight_sheets(&ctx, &client).await,
                    Source::Datasets => resolve::datasets(&ctx, &client).await,
                    Source::Models => resolve::models(&ctx, &client).await,
                }
            };
            match tokio::time::timeout(PATIENCE, ask).await {
                Ok(Ok(all)) => all,
                _ => Vec::new(),
            }
        })
    }

    /// The candidates that start with what was typed so far.
    fn offer(all: Vec<Candidate>, current: &OsStr) -> Vec<CompletionCandidate> {
        let typed = current.to_string_lossy();
        all.into_iter()
            .filter(|(value, _)| value.starts_with(typed.as_ref()))
            .map(|(value, about)| CompletionCandidate::new(value).help(Some(about.into())))
            .collect()
    }

    fn from(source: Source) -> ArgValueCompleter {
        ArgValueCompleter::new(move |current: &OsStr| offer(fetch(source), current))
    }

    /// Run ids, with each run's title and status.
    pub fn runs() -> ArgValueCompleter {
        from(Source::Runs)
    }

    /// Project ids, with each project's name.
    pub fn projects() -> ArgValueCompleter {
        from(Source::Projects)
    }

    /// Cook ids, with each cook's status and base model.
    pub fn cooks() -> ArgValueCompleter {
        from(Source::Cooks)
    }

    /// Agent profile ids, with each profile's name.
    pub fn agents() -> ArgValueCompleter {
        from(Source::Agents)
    }

    /// Flight-sheet slugs, with each sheet's name and lane.
    pub fn flight_sheets() -> ArgValueCompleter {
        from(Source::FlightSheets)
    }

    /// Dataset package slugs, with each package's name.
    pub fn datasets() -> ArgValueCompleter {
        from(Source::Datasets)
    }

    /// Model slugs, with each model's name.
    pub fn models() -> ArgValueCompleter {
        from(Source::Models)
    }

    /// The saved profile names, with each profile's server.
    pub fn profiles() -> ArgValueCompleter {
        ArgValueCompleter::new(|current: &OsStr| {
            let Ok(store) = crate::credentials::Store::open("default") else {
                return Vec::new();
            };
            let mut all: Vec<Candidate> = store
                .profiles()
                .into_iter()
                .map(|(name, api)| {
                    let about = api.unwrap_or_else(|| "the default server".to_string());
                    (name, about)
                })
                .collect();
            if !all.iter().any(|(name, _)| name == "default") {
                all.insert(
                    0,
                    ("default".to_string(), "the default profile".to_string()),
                );
            }
            offer(all, current)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELLS: [(Shell, &str); 4] = [
        (Shell::Bash, "defendable.bash"),
        (Shell::Zsh, "_defendable"),
        (Shell::Fish, "defendable.fish"),
        (Shell::PowerShell, "_defendable.ps1"),
    ];

    #[test]
    fn committed_completions_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../completions");
        let update = std::env::var_os("DEFENDABLE_UPDATE_COMPLETIONS").is_some();
        for (shell, name) in SHELLS {
            let path = dir.join(name);
            let fresh = script(shell);
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &fresh).unwrap();
                continue;
            }
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(
                committed == fresh,
                "{} is stale: run DEFENDABLE_UPDATE_COMPLETIONS=1 cargo test -p defendable-cli",
                path.display()
            );
        }
    }
}
