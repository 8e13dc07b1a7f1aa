//! Receipt hashing and chain verification: pure functions shared by the server's
//! `/ledger/verify`, the public share view and the CLI's offline checks.
//!
//! A receipt's hash is `SHA-256(canonical(payload))`, with `receipt_sha256` left out
//! of the payload. Each organisation has one chain: `org_seq` counts from 0, the
//! genesis parent is [`ZERO_HASH`], and every receipt names the hash of the one
//! before it.

use serde_json::Value;

use sha2::{Digest, Sha256};

use crate::canonical::{check_canonical, sha256_hex, value_to_canonical_vec};
use crate::receipt_kinds::{org_id_commitment, ReceiptKind, ORG_ID_COMMITMENT_KEY};

/// The parent hash of an organisation's first receipt.
pub const ZERO_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The payload key that is never part of the hashed bytes.
pub const HASH_KEY: &str = "receipt_sha256";

/// `DCR-000042-1a2b3c4d`: the chain position, zero-padded to six digits, and eight
/// hex characters of randomness.
pub fn format_receipt_id(org_seq: u64, suffix: &str) -> String {
    format!("DCR-{org_seq:06}-{suffix}")
}

/// Splits a receipt id into its sequence number and suffix, if it is well formed.
pub fn parse_receipt_id(id: &str) -> Option<(u64, &str)> {
    let rest = id.strip_prefix("DCR-")?;
    let (seq, suffix) = rest.split_once('-')?;
    let well_formed = seq.len() >= 6
        && seq.bytes().all(|b| b.is_ascii_digit())
        && suffix.len() == 8
        && suffix
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !well_formed {
        return None;
    }
    Some((seq.parse().ok()?, suffix))
}

/// The hash of a receipt payload as shown publicly (any `receipt_sha256` key in it
/// is dropped first).
pub fn receipt_hash(payload: &Value) -> String {
    match payload {
        Value::Object(map) if map.contains_key(HASH_KEY) => {
            let mut map = map.clone();
            map.remove(HASH_KEY);
            sha256_hex(&value_to_canonical_vec(&Value::Object(map)))
        }
        other => sha256_hex(&value_to_canonical_vec(other)),
    }
}

/// True for 64 lowercase hex characters.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// One stored receipt as the chain verifier sees it: the columns and the exact
/// canonical bytes that were hashed.
#[derive(Clone, Copy, Debug)]
pub struct ChainEntry<'a> {
    pub org_seq: i64,
    pub receipt_id: &'a str,
    pub parent_hash: &'a str,
    pub receipt_sha256: &'a str,
    pub canonical_payload: &'a [u8],
}

/// One problem found at one position of a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainError {
    pub org_seq: i64,
    pub error: String,
}

/// The outcome of verifying a chain: every error, with a count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    pub ok: bool,
    pub receipts_checked: u64,
    pub error_count: u64,
    pub errors: Vec<ChainError>,
}

