//! Golden vectors: canonical JSON v1 must match real orjson output byte for byte.
//! The fixture is written by `tests/fixtures/gen_canonical.py` (orjson 3.11.6);
//! CI regenerates it and fails when it differs from the committed copy.

use defendable_contract::canonical::{
    is_canonical, parse_canonical, sha256_hex, to_canonical_vec, value_to_canonical_vec,
};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let text = include_str!("fixtures/canonical_vectors.json");
    let doc: Value = serde_json::from_str(text).expect("fixture is JSON");
    doc["vectors"].as_array().expect("vectors").clone()
}

#[test]
fn every_vector_matches_orjson_byte_for_byte() {
    let vectors = vectors();
    assert!(vectors.len() >= 20, "fixture lost its vectors");
    for v in &vectors {
        let name = v["name"].as_str().unwrap();
        let input: Value = serde_json::from_str(v["input"].as_str().unwrap()).unwrap();
        let expected = v["canonical"].as_str().unwrap();
        let ours = value_to_canonical_vec(&input);
        assert_eq!(
            String::from_utf8_lossy(&ours),
            expected,
            "vector {name} differs from orjson"
        );
        assert_eq!(sha256_hex(&ours), v["sha256"].as_str().unwrap(), "{name}");
        assert_eq!(to_canonical_vec(&input).unwrap(), ours, "{name}");
    }
}

#[test]
fn orjson_output_is_recognised_as_canonical_and_round_trips() {
    for v in vectors() {
        let name = v["name"].as_str().unwrap();
        let canonical = v["canonical"].as_str().unwrap().as_bytes();
        assert!(is_canonical(canonical), "{name}");
        let parsed = parse_canonical(canonical).unwrap();
        assert_eq!(value_to_canonical_vec(&parsed), canonical, "{name}");
    }
}

#[test]
fn the_documented_forms_are_covered() {
    let all: Vec<String> = vectors()
        .iter()
        .map(|v| v["canonical"].as_str().unwrap().to_string())
        .collect();
    for form in [
        "0.75",
        "27.0",
        "1e16",
        "1e-7",
        "-0.0",
        "18446744073709551615",
    ] {
        assert!(all.iter().any(|c| c == form), "no vector for {form}");
    }
    assert!(all
        .iter()
        .any(|c| c.contains("\\u001f") && c.contains("\\b")));
    assert!(all.iter().any(|c| c.contains('😀')));
}
