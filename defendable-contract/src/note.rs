//! Signed notes in the C2SP signed-note format (c2sp.org/signed-note) with Ed25519
//! keys, interoperable with golang.org/x/mod/sumdb/note. Pure: no I/O, and key
//! material comes from the caller (a 32-byte seed), never from a random source here.
//!
//! A signed note is a text ending in a newline, a blank line, then one or more
//! signature lines `— <key name> <base64(key ID || signature)>`. The key ID of an
//! Ed25519 key is the first four bytes of SHA-256(name || "\n" || 0x01 || public key).
//!
//! Key strings:
//! - verifier: `<name>+<8 hex key ID>+<base64(0x01 || public key)>`
//! - signer: `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || seed)>` (a secret)

use std::fmt;
use std::str::FromStr;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// The signature type byte of Ed25519 keys.
pub const ALG_ED25519: u8 = 0x01;

/// The most signature lines a note may carry (the spec asks for at least 16).
pub const MAX_SIGNATURES: usize = 100;

/// What starts a signature line: an em dash (U+2014) and a space.
pub const SIGNATURE_PREFIX: &str = "\u{2014} ";

/// Why a key, a note or a signature was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    /// A key name is empty or holds a space, a plus sign or a control character.
    #[error(
        "invalid key name {0:?}: it must be non-empty, without spaces, '+' or control characters"
    )]
    InvalidKeyName(String),
    /// A verifier key string is not `<name>+<hash>+<base64 key>`.
    #[error("malformed verifier key: {0}")]
    MalformedVerifierKey(&'static str),
    /// A signer key string is not `PRIVATE+KEY+<name>+<hash>+<base64 key>` (the key is
    /// never echoed).
    #[error("malformed signer key: {0}")]
    MalformedSignerKey(&'static str),
    /// The key ID written in a key string is not the one its name and key give.
    #[error("key ID {written} does not match the key (expected {computed})")]
    KeyHashMismatch { written: String, computed: String },
    /// The key is for a signature type other than Ed25519.
    #[error("unsupported signature type 0x{0:02x} (only Ed25519, 0x01, is supported)")]
    UnsupportedAlgorithm(u8),
    /// The public key is not a usable Ed25519 point.
    #[error("invalid Ed25519 public key")]
    InvalidPublicKey,
    /// The text to sign is not a valid note text.
    #[error("invalid note text: {0}")]
    InvalidText(&'static str),
    /// The note does not follow the signed-note format.
    #[error("malformed note: {0}")]
    MalformedNote(&'static str),
    /// The note has more signature lines than [`MAX_SIGNATURES`].
    #[error("note has more than {MAX_SIGNATURES} signatures")]
    TooManySignatures,
    /// A signature by a known key does not verify: the whole note is rejected.
    #[error("signature by known key {name} ({key_hash}) does not verify")]
    InvalidSignature { name: String, key_hash: String },
    /// No signature is by a known key (the names of the unknown signers are listed).
    #[error("no signature from a known key (other signers: {})", signer_list(.unknown_signers))]
    NoVerifiedSignature { unknown_signers: Vec<String> },
}

fn signer_list(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// True when `name` may name a key: non-empty, no Unicode white space, no `+` (the
/// spec's rules), and no ASCII control character (which no note may contain).
pub fn is_valid_key_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c == '+' || c < ' ')
}

fn check_name(name: &str) -> Result<(), NoteError> {
    if is_valid_key_name(name) {
        Ok(())
    } else {
        Err(NoteError::InvalidKeyName(name.to_string()))
    }
}

/// The key ID of an Ed25519 key: SHA-256(name || "\n" || 0x01 || public key)[..4].
pub fn key_hash(name: &str, public_key: &[u8; 32]) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([ALG_ED25519]);
    h.update(public_key);
    let digest = h.finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

/// Parses the 8 hex digits of a key ID.
fn parse_key_hash(text: &str) -> Option<[u8; 4]> {
    if text.len() != 8 {
        return None;
    }
    let mut out = [0u8; 4];
    hex::decode_to_slice(text, &mut out).ok()?;
    Some(out)
}

/// Decodes `base64(0x01 || 32 bytes)`.
fn parse_ed25519_key(text: &str) -> Result<[u8; 32], KeyPartError> {
    let bytes = BASE64.decode(text).map_err(|_| KeyPartError::Base64)?;
    match bytes.split_first() {
        None => Err(KeyPartError::Length),
        Some((&ALG_ED25519, rest)) => rest.try_into().map_err(|_| KeyPartError::Length),
        Some((&alg, _)) => Err(KeyPartError::Algorithm(alg)),
    }
}

enum KeyPartError {
    Base64,
    Length,
    Algorithm(u8),
}

fn encode_ed25519_key(key: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(33);
    bytes.push(ALG_ED25519);
    bytes.extend_from_slice(key);
    BASE64.encode(bytes)
}

/// A public Ed25519 key with its name: checks note signatures.
#[derive(Clone, PartialEq, Eq)]
pub struct Verifier {
    name: String,
    key_hash: [u8; 4],
    key: VerifyingKey,
}

impl Verifier {
    /// A verifier for `name` and a 32-byte Ed25519 public key. Rejects invalid names,
    /// bytes that are not the canonical encoding of a curve point, and weak
    /// (small-order) keys.
    pub fn new(name: &str, public_key: [u8; 32]) -> Result<Self, NoteError> {
        check_name(name)?;
        let key = VerifyingKey::from_bytes(&public_key).map_err(|_| NoteError::InvalidPublicKey)?;
        if key.is_weak() || key.to_edwards().compress().to_bytes() != public_key {
            return Err(NoteError::InvalidPublicKey);
        }
        Ok(Self {
            name: name.to_string(),
            key_hash: key_hash(name, &public_key),
            key,
        })
    }

    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key ID.
    pub fn key_hash(&self) -> [u8; 4] {
        self.key_hash
    }

    /// The 32-byte public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// True when `signature` is this key's Ed25519 signature of `message` (strict
    /// RFC 8032 verification: canonical encodings only).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(signature) = Signature::from_slice(signature) else {
            return false;
        };
        self.key.verify_strict(message, &signature).is_ok()
    }
}

