//! The one-pass canonical check (`check_canonical`, `is_canonical`) must decide exactly
//! as `parse_canonical` (parse, re-serialise, compare) does: generated values written
//! canonically are accepted by both, and their mutated and alternatively written forms
//! are judged alike. A fixed seed keeps every run the same.

use defendable_contract::canonical::{
    check_canonical, is_canonical, parse_canonical, value_to_canonical_vec,
};
use serde_json::{Map, Value};

/// splitmix64: small, deterministic, good enough to drive generation.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const CHARS: &[char] = &[
    'a',
    'b',
    'z',
    'A',
    'Z',
    '0',
    '9',
    ' ',
    '_',
    '-',
    '/',
    '"',
    '\\',
    '\u{0}',
    '\u{1}',
    '\u{8}',
    '\t',
    '\n',
    '\u{b}',
    '\u{c}',
    '\r',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    'ä',
    'é',
    'П',
    '€',
    '\u{2028}',
    '\u{fffd}',
    '\u{feff}',
    '中',
    '😀',
    '\u{10ffff}',
    '\u{1d11e}',
];

fn string(rng: &mut Rng) -> String {
    (0..rng.below(8)).map(|_| *rng.pick(CHARS)).collect()
}

fn integer(rng: &mut Rng) -> Value {
    let near = rng.below(1000);
    match rng.below(6) {
        0 => Value::from(u64::MAX - near),
        1 => Value::from(i64::MIN + near as i64),
        2 => Value::from(i64::MAX as u64 - 500 + near),
        3 => Value::from(rng.below(100)),
        4 => Value::from(-(rng.below(100) as i64)),
        _ => Value::from(rng.next() >> rng.below(64)),
    }
}

fn float(rng: &mut Rng) -> Value {
    let f = match rng.below(7) {
        0 => f64::from_bits(rng.next()),
        1 => (rng.below(100_000) as f64) * 10f64.powi(rng.below(60) as i32 - 30),
        2 => rng.below(1000) as f64 / 100.0,
        3 => rng.below(1 << 20) as f64,
        4 => *rng.pick(&[
            0.0,
            -0.0,
            1e15,
            1e16,
            1e-5,
            1e-7,
            5e-324,
            1.7976931348623157e308,
            0.1,
            27.0,
            1e21,
            123456789012345680.0,
            9007199254740993.0,
            2.2250738585072014e-308,
        ]),
        5 => -(rng.below(1_000_000) as f64) / 7.0,
        _ => f64::from_bits(rng.next() >> 2),
    };
    // Non-finite floats have no JSON number; serde_json stores them as null.
    Value::from(f)
}

fn value(rng: &mut Rng, depth: u32) -> Value {
    let leaf = depth >= 4 || rng.chance(2);
    if leaf {
        return match rng.below(6) {
            0 => Value::Null,
            1 => Value::Bool(rng.chance(2)),
            2 => integer(rng),
            3 => float(rng),
            _ => Value::String(string(rng)),
        };
    }
    if rng.chance(2) {
        Value::Array((0..rng.below(5)).map(|_| value(rng, depth + 1)).collect())
    } else {
        let mut map = Map::new();
        for _ in 0..rng.below(6) {
            map.insert(string(rng), value(rng, depth + 1));
        }
        Value::Object(map)
    }
}

/// Writes `value` as JSON, sometimes in a form the canonical writer would not use:
/// other key orders, duplicate keys, whitespace, other escapes, other number forms.
fn write_variant(out: &mut String, value: &Value, rng: &mut Rng) {
    match value {
        Value::Number(n) => {
            let text = String::from_utf8(value_to_canonical_vec(value)).unwrap();
            let variant = match rng.below(12) {
                0 => format!("{text}.0"),
                1 => format!("0{text}"),
                2 => format!("{text}e0"),
                3 => text.replace('e', "E"),
                4 => text.replace('e', "e+"),
                5 => n.as_f64().map_or(text.clone(), |f| format!("{f:e}")),
                6 => n.as_f64().map_or(text.clone(), |f| format!("{f:?}")),
                7 => text.replace(".0", ""),
                8 => format!("-{text}"),
                _ => text,
            };
            out.push_str(&variant);
        }
        Value::String(s) => write_string_variant(out, s, rng),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if rng.chance(40) { ", " } else { "," });
                }
                write_variant(out, item, rng);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            if members.len() > 1 && rng.chance(8) {
                let i = rng.below(members.len() as u64 - 1) as usize;
                members.swap(i, i + 1);
            }
            if !members.is_empty() && rng.chance(10) {
                let i = rng.below(members.len() as u64) as usize;
                members.insert(i, members[i]);
            }
            out.push('{');
            for (i, (key, item)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string_variant(out, key, rng);
                out.push_str(if rng.chance(40) { ": " } else { ":" });
                write_variant(out, item, rng);
            }
            out.push('}');
        }
        other => out.push_str(std::str::from_utf8(&value_to_canonical_vec(other)).unwrap()),
    }
}

