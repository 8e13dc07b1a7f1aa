//! The finished command tree: the clap definition of `cli.rs` plus what every command
//! shares, added in one place: `list`/`view` aliases of `ls`/`show`, a description for
//! each positional argument named the same way everywhere, and an Examples section on
//! the commands people type. `main`, the completion scripts and the man page all use
//! [`command`].

use clap::{Arg, Command, CommandFactory as _};

/// Descriptions of the arguments that share a name across commands.
const ARG_HELP: &[(&str, &str)] = &[
    ("run", "The run's id"),
    ("cook", "The cook's id"),
    ("key_id", "The API key's id (from `keys ls`)"),
    ("user_id", "The member's user id (from `members ls`)"),
    ("email", "The email address"),
    ("runner_id", "The runner token's id (from `runner ls`)"),
    ("run_or_token", "A run id or a share token"),
    (
        "output",
        "Where to write the file (`-` for stdout where allowed)",
    ),
    ("from", "The older chain size"),
    ("to", "The newer chain size (default: the current size)"),
    ("role", "The role"),
    ("decision", "The human decision on the run's verdict"),
    ("status", "The result"),
    ("lane", "The lane"),
    ("incident", "The incident's id (from `incidents ls`)"),
];

/// Examples shown under `defendable <path> --help`.
const EXAMPLES: &[(&[&str], &str)] = &[
    (
        &["runs", "new"],
        "  defendable runs new --project PROJECT_ID --flight-sheet code-review-v1 \
         --input repo=acme/api\n  defendable runs new --project PROJECT_ID --lane agent --title \"Weekly report\"",
    ),
    (
        &["runs", "ls"],
        "  defendable runs ls --limit 20\n  defendable runs ls --json --jq '.[].id'",
    ),
    (
        &["runs", "show"],
        "  defendable runs show RUN_ID\n  defendable runs view RUN_ID --web",
    ),
    (
        &["submission", "add"],
        "  defendable submission add RUN_ID --output-file report.md --model-name gpt-5\n  \
         agent-cli run | defendable submission add RUN_ID -",
    ),
    (
        &["evidence", "upload"],
        "  defendable evidence upload RUN_ID ./build.log --label \"CI log\"",
    ),
    (
        &["audit", "run"],
        "  defendable audit run RUN_ID\n  defendable audit run RUN_ID --fail-on fail   # a CI gate: exit 3",
    ),
    (
        &["audit", "grade"],
        "  defendable audit grade RUN_ID tests-pass --status pass --detail \"CI green\"",
    ),
    (&["audit", "finalize"], "  defendable audit finalize RUN_ID"),
    (
        &["approval", "set"],
        "  defendable approval set RUN_ID --decision approved --note \"Reviewed\" --yes",
    ),
    (
        &["receipt", "generate"],
        "  defendable receipt generate RUN_ID\n  defendable receipt show RUN_ID --web",
    ),
    (
        &["receipt", "export"],
        "  defendable receipt export RUN_ID -o proof.json\n  defendable verify proof.json --offline --key server.key",
    ),
    (
        &["verify"],
        "  defendable verify SHARE_TOKEN\n  defendable verify https://defendable.example/r/SHARE_TOKEN\n  \
         defendable verify proof.json --offline --key server.key",
    ),
    (
        &["ledger", "verify"],
        "  defendable ledger verify\n  defendable ledger export -o chain.json && defendable ledger verify --offline chain.json",
    ),
    (
        &["ledger", "prove"],
        "  defendable ledger prove 42",
    ),
    (
        &["ledger", "ls"],
        "  defendable ledger ls --from-seq 1 --limit 100",
    ),
    (
        &["keys", "create"],
        "  defendable keys create ci --scope read --scope runs:write --expires-in-days 90",
    ),
    (
        &["keys", "trust"],
        "  defendable keys trust https://defendable.example\n  defendable keys trust server.key --yes",
    ),
    (
        &["runner", "work"],
        "  defendable runner work --runner gpu-1 --exec ./tune.sh --token \"$RUNNER_TOKEN\"\n  \
         DEFENDABLE_RUNNER_EXEC=./tune.sh defendable runner work --runner gpu-1 --exit-when-idle",
    ),
    (
        &["runner", "issue"],
        "  defendable runner issue gpu-1 --internal-key \"$INTERNAL_API_KEY\"",
    ),
    (
        &["auth", "login"],
        "  defendable auth login --email you@example.com\n  defendable auth login --api https://defendable.example",
    ),
    (
        &["auth", "token"],
        "  curl -H \"Authorization: Bearer $(defendable auth token)\" http://127.0.0.1:8080/auth/me",
    ),
    (
        &["api"],
        "  defendable api GET /auth/me\n  defendable api POST /projects --field name=Payments\n  \
         defendable api GET /runs --jq '.runs[].id'",
    ),
    (
        &["config", "set"],
        "  defendable config set color never\n  defendable config set timeout 120\n  \
         defendable config set api https://defendable.example",
    ),
];