/// Checks one receipt on its own: canonical bytes, the hash, and that the payload
/// agrees with the stored columns. Returns every problem found.
pub fn verify_entry(org_id: Option<&str>, entry: &ChainEntry<'_>) -> Vec<String> {
    let mut problems = Vec::new();
    match parse_receipt_id(entry.receipt_id) {
        Some((seq, _)) if i64::try_from(seq) == Ok(entry.org_seq) => {}
        Some((seq, _)) => problems.push(format!(
            "receipt id {} names position {seq}, stored at {}",
            entry.receipt_id, entry.org_seq
        )),
        None => problems.push(format!(
            "receipt id {:?} is not of the form DCR-NNNNNN-xxxxxxxx",
            entry.receipt_id
        )),
    }
    for (name, value) in [
        ("receipt_sha256", entry.receipt_sha256),
        ("parent_hash", entry.parent_hash),
    ] {
        if !is_sha256_hex(value) {
            problems.push(format!(
                "{name} {value:?} is not 64 lowercase hex characters"
            ));
        }
    }
    let digest = Sha256::digest(entry.canonical_payload);
    let mut hex_buf = [0u8; 64];
    hex::encode_to_slice(digest, &mut hex_buf).expect("64 hex characters for 32 bytes");
    let recomputed = std::str::from_utf8(&hex_buf).expect("hex is ASCII");
    if recomputed != entry.receipt_sha256 {
        problems.push(format!(
            "hash mismatch: stored {}, recomputed {recomputed}",
            entry.receipt_sha256
        ));
    }
    let payload = match check_canonical(entry.canonical_payload) {
        Ok(payload) => payload,
        Err(e) => {
            problems.push(format!("payload is not canonical JSON: {e}"));
            return problems;
        }
    };
    if !payload.is_object() {
        problems.push("payload is not a JSON object".to_string());
        return problems;
    }
    if payload.get(HASH_KEY).is_some() {
        problems.push(format!("payload must not contain {HASH_KEY}"));
    }
    let text = |key: &str| payload.get(key).and_then(|v| v.as_str());
    let payload_id = text("receipt_id");
    if payload_id.as_deref() != Some(entry.receipt_id) {
        problems.push(format!(
            "payload/column disagreement: receipt_id {:?} in the payload, {:?} stored",
            payload_id.as_deref().unwrap_or("(missing)"),
            entry.receipt_id
        ));
    }
    let payload_seq = payload.get("org_seq").and_then(|v| v.as_i64());
    if payload_seq != Some(entry.org_seq) {
        problems.push(format!(
            "payload/column disagreement: org_seq {} in the payload, {} stored",
            payload_seq.map_or("(missing)".to_string(), |s| s.to_string()),
            entry.org_seq
        ));
    }
    let payload_parent = text("parent_hash");
    if payload_parent.as_deref() != Some(entry.parent_hash) {
        problems.push(format!(
            "payload/column disagreement: parent_hash {:?} in the payload, {:?} stored",
            payload_parent.as_deref().unwrap_or("(missing)"),
            entry.parent_hash
        ));
    }
    if let Some(org_id) = org_id {
        // In clear (`organization.id`), or by commitment for kinds whose public
        // view hides the id (`organization.id_sha256`).
        let organization = payload.get("organization");
        let clear = organization
            .as_ref()
            .and_then(|o| o.get("id"))
            .and_then(|v| v.as_str());
        let committed = organization
            .as_ref()
            .and_then(|o| o.get(ORG_ID_COMMITMENT_KEY))
            .and_then(|v| v.as_str());
        let named = match (clear, committed) {
            (Some(id), _) => Some((id.as_ref() == org_id, id)),
            (None, Some(c)) => Some((c.as_ref() == org_id_commitment(org_id), c)),
            (None, None) => None,
        };
        if !named.as_ref().is_some_and(|(ok, _)| *ok) {
            problems.push(format!(
                "payload/column disagreement: organization {:?} in the payload, {org_id:?} expected",
                named.as_ref().map_or("(missing)", |(_, v)| v.as_ref())
            ));
        }
    }
    problems
}

/// Chains shorter than this are verified on the calling thread alone.
const PARALLEL_FROM: usize = 2048;

/// Verifies a whole chain, given in `org_seq` order: each receipt on its own
/// ([`verify_entry`]), then the sequence (from 0, no gaps or repeats) and every parent
/// link against the previous receipt's stored hash. A forged receipt therefore shows
/// up once, at its own position.
///
/// Receipts are checked on their own in parallel (one chunk per available CPU) when
/// the chain is long; the report is the same as from one thread.
pub fn verify_chain(org_id: Option<&str>, entries: &[ChainEntry<'_>]) -> ChainReport {
    let threads = if entries.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, usize::from)
    };
    verify_chain_on(org_id, entries, threads)
}