fn write_string_variant(out: &mut String, s: &str, rng: &mut Rng) {
    let canonical = String::from_utf8(value_to_canonical_vec(&Value::from(s))).unwrap();
    if !rng.chance(6) {
        out.push_str(&canonical);
        return;
    }
    out.push('"');
    for c in s.chars() {
        let plain = String::from_utf8(value_to_canonical_vec(&Value::from(c.to_string()))).unwrap();
        let plain = &plain[1..plain.len() - 1];
        if !rng.chance(3) {
            out.push_str(plain);
            continue;
        }
        let mut units = [0u16; 2];
        let escaped: String = c
            .encode_utf16(&mut units)
            .iter()
            .map(|u| match rng.below(3) {
                0 => format!("\\u{u:04X}"),
                _ => format!("\\u{u:04x}"),
            })
            .collect();
        out.push_str(match (c, rng.below(3)) {
            ('/', 0) => "\\/",
            (_, 1) => plain,
            _ => &escaped,
        });
    }
    out.push('"');
}

/// Appended after a whole document.
const TRAILING: &[&[u8]] = &[b"x", b" ", b"0", b"]", b"}", b",", b"\n"];

/// Inserted anywhere: broken UTF-8 (a lone lead byte, a surrogate, beyond U+10FFFF),
/// raw control characters, a lone backslash.
const INSERTED: &[&[u8]] = &[
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x00",
    b"\x1f",
    b"\t",
    b"\\",
];

/// Byte-level damage: whitespace, truncation, garbage, deleted or replaced bytes.
fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = rng.below(out.len() as u64 + 1) as usize;
    match rng.below(8) {
        0 => out.insert(at, *rng.pick(b" \n\t\r")),
        1 => out.truncate(at),
        2 => {
            let tail: &&[u8] = rng.pick(TRAILING);
            out.extend_from_slice(tail);
        }
        3 if at < out.len() => {
            out.remove(at);
        }
        4 if at < out.len() => out[at] = *rng.pick(b"\xff\xc3\x80\"\\,:[]{}0-.eE+/ u"),
        5 => {
            let junk = rng.pick(INSERTED);
            out.splice(at..at, junk.iter().copied());
        }
        6 if at < out.len() => out.insert(at, out[at]),
        _ => out.insert(0, *rng.pick(b" [{\"")),
    }
    out
}

/// Both judges, which must agree; returns the verdict.
fn judged_alike(bytes: &[u8]) -> bool {
    let reference = parse_canonical(bytes);
    let fast = check_canonical(bytes);
    assert_eq!(
        fast.is_ok(),
        reference.is_ok(),
        "judges disagree on {:?} (reference: {:?})",
        String::from_utf8_lossy(bytes),
        reference.as_ref().err()
    );
    assert_eq!(is_canonical(bytes), reference.is_ok());
    if let (Err(fast), Err(reference)) = (fast, reference) {
        assert_eq!(fast, reference, "the reason is parse_canonical's");
    }
    is_canonical(bytes)
}

/// The top-level member lookup gives what the parsed `Value` gives.
fn members_agree(value: &Value, bytes: &[u8]) {
    let doc = check_canonical(bytes).unwrap();
    assert_eq!(doc.is_object(), value.is_object());
    let Some(map) = value.as_object() else {
        assert!(doc.get("a").is_none());
        return;
    };
    for (key, item) in map {
        let found = doc.get(key).unwrap_or_else(|| panic!("no member {key:?}"));
        assert_eq!(found.bytes(), value_to_canonical_vec(item), "{key:?}");
        assert_eq!(found.as_str().as_deref(), item.as_str(), "{key:?}");
        assert_eq!(found.as_i64(), item.as_i64(), "{key:?}");
        for inner in ["id", ""] {
            let want = item.get(inner).map(value_to_canonical_vec);
            assert_eq!(found.get(inner).map(|v| v.bytes().to_vec()), want);
        }
    }
    assert!(doc.get("no such key \u{0}").is_none());
}

