//! Signed, transparent receipts: every receipt is signed at mint (a C2SP signed note
//! over its hash and chain position); each organisation's chain is an RFC 6962 Merkle
//! tree whose checkpoints the server signs, never two inconsistent ones and never over
//! a receipt whose signature fails; inclusion and consistency proofs; and the
//! self-contained proof file of one receipt.

use defendable_contract::checkpoint::{open_checkpoint, sign_checkpoint, Checkpoint};
use defendable_contract::merkle::{self, Hash};
use defendable_contract::note;
use defendable_contract::schemas::{
    ConsistencyProof, InclusionProof, ProofFile, SignedCheckpoint, SigningKey, SigningKeyList,
};
use defendable_contract::transparency::{
    checkpoint_origin, hash_from_hex, hash_hex, key_id, receipt_statement, PROOF_FORMAT,
};

use crate::context::AppContext;
use crate::error::{db, Error};
use crate::published_keys::{bad_signatures, refusal, BadReceipt, SignedReceipt};
use crate::share_cache::SharedReceipt;
use crate::store::transparency::{self as store, CheckpointRow};
use crate::store::Db;
use crate::time;

/// Publishes the configured key as current (older keys become retired, still listed).
pub async fn register_key(db: &Db, signer: &note::Signer) -> anyhow::Result<()> {
    let verifier = signer.verifier();
    store::register_current_key(
        db,
        &key_id(&verifier),
        verifier.name(),
        &verifier.to_string(),
        &time::now_micros(),
    )
    .await?;
    Ok(())
}

/// Signs a receipt's statement: returns (key id, signed note).
pub fn sign_receipt(
    ctx: &AppContext,
    org_id: &str,
    org_seq: i64,
    receipt_id: &str,
    receipt_sha256: &str,
) -> Result<(String, String), Error> {
    let signer = &ctx.config.signer;
    let statement = receipt_statement(org_id, org_seq, receipt_id, receipt_sha256);
    let note = note::sign(&statement, signer)
        .map_err(|e| crate::error::internal("signing a receipt", e))?;
    Ok((key_id(&signer.verifier()), note))
}

/// `GET /.well-known/defendable-keys`.
pub async fn signing_keys(ctx: &AppContext) -> Result<SigningKeyList, Error> {
    let rows = store::keys(&ctx.db).await.map_err(db("reading keys"))?;
    Ok(SigningKeyList {
        keys: rows
            .into_iter()
            .map(|k| SigningKey {
                status: if k.retired_at.is_some() {
                    "retired"
                } else {
                    "current"
                }
                .into(),
                valid_from: time::to_wire(&k.created_at),
                valid_until: k.retired_at.as_deref().map(time::to_wire),
                key_id: k.key_id,
                name: k.name,
                verifier: k.verifier,
                algorithm: "ed25519".into(),
            })
            .collect(),
    })
}

/// The chain's leaves in order; a gap means the chain is broken, and nothing is signed.
async fn tree(ctx: &AppContext, org_id: &str) -> Result<Vec<Hash>, Error> {
    let rows = store::leaves(&ctx.db, org_id)
        .await
        .map_err(db("reading the chain"))?;
    let mut leaves = Vec::with_capacity(rows.len());
    for (i, (seq, sha)) in rows.iter().enumerate() {
        if *seq != i as i64 {
            return Err(Error::conflict(format!(
                "refusing to prove: the chain has a gap at position {i}"
            )));
        }
        leaves.push(merkle::receipt_leaf(sha).map_err(|e| {
            Error::conflict(format!(
                "refusing to prove: receipt {seq} has a bad hash: {e}"
            ))
        })?);
    }
    Ok(leaves)
}

fn to_wire(row: &CheckpointRow, origin: String) -> SignedCheckpoint {
    SignedCheckpoint {
        origin,
        tree_size: row.tree_size,
        root_hash: row.root_hash.clone(),
        key_id: row.key_id.clone(),
        note: row.note.clone(),
    }
}

/// `GET /ledger/checkpoint`: the signed checkpoint at the chain's current size. A new
/// one is signed only if the chain still extends the last checkpoint signed.
pub async fn checkpoint(ctx: &AppContext, org_id: &str) -> Result<SignedCheckpoint, Error> {
    let leaves = tree(ctx, org_id).await?;
    checkpoint_over(ctx, org_id, &leaves).await
}

