//! Members' dataset routes: the entitlement-aware list, the catalog, one
//! package, and sample rows read from the staged package file; and staging the
//! package files that ship with the catalog into the blob store at start.

use bytes::Bytes;
use serde_json::Value;

use defendable_contract::doctrine::PlanTier;
use defendable_contract::schemas::{
    DatasetCatalog, DatasetCatalogQuery, DatasetList, DatasetListItem, DatasetPackage,
    DatasetSamples, SamplesQuery,
};

use crate::auth::Principal;
use crate::blobs::BlobStore;
use crate::catalogs::Catalogs;
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::membership::require_member;
use crate::store::accounts;

/// At most this much of a package file is read for samples.
const SAMPLE_WINDOW: usize = 128 * 1024;
/// Seconds a client should wait before asking again for a file not staged yet.
pub const NOT_STAGED_RETRY_SECS: u64 = 120;

/// Copies every package file that ships with the catalog into the blob store,
/// unless it is there already; returns how many were copied.
pub async fn stage_shipped(catalogs: &Catalogs, blobs: &BlobStore) -> anyhow::Result<usize> {
    let mut copied = 0;
    for file in catalogs.files.values() {
        if blobs.exists(&file.key).await {
            continue;
        }
        let Some(bytes) = file.shipped_bytes().await? else {
            continue;
        };
        let chunk: Result<Bytes, std::io::Error> = Ok(Bytes::from(bytes));
        let staged = blobs
            .stage(futures::stream::iter([chunk]), u64::MAX)
            .await
            .map_err(|e| anyhow::anyhow!("staging {}: {e}", file.key))?;
        blobs.commit(&staged, &file.key).await?;
        copied += 1;
    }
    Ok(copied)
}

/// 404 naming the slug unless the catalog has the package.
pub fn package<'a>(ctx: &'a AppContext, slug: &str) -> Result<&'a DatasetPackage, Error> {
    ctx.catalogs
        .package(slug)
        .ok_or_else(|| Error::not_found(format!("package not found: {slug}")))
}

/// Whether the organisation's plan covers a package tier.
pub fn entitled(plan: PlanTier, tier: &str) -> bool {
    tier == "core" || matches!(plan, PlanTier::Pro | PlanTier::Enterprise)
}

