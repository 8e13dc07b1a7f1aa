//! A one-pass check that bytes are canonical JSON v1, without building a `Value`
//! tree. It decides exactly what [`super::parse_canonical`] decides (the writer's
//! escapes, number forms, key order, no whitespace, serde_json's nesting limit) and
//! hands back the top-level members of an object as byte spans, so a verifier can read
//! a few fields without parsing the rest.

use std::borrow::Cow;

/// serde_json refuses 128 nested arrays or objects, so `parse_canonical` does too.
const MAX_NESTING: usize = 127;

/// Bytes known to be canonical JSON; for an object, its top-level members.
#[derive(Clone, Debug)]
pub struct CanonicalDoc<'a> {
    /// (key as written, without its quotes; value) in key order, when an object.
    members: Option<Vec<(&'a [u8], CanonicalValue<'a>)>>,
}

/// The bytes of one value inside canonical JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CanonicalValue<'a>(&'a [u8]);

/// Checks `bytes` in one pass: `Some` exactly when `parse_canonical(bytes)` is `Ok`.
pub(super) fn check(bytes: &[u8]) -> Option<CanonicalDoc<'_>> {
    // Outside strings the grammar allows ASCII only, and no multi-byte sequence holds
    // a `"` or `\`, so one validation of the whole text covers every string.
    std::str::from_utf8(bytes).ok()?;
    let mut checker = Checker { bytes, pos: 0 };
    let members = if bytes.first() == Some(&b'{') {
        let mut members = Vec::with_capacity(24);
        checker.object(1, Some(&mut members))?;
        Some(members)
    } else {
        checker.value(0)?;
        None
    };
    (checker.pos == bytes.len()).then_some(CanonicalDoc { members })
}

impl<'a> CanonicalDoc<'a> {
    /// True when the document is a JSON object.
    pub fn is_object(&self) -> bool {
        self.members.is_some()
    }

    /// The value of a top-level key, when the document is an object that has it.
    pub fn get(&self, key: &str) -> Option<CanonicalValue<'a>> {
        self.members
            .as_ref()?
            .iter()
            .find(|(raw, _)| key_is(raw, key))
            .map(|(_, value)| *value)
    }
}

impl<'a> CanonicalValue<'a> {
    /// The value's canonical bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The text of a string value (as `Value::as_str`).
    pub fn as_str(&self) -> Option<Cow<'a, str>> {
        let raw = self.0.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
        if raw.contains(&b'\\') {
            String::from_utf8(unescape(raw)).ok().map(Cow::Owned)
        } else {
            std::str::from_utf8(raw).ok().map(Cow::Borrowed)
        }
    }

    /// An integer value that fits `i64` (as `Value::as_i64`).
    pub fn as_i64(&self) -> Option<i64> {
        let integer = matches!(self.0.first(), Some(b'-' | b'0'..=b'9'))
            && !self.0.iter().any(|b| matches!(b, b'.' | b'e' | b'E'));
        if !integer {
            return None;
        }
        std::str::from_utf8(self.0).ok()?.parse().ok()
    }

    /// The value of a key, when this is an object that has it (as `Value::get`).
    pub fn get(&self, key: &str) -> Option<CanonicalValue<'a>> {
        if self.0.first() != Some(&b'{') {
            return None;
        }
        check(self.0)?.get(key)
    }
}

/// True when the written key `raw` (canonical, without quotes) decodes to `key`.
fn key_is(raw: &[u8], key: &str) -> bool {
    if raw.contains(&b'\\') {
        unescape(raw) == key.as_bytes()
    } else {
        raw == key.as_bytes()
    }
}

/// The bytes a checked string stands for (its escapes are the writer's).
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != b'\\' {
            out.push(raw[i]);
            i += 1;
            continue;
        }
        let (byte, len) = match raw[i + 1] {
            b'b' => (0x08, 2),
            b't' => (b'\t', 2),
            b'n' => (b'\n', 2),
            b'f' => (0x0c, 2),
            b'r' => (b'\r', 2),
            b'u' => (hex_digit(raw[i + 4]) * 16 + hex_digit(raw[i + 5]), 6),
            quoted => (quoted, 2),
        };
        out.push(byte);
        i += len;
    }
    out
}

/// A lowercase hex digit's value (the writer never writes uppercase).
fn hex_digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => 0xff,
    }
}

/// The bytes of `word` (little-endian) that are `"`, `\\` or a control character below
/// 0x20, as their high bits. A flag can be wrong only above a right one (a borrow
/// carries upwards), so "any" and "the lowest" are exact.
fn look_at(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    below(word, 0x20) | below(quote, 1) | below(backslash, 1)
}