/// The signed checkpoint over `leaves`, the chain as just read. The last checkpoint
/// signed must be a published key's and the chain must extend it; every receipt it
/// does not cover must carry a published key's signature over its hash and position.
/// Otherwise nothing is signed (409, naming the receipt that fails when one does).
async fn checkpoint_over(
    ctx: &AppContext,
    org_id: &str,
    leaves: &[Hash],
) -> Result<SignedCheckpoint, Error> {
    let signer = &ctx.config.signer;
    let origin = checkpoint_origin(signer.name(), org_id);
    let size = leaves.len() as i64;
    let latest = store::latest_checkpoint(&ctx.db, org_id)
        .await
        .map_err(db("reading a checkpoint"))?;
    if let Some(last) = &latest {
        if let Some(why) = breaks(ctx, last, leaves).await? {
            tracing::error!(
                org_id,
                last_size = last.tree_size,
                size,
                "chain inconsistent with a signed checkpoint"
            );
            // Name the rewritten receipt when its signature shows it.
            refusal("sign", &bad_receipts(ctx, org_id, 0, size).await?)?;
            return Err(Error::conflict(format!("refusing to sign: {why}")));
        }
        if last.tree_size == size {
            return Ok(to_wire(last, origin));
        }
    }
    // What the last checkpoint covers was checked when it was signed (and is
    // unchanged: the roots agree); the receipts after it are checked now.
    let covered = latest.as_ref().map_or(0, |last| last.tree_size);
    refusal(
        "sign a checkpoint",
        &bad_receipts(ctx, org_id, covered, size).await?,
    )?;
    let root = merkle::root(leaves);
    let cp = Checkpoint::new(&origin, size as u64, root, Vec::new())
        .map_err(|e| crate::error::internal("building a checkpoint", e))?;
    let row = CheckpointRow {
        tree_size: size,
        root_hash: hash_hex(&root),
        key_id: key_id(&signer.verifier()),
        note: sign_checkpoint(&cp, signer),
    };
    let stored = store::insert_checkpoint(&ctx.db, org_id, &row, &time::now_micros())
        .await
        .map_err(db("storing a checkpoint"))?;
    Ok(to_wire(&stored, origin))
}

/// Why the chain as read (`leaves`) cannot be signed on top of the last checkpoint
/// stored: the checkpoint is not a published key's signature over its size and
/// root, or the chain no longer extends it. `None` when it can.
async fn breaks(
    ctx: &AppContext,
    last: &CheckpointRow,
    leaves: &[Hash],
) -> Result<Option<String>, Error> {
    let keys = ctx
        .published_keys
        .covering(&ctx.db, [last.key_id.as_str()])
        .await?;
    let authentic = open_checkpoint(&last.note, keys.verifiers()).is_ok_and(|cp| {
        i64::try_from(cp.size()) == Ok(last.tree_size)
            && hash_from_hex(&last.root_hash).as_ref() == Some(cp.root())
    });
    if !authentic {
        return Ok(Some(format!(
            "the checkpoint stored at size {} is not signed by a published key",
            last.tree_size
        )));
    }
    let extends = last.tree_size >= 0
        && last.tree_size as usize <= leaves.len()
        && hash_from_hex(&last.root_hash) == Some(merkle::root(&leaves[..last.tree_size as usize]));
    Ok((!extends).then(|| {
        format!(
            "the chain no longer extends the checkpoint signed at size {}",
            last.tree_size
        )
    }))
}

/// Chains longer than this are checked off the async runtime.
const CHECK_INLINE_MAX: usize = 64;

/// The receipts at positions `from..to` of an organisation's chain whose signature
/// is not a published key's over their hash and position.
pub async fn bad_receipts(
    ctx: &AppContext,
    org_id: &str,
    from: i64,
    to: i64,
) -> Result<Vec<BadReceipt>, Error> {
    if from >= to {
        return Ok(Vec::new());
    }
    let leaves = store::signed_leaves(&ctx.db, org_id, from, to)
        .await
        .map_err(db("reading signatures"))?;
    let keys = ctx
        .published_keys
        .covering(
            &ctx.db,
            leaves
                .iter()
                .filter_map(|l| l.signature.as_ref().map(|(key_id, _)| key_id.as_str())),
        )
        .await?;
    let org_id = org_id.to_string();
    let check = move || {
        let claims: Vec<SignedReceipt<'_>> = leaves
            .iter()
            .map(|l| SignedReceipt {
                org_id: &org_id,
                org_seq: l.org_seq,
                receipt_id: &l.receipt_id,
                receipt_sha256: &l.receipt_sha256,
                note: l.signature.as_ref().map(|(_, note)| note.as_str()),
            })
            .collect();
        bad_signatures(&keys, &claims)
    };
    if (to - from) as usize <= CHECK_INLINE_MAX {
        return Ok(check());
    }
    tokio::task::spawn_blocking(check)
        .await
        .map_err(|e| crate::error::internal("checking signatures", e))
}

