//! `defendable verify`: checks a receipt here, trusting nothing the server says about
//! it. Reads `/r/` and `/share/` links, share tokens, proof files, receipt JSON,
//! receipt PDFs (their embedded proof) and saved chains. A receipt is called
//! authentic only after its signature checked out against a key the user trusts;
//! a hash-only check is "intact but NOT authenticated" and fails (exit 3) unless
//! `--integrity-only` asks for no more. Online, the server's key is pinned on first
//! use, the receipt's inclusion is checked against the signed checkpoint, and that
//! checkpoint against the chain's latest and the last one this CLI saw.

use std::path::{Path, PathBuf};

use defendable_contract::checkpoint::open_checkpoint;
use defendable_contract::merkle::{self, Hash};
use defendable_contract::note::Verifier;
use defendable_contract::receipt::{check_receipt_document, ReceiptCheck};
use defendable_contract::receipt_kinds::ReceiptKind;
use defendable_contract::schemas::ProofFile;
use defendable_contract::transparency::{
    check_proof_file, hash_from_hex, hash_hex, receipt_org_id, verify_receipt_signature,
    PROOF_FORMAT,
};
use serde_json::{json, Value};

use crate::api::Ctx;
use crate::cli::VerifyArgs;
use crate::client::{types, Client};
use crate::credentials::SeenCheckpoint;
use crate::error::CliError;
use crate::output::{line, note};
use crate::pdf_proof::{embedded_proof, is_pdf};
use crate::trust::{self, KeyPolicy};
use crate::{commands::receipts, public_log};

/// Where a verify target points: a local file, or a shared receipt on some server.
#[derive(Debug)]
pub(crate) enum Target {
    File(PathBuf),
    Share { base: Option<String>, token: String },
}

/// Reads a target: an existing file, a `/share/` or `/r/` URL, or a bare token.
pub(crate) fn target_of(text: &str, offline: bool) -> Result<Target, CliError> {
    let path = Path::new(text);
    if path.is_file() {
        return Ok(Target::File(path.to_path_buf()));
    }
    if offline {
        return Err(CliError::usage(format!(
            "--offline needs a saved receipt, proof or PDF file; {text} is not a file"
        )));
    }
    let link = ["/share/", "/r/"]
        .iter()
        .find_map(|marker| text.split_once(marker));
    if let Some((origin, rest)) = link {
        let token = rest
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default()
            .to_string();
        if token.is_empty() || !origin.contains("://") {
            return Err(CliError::usage(format!("{text} is not a receipt link")));
        }
        return Ok(Target::Share {
            base: Some(origin.trim_end_matches('/').to_string()),
            token,
        });
    }
    if text.contains('/') || text.is_empty() {
        return Err(CliError::usage(format!(
            "{text} is neither a file, a receipt link (/r/ or /share/) nor a share token"
        )));
    }
    Ok(Target::Share {
        base: None,
        token: text.to_string(),
    })
}

/// The page for people of a share link: `/share/TOKEN` becomes `/r/TOKEN`.
pub(crate) fn page_url(share_url: &str) -> String {
    match share_url.rsplit_once("/share/") {
        Some((origin, token)) => format!("{origin}/r/{token}"),
        None => share_url.to_string(),
    }
}

fn check(name: &str, ok: Option<bool>, detail: impl Into<String>) -> ReceiptCheck {
    ReceiptCheck {
        check: name.into(),
        ok,
        detail: detail.into(),
    }
}

/// What a local file holds.
enum Local {
    Proof(Box<ProofFile>),
    Chain(types::LedgerExport),
    Receipt(Value),
}

