//! Receipts, the ledger and `verify`: every hash is recomputed here, from the
//! payloads themselves, with the contract crate; the server's own `verified` flag and
//! ledger report are never what decides.

use std::path::Path;

use defendable_contract::merkle;
use defendable_contract::note::Verifier;
use defendable_contract::receipt::{verify_chain, ChainEntry, ChainReport};
use defendable_contract::transparency::{hash_from_hex, verify_receipt_signature};
use futures::StreamExt as _;
use serde_json::{json, Value};

use crate::api::{Answer as _, Ctx};
use crate::cli::{LedgerCommand, ReceiptCommand, ReceiptsCommand};
use crate::client::{types, Client};
use crate::error::CliError;
use crate::output::{line, note};

/// A run id is 32 lowercase hex characters; anything else is taken as a share token.
fn is_run_id(text: &str) -> bool {
    text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The share token of a run (by id) or the token itself.
async fn share_token(ctx: &Ctx, run_or_token: &str) -> Result<String, CliError> {
    if !is_run_id(run_or_token) {
        return Ok(run_or_token.to_string());
    }
    let run = ctx
        .authed()?
        .runs_get()
        .run_id(run_or_token)
        .send()
        .answer(ctx)
        .await?;
    run.receipt.map(|r| r.share_token).ok_or_else(|| {
        CliError::other("this run has no receipt yet (`defendable receipt generate`)")
    })
}

pub async fn receipt(ctx: &Ctx, cmd: ReceiptCommand) -> Result<(), CliError> {
    match cmd {
        ReceiptCommand::Generate { run } => {
            let receipt = ctx
                .authed()?
                .receipt_generate()
                .run_id(run)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &receipt,
                vec![
                    ("receipt id", receipt.receipt_id.clone()),
                    ("position", receipt.org_seq.to_string()),
                    ("sha256", receipt.receipt_sha256.clone()),
                    ("parent", receipt.parent_hash.clone()),
                    ("share url", receipt.share_url.clone()),
                    ("page", super::verify::page_url(&receipt.share_url)),
                    ("pdf", receipt.pdf_url.clone()),
                ],
            )
        }
        ReceiptCommand::Export {
            run_or_token,
            output,
        } => {
            let token = share_token(ctx, &run_or_token).await?;
            let file = ctx
                .anonymous()?
                .share_proof()
                .token(token)
                .send()
                .answer(ctx)
                .await?;
            let text = serde_json::to_string_pretty(&file)
                .map_err(|e| CliError::other(format!("encoding the proof: {e}")))?;
            std::fs::write(&output, text + "\n")
                .map_err(|e| CliError::other(format!("writing {}: {e}", output.display())))?;
            if ctx.printer.json {
                return ctx
                    .printer
                    .json(&json!({"path": output.display().to_string(),
                    "receipt_id": file.receipt.receipt_id, "key_id": file.signature.key_id}));
            }
            ctx.printer.say(&format!(
                "Saved the proof of {} to {}. Check it anywhere with `defendable verify {} --offline --key KEYFILE`.",
                file.receipt.receipt_id,
                output.display(),
                output.display()
            ))
        }
        ReceiptCommand::Show { run_or_token } => {
            let token = share_token(ctx, &run_or_token).await?;
            let public = ctx
                .anonymous()?
                .share_get()
                .token(token)
                .send()
                .answer(ctx)
                .await?;
            if ctx.printer.json {
                return ctx.printer.json(&public);
            }
            ctx.printer.object(
                &public,
                vec![
                    ("receipt id", public.receipt_id.clone()),
                    ("position", public.org_seq.to_string()),
                    ("sha256", public.receipt_sha256.clone()),
                    ("parent", public.parent_hash.clone()),
                    ("created at", public.created_at.clone()),
                    (
                        "schema",
                        public.payload["schema"].as_str().unwrap_or("-").to_string(),
                    ),
                    (
                        "share url",
                        public.payload["share_url"]
                            .as_str()
                            .unwrap_or("-")
                            .to_string(),
                    ),
                    (
                        "page",
                        public.payload["share_url"]
                            .as_str()
                            .map_or("-".to_string(), super::verify::page_url),
                    ),
                    (
                        "verdict",
                        public.payload["verdict"]["outcome"]
                            .as_str()
                            .unwrap_or("-")
                            .to_string(),
                    ),
                    (
                        "approval",
                        public.payload["approval"]["decision"]
                            .as_str()
                            .unwrap_or("-")
                            .to_string(),
                    ),
                ],
            )?;
            ctx.printer.say(&format!(
                "Check it yourself with `defendable verify {}`.",
                public.payload["share_url"]
                    .as_str()
                    .map_or("<token>".to_string(), super::verify::page_url)
            ))
        }
        ReceiptCommand::Pdf {
            run_or_token,
            output,
        } => {
            let token = share_token(ctx, &run_or_token).await?;
            let client = ctx.anonymous()?;
            // The JSON view first: it answers a clear 404 for an unknown token.
            client
                .share_get()
                .token(token.clone())
                .send()
                .await
                .map_err(|e| ctx.fail(e))?;
            let response = client
                .share_pdf()
                .token(token)
                .send()
                .await
                .map_err(|e| ctx.fail(e))?;
            let written = write_stream(&output, response.into_inner()).await?;
            if ctx.printer.json {
                return ctx
                    .printer
                    .json(&json!({"path": output.display().to_string(), "bytes": written}));
            }
            ctx.printer
                .say(&format!("Wrote {} ({written} bytes).", output.display()))
        }
    }
}