fn size_arg(value: Option<i64>, current: usize, what: &str) -> Result<usize, Error> {
    match value {
        None => Ok(current),
        Some(v) if v >= 0 && (v as usize) <= current => Ok(v as usize),
        Some(v) => Err(Error::invalid(format!(
            "{what} must be 0..{current} (got {v})"
        ))),
    }
}

/// `GET /ledger/proof/inclusion`.
pub async fn inclusion(
    ctx: &AppContext,
    org_id: &str,
    org_seq: i64,
    tree_size: Option<i64>,
) -> Result<InclusionProof, Error> {
    let leaves = tree(ctx, org_id).await?;
    inclusion_over(&leaves, org_seq, tree_size)
}

fn inclusion_over(
    leaves: &[Hash],
    org_seq: i64,
    tree_size: Option<i64>,
) -> Result<InclusionProof, Error> {
    let size = size_arg(tree_size, leaves.len(), "tree_size")?;
    if org_seq < 0 || org_seq as usize >= size {
        return Err(Error::invalid(format!(
            "org_seq must be 0..{} for a tree of size {size}",
            size.saturating_sub(1)
        )));
    }
    let prefix = &leaves[..size];
    let proof = merkle::inclusion_proof(prefix, org_seq as u64)
        .map_err(|e| crate::error::internal("building a proof", e))?;
    Ok(InclusionProof {
        org_seq,
        tree_size: size as i64,
        leaf_hash: hash_hex(&prefix[org_seq as usize]),
        proof: proof.iter().map(hash_hex).collect(),
        root_hash: hash_hex(&merkle::root(prefix)),
    })
}

/// `GET /ledger/proof/consistency`.
pub async fn consistency(
    ctx: &AppContext,
    org_id: &str,
    from: i64,
    to: Option<i64>,
) -> Result<ConsistencyProof, Error> {
    consistency_between(ctx, org_id, (from, "from"), (to, "to")).await
}

/// A consistency proof from size `from` to size `to` (default: the current size);
/// each size comes with its parameter's name for the errors.
pub(crate) async fn consistency_between(
    ctx: &AppContext,
    org_id: &str,
    (from, from_name): (i64, &str),
    (to, to_name): (Option<i64>, &str),
) -> Result<ConsistencyProof, Error> {
    let leaves = tree(ctx, org_id).await?;
    let to = size_arg(to, leaves.len(), to_name)?;
    let from = size_arg(Some(from), to, from_name)?;
    let proof = merkle::consistency_proof(&leaves[..to], from as u64)
        .map_err(|e| crate::error::internal("building a proof", e))?;
    Ok(ConsistencyProof {
        from: from as i64,
        to: to as i64,
        from_root: hash_hex(&merkle::root(&leaves[..from])),
        to_root: hash_hex(&merkle::root(&leaves[..to])),
        proof: proof.iter().map(hash_hex).collect(),
    })
}

/// The proof file of a shared receipt; refused (409) when the receipt fails its checks
/// or has no signature: the server proves nothing it cannot vouch for.
pub async fn proof_of(ctx: &AppContext, shared: &SharedReceipt) -> Result<ProofFile, Error> {
    let (row, receipt) = (&shared.row, shared.public.clone());
    if !shared.problems.is_empty() {
        refusal(
            "prove",
            &[BadReceipt {
                org_seq: row.org_seq,
                receipt_id: row.receipt_id.clone(),
                why: shared.problems.join("; "),
            }],
        )?;
    }
    let signature = receipt
        .signature
        .clone()
        .ok_or_else(|| Error::conflict("refusing to prove: the receipt has no signature"))?;
    // One read of the chain serves both the checkpoint and the proof.
    let leaves = tree(ctx, &row.org_id).await?;
    let checkpoint = checkpoint_over(ctx, &row.org_id, &leaves).await?;
    let inclusion = inclusion_over(&leaves, row.org_seq, Some(checkpoint.tree_size))?;
    Ok(ProofFile {
        format: PROOF_FORMAT.into(),
        verifier: ctx.config.signer.verifier().to_string(),
        receipt,
        signature,
        inclusion,
        checkpoint,
    })
}
