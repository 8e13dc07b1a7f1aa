//! Identifiers and secrets: 32-hex ids, URL-safe random tokens and their hashes.

use base64::Engine as _;
use rand::RngCore;

/// A new id: 32 lowercase hex characters.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// `n` random bytes as unpadded URL-safe base64, never starting with `-` (so a token
/// pasted on a command line is never taken for an option).
pub fn random_token(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    loop {
        rand::thread_rng().fill_bytes(&mut bytes);
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        if !token.starts_with('-') {
            return token;
        }
    }
}

/// Eight random lowercase hex characters (the receipt id suffix).
pub fn hex8() -> String {
    let mut bytes = [0u8; 4];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a secret: its SHA-256, hex.
pub fn secret_hash(secret: &str) -> String {
    defendable_contract::canonical::sha256_hex(secret.as_bytes())
}

/// A URL-friendly slug of `text` (lowercase ASCII letters, digits and dashes).
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let mut slug: String = slug.chars().take(60).collect();
    if slug.is_empty() {
        slug.push_str("item");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(new_id().len(), 32);
        assert_eq!(random_token(24).len(), 32);
        assert_eq!(random_token(32).len(), 43);
        assert_eq!(hex8().len(), 8);
        assert_eq!(slugify("My Product! v2"), "my-product-v2");
        assert_eq!(slugify("Проект"), "item");
    }
}
