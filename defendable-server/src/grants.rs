//! Dataset download grants. A grant mints a `defendablecloud.dataset-download-receipt/v1`
//! receipt (the public proof) and hands back a private download capability; the
//! capability answers with a short-lived signed link to the file. The quota is
//! counted and the grant recorded in the mint transaction, under the
//! organisation's lock. Grants are logged as structured events, and a burst of
//! grants raises a warning and the `/metrics` alert counter. The operator's stager sees
//! which files grants are waiting for, and grantees are mailed when they land.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use defendable_contract::canonical::{sha256_hex, to_canonical_vec};
use defendable_contract::receipt_kinds::ReceiptKind;
use defendable_contract::schemas::{
    DatasetDownloadGrant, DatasetDownloadPackage, DatasetDownloadRequest, StageCompleteRequest,
    StageCompleteResult, StagingTask, StagingTaskList,
};

use crate::auth::Principal;
use crate::blobs::PresignError;
use crate::context::AppContext;
use crate::datasets::{self, NOT_STAGED_RETRY_SECS};
use crate::error::{db, Error};
use crate::membership::require_member;
use crate::receipts::{self, payloads, ReceiptLinks};
use crate::store::accounts;
use crate::store::grants::{self as store, GrantRow};
use crate::tx::{classify, Attempt};
use crate::{ids, mail, operator, time};

/// How long a signed file link works.
const SIGNED_LINK_SECS: i64 = 900;