impl FromStr for Verifier {
    type Err = NoteError;

    /// Parses `<name>+<8 hex key ID>+<base64(0x01 || public key)>`.
    fn from_str(text: &str) -> Result<Self, NoteError> {
        let malformed = NoteError::MalformedVerifierKey;
        let mut parts = text.splitn(3, '+');
        let (Some(name), Some(hash), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(malformed("expected <name>+<key ID>+<key>"));
        };
        check_name(name)?;
        let written = parse_key_hash(hash).ok_or(malformed("key ID is not 8 hex digits"))?;
        let key = parse_ed25519_key(key).map_err(|e| match e {
            KeyPartError::Base64 => malformed("key is not standard base64"),
            KeyPartError::Length => malformed("key is not 0x01 followed by 32 bytes"),
            KeyPartError::Algorithm(alg) => NoteError::UnsupportedAlgorithm(alg),
        })?;
        let verifier = Verifier::new(name, key)?;
        if verifier.key_hash != written {
            return Err(NoteError::KeyHashMismatch {
                written: hash.to_string(),
                computed: hex::encode(verifier.key_hash),
            });
        }
        Ok(verifier)
    }
}

impl fmt::Display for Verifier {
    /// `<name>+<8 hex key ID>+<base64(0x01 || public key)>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}+{}+{}",
            self.name,
            hex::encode(self.key_hash),
            encode_ed25519_key(self.key.as_bytes())
        )
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Verifier").field(&self.to_string()).finish()
    }
}

/// A private Ed25519 key with its name: signs notes. Its `Debug` output hides the
/// key; its `Display` output is the private key string, a secret.
#[derive(Clone)]
pub struct Signer {
    name: String,
    key_hash: [u8; 4],
    key: SigningKey,
}

impl Signer {
    /// The signer for `name` whose Ed25519 private key is the 32-byte `seed` (RFC 8032).
    pub fn from_seed(name: &str, seed: [u8; 32]) -> Result<Self, NoteError> {
        check_name(name)?;
        let key = SigningKey::from_bytes(&seed);
        Ok(Self {
            name: name.to_string(),
            key_hash: key_hash(name, key.verifying_key().as_bytes()),
            key,
        })
    }

    /// The key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The key ID.
    pub fn key_hash(&self) -> [u8; 4] {
        self.key_hash
    }

    /// The matching verifier.
    pub fn verifier(&self) -> Verifier {
        Verifier {
            name: self.name.clone(),
            key_hash: self.key_hash,
            key: self.key.verifying_key(),
        }
    }

    /// The Ed25519 signature of `message`.
    pub fn sign_bytes(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign(message).to_bytes()
    }
}

impl FromStr for Signer {
    type Err = NoteError;

