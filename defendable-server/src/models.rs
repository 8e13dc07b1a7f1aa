//! Members' model routes: the model catalog, one card, and pinning a model into
//! a `defendablecloud.model-pin-receipt/v1` receipt on the organisation's chain.

use serde_json::{json, Value};

use defendable_contract::receipt_kinds::ReceiptKind;
use defendable_contract::schemas::{
    ModelCard, ModelCatalog, ModelPinModel, ModelPinReceiptOut, ModelPinRequest,
};

use crate::auth::Principal;
use crate::context::AppContext;
use crate::error::Error;
use crate::membership::require_member;
use crate::receipts::{self, payloads, ReceiptLinks};
use crate::store::accounts;
use crate::text::optional_text;
use crate::tx::{classify, Attempt};

/// `GET /models/catalog` (members).
pub async fn catalog(ctx: &AppContext, principal: &Principal) -> Result<ModelCatalog, Error> {
    require_member(ctx, principal).await?;
    Ok(ctx.catalogs.models.clone())
}

fn card<'a>(ctx: &'a AppContext, slug: &str) -> Result<&'a ModelCard, Error> {
    ctx.catalogs
        .model(slug)
        .ok_or_else(|| Error::not_found(format!("model card not found: {slug}")))
}

/// `GET /models/catalog/{slug}` (members).
pub async fn get(ctx: &AppContext, principal: &Principal, slug: &str) -> Result<ModelCard, Error> {
    require_member(ctx, principal).await?;
    card(ctx, slug).cloned()
}

/// `POST /models/catalog/{slug}/pin` (members): mints a pin receipt sealing
/// exactly the card's slug, name, base, size and hash.
pub async fn pin(
    ctx: &AppContext,
    principal: &Principal,
    slug: &str,
    body: ModelPinRequest,
) -> Result<ModelPinReceiptOut, Error> {
    let declaration = optional_text(body.declaration, "declaration", 500)?;
    let client_ref = optional_text(body.client_ref, "client_ref", 120)?;
    require_member(ctx, principal).await?;
    let card = card(ctx, slug)?;
    if card.status != "active" {
        return Err(Error::conflict(format!(
            "model {slug} is {}; only active models can be pinned",
            card.status
        )));
    }
    let org = accounts::org_by_id(&ctx.db, &principal.org_id)
        .await
        .map_err(crate::error::db("reading an organisation"))?
        .ok_or_else(|| Error::not_found("org not found"))?;
    let model = ModelPinModel {
        slug: card.slug.clone(),
        name: card.name.clone(),
        base: card.base.clone(),
        params_b: card.params_b,
        card_sha256: card.card_sha256.clone(),
    };
    let row = crate::tx::with_retries(|| async {
        let mut tx = crate::tx::begin_attempt(ctx).await?;
        let row = receipts::append(ctx, &mut tx, &org.id, ReceiptLinks::default(), |position| {
            let mut map = payloads::common(ReceiptKind::ModelPin, position, &org);
            map.insert("model".into(), json!(model));
            map.insert("pinned_at".into(), json!(position.created_at));
            map.insert("declaration".into(), json!(declaration));
            map.insert("client_ref".into(), json!(client_ref));
            Ok(Value::Object(map))
        })
        .await?;
        tx.commit()
            .await
            .map_err(classify("committing a receipt"))?;
        Ok::<_, Attempt>(row)
    })
    .await?;
    ctx.metrics.receipt_minted("model-pin");
    tracing::info!(org = %org.slug, model = %model.slug, receipt_id = %row.receipt_id, "model pinned");
    let payload: Value = serde_json::from_str(&row.canonical_payload)
        .map_err(|e| crate::error::internal("reading a stored receipt", e))?;
    Ok(ModelPinReceiptOut {
        receipt_id: row.receipt_id.clone(),
        org_seq: row.org_seq,
        receipt_sha256: row.receipt_sha256.clone(),
        share_url: ctx.share_url(&row.share_token),
        pinned_at: payload
            .get("pinned_at")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        model,
        declaration,
        client_ref,
    })
}
