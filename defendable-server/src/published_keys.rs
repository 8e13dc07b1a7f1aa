//! The server checks what it signs: receipt signatures and stored checkpoints are
//! checked against the published keys (current and retired, so old keys stay valid
//! for what they signed). The keys are kept in memory and read again from the
//! database when a signature names a key this process has not seen (another process
//! may have started with a new key).

use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use defendable_contract::note::Verifier;
use defendable_contract::transparency::verify_receipt_signature;

use crate::error::{db, Error};
use crate::store::transparency as store;
use crate::store::Db;

/// The published keys as last read.
#[derive(Debug, Default)]
pub struct KeySet {
    ids: HashSet<String>,
    verifiers: Vec<Verifier>,
}

impl KeySet {
    /// Every published verifier, current and retired.
    pub fn verifiers(&self) -> &[Verifier] {
        &self.verifiers
    }
}

/// The published keys, read once and again when an unknown key id shows up.
#[derive(Debug, Default)]
pub struct PublishedKeys {
    current: RwLock<Arc<KeySet>>,
}

impl PublishedKeys {
    fn snapshot(&self) -> Arc<KeySet> {
        Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// The published keys, read from the database first when one of `key_ids`
    /// (as stored beside a signature or checkpoint; untrusted, only a hint) is not
    /// among those in memory. A key id that is in no published key re-reads each
    /// time, which only tampered rows cause.
    pub async fn covering<'a>(
        &self,
        db_: &Db,
        key_ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<Arc<KeySet>, Error> {
        let known = self.snapshot();
        if key_ids.into_iter().all(|id| known.ids.contains(id)) {
            return Ok(known);
        }
        let rows = store::keys(db_).await.map_err(db("reading keys"))?;
        let mut set = KeySet::default();
        for row in rows {
            match row.verifier.parse::<Verifier>() {
                Ok(v) => {
                    set.ids.insert(row.key_id);
                    set.verifiers.push(v);
                }
                Err(e) => {
                    tracing::error!(key_id = %row.key_id, %e, "a published key does not parse")
                }
            }
        }
        let set = Arc::new(set);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::clone(&set);
        Ok(set)
    }
}

/// One receipt's claim to a signature: its statement's fields and the signed note.
pub struct SignedReceipt<'a> {
    pub org_id: &'a str,
    pub org_seq: i64,
    pub receipt_id: &'a str,
    pub receipt_sha256: &'a str,
    /// The signed note as stored, if the receipt has one.
    pub note: Option<&'a str>,
}

impl SignedReceipt<'_> {
    /// Whether a published key signed exactly this receipt's statement; the error
    /// says what is wrong. A receipt without a signature fails.
    pub fn check(&self, keys: &KeySet) -> Result<(), String> {
        let note = self
            .note
            .ok_or_else(|| "signature: the receipt has no signature".to_string())?;
        verify_receipt_signature(
            note,
            keys.verifiers(),
            self.org_id,
            self.org_seq,
            self.receipt_id,
            self.receipt_sha256,
        )
        .map_err(|why| format!("signature: {why}"))
    }
}

/// A receipt the server will not vouch for, and why.
#[derive(Clone, Debug)]
pub struct BadReceipt {
    pub org_seq: i64,
    pub receipt_id: String,
    pub why: String,
}

/// Every receipt of `receipts` whose signature fails, in order (on the calling
/// thread: callers with long lists call it off the async runtime).
pub fn bad_signatures(keys: &KeySet, receipts: &[SignedReceipt<'_>]) -> Vec<BadReceipt> {
    receipts
        .iter()
        .filter_map(|r| {
            r.check(keys).err().map(|why| BadReceipt {
                org_seq: r.org_seq,
                receipt_id: r.receipt_id.to_string(),
                why,
            })
        })
        .collect()
}

/// Refuses to vouch for receipts that fail their checks: a 409 whose detail names
/// the first bad receipt (and how many more there are). `Ok` when `bad` is empty.
pub fn refusal(what: &str, bad: &[BadReceipt]) -> Result<(), Error> {
    let Some(first) = bad.first() else {
        return Ok(());
    };
    let more = match bad.len() - 1 {
        0 => String::new(),
        n => format!(" (and {n} more receipt(s))"),
    };
    tracing::error!(
        receipt_id = %first.receipt_id,
        org_seq = first.org_seq,
        bad = bad.len(),
        "refusing to {what}: a receipt fails its checks"
    );
    Err(Error::conflict(format!(
        "refusing to {what}: receipt {} (position {}) fails its check: {}{more}",
        first.receipt_id, first.org_seq, first.why
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use defendable_contract::note::{self, Signer};
    use defendable_contract::transparency::receipt_statement;

    fn keys(signers: &[&Signer]) -> KeySet {
        KeySet {
            ids: HashSet::new(),
            verifiers: signers.iter().map(|s| s.verifier()).collect(),
        }
    }

    #[test]
    fn only_a_published_key_over_the_exact_statement_passes() {
        let old = Signer::from_seed("keys.example", [1; 32]).unwrap();
        let new = Signer::from_seed("keys.example", [2; 32]).unwrap();
        let stranger = Signer::from_seed("keys.example", [3; 32]).unwrap();
        let sha = "ab".repeat(32);
        let signed_by = |s: &Signer| {
            note::sign(&receipt_statement("org", 4, "DCR-000004-aaaaaaaa", &sha), s).unwrap()
        };
        let claim = |note: Option<&str>, sha: &str| -> Result<(), String> {
            SignedReceipt {
                org_id: "org",
                org_seq: 4,
                receipt_id: "DCR-000004-aaaaaaaa",
                receipt_sha256: sha,
                note,
            }
            .check(&keys(&[&old, &new]))
        };
        let by_old = signed_by(&old);
        assert!(
            claim(Some(&by_old), &sha).is_ok(),
            "a retired key stays valid"
        );
        assert!(claim(Some(&signed_by(&new)), &sha).is_ok());
        let other = "cd".repeat(32);
        assert!(claim(Some(&by_old), &other)
            .unwrap_err()
            .contains("statement"));
        assert!(claim(Some(&signed_by(&stranger)), &sha).is_err());
        assert!(claim(None, &sha).unwrap_err().contains("no signature"));
    }

    #[test]
    fn the_refusal_names_the_first_bad_receipt() {
        assert!(refusal("sign", &[]).is_ok());
        let bad = |n: i64| BadReceipt {
            org_seq: n,
            receipt_id: format!("DCR-{n:06}-aaaaaaaa"),
            why: "signature: wrong".into(),
        };
        let e = refusal("sign a checkpoint", &[bad(1), bad(2)]).unwrap_err();
        assert!(matches!(e, Error::Conflict(_)));
        assert!(e.detail().contains("DCR-000001-aaaaaaaa"), "{}", e.detail());
        assert!(e.detail().contains("1 more"), "{}", e.detail());
    }
}