    /// Parses `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || seed)>`. Errors never
    /// repeat the key.
    fn from_str(text: &str) -> Result<Self, NoteError> {
        let malformed = NoteError::MalformedSignerKey;
        let rest = text
            .strip_prefix("PRIVATE+KEY+")
            .ok_or(malformed("expected PRIVATE+KEY+<name>+<key ID>+<key>"))?;
        let mut parts = rest.splitn(3, '+');
        let (Some(name), Some(hash), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(malformed("expected PRIVATE+KEY+<name>+<key ID>+<key>"));
        };
        check_name(name)?;
        let written = parse_key_hash(hash).ok_or(malformed("key ID is not 8 hex digits"))?;
        let seed = parse_ed25519_key(key).map_err(|e| match e {
            KeyPartError::Base64 => malformed("key is not standard base64"),
            KeyPartError::Length => malformed("key is not 0x01 followed by 32 bytes"),
            KeyPartError::Algorithm(alg) => NoteError::UnsupportedAlgorithm(alg),
        })?;
        let signer = Signer::from_seed(name, seed)?;
        if signer.key_hash != written {
            return Err(NoteError::KeyHashMismatch {
                written: hash.to_string(),
                computed: hex::encode(signer.key_hash),
            });
        }
        Ok(signer)
    }
}

impl fmt::Display for Signer {
    /// The private key string `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || seed)>`:
    /// a secret, never to be logged.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PRIVATE+KEY+{}+{}+{}",
            self.name,
            hex::encode(self.key_hash),
            encode_ed25519_key(self.key.as_bytes())
        )
    }
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("name", &self.name)
            .field("key_hash", &hex::encode(self.key_hash))
            .finish_non_exhaustive()
    }
}

/// One signature line of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSignature {
    /// The key name.
    pub name: String,
    /// The key ID.
    pub key_hash: [u8; 4],
    /// The base64 text of the line (key ID and signature).
    pub base64: String,
}

/// A note whose signatures were checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedNote {
    /// The signed text, ending in a newline.
    pub text: String,
    /// Signatures by known keys, all verified (each key once, in note order).
    pub verified: Vec<NoteSignature>,
    /// Signatures by keys not given to [`open`]: ignored, not checked.
    pub unverified: Vec<NoteSignature>,
}

/// Error unless `text` may be the text of a note: non-empty, ending in a newline,
/// without control characters other than newline.
pub fn check_text(text: &str) -> Result<(), NoteError> {
    if !text.ends_with('\n') {
        return Err(NoteError::InvalidText("text must end with a newline"));
    }
    if text.chars().any(|c| c < ' ' && c != '\n') {
        return Err(NoteError::InvalidText(
            "text must not contain control characters other than newline",
        ));
    }
    Ok(())
}

/// Signs `text` (which must end in a newline) and returns the signed note:
/// `text`, a blank line, and `— <name> <base64(key ID || signature)>\n`.
pub fn sign(text: &str, signer: &Signer) -> Result<String, NoteError> {
    check_text(text)?;
    Ok(sign_checked(text, signer))
}

/// `sign` for a text already known to be valid.
pub(crate) fn sign_checked(text: &str, signer: &Signer) -> String {
    let mut blob = Vec::with_capacity(68);
    blob.extend_from_slice(&signer.key_hash);
    blob.extend_from_slice(&signer.sign_bytes(text.as_bytes()));
    format!(
        "{text}\n{SIGNATURE_PREFIX}{} {}\n",
        signer.name,
        BASE64.encode(blob)
    )
}

