//! What the server signs, and how a proof file is checked offline: the receipt
//! statement (a signed note over a receipt's hash and chain position), the checkpoint
//! origin of an organisation's chain, and the checks of a `defendable-proof/v1` file.

use crate::checkpoint::open_checkpoint;
use crate::merkle::{self, Hash};
use crate::note::{self, Verifier};
use crate::receipt::{check_receipt_document, ReceiptCheck};
use crate::receipt_kinds::payload_names_org;
use crate::schemas::ProofFile;

/// The proof-file format this version writes and reads.
pub const PROOF_FORMAT: &str = "defendable-proof/v1";

/// The text a receipt signature covers: the receipt's hash and where it sits.
pub fn receipt_statement(
    org_id: &str,
    org_seq: i64,
    receipt_id: &str,
    receipt_sha256: &str,
) -> String {
    format!(
        "defendable receipt v1\norg {org_id}\nseq {org_seq}\nid {receipt_id}\nsha256 {receipt_sha256}\n"
    )
}

/// The checkpoint origin of an organisation's chain on a server whose key is `key_name`.
pub fn checkpoint_origin(key_name: &str, org_id: &str) -> String {
    format!("{key_name}/orgs/{org_id}")
}

/// `<name>+<8 hex key hash>`: how keys are named in responses.
pub fn key_id(verifier: &Verifier) -> String {
    format!("{}+{}", verifier.name(), hex::encode(verifier.key_hash()))
}

pub fn hash_hex(hash: &Hash) -> String {
    hex::encode(hash)
}

pub fn hash_from_hex(text: &str) -> Option<Hash> {
    let bytes = hex::decode(text).ok()?;
    bytes.try_into().ok()
}

/// Checks that `signature_note` is a trusted key's signature over exactly this
/// receipt's statement; the error says what is wrong.
pub fn verify_receipt_signature(
    signature_note: &str,
    trusted: &[Verifier],
    org_id: &str,
    org_seq: i64,
    receipt_id: &str,
    receipt_sha256: &str,
) -> Result<(), String> {
    let statement = receipt_statement(org_id, org_seq, receipt_id, receipt_sha256);
    match note::open(signature_note, trusted) {
        Ok(opened) if opened.text == statement => Ok(()),
        Ok(_) => Err("the signed statement is not this receipt's hash and position".into()),
        Err(e) => Err(format!("not signed by a trusted key: {e}")),
    }
}

/// The organisation id a receipt belongs to: `organization.id` in clear, or, for a
/// kind whose public view hides it, the id named by its chain's checkpoint origin
/// when it matches the payload's commitment.
pub fn receipt_org_id(
    payload: &serde_json::Value,
    checkpoint_origin: Option<&str>,
) -> Option<String> {
    if let Some(id) = payload
        .get("organization")
        .and_then(|o| o.get("id"))
        .and_then(|v| v.as_str())
    {
        return Some(id.to_string());
    }
    let (_, candidate) = checkpoint_origin?.rsplit_once("/orgs/")?;
    payload_names_org(payload, candidate).then(|| candidate.to_string())
}

fn check(name: &str, ok: Option<bool>, detail: String) -> ReceiptCheck {
    ReceiptCheck {
        check: name.to_string(),
        ok,
        detail,
    }
}

/// Checks a proof file with nothing but the trusted keys: the receipt's own checks
/// (hash, id, chain fields), its signature, its inclusion in the signed checkpoint,
/// and the checkpoint's signature. Returns every check; a `None` is something the
/// file cannot establish (freshness).
pub fn check_proof_file(file: &ProofFile, trusted: &[Verifier]) -> Vec<ReceiptCheck> {
    let mut checks = Vec::new();
    if file.format != PROOF_FORMAT {
        checks.push(check(
            "format",
            Some(false),
            format!("{:?} is not {PROOF_FORMAT}", file.format),
        ));
        return checks;
    }
    let receipt_doc = serde_json::to_value(&file.receipt).unwrap_or_default();
    checks.extend(
        check_receipt_document(&receipt_doc)
            .into_iter()
            .filter(|c| c.check != "chain inclusion"),
    );
    let receipt = &file.receipt;
    let org_id =
        receipt_org_id(&receipt.payload, Some(&file.checkpoint.origin)).unwrap_or_default();

    // The signature: a trusted key signed exactly this receipt's statement.
    checks.push(
        match verify_receipt_signature(
            &file.signature.note,
            trusted,
            &org_id,
            receipt.org_seq,
            &receipt.receipt_id,
            &receipt.receipt_sha256,
        ) {
            Ok(()) => check(
                "signature",
                Some(true),
                format!("signed by {}", file.signature.key_id),
            ),
            Err(why) => check("signature", Some(false), why),
        },
    );

    // The checkpoint: signed by a trusted key, for this organisation's chain.
    let checkpoint = match open_checkpoint(&file.checkpoint.note, trusted) {
        Ok(cp) => cp,
        Err(e) => {
            checks.push(check(
                "checkpoint",
                Some(false),
                format!("not a checkpoint signed by a trusted key: {e}"),
            ));
            return checks;
        }
    };
    let origin_ok = checkpoint.origin().ends_with(&format!("/orgs/{org_id}"));
    checks.push(check(
        "checkpoint",
        Some(origin_ok),
        if origin_ok {
            format!(
                "{} at size {}, root {}",
                checkpoint.origin(),
                checkpoint.size(),
                hash_hex(checkpoint.root())
            )
        } else {
            format!(
                "the checkpoint is for {}, not this receipt's organisation",
                checkpoint.origin()
            )
        },
    ));

    // Inclusion of this receipt's leaf at its position in that checkpoint's tree.
    let inclusion = &file.inclusion;
    let proof: Option<Vec<Hash>> = inclusion.proof.iter().map(|h| hash_from_hex(h)).collect();
    let leaf = merkle::receipt_leaf(&receipt.receipt_sha256);
    let result = match (proof, leaf) {
        (Some(proof), Ok(leaf)) => {
            if inclusion.org_seq != receipt.org_seq
                || inclusion.tree_size < 0
                || inclusion.tree_size as u64 != checkpoint.size()
            {
                Err("the proof is not for this receipt's position in the checkpoint".to_string())
            } else {
                merkle::verify_inclusion(
                    &leaf,
                    receipt.org_seq.max(0) as u64,
                    checkpoint.size(),
                    &proof,
                    checkpoint.root(),
                )
                .map_err(|e| e.to_string())
            }
        }
        (None, _) => Err("the proof holds a hash that is not 64 hex characters".into()),
        (_, Err(e)) => Err(e.to_string()),
    };
    checks.push(match result {
        Ok(()) => check(
            "inclusion",
            Some(true),
            format!(
                "position {} is in the signed tree of size {}",
                receipt.org_seq,
                checkpoint.size()
            ),
        ),
        Err(why) => check("inclusion", Some(false), why),
    });
    checks.push(check(
        "freshness",
        None,
        "a proof file cannot show that the chain was not rewritten after this checkpoint; compare with a later checkpoint (consistency) online".into(),
    ));
    checks
}