/// The whole command tree as the binary parses it.
pub fn command() -> Command {
    finish(crate::cli::Cli::command(), &[])
}

fn finish(mut cmd: Command, path: &[&str]) -> Command {
    cmd = match cmd.get_name() {
        "ls" if !path.is_empty() => cmd.visible_alias("list"),
        "show" if !path.is_empty() => cmd.visible_alias("view"),
        _ => cmd,
    };
    if let Some((_, examples)) = EXAMPLES.iter().find(|(p, _)| *p == path) {
        cmd = cmd.after_help(format!("Examples:\n{examples}"));
    }
    cmd = cmd.mut_args(describe);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(&name);
        cmd = cmd.mut_subcommand(&name, |sub| finish(sub, &sub_path));
    }
    cmd
}

/// Gives an argument without a description the shared one for its name.
fn describe(arg: Arg) -> Arg {
    if arg.get_help().is_some() {
        return arg;
    }
    match ARG_HELP.iter().find(|(id, _)| *id == arg.get_id().as_str()) {
        Some((_, help)) => arg.help(*help),
        None => arg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `man/defendable.1` is rendered from the tree by clap_mangen; a stale copy fails
    /// and `DEFENDABLE_UPDATE_COMPLETIONS=1 cargo test -p defendable-cli` rewrites it.
    #[test]
    fn committed_man_page_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../man/defendable.1");
        let mut fresh = Vec::new();
        clap_mangen::Man::new(command()).render(&mut fresh).unwrap();
        if std::env::var_os("DEFENDABLE_UPDATE_COMPLETIONS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale: run DEFENDABLE_UPDATE_COMPLETIONS=1 cargo test -p defendable-cli",
            path.display()
        );
    }

    fn walk(cmd: &Command, path: String, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let builtin = matches!(arg.get_id().as_str(), "help" | "version");
            if !builtin && arg.get_help().is_none() && !arg.is_hide_set() {
                missing.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, format!("{path} {}", sub.get_name()), missing);
        }
    }

    #[test]
    fn every_argument_is_described() {
        let mut missing = Vec::new();
        walk(&command(), "defendable".into(), &mut missing);
        assert!(missing.is_empty(), "arguments without help: {missing:#?}");
    }

    #[test]
    fn the_tree_is_consistent_and_examples_name_real_commands() {
        let cmd = command();
        cmd.clone().debug_assert();
        for (path, _) in EXAMPLES {
            let mut at = &cmd;
            for name in *path {
                at = at
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("no command {path:?}"));
            }
            assert!(at.get_after_help().is_some(), "{path:?}");
        }
    }

    #[test]
    fn lists_and_views_have_their_aliases() {
        let cmd = command();
        let runs = cmd.find_subcommand("runs").unwrap();
        assert!(runs.find_subcommand("list").is_some());
        assert!(runs.find_subcommand("view").is_some());
    }
}