/// Parses a signed note and checks its signatures against `verifiers`.
///
/// Signatures by unknown keys (name and key ID not both matching a verifier) are
/// listed but not checked. Any signature by a known key that does not verify rejects
/// the note, and so does a note with no signature by a known key.
pub fn open(note: &str, verifiers: &[Verifier]) -> Result<OpenedNote, NoteError> {
    let malformed = NoteError::MalformedNote;
    if note.chars().any(|c| c < ' ' && c != '\n') {
        return Err(malformed(
            "control characters other than newline are not allowed",
        ));
    }
    let split = note
        .rfind("\n\n")
        .ok_or(malformed("no blank line before the signatures"))?;
    let (text, sigs) = (&note[..split + 1], &note[split + 2..]);
    let Some(sigs) = sigs.strip_suffix('\n') else {
        return Err(malformed("the signatures must end with a newline"));
    };
    let mut opened = OpenedNote {
        text: text.to_string(),
        verified: Vec::new(),
        unverified: Vec::new(),
    };
    for (count, line) in sigs.split('\n').enumerate() {
        if count >= MAX_SIGNATURES {
            return Err(NoteError::TooManySignatures);
        }
        let line = line.strip_prefix(SIGNATURE_PREFIX).ok_or(malformed(
            "a signature line must start with an em dash and a space",
        ))?;
        let (name, b64) = line.split_once(' ').ok_or(malformed(
            "a signature line must be: key name, space, signature",
        ))?;
        if !is_valid_key_name(name) {
            return Err(malformed("invalid key name in a signature line"));
        }
        let blob = BASE64
            .decode(b64)
            .map_err(|_| malformed("a signature is not standard base64"))?;
        if blob.len() < 5 {
            return Err(malformed("a signature is shorter than its key ID"));
        }
        let key_hash: [u8; 4] = [blob[0], blob[1], blob[2], blob[3]];
        let signature = NoteSignature {
            name: name.to_string(),
            key_hash,
            base64: b64.to_string(),
        };
        match verifiers
            .iter()
            .find(|v| v.name == name && v.key_hash == key_hash)
        {
            None => {
                if !opened.unverified.contains(&signature) {
                    opened.unverified.push(signature);
                }
            }
            Some(verifier) => {
                if !verifier.verify(text.as_bytes(), &blob[4..]) {
                    return Err(NoteError::InvalidSignature {
                        name: name.to_string(),
                        key_hash: hex::encode(key_hash),
                    });
                }
                if !opened
                    .verified
                    .iter()
                    .any(|s| s.name == name && s.key_hash == key_hash)
                {
                    opened.verified.push(signature);
                }
            }
        }
    }
    if opened.verified.is_empty() {
        let mut unknown_signers: Vec<String> = Vec::new();
        for s in &opened.unverified {
            if !unknown_signers.contains(&s.name) {
                unknown_signers.push(s.name.clone());
            }
        }
        return Err(NoteError::NoVerifiedSignature { unknown_signers });
    }
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "log.defendable.example/unit";

    fn signer() -> Signer {
        Signer::from_seed(NAME, [7u8; 32]).unwrap()
    }

    #[test]
    fn key_names() {
        for ok in ["a", "example.com/log", "ünïcode", "x-y_z.1", "del\u{7f}"] {
            assert!(is_valid_key_name(ok), "{ok}");
        }
        for bad in [
            "",
            "a b",
            "a+b",
            "a\tb",
            "a\u{a0}b",
            "a\u{2003}b",
            "a\u{85}b",
            "a\u{1}b",
        ] {
            assert!(!is_valid_key_name(bad), "{bad:?}");
            assert!(matches!(
                Signer::from_seed(bad, [1; 32]),
                Err(NoteError::InvalidKeyName(_))
            ));
        }
    }

    #[test]
    fn signer_debug_hides_the_key() {
        let s = signer();
        let debug = format!("{s:?}");
        let secret = s.to_string();
        let secret_b64 = secret.rsplit('+').next().unwrap();
        assert!(!debug.contains(secret_b64), "{debug}");
        assert!(debug.contains(NAME));
    }

    #[test]
    fn signer_key_errors_do_not_echo_the_key() {
        let s = signer().to_string();
        let broken = s.replacen("PRIVATE+KEY+", "PRIVATE+KEY", 1);
        let err = broken.parse::<Signer>().unwrap_err().to_string();
        let secret_b64 = s.rsplit('+').next().unwrap();
        assert!(!err.contains(secret_b64), "{err}");
    }

    #[test]
    fn sign_rejects_bad_text() {
        let s = signer();
        assert!(matches!(sign("", &s), Err(NoteError::InvalidText(_))));
        assert!(matches!(
            sign("no newline", &s),
            Err(NoteError::InvalidText(_))
        ));
        assert!(matches!(
            sign("tab\there\n", &s),
            Err(NoteError::InvalidText(_))
        ));
        assert!(matches!(sign("cr\r\n", &s), Err(NoteError::InvalidText(_))));
    }

    #[test]
    fn texts_with_blank_lines_round_trip() {
        let s = signer();
        for text in [
            "\n",
            "a\n\nb\n",
            "a\n\n",
            "\n\n\n",
            "— looks like a signature\n",
        ] {
            let note = sign(text, &s).unwrap();
            let opened = open(&note, &[s.verifier()]).unwrap();
            assert_eq!(opened.text, text);
        }
    }
}