/// [`verify_chain`] with the per-receipt checks split across `threads` threads.
fn verify_chain_on(
    org_id: Option<&str>,
    entries: &[ChainEntry<'_>],
    threads: usize,
) -> ChainReport {
    let mut own_problems = entry_problems(org_id, entries, threads)
        .into_iter()
        .peekable();
    let mut errors = Vec::new();
    let mut previous: Option<&ChainEntry<'_>> = None;
    for (index, entry) in entries.iter().enumerate() {
        let mut push = |error: String| {
            errors.push(ChainError {
                org_seq: entry.org_seq,
                error,
            })
        };
        let expected_seq = previous.map_or(0, |p| p.org_seq + 1);
        if entry.org_seq != expected_seq {
            push(format!(
                "sequence gap: expected org_seq {expected_seq}, found {}",
                entry.org_seq
            ));
        }
        let expected_parent = previous.map_or(ZERO_HASH, |p| p.receipt_sha256);
        if entry.parent_hash != expected_parent {
            push(format!(
                "broken parent link: parent_hash {} does not match {expected_parent}",
                entry.parent_hash
            ));
        }
        while let Some((_, problem)) = own_problems.next_if(|(at, _)| *at == index) {
            push(problem);
        }
        previous = Some(entry);
    }
    ChainReport {
        ok: errors.is_empty(),
        receipts_checked: entries.len() as u64,
        error_count: errors.len() as u64,
        errors,
    }
}

/// Every [`verify_entry`] problem of the chain as (index, problem), in index order,
/// with the entries split into one contiguous chunk per thread.
fn entry_problems(
    org_id: Option<&str>,
    entries: &[ChainEntry<'_>],
    threads: usize,
) -> Vec<(usize, String)> {
    let problems_in = |offset: usize, chunk: &[ChainEntry<'_>]| -> Vec<(usize, String)> {
        chunk
            .iter()
            .enumerate()
            .flat_map(|(i, entry)| {
                verify_entry(org_id, entry)
                    .into_iter()
                    .map(move |problem| (offset + i, problem))
            })
            .collect()
    };
    if threads <= 1 || entries.len() < 2 {
        return problems_in(0, entries);
    }
    let chunk_len = entries.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = entries
            .chunks(chunk_len)
            .enumerate()
            .map(|(n, chunk)| scope.spawn(move || problems_in(n * chunk_len, chunk)))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a verification thread panicked"))
            .collect()
    })
}

/// One check run on a single receipt: `ok` is `None` when it could not be
/// established from the receipt alone.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ReceiptCheck {
    pub check: String,
    pub ok: Option<bool>,
    pub detail: String,
}

impl ReceiptCheck {
    fn new(check: &str, ok: Option<bool>, detail: String) -> ReceiptCheck {
        ReceiptCheck {
            check: check.to_string(),
            ok,
            detail,
        }
    }
}

