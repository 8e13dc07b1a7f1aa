//! Quick measure of offline chain verification: a chain of receipts shaped like the
//! server's (about 1.7 KB of canonical JSON each) checked by `verify_chain`, next to
//! `sha256sum` over the same bytes from the page cache.
//!
//! `cargo run --release -p defendable-contract --example verify_chain_bench [N]`
//! (N receipts, 200,000 by default).

use std::process::{Command, Stdio};
use std::time::Instant;

use defendable_contract::canonical::{is_canonical, sha256_hex, to_canonical_vec};
use defendable_contract::receipt::{
    format_receipt_id, verify_chain, verify_entry, ChainEntry, ZERO_HASH,
};
use serde_json::{json, Value};

/// A receipt payload with the fields and nesting of a real run receipt.
fn template() -> Value {
    let evidence: Vec<Value> = (0..3)
        .map(|i| {
            json!({"kind": "file", "label": format!("evidence-{i}.log"),
                   "sha256": sha256_hex(format!("evidence {i}").as_bytes()),
                   "size_bytes": 48_213 + i, "content_type": "text/plain"})
        })
        .collect();
    let checks: Vec<Value> = (0..4)
        .map(|i| {
            json!({"check_key": format!("check_{i}"), "label": format!("Check number {i}"),
                   "category": "safety", "status": if i % 2 == 0 { "pass" } else { "warn" },
                   "weight": 0.2, "note": "Reviewed by the approver.\nNo findings."})
        })
        .collect();
    json!({
        "schema": "defendablecloud.receipt/v1",
        "receipt_id": "",
        "org_seq": 0,
        "parent_hash": "",
        "created_at": "2025-06-01T12:34:56.789Z",
        "organization": {"id": "org_01HZX3K4Q", "name": "Acme Überprüfung GmbH"},
        "share_url": "https://defendable.example/share/3f9a1c0e2b7d4a5e",
        "run_id": "run_01HZX3M8T",
        "project": {"id": "prj_01HZX3KA", "name": "Customer support agent"},
        "run": {"id": "run_01HZX3M8T", "lane": "eval", "title": "Nightly regression — support flows",
                "inputs": {"dataset": "support-v3", "temperature": 0.2, "max_tokens": 1024}},
        "evidence": evidence,
        "checks": checks,
        "verdict": {"outcome": "pass", "summary": "All checks passed; two warnings.",
                    "score": 0.875, "score_100": 88, "severity": "low"},
        "approval": {"decision": "approved", "note": "ok\nsigned", "approver": "user_01HZX2"},
    })
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(200_000, |a| a.parse().expect("N is a number"));
    let template = template();
    let org_id = "org_01HZX3K4Q";
    let mut bytes: Vec<u8> = Vec::new();
    let mut spans = Vec::with_capacity(n);
    let mut ids = Vec::with_capacity(n);
    let mut hashes: Vec<String> = Vec::with_capacity(n);
    for seq in 0..n {
        let mut payload = template.clone();
        let id = format_receipt_id(seq as u64, "0badf00d");
        let parent = hashes.last().map_or(ZERO_HASH.to_string(), String::clone);
        payload["receipt_id"] = json!(id);
        payload["org_seq"] = json!(seq);
        payload["parent_hash"] = json!(parent);
        let canonical = to_canonical_vec(&payload).unwrap();
        hashes.push(sha256_hex(&canonical));
        spans.push(bytes.len()..bytes.len() + canonical.len());
        bytes.extend_from_slice(&canonical);
        ids.push(id);
    }
    let entries: Vec<ChainEntry<'_>> = (0..n)
        .map(|seq| ChainEntry {
            org_seq: seq as i64,
            receipt_id: &ids[seq],
            parent_hash: if seq == 0 {
                ZERO_HASH
            } else {
                &hashes[seq - 1]
            },
            receipt_sha256: &hashes[seq],
            canonical_payload: &bytes[spans[seq].clone()],
        })
        .collect();

    let started = Instant::now();
    let report = verify_chain(Some(org_id), &entries);
    let ours = started.elapsed().as_secs_f64();
    assert!(report.ok, "{:?}", report.errors.first());

    // The same per-receipt checks on this thread alone, and the bare hashing.
    let started = Instant::now();
    let problems: usize = entries
        .iter()
        .map(|e| verify_entry(Some(org_id), e).len())
        .sum();
    let one_thread = started.elapsed().as_secs_f64();
    assert_eq!(problems, 0);
    let started = Instant::now();
    let digests: usize = entries
        .iter()
        .map(|e| sha256_hex(e.canonical_payload).len())
        .sum();
    let hashing = started.elapsed().as_secs_f64();
    assert_eq!(digests, 64 * n);
    let started = Instant::now();
    assert!(entries.iter().all(|e| is_canonical(e.canonical_payload)));
    let checking = started.elapsed().as_secs_f64();

    let file = std::env::temp_dir().join(format!("verify-bench-{}.bin", std::process::id()));
    std::fs::write(&file, &bytes).unwrap();
    let _ = std::fs::read(&file).unwrap();
    let started = Instant::now();
    let status = Command::new("sha256sum")
        .arg(&file)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    let baseline = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&file);
    assert!(status.success());

    let rate = |seconds: f64| n as f64 / seconds;
    println!(
        "{n} receipts of {} bytes: verify_chain {:.0}/s, sha256sum {:.0}/s, ratio {:.2}; \
         one thread: verify_entry {:.0}/s, sha2 alone {:.0}/s, canonical check alone {:.0}/s",
        bytes.len() / n,
        rate(ours),
        rate(baseline),
        baseline / ours,
        rate(one_thread),
        rate(hashing),
        rate(checking),
    );
}