/// Reads a local file: a PDF's embedded proof, a proof file, a saved chain, or a
/// receipt document. A PDF whose proof is damaged fails verification (exit 3).
fn read_local(path: &Path) -> Result<Local, CliError> {
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::other(format!("reading {}: {e}", path.display())))?;
    let (bytes, from_pdf) = if is_pdf(&bytes) {
        let proof = embedded_proof(&bytes)
            .map_err(|e| CliError::verification(format!("{}: {e}", path.display())))?;
        (proof, true)
    } else {
        (bytes, false)
    };
    let doc: Value = serde_json::from_slice(&bytes).map_err(|e| {
        CliError::verification(if from_pdf {
            format!("the proof embedded in {} is damaged: {e}", path.display())
        } else {
            format!("{} is not a file this command reads: {e}", path.display())
        })
    })?;
    if doc.get("format").and_then(Value::as_str) == Some(PROOF_FORMAT) {
        let file: ProofFile = serde_json::from_value(doc)
            .map_err(|e| CliError::verification(format!("reading the proof file: {e}")))?;
        return Ok(Local::Proof(Box::new(file)));
    }
    if from_pdf {
        return Err(CliError::verification(format!(
            "the file embedded in {} is not a {PROOF_FORMAT} proof",
            path.display()
        )));
    }
    if doc.get("entries").is_some() && doc.get("org_id").is_some() {
        let export: types::LedgerExport = serde_json::from_value(doc)
            .map_err(|e| CliError::verification(format!("reading the chain: {e}")))?;
        return Ok(Local::Chain(export));
    }
    Ok(Local::Receipt(doc))
}

const NO_KEY: &str = "skipped: no trusted key (pass --key FILE, or pin the server's key with `defendable keys trust URL`)";

/// The checks of a proof file. Without a trusted key, only what needs none: the
/// receipt's own checks, with the signature and the signed tree skipped.
fn proof_checks(file: &ProofFile, trusted: &[Verifier]) -> Vec<ReceiptCheck> {
    if !trusted.is_empty() {
        return check_proof_file(file, trusted);
    }
    let doc = serde_json::to_value(&file.receipt).unwrap_or_default();
    let mut checks: Vec<_> = check_receipt_document(&doc)
        .into_iter()
        .filter(|c| c.check != "chain inclusion")
        .collect();
    checks.push(check("signature", None, NO_KEY));
    checks.push(check(
        "inclusion",
        None,
        "skipped: the checkpoint it is proven against is only as good as a trusted key",
    ));
    checks
}

/// The signature check of a receipt document (a public view with `signature`).
fn document_signature(doc: &Value, trusted: &[Verifier]) -> ReceiptCheck {
    let payload = doc.get("payload").unwrap_or(doc);
    let Some(note_text) = doc
        .get("signature")
        .and_then(|s| s.get("note"))
        .and_then(Value::as_str)
    else {
        return check(
            "signature",
            None,
            "skipped: the receipt carries no signature (receipts of the original service are unsigned)",
        );
    };
    if trusted.is_empty() {
        return check("signature", None, NO_KEY);
    }
    let Some(org_id) = receipt_org_id(payload, None) else {
        return check(
            "signature",
            None,
            "skipped: this receipt names its organisation by commitment; verify its proof file or link",
        );
    };
    let text = |key: &str| payload.get(key).and_then(Value::as_str).unwrap_or_default();
    let sha = doc
        .get("receipt_sha256")
        .and_then(Value::as_str)
        .unwrap_or_else(|| text("receipt_sha256"));
    match verify_receipt_signature(
        note_text,
        trusted,
        &org_id,
        payload.get("org_seq").and_then(Value::as_i64).unwrap_or(-1),
        text("receipt_id"),
        sha,
    ) {
        Ok(()) => check(
            "signature",
            Some(true),
            format!(
                "signed by trusted key {}",
                doc.pointer("/signature/key_id")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
            ),
        ),
        Err(why) => check("signature", Some(false), why),
    }
}

/// The checks of a receipt document on its own.
fn document_checks(doc: &Value, trusted: &[Verifier], inclusion_why: &str) -> Vec<ReceiptCheck> {
    let mut checks: Vec<_> = check_receipt_document(doc)
        .into_iter()
        .filter(|c| c.check != "chain inclusion")
        .collect();
    checks.push(document_signature(doc, trusted));
    checks.push(check("inclusion", None, inclusion_why));
    checks
}

/// Checks a consistency proof given in hex, as servers send it.
pub(crate) fn consistent(
    from: i64,
    to: i64,
    from_root: &str,
    to_root: &str,
    proof: &[String],
) -> Result<(), String> {
    let path: Option<Vec<_>> = proof.iter().map(|h| hash_from_hex(h)).collect();
    match (hash_from_hex(from_root), hash_from_hex(to_root), path) {
        (Some(a), Some(b), Some(path)) if from >= 0 && to >= 0 => {
            merkle::verify_consistency(from as u64, to as u64, &a, &b, &path)
                .map_err(|e| e.to_string())
        }
        _ => Err("the server sent a malformed proof".to_string()),
    }
}

