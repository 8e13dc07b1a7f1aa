//! The `defendable-server` binary: `serve` (default), `migrate`, `openapi` and
//! `check-sheets`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use defendable_server::config::{Config, ServeArgs};

#[derive(Parser)]
#[command(
    name = "defendable-server",
    version,
    about = "The defendable proof-vault server",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (the default).
    Serve(ServeArgs),
    /// Apply database migrations and load the flight-sheet library, then exit.
    Migrate(ServeArgs),
    /// Print the OpenAPI document.
    Openapi,
    /// Validate a directory of flight-sheet files without starting the server:
    /// lists every bad file with the JSON path and the reason, and exits
    /// non-zero if there is any.
    CheckSheets {
        /// The directory (the same as `--flight-sheets`).
        dir: std::path::PathBuf,
    },
}

fn init_logging(args: &ServeArgs) {
    defendable_server::observability::logs::init(args.observability.log_format);
}

#[tokio::main]
async fn main() -> ExitCode {
    // Everything the server creates (database, WAL, blobs, secrets) is the
    // owner's alone: files 0600, directories 0700.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve(cli.serve)) {
        Command::Openapi => {
            print!("{}", defendable_contract::api::openapi_json());
            ExitCode::SUCCESS
        }
        Command::CheckSheets { dir } => match defendable_server::checks::library::load_dir(&dir) {
            Ok(sheets) => {
                println!(
                    "{}: {} flight sheet(s), all valid",
                    dir.display(),
                    sheets.len()
                );
                ExitCode::SUCCESS
            }
            Err(errors) => {
                eprintln!("error: {errors}");
                ExitCode::FAILURE
            }
        },
        Command::Migrate(args) => {
            init_logging(&args);
            match run_migrate(args).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve(args) => {
            init_logging(&args);
            match run_serve(args).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

async fn run_migrate(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config::resolve(args)?;
    defendable_server::prepare(config).await?;
    eprintln!("migrations applied; flight-sheet library loaded");
    Ok(())
}

async fn run_serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = Config::resolve(args)?;
    let base = config.api_base_url.clone();
    let data_dir = config.data_dir.clone();
    let server = defendable_server::start(config).await?;
    eprintln!(
        "defendable-server listening on {} (data: {})",
        server.local_addr(),
        data_dir.display()
    );
    eprintln!("use it from the CLI:  DEFENDABLE_API={base} defendable auth login");
    tokio::select! {
        result = server.wait_for_shutdown() => result.map_err(|e| anyhow::anyhow!(e)),
        _ = tokio::signal::ctrl_c() => {
            eprintln!("shutting down");
            server.close().await.map_err(|e| anyhow::anyhow!(e))
        }
    }
}
