//! The flight-sheet library service: loads the built-in sheets (and an operator's
//! directory) into the database at start, idempotently, and serves them.

use defendable_contract::schemas::{FlightSheet, FlightSheetList, FlightSheetRule};

use crate::checks::library::{self, FlightSheetDef};
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::store::flight_sheets::{self as store, FlightSheetRow};
use crate::store::runs::RunRow;
use crate::store::Db;
use crate::{ids, time};

/// Upserts the built-in library plus the sheets of `dir`, and deactivates sheets
/// that are no longer in either. Returns how many sheets are active.
pub async fn sync(db: &Db, dir: Option<&std::path::Path>) -> anyhow::Result<usize> {
    let mut sheets = library::builtin_library();
    if let Some(dir) = dir {
        let extra = library::load_dir(dir)?;
        for sheet in extra {
            sheets.retain(|s| s.slug != sheet.slug);
            sheets.push(sheet);
        }
    }
    let now = time::now_micros();
    let mut slugs = Vec::new();
    for sheet in &sheets {
        let definition = serde_json::to_value(sheet)?;
        let text = defendable_contract::canonical::to_canonical_string(&definition)?;
        let sha = defendable_contract::canonical::sha256_hex(text.as_bytes());
        store::upsert(
            db,
            &ids::new_id(),
            &sheet.slug,
            &sheet.name,
            &sheet.version,
            sheet.lane.as_str(),
            &text,
            &sha,
            if dir.is_some() {
                "library+dir"
            } else {
                "library"
            },
            &now,
        )
        .await?;
        slugs.push(sheet.slug.clone());
    }
    store::deactivate_others(db, &slugs).await?;
    Ok(slugs.len())
}

fn parse(row: &FlightSheetRow) -> Result<FlightSheetDef, Error> {
    serde_json::from_str(&row.definition)
        .map_err(|e| crate::error::internal(&format!("reading flight sheet {}", row.slug), e))
}

fn to_wire(row: &FlightSheetRow, def: &FlightSheetDef) -> FlightSheet {
    FlightSheet {
        id: row.id.clone(),
        slug: def.slug.clone(),
        name: def.name.clone(),
        version: def.version.clone(),
        lane: def.lane,
        summary: def.summary.clone(),
        purpose: def.purpose.clone(),
        assignment_instructions: def.assignment_instructions.clone(),
        required_inputs: def.required_inputs.clone(),
        expected_outputs: def.expected_outputs.clone(),
        audit_checks: def
            .audit_checks
            .iter()
            .map(|r| FlightSheetRule {
                key: r.key.clone(),
                label: r.label.clone(),
                category: r.category.clone(),
                kind: r.kind,
                severity: r.severity,
            })
            .collect(),
        pass_threshold: def.pass_threshold,
        fail_threshold: def.fail_threshold,
        deterministic: def.eval_spec.is_some(),
    }
}

/// `GET /flight-sheets`: the active sheets, ordered by name.
pub async fn list(ctx: &AppContext) -> Result<FlightSheetList, Error> {
    let rows = store::all(&ctx.db)
        .await
        .map_err(db("listing flight sheets"))?;
    let mut sheets = Vec::new();
    for row in rows.iter().filter(|r| r.active) {
        sheets.push(to_wire(row, &parse(row)?));
    }
    sheets.sort_by(|a, b| a.name.cmp(&b.name).then(a.slug.cmp(&b.slug)));
    Ok(FlightSheetList {
        flight_sheets: sheets,
    })
}

/// `GET /flight-sheets/{id_or_slug}` (active sheets only).
pub async fn get(ctx: &AppContext, key: &str) -> Result<FlightSheet, Error> {
    let row = store::by_id_or_slug(&ctx.db, key.trim())
        .await
        .map_err(db("reading a flight sheet"))?
        .filter(|r| r.active)
        .ok_or_else(|| Error::not_found(format!("flight sheet not found: {}", key.trim())))?;
    Ok(to_wire(&row, &parse(&row)?))
}

/// An active sheet resolved for a new run: its id, definition and the definition's hash.
pub struct Resolved {
    pub id: String,
    pub def: FlightSheetDef,
    pub sha256: String,
}

/// Resolves an id or slug to an active sheet for a new run.
pub async fn resolve(ctx: &AppContext, key: &str) -> Result<Resolved, Error> {
    let row = store::by_id_or_slug(&ctx.db, key)
        .await
        .map_err(db("reading a flight sheet"))?
        .filter(|r| r.active)
        .ok_or_else(|| Error::not_found(format!("flight sheet not found: {key}")))?;
    let def = parse(&row)?;
    Ok(Resolved {
        id: row.id,
        def,
        sha256: row.definition_sha256,
    })
}

/// Parsed sheet versions by their SHA-256. A version is named by the hash of
/// its definition and never changes, so an entry can never be stale, whatever
/// database it was read from; a run's every step reads its sheet from here.
static VERSIONS: std::sync::LazyLock<std::sync::Mutex<hashlink::LruCache<String, FlightSheetDef>>> =
    std::sync::LazyLock::new(|| std::sync::Mutex::new(hashlink::LruCache::new(64)));

fn cached_version(sha: &str) -> Option<FlightSheetDef> {
    let mut cache = VERSIONS.lock().unwrap_or_else(|p| p.into_inner());
    cache.get(sha).cloned()
}

fn keep_version(sha: &str, def: &FlightSheetDef) {
    let mut cache = VERSIONS.lock().unwrap_or_else(|p| p.into_inner());
    cache.insert(sha.to_string(), def.clone());
}

/// The exact definition a run was assigned, even if the library has changed since.
pub async fn for_run(ctx: &AppContext, run: &RunRow) -> Result<Option<FlightSheetDef>, Error> {
    let Some(id) = &run.flight_sheet_id else {
        return Ok(None);
    };
    if let Some(sha) = &run.flight_sheet_sha256 {
        if let Some(def) = cached_version(sha) {
            return Ok(Some(def));
        }
        let text = store::version(&ctx.db, sha)
            .await
            .map_err(db("reading a flight sheet version"))?
            .ok_or_else(|| Error::broken(format!("flight sheet version {sha} is missing")))?;
        let def: FlightSheetDef = serde_json::from_str(&text)
            .map_err(|e| crate::error::internal("reading a flight sheet version", e))?;
        keep_version(sha, &def);
        return Ok(Some(def));
    }
    Ok(Some(by_id(ctx, id).await?))
}

/// The sheet a run was created against (even if it has since been retired).
pub async fn by_id(ctx: &AppContext, id: &str) -> Result<FlightSheetDef, Error> {
    let row = store::by_id_or_slug(&ctx.db, id)
        .await
        .map_err(db("reading a flight sheet"))?
        .ok_or_else(|| Error::broken(format!("flight sheet {id} of a run is missing")))?;
    parse(&row)
}