/// Checks a receipt document on its own, trusting nothing the server asserted about
/// it (a `verified` flag is ignored). Accepts the public view (`{"payload": ...,
/// "receipt_sha256": ...}`) or a stored artifact (the payload with its
/// `receipt_sha256` key). Returns every check, including what it cannot establish.
pub fn check_receipt_document(doc: &Value) -> Vec<ReceiptCheck> {
    let mut checks = Vec::new();
    let (payload, outer) = match doc.get("payload") {
        Some(payload) => (payload, Some(doc)),
        None => (doc, None),
    };
    let Some(map) = payload.as_object() else {
        checks.push(ReceiptCheck::new(
            "payload",
            Some(false),
            "no receipt payload object found".into(),
        ));
        return checks;
    };

    let recomputed = receipt_hash(payload);
    let outer_claim = outer.and_then(|o| o.get(HASH_KEY)).and_then(Value::as_str);
    let inner_claim = map.get(HASH_KEY).and_then(Value::as_str);
    let hash_check = match (outer_claim, inner_claim) {
        (Some(a), Some(b)) if a != b => ReceiptCheck::new(
            "hash",
            Some(false),
            format!("two different hashes are claimed: {a} and {b}"),
        ),
        (None, None) => ReceiptCheck::new(
            "hash",
            Some(false),
            format!("no receipt_sha256 is claimed; the payload hashes to {recomputed}"),
        ),
        (Some(claim), _) | (None, Some(claim)) => {
            if claim == recomputed {
                ReceiptCheck::new(
                    "hash",
                    Some(true),
                    format!("SHA-256 of the canonical payload is {recomputed}, as claimed"),
                )
            } else {
                ReceiptCheck::new(
                    "hash",
                    Some(false),
                    format!("claimed {claim}, but the canonical payload hashes to {recomputed}"),
                )
            }
        }
    };
    checks.push(hash_check);

    let text = |key: &str| map.get(key).and_then(Value::as_str);
    let seq = map.get("org_seq").and_then(Value::as_i64);
    let id = text("receipt_id");
    checks.push(match (id.and_then(parse_receipt_id), seq) {
        (Some((id_seq, _)), Some(seq)) if seq >= 0 && id_seq == seq as u64 => ReceiptCheck::new(
            "receipt id",
            Some(true),
            format!(
                "{} is well formed and names position {seq}",
                id.unwrap_or("")
            ),
        ),
        (Some((id_seq, _)), Some(seq)) => ReceiptCheck::new(
            "receipt id",
            Some(false),
            format!("the id names position {id_seq} but org_seq is {seq}"),
        ),
        (None, _) => ReceiptCheck::new(
            "receipt id",
            Some(false),
            format!(
                "{:?} is not a receipt id (DCR-NNNNNN-xxxxxxxx)",
                id.unwrap_or("")
            ),
        ),
        (Some(_), None) => ReceiptCheck::new(
            "receipt id",
            Some(false),
            "the payload has no integer org_seq".into(),
        ),
    });

    let parent = text("parent_hash");
    checks.push(match (parent, seq) {
        (Some(p), Some(0)) if p == ZERO_HASH => ReceiptCheck::new(
            "chain fields",
            Some(true),
            "the first receipt of its chain, with the all-zero parent".into(),
        ),
        (Some(p), Some(s)) if s > 0 && is_sha256_hex(p) && p != ZERO_HASH => ReceiptCheck::new(
            "chain fields",
            Some(true),
            format!("position {s}, parent {p}"),
        ),
        (p, s) => ReceiptCheck::new(
            "chain fields",
            Some(false),
            format!(
                "parent_hash {:?} does not fit org_seq {}",
                p.unwrap_or("(missing)"),
                s.map_or("(missing)".into(), |s| s.to_string())
            ),
        ),
    });

    if let Some(outer) = outer {
        let mut disagreements = Vec::new();
        for key in ["receipt_id", "parent_hash", "org_seq"] {
            if let Some(value) = outer.get(key) {
                if map.get(key) != Some(value) {
                    disagreements.push(key);
                }
            }
        }
        checks.push(if disagreements.is_empty() {
            ReceiptCheck::new(
                "fields agree",
                Some(true),
                "the listed receipt_id, org_seq and parent_hash match the payload".into(),
            )
        } else {
            ReceiptCheck::new(
                "fields agree",
                Some(false),
                format!(
                    "listed and hashed values differ: {}",
                    disagreements.join(", ")
                ),
            )
        });
    }

    checks.push(
        match text("schema").map(|s| (s, ReceiptKind::from_schema(s))) {
            Some((schema, Some(kind))) => {
                ReceiptCheck::new("schema", Some(true), format!("{schema} ({})", kind.title()))
            }
            other => ReceiptCheck::new(
                "schema",
                None,
                format!(
                    "{:?} is not a schema this version knows; the hash still covers it",
                    other.map_or("(missing)", |(s, _)| s)
                ),
            ),
        },
    );
    checks.push(ReceiptCheck::new(
        "chain inclusion",
        None,
        "not established from one receipt: verify the organisation's ledger".into(),
    ));
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::to_canonical_vec;
    use serde_json::json;

    struct Stored {
        seq: i64,
        id: String,
        parent: String,
        hash: String,
        bytes: Vec<u8>,
    }

    fn chain(n: i64) -> Vec<Stored> {
        let mut out: Vec<Stored> = Vec::new();
        for seq in 0..n {
            let parent = out.last().map_or(ZERO_HASH.to_string(), |p| p.hash.clone());
            let id = format_receipt_id(seq as u64, "0a1b2c3d");
            let payload = json!({"receipt_id": id, "org_seq": seq, "parent_hash": parent,
                                 "organization": {"id": "org1", "name": "Проверка"}, "score": 0.75});
            let bytes = to_canonical_vec(&payload).unwrap();
            out.push(Stored {
                seq,
                id,
                parent,
                hash: sha256_hex(&bytes),
                bytes,
            });
        }
        out
    }

    fn entries(stored: &[Stored]) -> Vec<ChainEntry<'_>> {
        stored
            .iter()
            .map(|s| ChainEntry {
                org_seq: s.seq,
                receipt_id: &s.id,
                parent_hash: &s.parent,
                receipt_sha256: &s.hash,
                canonical_payload: &s.bytes,
            })
            .collect()
    }

    #[test]
    fn a_clean_chain_verifies() {
        let stored = chain(4);
        let report = verify_chain(Some("org1"), &entries(&stored));
        assert!(report.ok, "{report:?}");
        assert_eq!(report.receipts_checked, 4);
        assert_eq!(report.error_count, 0);
        assert!(verify_chain(Some("org1"), &[]).ok);
    }

    #[test]
    fn a_forged_payload_is_reported_at_its_own_position_only() {
        let mut stored = chain(3);
        let text = String::from_utf8(stored[1].bytes.clone()).unwrap();
        stored[1].bytes = text.replace("0.75", "0.95").into_bytes();
        let report = verify_chain(Some("org1"), &entries(&stored));
        assert!(!report.ok);
        assert_eq!(report.error_count, 1, "{report:?}");
        assert_eq!(report.errors[0].org_seq, 1);
        assert!(report.errors[0].error.contains("hash mismatch"));
    }

    #[test]
    fn gaps_broken_links_and_disagreements_are_all_counted() {
        let stored = chain(4);
        let mut list = entries(&stored);
        list.remove(2);
        let report = verify_chain(Some("org1"), &list);
        let kinds: Vec<&str> = report.errors.iter().map(|e| e.error.as_str()).collect();
        assert!(
            kinds.iter().any(|e| e.starts_with("sequence gap")),
            "{kinds:?}"
        );
        assert!(
            kinds.iter().any(|e| e.starts_with("broken parent link")),
            "{kinds:?}"
        );
        assert_eq!(report.error_count as usize, report.errors.len());

        let stored = chain(2);
        let mut list = entries(&stored);
        list[1].receipt_id = "DCR-000001-ffffffff";
        let report = verify_chain(Some("other-org"), &list);
        let text = format!("{:?}", report.errors);
        assert!(text.contains("receipt_id"), "{text}");
        assert!(text.contains("organization"), "{text}");
        assert_eq!(report.error_count, 3, "{text}");

        let mut list = entries(&stored);
        list[1].receipt_id = "DCR-000007-0a1b2c3d";
        list[0].parent_hash = "not-a-hash";
        let report = verify_chain(Some("org1"), &list);
        let text = format!("{:?}", report.errors);
        assert!(text.contains("names position 7, stored at 1"), "{text}");
        assert!(text.contains("not 64 lowercase hex"), "{text}");
    }

    #[test]
    fn non_canonical_bytes_are_an_error_even_when_the_hash_matches() {
        let bytes = br#"{"org_seq": 0}"#.to_vec();
        let hash = sha256_hex(&bytes);
        let entry = ChainEntry {
            org_seq: 0,
            receipt_id: "DCR-000000-00000000",
            parent_hash: ZERO_HASH,
            receipt_sha256: &hash,
            canonical_payload: &bytes,
        };
        let problems = verify_entry(None, &entry);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("not canonical"));
    }

    #[test]
    fn parallel_and_single_thread_reports_are_identical() {
        let mut stored = chain(3000);
        // Problems of each kind, at chunk edges for 2, 3 and 4 threads and elsewhere.
        let forged = String::from_utf8(stored[750].bytes.clone()).unwrap();
        stored[750].bytes = forged.replace("0.75", "0.95").into_bytes();
        stored[1000].bytes = b"{\"org_seq\": 1000}".to_vec();
        stored[1500].bytes = b"[1,2]".to_vec();
        stored[1500].hash = sha256_hex(b"[1,2]");
        stored[2999].id = "DCR-2999-bad".to_string();
        let mut list = entries(&stored);
        list[0].parent_hash = "not-a-hash";
        list[1499].receipt_id = "DCR-001498-0a1b2c3d";
        list.remove(2250);
        list[2000].receipt_sha256 = ZERO_HASH;

        let one = verify_chain_on(Some("org1"), &list, 1);
        assert!(one.error_count >= 10, "{one:?}");
        let positions: Vec<i64> = one.errors.iter().map(|e| e.org_seq).collect();
        for seq in [0, 750, 1000, 1499, 1500, 2000, 2001, 2251, 2999] {
            assert!(positions.contains(&seq), "no error at {seq}: {positions:?}");
        }
        for threads in [2, 3, 4, 7] {
            assert_eq!(
                verify_chain_on(Some("org1"), &list, threads),
                one,
                "{threads}"
            );
        }
        assert_eq!(verify_chain(Some("org1"), &list), one);
        let clean = chain(2100);
        let report = verify_chain_on(Some("org1"), &entries(&clean), 4);
        assert!(report.ok, "{report:?}");
        assert_eq!(report.receipts_checked, 2100);
    }

    #[test]
    fn receipt_ids_round_trip() {
        let id = format_receipt_id(42, "1a2b3c4d");
        assert_eq!(id, "DCR-000042-1a2b3c4d");
        assert_eq!(parse_receipt_id(&id), Some((42, "1a2b3c4d")));
        assert_eq!(
            parse_receipt_id("DCR-1234567-1a2b3c4d"),
            Some((1234567, "1a2b3c4d"))
        );
        for bad in [
            "DCR-42-1a2b3c4d",
            "DCR-000042-XYZ",
            "RCPT-000042-1a2b3c4d",
            "",
        ] {
            assert_eq!(parse_receipt_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn receipt_hash_ignores_the_hash_key() {
        let payload = json!({"a": 1});
        let mut shown = payload.clone();
        shown["receipt_sha256"] = json!("x");
        assert_eq!(receipt_hash(&payload), receipt_hash(&shown));
        assert!(is_sha256_hex(&receipt_hash(&payload)));
    }

    #[test]
    fn a_public_receipt_document_is_checked_without_trusting_the_server() {
        let stored = chain(2);
        let payload: Value = serde_json::from_slice(&stored[1].bytes).unwrap();
        let doc = serde_json::json!({"payload": payload, "receipt_sha256": stored[1].hash,
            "receipt_id": stored[1].id, "org_seq": 1, "parent_hash": stored[1].parent, "verified": false});
        let checks = check_receipt_document(&doc);
        assert!(checks.iter().all(|c| c.ok != Some(false)), "{checks:?}");
        assert!(checks
            .iter()
            .any(|c| c.check == "hash" && c.ok == Some(true)));

        let mut forged = doc.clone();
        forged["payload"]["score"] = serde_json::json!(0.99);
        forged["verified"] = serde_json::json!(true);
        let checks = check_receipt_document(&forged);
        let hash = checks.iter().find(|c| c.check == "hash").unwrap();
        assert_eq!(hash.ok, Some(false), "{hash:?}");

        let mut moved = doc.clone();
        moved["org_seq"] = serde_json::json!(0);
        let checks = check_receipt_document(&moved);
        assert!(checks
            .iter()
            .any(|c| c.check == "fields agree" && c.ok == Some(false)));

        let mut artifact = payload.clone();
        artifact["receipt_sha256"] = serde_json::json!(stored[1].hash);
        assert!(check_receipt_document(&artifact)
            .iter()
            .all(|c| c.ok != Some(false)));
        assert_eq!(
            check_receipt_document(&serde_json::json!([1]))[0].ok,
            Some(false)
        );
    }
}
