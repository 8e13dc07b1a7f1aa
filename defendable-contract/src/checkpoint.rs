//! Transparency-log checkpoints (c2sp.org/tlog-checkpoint): the note text naming a
//! log's origin, tree size and RFC 6962 root hash, plus optional extension lines,
//! signed as a C2SP signed note. Pure: no I/O.
//!
//! ```text
//! <origin>
//! <tree size in decimal>
//! <base64 root hash>
//! [extension lines]
//! ```

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::merkle::Hash;
use crate::note::{self, NoteError, Signer, Verifier};

/// Why a checkpoint was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// The checkpoint text does not follow the tlog-checkpoint format.
    #[error("malformed checkpoint: {0}")]
    Malformed(&'static str),
    /// The signed note around the checkpoint was rejected.
    #[error(transparent)]
    Note(#[from] NoteError),
}

/// A log's signed tree head: origin, size, root hash and extension lines. Every value
/// of this type can be written as a valid checkpoint text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    origin: String,
    size: u64,
    root: Hash,
    extensions: Vec<String>,
}

/// A line of a checkpoint must be non-empty and hold no control character (a newline
/// would split it).
fn valid_line(line: &str) -> bool {
    !line.is_empty() && !line.chars().any(|c| c < ' ')
}

impl Checkpoint {
    /// A checkpoint; the origin and each extension line must be non-empty, single
    /// lines without control characters.
    pub fn new(
        origin: &str,
        size: u64,
        root: Hash,
        extensions: Vec<String>,
    ) -> Result<Self, CheckpointError> {
        if !valid_line(origin) {
            return Err(CheckpointError::Malformed(
                "the origin must be a non-empty line without control characters",
            ));
        }
        if !extensions.iter().all(|e| valid_line(e)) {
            return Err(CheckpointError::Malformed(
                "extension lines must be non-empty lines without control characters",
            ));
        }
        Ok(Self {
            origin: origin.to_string(),
            size,
            root,
            extensions,
        })
    }

    /// The log's origin line.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The tree size.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The root hash of the tree of that size.
    pub fn root(&self) -> &Hash {
        &self.root
    }

    /// The extension lines (usually none).
    pub fn extensions(&self) -> &[String] {
        &self.extensions
    }

    /// The note text: origin, size, base64 root and extension lines, each ending in a
    /// newline.
    pub fn to_note_text(&self) -> String {
        let mut text = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            BASE64.encode(self.root)
        );
        for line in &self.extensions {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Parses a checkpoint note text strictly: at least three non-empty lines, each
    /// ending in a newline; a decimal size without sign or leading zeros; a canonical
    /// base64 root of 32 bytes; no control characters.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let malformed = CheckpointError::Malformed;
        let body = text
            .strip_suffix('\n')
            .ok_or(malformed("the text must end with a newline"))?;
        let mut lines = body.split('\n');
        let (Some(origin), Some(size), Some(root)) = (lines.next(), lines.next(), lines.next())
        else {
            return Err(malformed(
                "expected an origin, a tree size and a root hash line",
            ));
        };
        if !valid_line(origin) {
            return Err(malformed(
                "the origin must be a non-empty line without control characters",
            ));
        }
        let size = parse_size(size).ok_or(malformed(
            "the tree size must be a decimal number without sign or leading zeros",
        ))?;
        let root = parse_root(root).ok_or(malformed(
            "the root hash must be the standard base64 of 32 bytes",
        ))?;
        let extensions: Vec<String> = lines.map(str::to_string).collect();
        Self::new(origin, size, root, extensions)
    }
}

fn parse_size(text: &str) -> Option<u64> {
    let digits_only = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = text.len() > 1 && text.starts_with('0');
    if !digits_only || leading_zero {
        return None;
    }
    text.parse().ok()
}

fn parse_root(text: &str) -> Option<Hash> {
    let bytes = BASE64.decode(text).ok()?;
    let root: Hash = bytes.try_into().ok()?;
    // The engine already rejects non-zero trailing bits; insist on the one encoding.
    (BASE64.encode(root) == text).then_some(root)
}

/// The signed note of `checkpoint` by `signer`.
pub fn sign_checkpoint(checkpoint: &Checkpoint, signer: &Signer) -> String {
    // A checkpoint's text always ends in a newline and has no control characters.
    note::sign_checked(&checkpoint.to_note_text(), signer)
}

/// Opens a signed checkpoint: the note must carry a valid signature by one of
/// `verifiers` (see [`note::open`]) and its text must be a valid checkpoint.
///
/// Which log the checkpoint is for is the verifiers' business: pass only the keys of
/// the expected log, and compare the origin when more than one log is trusted.
pub fn open_checkpoint(note: &str, verifiers: &[Verifier]) -> Result<Checkpoint, CheckpointError> {
    let opened = note::open(note, verifiers)?;
    Checkpoint::parse(&opened.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("0"), Some(0));
        assert_eq!(parse_size("10"), Some(10));
        assert_eq!(parse_size("18446744073709551615"), Some(u64::MAX));
        for bad in [
            "",
            "00",
            "01",
            "+1",
            "-1",
            " 1",
            "1 ",
            "1e3",
            "0x10",
            "18446744073709551616",
        ] {
            assert_eq!(parse_size(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn roots() {
        let root = [0xa5u8; 32];
        let text = BASE64.encode(root);
        assert_eq!(parse_root(&text), Some(root));
        assert_eq!(parse_root(&text[..43]), None);
        assert_eq!(parse_root(&BASE64.encode([1u8; 31])), None);
        assert_eq!(parse_root(&BASE64.encode([1u8; 33])), None);
        let urlsafe = BASE64.encode([0xffu8; 32]).replace('/', "_");
        assert_eq!(parse_root(&urlsafe), None);
        // Same bytes, non-zero padding bits.
        let mut sloppy = text.clone();
        sloppy.replace_range(42..43, "V");
        assert_eq!(parse_root(&sloppy), None);
    }

    #[test]
    fn new_refuses_what_could_not_be_written() {
        assert!(Checkpoint::new("", 1, [0; 32], vec![]).is_err());
        assert!(Checkpoint::new("a\nb", 1, [0; 32], vec![]).is_err());
        assert!(Checkpoint::new("a", 1, [0; 32], vec![String::new()]).is_err());
        assert!(Checkpoint::new("a", 1, [0; 32], vec!["x\ny".into()]).is_err());
        assert!(Checkpoint::new("a", 1, [0; 32], vec!["x\ty".into()]).is_err());
        assert!(Checkpoint::new("a b", 1, [0; 32], vec!["x y".into()]).is_ok());
    }
}
