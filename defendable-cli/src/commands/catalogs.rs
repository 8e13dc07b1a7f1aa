//! `datasets` and `models`: browsing the catalogs (members only), sample rows,
//! and pinning a model into a receipt. Catalog hashes are recomputed here.

use clap::Subcommand;
use serde_json::Value;

use defendable_contract::canonical::{sha256_hex, value_to_canonical_vec};

use crate::api::{Answer as _, Ctx};
use crate::error::CliError;
use crate::output::{note, opt};

#[derive(Debug, Subcommand)]
pub enum DatasetsCommand {
    /// The packages with what your organisation may download (plan, staged).
    Ls,
    /// The whole catalog; its hashes are recomputed and compared.
    Catalog {
        /// Only this vertical.
        #[arg(long)]
        vertical: Option<String>,
    },
    /// One package.
    Show {
        /// The package slug.
        slug: String,
    },
    /// Download a package: mints a grant receipt, streams the file with a progress
    /// bar, and checks its SHA-256 against the receipt.
    Download {
        /// The package slug.
        slug: String,
        /// How long the grant's download link works, in hours (1 to 168).
        #[arg(long, default_value_t = 24)]
        ttl: i64,
        /// Where to write the file (default `<slug>.jsonl`; `-` for stdout).
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
    },
    /// Files that unexpired grants are waiting for (operator).
    Staging {
        /// The server's INTERNAL_API_KEY.
        #[arg(long, env = "DEFENDABLE_INTERNAL_KEY", hide_env_values = true)]
        internal_key: String,
    },
    /// Tell the server a package file is staged; waiting grantees are mailed (operator).
    StageComplete {
        /// The blob store key (as listed by `datasets staging`).
        key: String,
        /// The server's INTERNAL_API_KEY.
        #[arg(long, env = "DEFENDABLE_INTERNAL_KEY", hide_env_values = true)]
        internal_key: String,
    },
    /// The first rows of a package file.
    Samples {
        /// The package slug.
        slug: String,
        /// How many rows (1 to 50).
        #[arg(long, default_value_t = 5)]
        limit: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// The model catalog; its hashes are recomputed and compared.
    Catalog,
    /// One model card.
    Show {
        /// The model slug.
        slug: String,
    },
    /// Pin a model into a receipt on your organisation's chain.
    Pin {
        /// The model slug.
        slug: String,
        /// Why this model (at most 500 characters).
        #[arg(long)]
        declaration: Option<String>,
        /// Your own reference (at most 120 characters).
        #[arg(long)]
        client_ref: Option<String>,
    },
}

/// SHA-256 of the canonical JSON of `value` without `skip`.
fn hash_without<T: serde::Serialize>(value: &T, skip: Option<&str>) -> Result<String, CliError> {
    let mut v = serde_json::to_value(value)
        .map_err(|e| CliError::other(format!("reading the catalog: {e}")))?;
    if let (Some(key), Value::Object(map)) = (skip, &mut v) {
        map.remove(key);
    }
    Ok(sha256_hex(&value_to_canonical_vec(&v)))
}

/// Says whether recomputed hashes match; exit 3 when one does not.
fn report_hashes(ctx: &Ctx, checks: &[(&str, bool)]) -> Result<(), CliError> {
    let failed: Vec<&str> = checks
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(n, _)| *n)
        .collect();
    if !ctx.printer.json {
        let names: Vec<&str> = checks.iter().map(|(n, _)| *n).collect();
        if failed.is_empty() {
            note(&format!("recomputed here: {} match", names.join(", ")));
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::verification(format!(
            "recomputed hashes do not match: {}",
            failed.join(", ")
        )))
    }
}

