//! Shell completion scripts, generated from the clap definition. `completions/` holds
//! a copy for each shell; a test fails when they are stale and
//! `DEFENDABLE_UPDATE_COMPLETIONS=1 cargo test -p defendable-cli` rewrites them.

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