#[test]
fn generated_values_and_their_variants_are_judged_alike() {
    let mut rng = Rng(0x5eed_cafe_f00d_0001);
    let (mut accepted, mut refused) = (0u32, 0u32);
    let (mut variants_accepted, mut variants_refused) = (0u32, 0u32);
    for _ in 0..3000 {
        let value = value(&mut rng, 0);
        let canonical = value_to_canonical_vec(&value);
        assert!(
            judged_alike(&canonical),
            "{}",
            String::from_utf8_lossy(&canonical)
        );
        members_agree(&value, &canonical);
        for _ in 0..4 {
            let mut variant = String::new();
            write_variant(&mut variant, &value, &mut rng);
            if judged_alike(variant.as_bytes()) {
                variants_accepted += 1;
            } else {
                variants_refused += 1;
            }
        }
        for _ in 0..6 {
            let damaged = mutate(&canonical, &mut rng);
            if judged_alike(&damaged) {
                accepted += 1;
            } else {
                refused += 1;
            }
        }
    }
    // Some damage still leaves canonical JSON (a truncated number, a digit doubled).
    assert!(accepted > 100 && refused > 10_000, "{accepted} {refused}");
    eprintln!("damaged: {accepted} accepted, {refused} refused; variants: {variants_accepted} accepted, {variants_refused} refused");
    // Most variants differ from the canonical form somewhere; many do not.
    assert!(
        variants_accepted > 1000 && variants_refused > 4000,
        "{variants_accepted} {variants_refused}"
    );
}

#[test]
fn edge_cases_are_judged_alike() {
    let cases: &[&[u8]] = &[
        b"0",
        b"-0",
        b"-0.0",
        b"0.0",
        b"00",
        b"01",
        b"-01",
        b"1.",
        b".5",
        b"-",
        b"--1",
        b"+1",
        b"1e16",
        b"1e+16",
        b"1E16",
        b"1.0e16",
        b"1e-7",
        b"1e-07",
        b"0.00001",
        b"1e-5",
        b"1e400",
        b"-1e400",
        b"1e-400",
        b"5e-324",
        b"2e-324",
        b"3e-324",
        b"0.30000000000000004",
        b"18446744073709551615",
        b"18446744073709551616",
        b"-9223372036854775808",
        b"-9223372036854775809",
        b"9223372036854775808",
        b"1.8446744073709552e19",
        b"Infinity",
        b"NaN",
        b"null",
        b"nul",
        b"true",
        b"false",
        b"True",
        b"[]",
        b"{}",
        b"[,]",
        b"[1,]",
        b"[1 ]",
        b"{\"a\":1,}",
        b"{\"\":1}",
        b"{\"\":1,\"\":2}",
        b"",
        b" ",
        b"\xef\xbb\xbf{}",
        b"\"\\u0041\"",
        b"\"\\/\"",
        b"\"\\u001F\"",
        b"\"\\u001f\"",
        b"\"\\u0008\"",
        b"\"\\b\"",
        b"\"\\u000a\"",
        b"\"\\u007f\"",
        b"\"\x7f\"",
        b"\"\\ud83d\\ude00\"",
        b"\"\xf0\x9f\x98\x80\"",
        b"\"\x01\"",
        b"\"\x1f\"",
        b"\"\t\"",
        b"\"\\a\"",
        b"\"\\u00\"",
        b"\"\\u00e4\"",
        b"\"\\",
        b"\"",
        b"\"\xed\xa0\x80\"",
        b"{\"\\u0001\":1,\"\\n\":2}",
        b"{\"\\n\":2,\"\\u0001\":1}",
        b"{\"a\":1,\"a\\u0000\":2}",
        b"{\"\\\"\":1,\"\\\\\":2}",
        b"{\"\\\\\":2,\"\\\"\":1}",
        b"{\"a\":{\"b\":1,\"a\":2}}",
        b"[1,{\"id\":\"x\"}]x",
        b"{\"a\":[1,2,[3,{}]]}",
        b"[1.5e300,-2.5e-300]",
    ];
    for case in cases {
        judged_alike(case);
    }
    for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
        for depth in [126, 127, 128, 129] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            judged_alike(text.as_bytes());
        }
    }
    assert!(is_canonical(
        br#"{"a":{"b":[1,"x\n",0.75,-3,null,true]},"b":"\u0001"}"#
    ));
    assert!(!is_canonical(b"[127,128]x"));
}