/// Proves with the public log that the tree of size `from` (root `from_root`) is a
/// prefix of the latest one.
async fn prove_extends(
    base: &str,
    token: &str,
    from: i64,
    from_root: &Hash,
    latest: (i64, &Hash),
) -> Result<Result<(), String>, CliError> {
    let (to, to_root) = latest;
    if from == to {
        return Ok(if from_root == to_root {
            Ok(())
        } else {
            Err(format!("two different trees of size {from}"))
        });
    }
    if from > to {
        return Ok(Err(format!("the chain shrank from size {from} to {to}")));
    }
    Ok(
        match public_log::consistency(base, token, from, to).await? {
            None => Err("the server answered no consistency proof".into()),
            Some(proof) => consistent(
                from,
                to,
                &hash_hex(from_root),
                &hash_hex(to_root),
                &proof.proof,
            ),
        },
    )
}

/// Online with a proof: the chain's latest signed checkpoint must extend the proof's
/// (`consistency`) and the last checkpoint this CLI saw for that chain (`history`),
/// which is then remembered. Skipped, with the reason, when the server has no public
/// log or no key is trusted.
async fn log_checks(
    ctx: &Ctx,
    base: &str,
    token: &str,
    file: &ProofFile,
    trusted: &[Verifier],
) -> Result<Vec<ReceiptCheck>, CliError> {
    let skipped = |why: &str| {
        vec![
            check("consistency", None, format!("skipped: {why}")),
            check("history", None, format!("skipped: {why}")),
        ]
    };
    if trusted.is_empty() {
        return Ok(skipped(
            "checkpoints are only as good as a trusted key, and none is",
        ));
    }
    let Some(latest) = public_log::checkpoint(base, token).await? else {
        return Ok(skipped(
            "the server has no public log (GET /share/…/log/checkpoint answered 404)",
        ));
    };
    let opened = match open_checkpoint(&latest.note, trusted) {
        Ok(cp) => cp,
        Err(e) => {
            let why = format!("the chain's latest checkpoint is not signed by a trusted key: {e}");
            return Ok(vec![
                check("consistency", Some(false), why.clone()),
                check("history", Some(false), why),
            ]);
        }
    };
    let origin = opened.origin().to_string();
    let proof_cp = open_checkpoint(&file.checkpoint.note, trusted).ok();
    let size = opened.size() as i64;
    let mut checks = Vec::new();
    checks.push(match proof_cp {
        None => check(
            "consistency",
            None,
            "skipped: the proof's checkpoint did not open",
        ),
        Some(cp) if cp.origin() != origin => check(
            "consistency",
            Some(false),
            format!("the latest checkpoint is for {origin}, not {}", cp.origin()),
        ),
        Some(cp) => {
            match prove_extends(
                base,
                token,
                cp.size() as i64,
                cp.root(),
                (size, opened.root()),
            )
            .await?
            {
                Ok(()) => check(
                    "consistency",
                    Some(true),
                    format!(
                        "the latest checkpoint (size {size}) extends the proof's (size {})",
                        cp.size()
                    ),
                ),
                Err(e) => check(
                    "consistency",
                    Some(false),
                    format!("the chain does not extend the proof's checkpoint: {e}"),
                ),
            }
        }
    });
    let seen = ctx.store.seen_checkpoint(base, &origin);
    let history = match &seen {
        None => Ok(format!(
            "first checkpoint seen for {origin} (size {size}); remembered"
        )),
        Some(old) => match hash_from_hex(&old.root_hash) {
            None => Err("the remembered checkpoint is malformed".to_string()),
            Some(old_root) => prove_extends(base, token, old.size, &old_root, (size, opened.root()))
                .await?
                .map(|()| {
                    format!(
                        "extends the checkpoint seen before (size {} → {size})",
                        old.size
                    )
                })
                .map_err(|e| {
                    format!(
                        "the chain does not extend the checkpoint seen at size {} ({e}): it was rewritten",
                        old.size
                    )
                }),
        },
    };
    checks.push(match history {
        Ok(text) => {
            ctx.store.remember_checkpoint(
                base,
                &origin,
                SeenCheckpoint {
                    size,
                    root_hash: hash_hex(opened.root()),
                },
            )?;
            check("history", Some(true), text)
        }
        Err(e) => check("history", Some(false), e),
    });
    Ok(checks)
}

/// What one verification found.
struct Found {
    source: String,
    doc: Value,
    checks: Vec<ReceiptCheck>,
}