fn mac(ctx: &AppContext, message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(ctx.config.jwt_secret.as_bytes())
        .expect("HMAC takes any key length");
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The capability of a grant: derived from its id and the server's secret, so it
/// is never stored and every server process computes the same one.
fn capability(ctx: &AppContext, grant_id: &str) -> String {
    mac(ctx, &format!("dataset-grant:{grant_id}"))
}

fn file_signature(ctx: &AppContext, grant_id: &str, key: &str, expires: i64) -> String {
    mac(ctx, &format!("dataset-file:{grant_id}:{key}:{expires}"))
}

/// The private download URL of a grant.
pub fn download_url(ctx: &AppContext, grant_id: &str) -> String {
    format!(
        "{}/datasets/grants/{grant_id}/download?token={}",
        ctx.config.api_base_url,
        capability(ctx, grant_id)
    )
}

fn parse_time(stored: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(stored)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `POST /datasets/catalog/{slug}/download` (members).
pub async fn grant(
    ctx: &AppContext,
    principal: &Principal,
    slug: &str,
    body: DatasetDownloadRequest,
) -> Result<DatasetDownloadGrant, Error> {
    let hours = body.expires_in_hours.unwrap_or(24);
    if !(1..=168).contains(&hours) {
        return Err(Error::invalid("expires_in_hours must be 1..168"));
    }
    require_member(ctx, principal).await?;
    let package = datasets::package(ctx, slug)?.clone();
    let file = ctx
        .catalogs
        .file(slug)
        .ok_or_else(|| Error::not_found(format!("package not found: {slug}")))?
        .clone();
    datasets::require_entitled(ctx, principal, &package).await?;
    // A cheap look at the quota first, so a refused request reads no file; the
    // count that decides is taken again under the lock below.
    let day_ago = time::micros(Utc::now() - Duration::hours(24));
    let (today, oldest) = store::count_since(&ctx.db.pool, &principal.org_id, &day_ago)
        .await
        .map_err(db("counting grants"))?;
    if today >= ctx.config.datasets.daily_limit {
        return Err(over_quota(
            ctx.config.datasets.daily_limit,
            oldest.as_deref(),
        ));
    }
    let facts = datasets::read_staged(ctx, &file.key)
        .await?
        .map(|bytes| (bytes.len() as i64, sha256_hex(&bytes)));
    let org = accounts::org_by_id(&ctx.db, &principal.org_id)
        .await
        .map_err(db("reading an organisation"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    let settings = &ctx.config.datasets;
    let now = Utc::now();
    let expires_at = time::iso(now + Duration::hours(hours));
    let salt = ids::random_token(16);
    let commitment = sha256_hex(
        &to_canonical_vec(
            &json!({"salt": salt, "principal": principal.user_id, "email": principal.email}),
        )
        .expect("canonical"),
    );
    let granted = DatasetDownloadPackage {
        slug: package.slug.clone(),
        name: package.name.clone(),
        vertical: package.vertical.clone(),
        tier: package.tier.clone(),
        pkg_class: package.pkg_class.clone(),
        pairs: package.pairs,
        deed_anchored: package.deed_anchored,
        file_bytes: facts.as_ref().map(|f| f.0),
        file_sha256: facts.as_ref().map(|f| f.1.clone()),
    };
    let grant_id = ids::new_id();
    let (row, recent) = crate::tx::with_retries(|| async {
        let mut tx = crate::tx::begin_attempt(ctx).await?;
        store::lock_org(&mut tx, &org.id)
            .await
            .map_err(classify("locking the organisation"))?;
        let day_ago = time::micros(Utc::now() - Duration::hours(24));
        let (today, oldest) = store::count_since(&mut *tx, &org.id, &day_ago)
            .await
            .map_err(classify("counting grants"))?;
        if today >= settings.daily_limit {
            return Err(Attempt::Fail(over_quota(
                settings.daily_limit,
                oldest.as_deref(),
            )));
        }
        let window_start = time::micros(Utc::now() - Duration::seconds(settings.spike_window_secs));
        let (recent, _) = store::count_since(&mut *tx, &org.id, &window_start)
            .await
            .map_err(classify("counting grants"))?;
        let row = receipts::append(ctx, &mut tx, &org.id, ReceiptLinks::default(), |position| {
            let mut map = payloads::common(ReceiptKind::DatasetDownload, position, &org);
            map.insert(
                "package".into(),
                json!({
                    "slug": granted.slug, "name": granted.name, "vertical": granted.vertical,
                    "tier": granted.tier, "pkg_class": granted.pkg_class,
                    "pairs": granted.pairs, "deed_anchored": granted.deed_anchored,
                }),
            );
            map.insert(
                "file".into(),
                match &facts {
                    Some((bytes, sha)) => json!({"bytes": bytes, "sha256": sha}),
                    None => Value::Null,
                },
            );
            map.insert("ready_at_grant".into(), json!(facts.is_some()));
            map.insert("expires_at".into(), json!(expires_at));
            map.insert("grantee_commitment".into(), json!(commitment));
            Ok(Value::Object(map))
        })
        .await?;
        store::insert(
            &mut tx,
            &GrantRow {
                id: grant_id.clone(),
                org_id: org.id.clone(),
                receipt_row_id: row.id.clone(),
                slug: package.slug.clone(),
                object_key: file.key.clone(),
                principal: principal.user_id.clone(),
                email: principal.email.clone(),
                commitment_salt: salt.clone(),
                ready_at_grant: facts.is_some(),
                expires_at: time::micros(now + Duration::hours(hours)),
                notified_at: None,
                created_at: time::now_micros(),
            },
        )
        .await
        .map_err(classify("recording a grant"))?;
        tx.commit().await.map_err(classify("committing a grant"))?;
        Ok((row, recent + 1))
    })
    .await?;
    ctx.metrics.grant_issued();
    ctx.metrics.receipt_minted("dataset-download");
    tracing::info!(
        target: "defendable::grants",
        event = "dataset_grant",
        org = %org.id,
        principal = %principal.user_id,
        package = %package.slug,
        bytes = facts.as_ref().map_or(-1, |f| f.0),
        receipt_id = %row.receipt_id,
        "dataset download granted"
    );
    if recent > settings.spike_threshold {
        ctx.metrics.grant_spike();
        tracing::warn!(
            target: "defendable::grants",
            event = "dataset_grant_spike",
            org = %org.id,
            grants = recent,
            window_secs = settings.spike_window_secs,
            "dataset grants above the spike threshold"
        );
    }
    Ok(DatasetDownloadGrant {
        receipt_id: row.receipt_id.clone(),
        org_seq: row.org_seq,
        receipt_sha256: row.receipt_sha256.clone(),
        share_url: ctx.share_url(&row.share_token),
        download_url: download_url(ctx, &grant_id),
        grant_id,
        ready: facts.is_some(),
        expires_at,
        package: granted,
    })
}

/// 429 until the oldest grant of the window ages out.
fn over_quota(limit: i64, oldest: Option<&str>) -> Error {
    let retry = oldest
        .and_then(parse_time)
        .map(|t| (t + Duration::hours(24) - Utc::now()).num_seconds())
        .unwrap_or(86_400)
        .max(1);
    Error::rate_limited(
        format!("dataset download limit reached ({limit} grants per rolling 24 hours)"),
        retry as u64,
    )
}

/// The grant a capability opens, or 404 (also for a wrong capability); 403 once
/// the organisation's membership is no longer active.
async fn opened(ctx: &AppContext, grant_id: &str, token: &str) -> Result<GrantRow, Error> {
    let missing = || Error::not_found("grant not found");
    if grant_id.len() > 64
        || !grant_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(missing());
    }
    let grant = store::by_id(&ctx.db, grant_id)
        .await
        .map_err(db("reading a grant"))?
        .ok_or_else(missing)?;
    if !operator::secret_matches(token, &capability(ctx, &grant.id)) {
        return Err(missing());
    }
    let membership = crate::membership::current(ctx, &grant.org_id).await?;
    if membership.status != "active" {
        return Err(Error::forbidden(format!(
            "membership required (current status: {}): grants download only while the organisation is a member",
            membership.status
        )));
    }
    Ok(grant)
}

fn require_unexpired(grant: &GrantRow) -> Result<(), Error> {
    let expired = parse_time(&grant.expires_at).is_none_or(|t| t <= Utc::now());
    if expired {
        return Err(Error::gone(format!(
            "this download grant expired at {}; ask for a new one",
            time::to_wire(&grant.expires_at)
        )));
    }
    Ok(())
}

/// `GET /datasets/grants/{grant_id}/download?token=`: where to send the caller, a
/// signed link valid for 15 minutes (gone once the grant expired, not ready while
/// the file is not staged).
pub async fn download(ctx: &AppContext, grant_id: &str, token: &str) -> Result<String, Error> {
    let grant = opened(ctx, grant_id, token).await?;
    require_unexpired(&grant)?;
    if !ctx.blobs.exists(&grant.object_key).await {
        return Err(datasets::not_staged(&grant.slug));
    }
    let expires = Utc::now().timestamp() + SIGNED_LINK_SECS;
    // A bucket serves its own presigned link; the local store is served by this
    // server behind a signed link of the same lifetime.
    let location = match ctx
        .blobs
        .presign_get(
            &grant.object_key,
            std::time::Duration::from_secs(SIGNED_LINK_SECS as u64),
        )
        .await
    {
        Ok(url) => url,
        Err(PresignError::NotSupported) => format!(
            "{}/datasets/files/{}?expires={expires}&sig={}",
            ctx.config.api_base_url,
            grant.id,
            file_signature(ctx, &grant.id, &grant.object_key, expires)
        ),
        Err(e) => return Err(crate::error::internal("presigning a download", e)),
    };
    Ok(location)
}

/// A staged package file, as a signed link serves it.
pub struct GrantFile {
    /// The file's name, for `Content-Disposition`.
    pub name: String,
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// `GET /datasets/files/{grant_id}?expires=&sig=`: the file and its SHA-256.
pub async fn file(
    ctx: &AppContext,
    grant_id: &str,
    expires: i64,
    sig: &str,
) -> Result<GrantFile, Error> {
    let refused = || {
        Error::forbidden(
            "this signed link is invalid or expired; open the grant's download_url again",
        )
    };
    let grant = store::by_id(&ctx.db, grant_id)
        .await
        .map_err(db("reading a grant"))?
        .ok_or_else(refused)?;
    let expected = file_signature(ctx, &grant.id, &grant.object_key, expires);
    if !operator::secret_matches(sig, &expected) || expires < Utc::now().timestamp() {
        return Err(refused());
    }
    require_unexpired(&grant)?;
    let bytes = datasets::read_staged(ctx, &grant.object_key)
        .await?
        .ok_or_else(|| datasets::not_staged(&grant.slug))?;
    let name = grant
        .object_key
        .rsplit('/')
        .next()
        .unwrap_or("package.jsonl");
    Ok(GrantFile {
        name: name.to_string(),
        sha256: sha256_hex(&bytes),
        bytes,
    })
}

/// `GET /share/{token}/download`: the public proof link never downloads; the
/// refusal says why (or that there is no such receipt).
pub async fn share_download(ctx: &AppContext, token: &str) -> Error {
    let shared = match crate::sharing::shared(ctx, token).await {
        Ok(shared) => shared,
        Err(e) => return e,
    };
    if shared.public.payload.get("schema").and_then(Value::as_str)
        == Some(ReceiptKind::DatasetDownload.schema())
    {
        return Error::forbidden(
            "a receipt's public link proves a grant but never downloads: use the grant's private download_url",
        );
    }
    Error::not_found("not a dataset download receipt")
}

/// `GET /internal/staging-tasks` (operator): files unexpired grants wait for.
pub async fn staging_tasks(ctx: &AppContext) -> Result<StagingTaskList, Error> {
    let grants = store::unexpired(&ctx.db, &time::now_micros())
        .await
        .map_err(db("listing grants"))?;
    let mut tasks: Vec<StagingTask> = Vec::new();
    for g in grants {
        if let Some(task) = tasks.iter_mut().find(|t| t.key == g.object_key) {
            task.pending_grants += 1;
            continue;
        }
        if ctx.blobs.exists(&g.object_key).await {
            continue;
        }
        tasks.push(StagingTask {
            source_path: ctx
                .catalogs
                .file(&g.slug)
                .map(|f| f.source_path.clone())
                .unwrap_or_default(),
            key: g.object_key,
            slug: g.slug,
            pending_grants: 1,
        });
    }
    Ok(StagingTaskList {
        count: tasks.len() as i64,
        tasks,
    })
}

/// `POST /internal/stage-complete` (operator): the file is in place; every
/// unexpired grant waiting for it is mailed once (recorded only when sent).
pub async fn stage_complete(
    ctx: &AppContext,
    body: StageCompleteRequest,
) -> Result<StageCompleteResult, Error> {
    let key = body.key.trim().to_string();
    let Some(file) = ctx.catalogs.files.values().find(|f| f.key == key) else {
        return Err(Error::not_found(format!("no package uses the key {key}")));
    };
    if !ctx.blobs.exists(&key).await {
        return Err(Error::not_ready(
            format!("object not present in the blob store: {key}"),
            NOT_STAGED_RETRY_SECS,
        ));
    }
    let package_name = ctx
        .catalogs
        .package(&file.slug)
        .map_or(file.slug.clone(), |p| p.name.clone());
    let grants = store::unexpired_for_key(&ctx.db, &key, &time::now_micros())
        .await
        .map_err(db("listing grants"))?;
    let mut result = StageCompleteResult {
        key: key.clone(),
        grants_matched: grants.len() as i64,
        notified: 0,
        already_notified: 0,
        not_notified: 0,
    };
    for g in grants {
        if g.notified_at.is_some() {
            result.already_notified += 1;
            continue;
        }
        if !ctx.mailer.sends() {
            result.not_notified += 1;
            continue;
        }
        // Claim the notification first, so concurrent calls mail each grantee once;
        // release it when the mail is not accepted, so the next call retries.
        let claimed = store::claim_notification(&ctx.db, &g.id, &time::now_micros())
            .await
            .map_err(db("recording a notification"))?;
        if !claimed {
            result.already_notified += 1;
            continue;
        }
        let notice = mail::dataset_ready(
            &g.email,
            &package_name,
            &download_url(ctx, &g.id),
            &time::to_wire(&g.expires_at),
        );
        match ctx.mailer.send(&notice).await {
            Ok(mail::Delivery::Sent) => result.notified += 1,
            _ => {
                store::release_notification(&ctx.db, &g.id)
                    .await
                    .map_err(db("recording a notification"))?;
                result.not_notified += 1;
            }
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_parse() {
        assert!(parse_time("2026-01-01T00:00:00.000000Z").is_some());
        assert!(parse_time("garbage").is_none());
    }
}
