//! `cooks`: queue preparation jobs against a run's eval and follow them.

use crate::api::{Answer as _, Ctx};
use crate::cli::CooksCommand;
use crate::client::types;
use crate::commands::wire;
use crate::error::CliError;
use crate::output::opt;
use crate::paging::{self, Listing, Page};
use crate::resolve;

fn row(c: &types::Cook) -> Vec<String> {
    vec![
        c.id.clone(),
        c.run_id.clone(),
        wire(&c.status),
        c.base_model.clone(),
        format!("{:.4}", c.eval_before),
        opt(c.eval_after.map(|v| format!("{v:.4}"))),
        opt(c.runner.clone()),
        opt(c.receipt_id.clone()),
    ]
}

fn show(ctx: &Ctx, cook: &types::Cook) -> Result<(), CliError> {
    let metrics = serde_json::to_string(&cook.metrics).unwrap_or_default();
    ctx.printer.object(
        cook,
        vec![
            ("id", cook.id.clone()),
            ("run", cook.run_id.clone()),
            ("status", wire(&cook.status)),
            ("base model", cook.base_model.clone()),
            ("dataset", opt(cook.dataset_id.clone())),
            ("pairs", cook.pairs.to_string()),
            ("eval before", format!("{:.4}", cook.eval_before)),
            (
                "eval after",
                opt(cook.eval_after.map(|v| format!("{v:.4}"))),
            ),
            ("lift", opt(cook.lift.map(|v| format!("{v:+.4}")))),
            ("runner", opt(cook.runner.clone())),
            ("attempts", cook.attempts.to_string()),
            ("lease until", opt(cook.lease_expires_at.clone())),
            ("adapter", opt(cook.adapter_ref.clone())),
            ("compute usd", opt(cook.compute_usd)),
            ("metrics", metrics),
            ("error", opt(cook.error.clone())),
            ("receipt", opt(cook.receipt_id.clone())),
            ("share token", opt(cook.share_token.clone())),
            ("created", cook.created_at.clone()),
            ("updated", cook.updated_at.clone()),
        ],
    )
}

pub async fn cooks(ctx: &Ctx, cmd: CooksCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        CooksCommand::Request {
            run,
            dataset,
            base_model,
        } => {
            let run = resolve::run_id(ctx, &client, &run).await?;
            let cook = client
                .cook_request()
                .run_id(run)
                .body(types::CookRequestIn {
                    dataset_id: dataset,
                    base_model,
                })
                .send()
                .answer(ctx)
                .await?;
            show(ctx, &cook)
        }
        CooksCommand::Ls { page } => {
            let listing = Listing {
                headers: &[
                    "ID",
                    "RUN",
                    "STATUS",
                    "BASE MODEL",
                    "BEFORE",
                    "AFTER",
                    "RUNNER",
                    "RECEIPT",
                ],
                row,
                ids: true,
                json: |cooks, next_cursor| types::CookList { cooks, next_cursor },
            };
            paging::list(ctx, &page, listing, |cursor| {
                let mut request = client.cooks_list();
                if let Some(limit) = page.limit {
                    request = request.limit(limit);
                }
                if let Some(cursor) = cursor {
                    request = request.cursor(cursor);
                }
                async move {
                    let list = request.send().answer(ctx).await?;
                    Ok(Page {
                        items: list.cooks,
                        next: list.next_cursor,
                    })
                }
            })
            .await
        }
        CooksCommand::Show { cook } => {
            let cook = resolve::cook_id(ctx, &client, &cook).await?;
            let cook = client.cooks_get().cook_id(cook).send().answer(ctx).await?;
            show(ctx, &cook)
        }
    }
}
