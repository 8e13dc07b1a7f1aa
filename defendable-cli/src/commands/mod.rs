//! Command handlers, one module per area. Each parses its arguments into a generated
//! request, sends it, and prints the answer.

pub mod access;
pub mod account;
pub mod agents;
pub mod catalogs;
pub mod cooks;
pub mod membership;
pub mod receipts;
pub mod runner;
pub mod verify;
pub mod work;

use crate::api::Ctx;
use crate::cli::{Cli, Command};
use crate::error::CliError;

/// Runs one parsed command line.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    if let Command::Completion { shell } = &cli.command {
        return crate::completion::print(*shell);
    }
    let ctx = Ctx::new(&cli.global)?;
    match cli.command {
        Command::Auth(cmd) => account::auth(&ctx, cmd).await,
        Command::Server(cmd) => account::server(&ctx, cmd).await,
        Command::Org(cmd) => access::org(&ctx, cmd).await,
        Command::Keys(cmd) => access::keys(&ctx, cmd).await,
        Command::Members(cmd) => access::members(&ctx, cmd).await,
        Command::Invites(cmd) => access::invites(&ctx, cmd).await,
        Command::Projects(cmd) => work::projects(&ctx, cmd).await,
        Command::FlightSheets(cmd) => work::flight_sheets(&ctx, cmd).await,
        Command::Runs(cmd) => work::runs(&ctx, cmd).await,
        Command::Evidence(cmd) => work::evidence(&ctx, cmd).await,
        Command::Submission(cmd) => work::submission(&ctx, cmd).await,
        Command::Audit(cmd) => work::audit(&ctx, cmd).await,
        Command::Checks(cmd) => work::checks(&ctx, cmd).await,
        Command::Approval(cmd) => work::approval(&ctx, cmd).await,
        Command::Receipt(cmd) => receipts::receipt(&ctx, cmd).await,
        Command::Receipts(cmd) => receipts::receipts(&ctx, cmd).await,
        Command::Ledger(cmd) => receipts::ledger(&ctx, cmd).await,
        Command::Cooks(cmd) => cooks::cooks(&ctx, cmd).await,
        Command::Runner(cmd) => runner::runner(&ctx, cmd).await,
        Command::Verify(args) => verify::verify(&ctx, args).await,
        Command::Datasets(cmd) => catalogs::datasets(&ctx, cmd).await,
        Command::Models(cmd) => catalogs::models(&ctx, cmd).await,
        Command::Membership(cmd) => membership::membership(&ctx, cmd).await,
        Command::Admin(cmd) => membership::admin(&ctx, cmd).await,
        Command::Policy(cmd) => membership::policy(&ctx, cmd).await,
        Command::Agents(cmd) => agents::agents(&ctx, cmd).await,
        Command::Incidents(cmd) => agents::incidents(&ctx, cmd).await,
        Command::Stack(cmd) => agents::stack(&ctx, cmd).await,
        Command::Completion { .. } => unreachable!("handled above"),
    }
}

/// Text of a generated enum as it appears on the wire.
pub fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => "?".to_string(),
    }
}

/// True when stdin and stderr are a terminal (prompts are only shown then).
pub fn interactive() -> bool {
    use std::io::IsTerminal as _;
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
