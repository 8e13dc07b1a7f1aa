//! `defendable log`: the public log of the chain a shared receipt belongs to (its
//! signed checkpoint and consistency proofs between two sizes), fetched without an
//! account and printed as JSON.

use clap::Subcommand;

use crate::api::{Answer as _, Ctx};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// The signed checkpoint of the chain a shared receipt belongs to.
    Checkpoint {
        /// The receipt's share token.
        #[arg(allow_hyphen_values = true)]
        token: String,
    },
    /// A consistency proof between two sizes of that chain.
    Consistency {
        /// The receipt's share token.
        #[arg(allow_hyphen_values = true)]
        token: String,
        /// The earlier tree size.
        #[arg(long)]
        first: i64,
        /// The later tree size.
        #[arg(long)]
        second: i64,
    },
}

pub async fn log(ctx: &Ctx, cmd: LogCommand) -> Result<(), CliError> {
    let client = ctx.anonymous()?;
    match cmd {
        LogCommand::Checkpoint { token } => {
            let checkpoint = client
                .share_log_checkpoint()
                .token(token)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.json(&checkpoint)
        }
        LogCommand::Consistency {
            token,
            first,
            second,
        } => {
            let proof = client
                .share_log_consistency()
                .token(token)
                .first(first)
                .second(second)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.json(&proof)
        }
    }
}