/// Online: the share view, the key (pinned on first use), the proof and the log.
async fn online(ctx: &Ctx, base: &str, token: &str, args: &VerifyArgs) -> Result<Found, CliError> {
    let client = Client::new(base);
    let public = client
        .share_get()
        .token(token.to_string())
        .send()
        .await
        .map_err(|e| CliError::from_api(base, e))?
        .into_inner();
    let view = serde_json::to_value(&public)
        .map_err(|e| CliError::other(format!("reading the receipt: {e}")))?;
    let policy = KeyPolicy {
        key_file: args.key.as_deref(),
        require_pinned: args.require_pinned,
    };
    let trust = trust::for_origin(ctx, base, &policy).await?;
    let source = format!("{base}/r/{token}");
    let proof = match client.share_proof().token(token.to_string()).send().await {
        Ok(file) => Some(file.into_inner()),
        Err(progenitor_client::Error::ErrorResponse(r)) if r.status().as_u16() == 404 => None,
        Err(progenitor_client::Error::UnexpectedResponse(r)) if r.status().as_u16() == 404 => None,
        Err(e) => return Err(CliError::from_api(base, e)),
    };
    let mut checks = vec![trust.check];
    let Some(proof) = proof else {
        checks.extend(document_checks(
            &view,
            &trust.keys,
            "skipped: the server serves no proof for this receipt (GET /share/…/proof answered 404), so its place in the chain is not shown",
        ));
        return Ok(Found {
            source,
            doc: view,
            checks,
        });
    };
    let file: ProofFile = serde_json::to_value(&proof)
        .and_then(serde_json::from_value)
        .map_err(|e| CliError::other(format!("reading the proof: {e}")))?;
    checks.extend(
        proof_checks(&file, &trust.keys)
            .into_iter()
            .filter(|c| c.check != "freshness"),
    );
    checks.extend(log_checks(ctx, base, token, &file, &trust.keys).await?);
    Ok(Found {
        source,
        doc: serde_json::to_value(&file.receipt).unwrap_or(view),
        checks,
    })
}

/// `defendable verify TARGET`.
pub async fn verify(ctx: &Ctx, args: VerifyArgs) -> Result<(), CliError> {
    let found = match target_of(&args.target, args.offline)? {
        Target::File(path) => {
            let trusted = match args.key.as_deref() {
                Some(key) => trust::read_key_file(key)?,
                None => trust::all_trusted(ctx),
            };
            let source = path.display().to_string();
            match read_local(&path)? {
                Local::Chain(export) => return receipts::verify_saved_chain(ctx, &source, &export),
                Local::Proof(file) => Found {
                    source,
                    doc: serde_json::to_value(&file.receipt).unwrap_or_default(),
                    checks: proof_checks(&file, &trusted),
                },
                Local::Receipt(doc) => Found {
                    source,
                    checks: document_checks(
                        &doc,
                        &trusted,
                        "skipped: a receipt alone does not show its place in the chain; verify its proof file, PDF or link",
                    ),
                    doc,
                },
            }
        }
        Target::Share { base, token } => {
            let base = base.unwrap_or_else(|| ctx.base.clone());
            online(ctx, &base, &token, &args).await?
        }
    };
    conclude(ctx, &found, args.integrity_only)
}

/// What the checks add up to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Intact and signed by a trusted key.
    Authentic,
    /// Intact, but no trusted signature says who made it.
    IntactOnly,
    /// A check failed.
    Failed,
}

impl Outcome {
    fn of(checks: &[ReceiptCheck]) -> Outcome {
        if checks.iter().any(|c| c.ok == Some(false)) {
            Outcome::Failed
        } else if checks
            .iter()
            .any(|c| c.check == "signature" && c.ok == Some(true))
        {
            Outcome::Authentic
        } else {
            Outcome::IntactOnly
        }
    }

    fn wire(self) -> &'static str {
        match self {
            Outcome::Authentic => "authentic",
            Outcome::IntactOnly => "intact-not-authenticated",
            Outcome::Failed => "failed",
        }
    }
}

fn status(check: &ReceiptCheck) -> &'static str {
    match check.ok {
        Some(true) => "pass",
        Some(false) => "fail",
        None => "skipped",
    }
}

fn mark(check: &ReceiptCheck) -> &'static str {
    match check.ok {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "?",
    }
}