async fn write_stream(
    path: &Path,
    mut stream: progenitor_client::ByteStream,
) -> Result<u64, CliError> {
    use tokio::io::AsyncWriteExt as _;
    let fail = |e: std::io::Error| CliError::other(format!("writing {}: {e}", path.display()));
    let tmp = path.with_extension("part");
    let mut file = tokio::fs::File::create(&tmp).await.map_err(fail)?;
    let mut written = 0u64;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| CliError::other(format!("downloading: {e}")))?;
        written += chunk.len() as u64;
        file.write_all(&chunk).await.map_err(fail)?;
    }
    file.flush().await.map_err(fail)?;
    drop(file);
    tokio::fs::rename(&tmp, path).await.map_err(fail)?;
    Ok(written)
}

/// Every page of the organisation's chain, with payloads.
async fn fetch_chain(ctx: &Ctx, client: &Client) -> Result<types::LedgerExport, CliError> {
    const PAGE: i64 = 1000;
    let mut all = types::LedgerExport {
        org_id: String::new(),
        entries: Vec::new(),
        checkpoint: None,
    };
    let spinner = if ctx.printer.terminal {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    loop {
        let from = all.entries.last().map_or(0, |e| e.org_seq + 1);
        spinner.set_message(format!("fetching the chain from position {from}"));
        let page = client
            .ledger_export()
            .from_seq(from)
            .limit(PAGE)
            .send()
            .answer(ctx)
            .await?;
        all.org_id = page.org_id;
        // The first page's checkpoint: every later page only adds entries after it.
        if all.checkpoint.is_none() {
            all.checkpoint = page.checkpoint;
        }
        let done = (page.entries.len() as i64) < PAGE;
        all.entries.extend(page.entries);
        if done {
            spinner.finish_and_clear();
            return Ok(all);
        }
    }
}

fn chain_report(export: &types::LedgerExport) -> ChainReport {
    let entries: Vec<ChainEntry<'_>> = export
        .entries
        .iter()
        .map(|e| ChainEntry {
            org_seq: e.org_seq,
            receipt_id: &e.receipt_id,
            parent_hash: &e.parent_hash,
            receipt_sha256: &e.receipt_sha256,
            canonical_payload: e.payload_canonical.as_bytes(),
        })
        .collect();
    verify_chain(Some(&export.org_id), &entries)
}

/// With trusted keys: the export's checkpoint must be signed by one of them, be for
/// this organisation, and its root must be the tree over the first `size` receipts.
fn tree_problems(export: &types::LedgerExport, trusted: &[Verifier]) -> Vec<String> {
    let Some(cp) = &export.checkpoint else {
        return vec!["no signed checkpoint comes with these receipts".to_string()];
    };
    let opened = match defendable_contract::checkpoint::open_checkpoint(&cp.note, trusted) {
        Ok(opened) => opened,
        Err(e) => return vec![format!("checkpoint not signed by a trusted key: {e}")],
    };
    let mut problems = Vec::new();
    if !opened
        .origin()
        .ends_with(&format!("/orgs/{}", export.org_id))
    {
        problems.push(format!(
            "the checkpoint is for {}, not this organisation",
            opened.origin()
        ));
    }
    let size = opened.size() as usize;
    let leaves: Result<Vec<_>, _> = export
        .entries
        .iter()
        .take(size)
        .map(|e| merkle::receipt_leaf(&e.receipt_sha256))
        .collect();
    match leaves {
        Ok(leaves) if leaves.len() == size && &merkle::root(&leaves) == opened.root() => {}
        Ok(leaves) if leaves.len() < size => problems.push(format!(
            "the signed checkpoint covers {size} receipts but only {} are here",
            leaves.len()
        )),
        _ => problems.push(format!(
            "the signed checkpoint (size {size}) does not match these receipts: the chain was rewritten"
        )),
    }
    problems
}

fn add_problems(report: &mut ChainReport, export: &types::LedgerExport, problems: Vec<String>) {
    let at = export.checkpoint.as_ref().map_or(0, |c| c.tree_size);
    for error in problems {
        report
            .errors
            .push(defendable_contract::receipt::ChainError { org_seq: at, error });
    }
    report.error_count = report.errors.len() as u64;
    report.ok = report.errors.is_empty();
}

/// With trusted keys: every signed receipt's signature must be by one of them and
/// over that receipt's statement. Receipts without a signature (minted before signing)
/// are counted, not failed.
fn check_signatures(
    export: &types::LedgerExport,
    trusted: &[Verifier],
    report: &mut ChainReport,
) -> usize {
    if trusted.is_empty() {
        return 0;
    }
    let mut unsigned = 0;
    for e in &export.entries {
        let Some(sig) = &e.signature else {
            unsigned += 1;
            continue;
        };
        let problem = verify_receipt_signature(
            &sig.note,
            trusted,
            &export.org_id,
            e.org_seq,
            &e.receipt_id,
            &e.receipt_sha256,
        )
        .err()
        .map(|why| format!("signature: {why}"));
        if let Some(error) = problem {
            report
                .errors
                .push(defendable_contract::receipt::ChainError {
                    org_seq: e.org_seq,
                    error,
                });
        }
    }
    report.error_count = report.errors.len() as u64;
    report.ok = report.errors.is_empty();
    unsigned
}

fn print_chain_report(
    ctx: &Ctx,
    source: &str,
    report: &ChainReport,
    server: Option<&types::LedgerVerifyResult>,
) -> Result<(), CliError> {
    if ctx.printer.json {
        ctx.printer.json(&json!({
            "source": source,
            "ok": report.ok,
            "receipts_checked": report.receipts_checked,
            "error_count": report.error_count,
            "errors": report.errors.iter().map(|e| json!({"org_seq": e.org_seq, "error": e.error})).collect::<Vec<_>>(),
            "server_report": server,
        }))?;
    } else {
        line(&format!(
            "Checked {} receipt(s) from {source}: hashes recomputed from the canonical payloads, sequence, parent links, payload/column agreement.",
            report.receipts_checked
        ))?;
        for e in &report.errors {
            line(&format!("  ✗ #{}: {}", e.org_seq, e.error))?;
        }
        if let Some(server) = server {
            line(&format!(
                "The server's own report: ok={}, {} receipt(s), {} error(s).",
                server.ok, server.receipts_checked, server.error_count
            ))?;
        }
        line(if report.ok {
            "Chain verified."
        } else {
            "Chain verification FAILED."
        })?;
    }
    if report.ok {
        Ok(())
    } else {
        Err(CliError::verification(format!(
            "{} problem(s) found in the chain",
            report.error_count
        )))
    }
}

pub async fn ledger(ctx: &Ctx, cmd: LedgerCommand) -> Result<(), CliError> {
    match cmd {
        LedgerCommand::Ls { from_seq, limit } => {
            let client = ctx.authed()?;
            let mut request = client.ledger_list();
            if let Some(from) = from_seq {
                request = request.from_seq(from);
            }
            if let Some(limit) = limit {
                request = request.limit(limit);
            }
            let list = request.send().answer(ctx).await?;
            let rows = list
                .entries
                .iter()
                .map(|e| {
                    vec![
                        e.org_seq.to_string(),
                        e.receipt_id.clone(),
                        e.receipt_sha256.clone(),
                        e.schema.clone(),
                        e.created_at.clone(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &list.entries,
                &["SEQ", "RECEIPT", "SHA256", "SCHEMA", "CREATED"],
                rows,
            )
        }
        LedgerCommand::Checkpoint => {
            let client = ctx.authed()?;
            let cp = client.ledger_checkpoint().send().answer(ctx).await?;
            let trusted = crate::trust::all_trusted(ctx);
            let signed = (!trusted.is_empty()).then(|| {
                defendable_contract::checkpoint::open_checkpoint(&cp.note, &trusted).is_ok()
            });
            let history = if signed == Some(true) {
                Some(watch_checkpoint(ctx, &client, &cp).await?)
            } else {
                None
            };
            ctx.printer.object(
                &cp,
                vec![
                    ("origin", cp.origin.clone()),
                    ("size", cp.tree_size.to_string()),
                    ("root", cp.root_hash.clone()),
                    ("key", cp.key_id.clone()),
                    (
                        "signature",
                        match signed {
                            Some(true) => "valid (trusted key)".into(),
                            Some(false) => "NOT by a trusted key".into(),
                            None => {
                                "not checked: no trusted key (`defendable keys trust URL`)".into()
                            }
                        },
                    ),
                    (
                        "history",
                        match &history {
                            Some(Ok(text)) => text.clone(),
                            Some(Err(e)) => format!("FAILED: {e}"),
                            None => "not checked (needs a trusted signature)".into(),
                        },
                    ),
                ],
            )?;
            if signed == Some(false) {
                return Err(CliError::verification(
                    "the checkpoint is not signed by a trusted key",
                ));
            }
            if let Some(Err(e)) = history {
                return Err(CliError::verification(e));
            }
            Ok(())
        }
        LedgerCommand::Prove { org_seq } => {
            let client = ctx.authed()?;
            let cp = client.ledger_checkpoint().send().answer(ctx).await?;
            let proof = client
                .ledger_inclusion_proof()
                .org_seq(org_seq)
                .tree_size(cp.tree_size)
                .send()
                .answer(ctx)
                .await?;
            let path: Option<Vec<_>> = proof.proof.iter().map(|h| hash_from_hex(h)).collect();
            let result = match (
                hash_from_hex(&proof.leaf_hash),
                hash_from_hex(&cp.root_hash),
                path,
            ) {
                (Some(leaf), Some(root), Some(path)) => merkle::verify_inclusion(
                    &leaf,
                    org_seq.max(0) as u64,
                    cp.tree_size.max(0) as u64,
                    &path,
                    &root,
                )
                .map_err(|e| e.to_string()),
                _ => Err("the server sent a malformed hash".to_string()),
            };
            ctx.printer.object(
                &proof,
                vec![
                    ("position", org_seq.to_string()),
                    ("tree size", proof.tree_size.to_string()),
                    ("root", cp.root_hash.clone()),
                    ("proof", format!("{} hashes", proof.proof.len())),
                    (
                        "checked here",
                        match &result {
                            Ok(()) => "included".to_string(),
                            Err(e) => format!("FAILED: {e}"),
                        },
                    ),
                ],
            )?;
            result.map_err(|e| CliError::verification(format!("inclusion proof failed: {e}")))
        }
        LedgerCommand::Consistency { from, to } => {
            let client = ctx.authed()?;
            let mut request = client.ledger_consistency_proof().from(from);
            if let Some(to) = to {
                request = request.to(to);
            }
            let proof = request.send().answer(ctx).await?;
            let result = super::verify::consistent(
                proof.from,
                proof.to,
                &proof.from_root,
                &proof.to_root,
                &proof.proof,
            );
            ctx.printer.object(
                &proof,
                vec![
                    ("from", format!("{} ({})", proof.from, proof.from_root)),
                    ("to", format!("{} ({})", proof.to, proof.to_root)),
                    (
                        "checked here",
                        match &result {
                            Ok(()) => "consistent".to_string(),
                            Err(e) => format!("FAILED: {e}"),
                        },
                    ),
                ],
            )?;
            result.map_err(|e| CliError::verification(format!("consistency proof failed: {e}")))
        }
        LedgerCommand::Export { output } => {
            let client = ctx.authed()?;
            let export = fetch_chain(ctx, &client).await?;
            let text = serde_json::to_string_pretty(&export)
                .map_err(|e| CliError::other(format!("encoding the export: {e}")))?;
            std::fs::write(&output, text + "\n")
                .map_err(|e| CliError::other(format!("writing {}: {e}", output.display())))?;
            if ctx.printer.json {
                return ctx
                    .printer
                    .json(&json!({"path": output.display().to_string(),
                    "receipts": export.entries.len(), "org_id": export.org_id}));
            }
            ctx.printer.say(&format!(
                "Saved {} receipt(s) to {}. Check it anywhere with `defendable ledger verify --offline {}`.",
                export.entries.len(),
                output.display(),
                output.display()
            ))
        }
        LedgerCommand::Verify { offline, server } => {
            let trusted = crate::trust::all_trusted(ctx);
            if let Some(path) = offline {
                let export: types::LedgerExport = read_json_file(&path)?;
                return verify_saved_chain(ctx, &path.display().to_string(), &export);
            }
            let client = ctx.authed()?;
            let export = fetch_chain(ctx, &client).await?;
            let mut report = chain_report(&export);
            let unsigned = check_signatures(&export, &trusted, &mut report);
            if unsigned > 0 {
                note(&format!(
                    "{unsigned} receipt(s) carry no signature (minted before signing)"
                ));
            }
            // With a trusted key: the signed checkpoint covers exactly these hashes,
            // and extends the last checkpoint this CLI saw.
            if !trusted.is_empty() {
                let mut problems = tree_problems(&export, &trusted);
                if let Some(cp) = &export.checkpoint {
                    if problems.is_empty() {
                        if let Err(e) = watch_checkpoint(ctx, &client, cp).await? {
                            problems.push(e);
                        }
                    }
                }
                add_problems(&mut report, &export, problems);
            }
            let server_report = if server {
                Some(client.ledger_verify().send().answer(ctx).await?)
            } else {
                None
            };
            print_chain_report(ctx, &ctx.base, &report, server_report.as_ref())
        }
    }
}

/// Checks a saved chain with the keys trusted here: every receipt, the signed
/// checkpoint over them and their signatures.
pub(crate) fn verify_saved_chain(
    ctx: &Ctx,
    source: &str,
    export: &types::LedgerExport,
) -> Result<(), CliError> {
    let trusted = crate::trust::all_trusted(ctx);
    let mut report = chain_report(export);
    if !trusted.is_empty() {
        let problems = tree_problems(export, &trusted);
        add_problems(&mut report, export, problems);
    }
    let unsigned = check_signatures(export, &trusted, &mut report);
    if unsigned > 0 {
        note(&format!(
            "{unsigned} receipt(s) carry no signature (minted before signing)"
        ));
    }
    print_chain_report(ctx, source, &report, None)
}

fn read_json_file<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::other(format!("reading {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::verification(format!(
            "{} is not a file this command reads: {e}",
            path.display()
        ))
    })
}

/// Compares a verified checkpoint with the largest one this CLI saw for that chain: the
/// new tree must extend it (checked with a consistency proof), or the server rewrote
/// history. Remembers the new one when it does.
async fn watch_checkpoint(
    ctx: &Ctx,
    client: &Client,
    cp: &types::SignedCheckpoint,
) -> Result<Result<String, String>, CliError> {
    let seen = ctx.store.seen_checkpoint(&ctx.base, &cp.origin);
    let outcome = match &seen {
        None => Ok(format!("first checkpoint seen for {}", cp.origin)),
        Some(old) if old.size > cp.tree_size => Err(format!(
            "the chain shrank from size {} (seen before) to {}",
            old.size, cp.tree_size
        )),
        Some(old) if old.size == cp.tree_size => {
            if old.root_hash == cp.root_hash {
                Ok(format!(
                    "same as the checkpoint seen before (size {})",
                    old.size
                ))
            } else {
                Err(format!(
                    "a different tree of size {} than the one seen before: the chain was rewritten",
                    old.size
                ))
            }
        }
        Some(old) => {
            let proof = client
                .ledger_consistency_proof()
                .from(old.size)
                .to(cp.tree_size)
                .send()
                .answer(ctx)
                .await?;
            let checked = super::verify::consistent(
                old.size,
                cp.tree_size,
                &old.root_hash,
                &cp.root_hash,
                &proof.proof,
            );
            match checked {
                Ok(()) => Ok(format!(
                    "extends the checkpoint seen before (size {} → {})",
                    old.size, cp.tree_size
                )),
                Err(e) => Err(format!(
                    "the chain does not extend the checkpoint seen at size {} ({e}): it was rewritten",
                    old.size
                )),
            }
        }
    };
    if outcome.is_ok() {
        ctx.store.remember_checkpoint(
            &ctx.base,
            &cp.origin,
            crate::credentials::SeenCheckpoint {
                size: cp.tree_size,
                root_hash: cp.root_hash.clone(),
            },
        )?;
    }
    Ok(outcome)
}

/// `receipts recent`.
pub async fn receipts(ctx: &Ctx, cmd: ReceiptsCommand) -> Result<(), CliError> {
    let ReceiptsCommand::Recent { schema, limit } = cmd;
    let client = ctx.authed()?;
    let mut request = client.receipts_recent().limit(limit);
    if let Some(schema) = &schema {
        request = request.schema(schema);
    }
    let list = request.send().answer(ctx).await?;
    let rows = list
        .rollups
        .iter()
        .map(|r| {
            let lane = r.summary.get("lane").and_then(Value::as_str).unwrap_or("?");
            let detail = r
                .summary
                .as_object()
                .map(|m| {
                    m.iter()
                        .filter(|(k, v)| k.as_str() != "lane" && !v.is_null())
                        .map(|(k, v)| match v {
                            Value::String(s) => format!("{k}={s}"),
                            other => format!("{k}={other}"),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            vec![
                r.org_seq.to_string(),
                r.receipt_id.clone(),
                lane.to_string(),
                detail,
                r.created_at.clone(),
            ]
        })
        .collect();
    ctx.printer.list(
        &list,
        &["seq", "receipt", "lane", "summary", "created"],
        rows,
    )
}