pub async fn datasets(ctx: &Ctx, cmd: DatasetsCommand) -> Result<(), CliError> {
    match &cmd {
        DatasetsCommand::Staging { internal_key } => {
            let client = ctx.with_header("x-internal-key", internal_key)?;
            let list = client.staging_tasks().send().answer(ctx).await?;
            let rows = list
                .tasks
                .iter()
                .map(|t| {
                    vec![
                        t.key.clone(),
                        t.slug.clone(),
                        t.source_path.clone(),
                        t.pending_grants.to_string(),
                    ]
                })
                .collect();
            return ctx
                .printer
                .list(&list, &["key", "package", "source", "waiting grants"], rows);
        }
        DatasetsCommand::StageComplete { key, internal_key } => {
            let client = ctx.with_header("x-internal-key", internal_key)?;
            let out = client
                .stage_complete()
                .body(crate::client::types::StageCompleteRequest { key: key.clone() })
                .send()
                .answer(ctx)
                .await?;
            return ctx.printer.object(
                &out,
                vec![
                    ("key", out.key.clone()),
                    ("grants waiting", out.grants_matched.to_string()),
                    ("mailed now", out.notified.to_string()),
                    ("mailed before", out.already_notified.to_string()),
                    (
                        "not mailed (retried next time)",
                        out.not_notified.to_string(),
                    ),
                ],
            );
        }
        _ => {}
    }
    let client = ctx.authed()?;
    match cmd {
        DatasetsCommand::Staging { .. } | DatasetsCommand::StageComplete { .. } => {
            unreachable!("handled above")
        }
        DatasetsCommand::Download { slug, ttl, output } => {
            let grant = client
                .datasets_download()
                .slug(&slug)
                .body(crate::client::types::DatasetDownloadRequest {
                    expires_in_hours: Some(ttl),
                })
                .send()
                .answer(ctx)
                .await?;
            note(&format!(
                "granted: receipt {} (sha256 {}), link valid until {}",
                grant.receipt_id, grant.receipt_sha256, grant.expires_at
            ));
            if !grant.ready {
                return Err(CliError::other(format!(
                    "the package file is not staged yet; you will be mailed when it is, and until {} this link downloads it: {}",
                    grant.expires_at, grant.download_url
                )));
            }
            let path = output.unwrap_or_else(|| format!("{slug}.jsonl").into());
            let got = fetch(&grant.download_url, &path, &slug).await?;
            let expected = grant.package.file_sha256.clone().unwrap_or_default();
            if ctx.printer.json {
                ctx.printer.json(&serde_json::json!({
                    "grant": grant, "path": path, "sha256": got, "matches_receipt": got == expected,
                }))?;
            } else {
                note(&format!("wrote {} (sha256 {got})", path.display()));
            }
            if got == expected {
                note("sha256 matches the receipt");
                Ok(())
            } else {
                Err(CliError::verification(format!(
                    "the downloaded file's sha256 {got} does not match the receipt's {expected}"
                )))
            }
        }
        DatasetsCommand::Ls => {
            let list = client.datasets_list().send().answer(ctx).await?;
            let rows = list
                .datasets
                .iter()
                .map(|d| {
                    vec![
                        d.slug.clone(),
                        d.vertical.clone(),
                        d.tier.clone(),
                        d.pairs.to_string(),
                        if d.entitled { "yes" } else { "no (plan)" }.to_string(),
                        if d.ready { "yes" } else { "not staged" }.to_string(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &list,
                &["package", "vertical", "tier", "pairs", "entitled", "ready"],
                rows,
            )
        }
        DatasetsCommand::Catalog { vertical } => {
            let mut request = client.datasets_catalog();
            if let Some(v) = &vertical {
                request = request.vertical(v);
            }
            let catalog = request.send().answer(ctx).await?;
            let rows = catalog
                .packages
                .iter()
                .map(|p| {
                    vec![
                        p.slug.clone(),
                        p.name.clone(),
                        p.vertical.clone(),
                        p.tier.clone(),
                        p.pkg_class.clone(),
                        p.pairs.to_string(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &catalog,
                &["package", "name", "vertical", "tier", "class", "pairs"],
                rows,
            )?;
            // A filtered answer lists fewer packages than its hashes cover.
            if vertical.is_some() {
                return Ok(());
            }
            report_hashes(
                ctx,
                &[
                    (
                        "packages_sha256",
                        hash_without(&catalog.packages, None)? == catalog.packages_sha256,
                    ),
                    (
                        "catalog_sha256",
                        hash_without(&catalog, Some("catalog_sha256"))? == catalog.catalog_sha256,
                    ),
                ],
            )
        }
        DatasetsCommand::Show { slug } => {
            let p = client
                .datasets_package()
                .slug(&slug)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &p,
                vec![
                    ("package", p.slug.clone()),
                    ("name", p.name.clone()),
                    ("vertical", p.vertical.clone()),
                    ("tier", p.tier.clone()),
                    ("class", p.pkg_class.clone()),
                    ("pairs", p.pairs.to_string()),
                    ("deed", p.deed.clone()),
                    ("description", p.description.clone()),
                ],
            )
        }
        DatasetsCommand::Samples { slug, limit } => {
            let samples = client
                .datasets_samples()
                .slug(&slug)
                .limit(limit)
                .send()
                .answer(ctx)
                .await?;
            if ctx.printer.json {
                return ctx.printer.json(&samples);
            }
            for row in &samples.rows {
                crate::output::line(&serde_json::to_string(row).unwrap_or_default())?;
            }
            note(&format!(
                "{} of {} rows; file {} bytes, sha256 {}",
                samples.count, samples.package.pairs, samples.file_bytes, samples.file_sha256
            ));
            Ok(())
        }
    }
}

/// Streams a download to `path` (or stdout for `-`) with a progress bar and
/// returns the SHA-256 of the bytes received.
async fn fetch(url: &str, path: &std::path::Path, label: &str) -> Result<String, CliError> {
    use futures::StreamExt as _;
    use sha2::Digest as _;
    use tokio::io::AsyncWriteExt as _;
    let http = reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(10))
        .read_timeout(std::time::Duration::from_secs(120))
        .build()
        .map_err(|e| CliError::other(format!("building the HTTP client: {e}")))?;
    let response = http
        .get(url)
        .send()
        .await
        .map_err(|e| CliError::other(format!("downloading: {e}")))?;
    if !response.status().is_success() {
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let detail = body["detail"]
            .as_str()
            .unwrap_or("download refused")
            .to_string();
        return Err(CliError::from_status(status, detail));
    }
    let bar = crate::output::transfer_bar(response.content_length().unwrap_or(0), label);
    let to_stdout = path.as_os_str() == "-";
    let mut out: Box<dyn tokio::io::AsyncWrite + Unpin> = if to_stdout {
        Box::new(tokio::io::stdout())
    } else {
        Box::new(
            tokio::fs::File::create(path)
                .await
                .map_err(|e| CliError::other(format!("creating {}: {e}", path.display())))?,
        )
    };
    let mut hasher = sha2::Sha256::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| CliError::other(format!("downloading: {e}")))?;
        hasher.update(&chunk);
        out.write_all(&chunk).await.map_err(CliError::from_io)?;
        bar.inc(chunk.len() as u64);
    }
    out.flush().await.map_err(CliError::from_io)?;
    bar.finish_and_clear();
    Ok(hex::encode(hasher.finalize()))
}

pub async fn models(ctx: &Ctx, cmd: ModelsCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        ModelsCommand::Catalog => {
            let catalog = client.models_catalog().send().answer(ctx).await?;
            let rows = catalog
                .models
                .iter()
                .map(|m| {
                    vec![
                        m.slug.clone(),
                        m.base.clone(),
                        format!("{}", m.params_b),
                        m.compute_class.clone(),
                        m.status.clone(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &catalog,
                &["model", "base", "params (B)", "compute", "status"],
                rows,
            )?;
            let mut checks = vec![(
                "models_sha256",
                hash_without(&catalog.models, None)? == catalog.models_sha256,
            )];
            for card in &catalog.models {
                checks.push((
                    "card_sha256",
                    hash_without(card, Some("card_sha256"))? == card.card_sha256,
                ));
            }
            report_hashes(ctx, &checks)
        }
        ModelsCommand::Show { slug } => {
            let m = client.models_get().slug(&slug).send().answer(ctx).await?;
            let ok = hash_without(&m, Some("card_sha256"))? == m.card_sha256;
            ctx.printer.object(
                &m,
                vec![
                    ("model", m.slug.clone()),
                    ("name", m.name.clone()),
                    ("base", format!("{} ({})", m.base, m.base_license)),
                    ("params (B)", format!("{}", m.params_b)),
                    ("context window", m.context_window.to_string()),
                    ("compute", m.compute_class.clone()),
                    ("status", m.status.clone()),
                    ("purpose", m.purpose.clone()),
                    ("trained on", m.trained_on.join(", ")),
                    ("card sha256", m.card_sha256.clone()),
                ],
            )?;
            report_hashes(ctx, &[("card_sha256", ok)])
        }
        ModelsCommand::Pin {
            slug,
            declaration,
            client_ref,
        } => {
            let pin = client
                .models_pin()
                .slug(&slug)
                .body(crate::client::types::ModelPinRequest {
                    declaration,
                    client_ref,
                })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &pin,
                vec![
                    ("receipt", pin.receipt_id.clone()),
                    ("model", pin.model.slug.clone()),
                    ("card sha256", pin.model.card_sha256.clone()),
                    ("declaration", opt(pin.declaration.as_deref())),
                    ("client ref", opt(pin.client_ref.as_deref())),
                    ("sha256", pin.receipt_sha256.clone()),
                    ("share", pin.share_url.clone()),
                ],
            )
        }
    }
}