/// Prints every check and what they add up to; exit 3 when a check failed, or when
/// the receipt is only intact and `--integrity-only` was not given.
fn conclude(ctx: &Ctx, found: &Found, integrity_only: bool) -> Result<(), CliError> {
    let payload = found.doc.get("payload").unwrap_or(&found.doc);
    let receipt_id = payload
        .get("receipt_id")
        .and_then(Value::as_str)
        .unwrap_or("?");
    let schema = payload.get("schema").and_then(Value::as_str);
    let kind = schema.and_then(ReceiptKind::from_schema);
    let outcome = Outcome::of(&found.checks);
    // Unless a hash-only check was asked for, a missing authentication is a failure
    // of the signature check, named as such.
    let mut checks = found.checks.clone();
    if outcome == Outcome::IntactOnly && !integrity_only {
        match checks.iter_mut().find(|c| c.check == "signature") {
            Some(c) => {
                c.ok = Some(false);
                c.detail = format!("NOT authenticated: {}", c.detail);
            }
            None => checks.push(check(
                "signature",
                Some(false),
                "NOT authenticated: no signature was checked",
            )),
        }
    }
    let failed: Vec<&str> = checks
        .iter()
        .filter(|c| c.ok == Some(false))
        .map(|c| c.check.as_str())
        .collect();
    let accepted = match outcome {
        Outcome::Authentic => true,
        Outcome::IntactOnly => integrity_only,
        Outcome::Failed => false,
    };
    let unauthenticated_why = found
        .checks
        .iter()
        .find(|c| c.check == "signature")
        .map_or("no signature was checked".to_string(), |c| c.detail.clone());
    if ctx.printer.json {
        ctx.printer.json(&json!({
            "source": found.source,
            "receipt_id": receipt_id,
            "schema": schema,
            "kind": kind.map(ReceiptKind::title),
            "outcome": outcome.wire(),
            "authentic": outcome == Outcome::Authentic,
            "intact": outcome != Outcome::Failed,
            "integrity_only": integrity_only,
            "verified": accepted,
            "failed_checks": failed,
            "checks": checks.iter().map(|c| json!({
                "check": c.check, "status": status(c), "ok": c.ok, "detail": c.detail,
            })).collect::<Vec<_>>(),
        }))?;
    } else {
        let title = kind.map_or("Receipt", ReceiptKind::title);
        line(&format!("{title} {receipt_id} from {}", found.source))?;
        for c in &checks {
            line(&format!("  {} {}: {}", mark(c), c.check, c.detail))?;
        }
        if found.doc.get("verified").is_some() {
            note("(the server's own `verified` flag was not used)");
        }
        line(&match outcome {
            Outcome::Authentic => {
                "Authentic: signed by a key you trust, and intact.".to_string()
            }
            Outcome::IntactOnly if integrity_only => format!(
                "Intact but NOT authenticated (integrity-only check): the hash matches, but nothing shows who made it ({unauthenticated_why})."
            ),
            Outcome::IntactOnly => format!(
                "Intact but NOT authenticated: {unauthenticated_why}. Failed check: signature. Pass --integrity-only to accept a hash-only check."
            ),
            Outcome::Failed => format!("NOT verified: failed check(s): {}.", failed.join(", ")),
        })?;
    }
    match outcome {
        _ if accepted => Ok(()),
        Outcome::Failed => Err(CliError::verification(format!(
            "receipt {receipt_id} failed verification: {}",
            failed.join(", ")
        ))),
        _ => Err(CliError::verification(format!(
            "receipt {receipt_id} failed verification: signature (intact but NOT authenticated; --integrity-only accepts a hash-only check)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_targets_are_recognised() {
        for link in [
            "https://api.example.org/share/abc_DEF?x=1",
            "https://api.example.org/r/abc_DEF",
            "https://api.example.org/r/abc_DEF/",
        ] {
            match target_of(link, false).unwrap() {
                Target::Share { base, token } => {
                    assert_eq!(base.as_deref(), Some("https://api.example.org"));
                    assert_eq!(token, "abc_DEF");
                }
                Target::File(_) => panic!("not a file"),
            }
        }
        assert!(matches!(
            target_of("tok123", false).unwrap(),
            Target::Share { base: None, .. }
        ));
        assert!(target_of("tok123", true).is_err());
        assert!(target_of("a/b/c", false).is_err());
        assert_eq!(
            page_url("https://x.example/share/tok"),
            "https://x.example/r/tok"
        );
    }
}