/// The organisation's plan.
pub async fn plan_of(ctx: &AppContext, org_id: &str) -> Result<PlanTier, Error> {
    let org = accounts::org_by_id(&ctx.db, org_id)
        .await
        .map_err(db("reading an organisation"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    Ok(PlanTier::parse(&org.plan).unwrap_or(PlanTier::Free))
}

/// 403 unless the organisation's plan covers the package's tier.
pub async fn require_entitled(
    ctx: &AppContext,
    principal: &Principal,
    package: &DatasetPackage,
) -> Result<(), Error> {
    let plan = plan_of(ctx, &principal.org_id).await?;
    if entitled(plan, &package.tier) {
        return Ok(());
    }
    Err(Error::forbidden(format!(
        "package {} is in the {} tier, which the {} plan does not include",
        package.slug,
        package.tier,
        plan.as_str()
    )))
}

/// `GET /datasets` (members).
pub async fn list(ctx: &AppContext, principal: &Principal) -> Result<DatasetList, Error> {
    require_member(ctx, principal).await?;
    let plan = plan_of(ctx, &principal.org_id).await?;
    let mut datasets = Vec::new();
    for p in &ctx.catalogs.datasets.packages {
        let ready = match ctx.catalogs.file(&p.slug) {
            Some(file) => ctx.blobs.exists(&file.key).await,
            None => false,
        };
        datasets.push(DatasetListItem {
            slug: p.slug.clone(),
            name: p.name.clone(),
            vertical: p.vertical.clone(),
            tier: p.tier.clone(),
            pairs: p.pairs,
            entitled: entitled(plan, &p.tier),
            ready,
        });
    }
    Ok(DatasetList {
        plan: plan.as_str().to_string(),
        count: datasets.len() as i64,
        datasets,
    })
}

/// `GET /datasets/catalog` (members).
pub async fn catalog(
    ctx: &AppContext,
    principal: &Principal,
    query: DatasetCatalogQuery,
) -> Result<DatasetCatalog, Error> {
    require_member(ctx, principal).await?;
    let mut catalog = ctx.catalogs.datasets.clone();
    if let Some(vertical) = query
        .vertical
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        if !catalog.verticals.contains_key(vertical) {
            return Err(Error::not_found(format!("vertical not found: {vertical}")));
        }
        catalog.packages.retain(|p| p.vertical == vertical);
    }
    Ok(catalog)
}

/// `GET /datasets/catalog/{slug}` (members).
pub async fn get(
    ctx: &AppContext,
    principal: &Principal,
    slug: &str,
) -> Result<DatasetPackage, Error> {
    require_member(ctx, principal).await?;
    package(ctx, slug).cloned()
}

/// 425 with `Retry-After`: the package's file is not in the blob store yet.
pub fn not_staged(slug: &str) -> Error {
    Error::not_ready(
        format!("the package file is not staged yet: {slug}"),
        NOT_STAGED_RETRY_SECS,
    )
}

/// The package file stored under `key`, or None while it is not staged.
pub async fn read_staged(ctx: &AppContext, key: &str) -> Result<Option<Vec<u8>>, Error> {
    match ctx.blobs.get(key).await {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(crate::error::internal("reading a package file", e)),
    }
}

/// The staged file of a package, or 425 with `Retry-After` while it is not there.
pub async fn staged_file(ctx: &AppContext, slug: &str) -> Result<Vec<u8>, Error> {
    let file = ctx
        .catalogs
        .file(slug)
        .ok_or_else(|| Error::not_found(format!("package not found: {slug}")))?;
    read_staged(ctx, &file.key)
        .await?
        .ok_or_else(|| not_staged(slug))
}

/// The first `limit` rows of a JSON-lines file, read from at most the first
/// 128 KiB and stopping at the first line that is not a JSON object.
pub fn first_rows(bytes: &[u8], limit: usize) -> Vec<Value> {
    let window = &bytes[..bytes.len().min(SAMPLE_WINDOW)];
    let mut rows = Vec::new();
    for line in window.split(|b| *b == b'\n') {
        if rows.len() >= limit {
            break;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(row @ Value::Object(_)) => rows.push(row),
            _ => break,
        }
    }
    rows
}

/// `GET /datasets/catalog/{slug}/samples?limit=` (members).
pub async fn samples(
    ctx: &AppContext,
    principal: &Principal,
    slug: &str,
    query: SamplesQuery,
) -> Result<DatasetSamples, Error> {
    let limit = query.limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(Error::invalid("limit must be 1..50"));
    }
    require_member(ctx, principal).await?;
    let package = package(ctx, slug)?.clone();
    require_entitled(ctx, principal, &package).await?;
    let bytes = staged_file(ctx, slug).await?;
    let rows = first_rows(&bytes, limit as usize);
    Ok(DatasetSamples {
        package,
        file_bytes: bytes.len() as i64,
        file_sha256: defendable_contract::canonical::sha256_hex(&bytes),
        count: rows.len() as i64,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_rows_stop_at_the_limit_and_at_a_broken_line() {
        let text = b"{\"a\":1}\n\n{\"a\":2}\n{\"a\":3}\nnot json\n{\"a\":4}\n";
        assert_eq!(first_rows(text, 2).len(), 2);
        assert_eq!(first_rows(text, 50).len(), 3);
        assert!(first_rows(b"[1,2]\n", 5).is_empty());
        let big = format!("{{\"x\":\"{}\"}}\n", "y".repeat(200 * 1024));
        assert!(first_rows(big.as_bytes(), 5).is_empty());
    }

    #[test]
    fn plans_cover_tiers() {
        assert!(entitled(PlanTier::Free, "core"));
        assert!(!entitled(PlanTier::Free, "pro"));
        assert!(entitled(PlanTier::Pro, "pro"));
        assert!(entitled(PlanTier::Enterprise, "pro"));
    }
}