/// A cursor over the bytes; every method returns `None` for anything the writer
/// would not have produced.
struct Checker<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Checker<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `b` if it is next.
    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    /// One value, inside `nesting` arrays or objects.
    fn value(&mut self, nesting: usize) -> Option<()> {
        match self.peek()? {
            b'{' => self.object(nesting + 1, None),
            b'[' => self.array(nesting + 1),
            b'"' => self.string().map(|_| ()),
            b'n' => self.literal(b"null"),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.bytes[self.pos..].starts_with(word).then(|| {
            self.pos += word.len();
        })
    }

    fn array(&mut self, nesting: usize) -> Option<()> {
        if nesting > MAX_NESTING {
            return None;
        }
        self.pos += 1;
        if self.eat(b']').is_some() {
            return Some(());
        }
        loop {
            self.value(nesting)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An object with keys strictly ascending by their decoded bytes; its members are
    /// recorded in `members` when given.
    fn object(
        &mut self,
        nesting: usize,
        mut members: Option<&mut Vec<(&'a [u8], CanonicalValue<'a>)>>,
    ) -> Option<()> {
        if nesting > MAX_NESTING {
            return None;
        }
        self.pos += 1;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        let mut previous: Option<Cow<'a, [u8]>> = None;
        loop {
            if self.peek()? != b'"' {
                return None;
            }
            let (raw, escaped) = self.string()?;
            let key = if escaped {
                Cow::Owned(unescape(raw))
            } else {
                Cow::Borrowed(raw)
            };
            if previous.as_ref().is_some_and(|p| *p >= key) {
                return None;
            }
            self.eat(b':')?;
            let start = self.pos;
            self.value(nesting)?;
            if let Some(members) = members.as_mut() {
                members.push((raw, CanonicalValue(&self.bytes[start..self.pos])));
            }
            previous = Some(key);
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A string escaped as the writer escapes; returns its bytes between the quotes
    /// and whether it holds an escape.
    fn string(&mut self) -> Option<(&'a [u8], bool)> {
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            // Skip plain text eight bytes at a time, up to the next byte to look at.
            while let Some(word) = self.bytes.get(self.pos..self.pos + 8) {
                let flags = look_at(u64::from_le_bytes(word.try_into().expect("eight bytes")));
                if flags != 0 {
                    self.pos += (flags.trailing_zeros() / 8) as usize;
                    break;
                }
                self.pos += 8;
            }
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    let raw = &self.bytes[start..self.pos];
                    self.pos += 1;
                    return Some((raw, escaped));
                }
                b'\\' => {
                    self.escape()?;
                    escaped = true;
                }
                0x00..=0x1f => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// `\" \\ \b \t \n \f \r`, or `\u00xx` in lowercase hex for the other control
    /// characters; nothing else.
    fn escape(&mut self) -> Option<()> {
        let rest = self.bytes.get(self.pos + 1..)?;
        let len = match *rest.first()? {
            b'"' | b'\\' | b'b' | b't' | b'n' | b'f' | b'r' => 2,
            b'u' => {
                let code = rest.get(1..5)?;
                let low = hex_digit(code[3]);
                let value = match (code[0], code[1], code[2]) {
                    (b'0', b'0', b'0') if low < 16 => low,
                    (b'0', b'0', b'1') if low < 16 => 16 + low,
                    _ => return None,
                };
                if matches!(value, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d) {
                    return None;
                }
                6
            }
            _ => return None,
        };
        self.pos += len;
        Some(())
    }

    /// An integer from -2^63 to 2^64-1 without leading zeros (and not `-0`, which
    /// serde_json reads as a float), or a float exactly as ryu writes it.
    fn number(&mut self) -> Option<()> {
        let start = self.pos;
        let mut float = false;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' | b'-' => {}
                b'.' | b'e' | b'E' | b'+' => float = true,
                _ => break,
            }
            self.pos += 1;
        }
        let token = &self.bytes[start..self.pos];
        let text = std::str::from_utf8(token).ok()?;
        if float {
            let f: f64 = text.parse().ok()?;
            let mut buffer = ryu::Buffer::new();
            return (f.is_finite() && buffer.format_finite(f).as_bytes() == token).then_some(());
        }
        let (digits, fits) = match token.strip_prefix(b"-") {
            Some(digits) => (digits, text.parse::<i64>().is_ok()),
            None => (token, text.parse::<u64>().is_ok()),
        };
        let no_leading_zero = match digits {
            [b'0'] => token.len() == 1,
            [first, ..] => (b'1'..=b'9').contains(first),
            [] => false,
        };
        (fits && no_leading_zero && digits.iter().all(u8::is_ascii_digit)).then_some(())
    }
}
