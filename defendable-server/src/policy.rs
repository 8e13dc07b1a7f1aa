//! The training-data policy: what the service learns from and what it never
//! does, published with a SHA-256 anyone can recompute (canonical JSON v1 of
//! the policy without its `sha256` field).

use serde_json::Value;

use defendable_contract::canonical::{sha256_hex, to_canonical_vec};
use defendable_contract::schemas::TrainingDataPolicy;

const EFFECTIVE_AT: &str = "2026-05-28T00:00:00Z";

/// The policy, version 1, with its hash.
pub fn training_data() -> TrainingDataPolicy {
    let mut policy = TrainingDataPolicy {
        version: "v1".to_string(),
        statement: "Put plainly: we learn from how agents fail, in general terms, so that the rulebooks \
            catch more of it; we never learn from what your business is doing. Your evidence, \
            your agents' submissions and anything that identifies you or your clients stay \
            yours: they are stored to prove your work, never used to train or tune a model."
            .to_string(),
        we_learn_from: vec![
            "Counts of checks, flags and verdicts per flight sheet, with no text attached".into(),
            "Which rules fire together, as rule identifiers only".into(),
            "Flight-sheet rulebooks, which are public".into(),
            "Failure patterns written up by our own staff from synthetic cases".into(),
        ],
        we_dont_learn_from: vec![
            "Customer evidence files or their contents".into(),
            "Customer agent submissions or their contents".into(),
            "Anything customer-identifiable: names, emails, organisations, clients, amounts".into(),
            "Receipts, approvals or notes written by customer staff".into(),
        ],
        enforcement: vec![
            "Evidence and submissions are stored in the organisation's own space and served only to its members".into(),
            "No part of the service exports customer evidence or submissions for training".into(),
            "Dataset packages are built only from the sources listed in the published catalog".into(),
            "This policy is versioned; a change gets a new version and a new hash".into(),
            "Anyone can recompute the hash below from this document".into(),
        ],
        effective_at: EFFECTIVE_AT.to_string(),
        last_updated: EFFECTIVE_AT.to_string(),
        sha256: String::new(),
    };
    policy.sha256 = hash_of(&policy);
    policy
}

/// SHA-256 of the canonical JSON of the policy without `sha256`.
pub fn hash_of(policy: &TrainingDataPolicy) -> String {
    let mut value = serde_json::to_value(policy).expect("the policy serialises");
    if let Value::Object(map) = &mut value {
        map.remove("sha256");
    }
    sha256_hex(&to_canonical_vec(&value).expect("the policy is canonicalisable"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_every_field_but_itself() {
        let policy = training_data();
        assert_eq!(policy.sha256.len(), 64);
        assert_eq!(policy.sha256, hash_of(&policy));
        let mut changed = policy.clone();
        changed.we_learn_from[0].push('.');
        assert_ne!(hash_of(&changed), policy.sha256);
        assert!(policy.statement.contains("we learn from how agents fail"));
        assert!(policy
            .statement
            .contains("never learn from what your business is doing"));
        let dont = policy.we_dont_learn_from.join(" ").to_lowercase();
        for phrase in [
            "customer evidence",
            "customer agent submissions",
            "customer-identifiable",
        ] {
            assert!(dont.contains(phrase), "{phrase}");
        }
    }
}
