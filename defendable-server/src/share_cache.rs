//! Shared receipts kept briefly in memory. `GET /share/{token}` is the hot public
//! route, and a receipt and its signature never change once committed (share links
//! are not revocable), so its public view is kept per token for a short TTL
//! ([`crate::config::SHARE_CACHE_DEFAULT_TTL_MS`], `SHARE_CACHE_TTL_MS`): a row changed behind the server's
//! back still shows `verified: false` once the TTL has passed, and several processes
//! agree after it. At most [`CAPACITY`] tokens are kept (the least recently used is
//! evicted). Unknown tokens are never kept, so a new receipt is visible at once.
//!
//! The entry holds the route's exact JSON body, which the HTTP layer serves
//! without a trip to the router; the other share routes reuse the row and view.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use bytes::Bytes;
use hashlink::LruCache;

use defendable_contract::schemas::PublicReceipt;

use crate::store::receipts::ReceiptRow;

/// Most tokens kept (a receipt's entry is a few times its payload's size).
pub const CAPACITY: usize = 512;
/// The longest share token (tokens are minted shorter).
const TOKEN_MAX: usize = 64;

/// Whether `token` can be a share token: 1 to 64 of `[A-Za-z0-9_-]`.
pub fn valid_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= TOKEN_MAX
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// One shared receipt as the public sees it.
#[derive(Debug)]
pub struct SharedReceipt {
    pub row: ReceiptRow,
    pub public: PublicReceipt,
    /// Why the server does not vouch for it (`public.verified` is false), if so:
    /// its own checks and its signature, checked once when it was read.
    pub problems: Vec<String>,
    /// The body of `GET /share/{token}`: `public` serialised as the router does.
    pub body: Bytes,
}

impl SharedReceipt {
    pub fn new(
        row: ReceiptRow,
        public: PublicReceipt,
        problems: Vec<String>,
    ) -> Result<Self, serde_json::Error> {
        let body = Bytes::from(serde_json::to_vec(&public)?);
        Ok(SharedReceipt {
            row,
            public,
            problems,
            body,
        })
    }
}

/// Token to shared receipt, each entry fresh for the TTL.
#[derive(Debug)]
pub struct ShareCache {
    ttl: Duration,
    entries: Mutex<LruCache<String, (Instant, Arc<SharedReceipt>)>>,
}

impl ShareCache {
    /// A cache whose entries live `ttl` (zero: nothing is kept).
    pub fn new(ttl: Duration) -> Self {
        ShareCache {
            ttl,
            entries: Mutex::new(LruCache::new(CAPACITY)),
        }
    }

    fn entries(&self) -> MutexGuard<'_, LruCache<String, (Instant, Arc<SharedReceipt>)>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The receipt shared under `token`, if it was read less than the TTL ago.
    /// The body of `GET {path}` when `path` is exactly `/share/{token}` and the
    /// token's receipt is fresh here.
    pub fn body_for_path(&self, path: &str) -> Option<Bytes> {
        let token = path.strip_prefix("/share/")?;
        if !valid_token(token) {
            return None;
        }
        self.get(token).map(|shared| shared.body.clone())
    }

    pub fn get(&self, token: &str) -> Option<Arc<SharedReceipt>> {
        if self.ttl.is_zero() {
            return None;
        }
        let mut entries = self.entries();
        let (read_at, shared) = entries.get(token)?;
        if read_at.elapsed() < self.ttl {
            return Some(Arc::clone(shared));
        }
        entries.remove(token);
        None
    }

    /// Keeps a receipt just read from the database.
    pub fn insert(&self, token: &str, shared: Arc<SharedReceipt>) {
        if !self.ttl.is_zero() {
            self.entries()
                .insert(token.to_string(), (Instant::now(), shared));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small shared receipt at position `n`.
    fn shared(n: i64) -> Arc<SharedReceipt> {
        let row = ReceiptRow {
            id: format!("row{n}"),
            org_id: "org".into(),
            run_id: None,
            approval_id: None,
            receipt_id: format!("DCR-{n}"),
            org_seq: n,
            parent_hash: "0".repeat(64),
            receipt_sha256: "1".repeat(64),
            share_token: format!("t{n}"),
            schema_id: "s".into(),
            canonical_payload: "{}".into(),
            created_at: "now".into(),
        };
        let public = PublicReceipt {
            receipt_id: row.receipt_id.clone(),
            org_seq: n,
            parent_hash: row.parent_hash.clone(),
            receipt_sha256: row.receipt_sha256.clone(),
            verified: true,
            created_at: "now".into(),
            payload: serde_json::json!({}),
            signature: None,
        };
        Arc::new(SharedReceipt::new(row, public, Vec::new()).unwrap())
    }

    #[test]
    fn tokens_are_checked_by_shape() {
        assert!(valid_token("aZ09-_"));
        assert!(valid_token(&"a".repeat(64)));
        assert!(!valid_token(""));
        assert!(!valid_token(&"a".repeat(65)));
        assert!(!valid_token("a.b"));
        assert!(!valid_token("a/b"));
        assert!(!valid_token("a%20"));
    }

    #[test]
    fn the_body_is_the_view_as_json() {
        let s = shared(3);
        let parsed: serde_json::Value = serde_json::from_slice(&s.body).unwrap();
        assert_eq!(parsed, serde_json::to_value(&s.public).unwrap());
    }

    #[test]
    fn only_exact_share_paths_have_a_body() {
        let cache = ShareCache::new(Duration::from_secs(60));
        cache.insert("tok-1", shared(1));
        assert_eq!(
            cache.body_for_path("/share/tok-1"),
            Some(shared(1).body.clone())
        );
        assert!(cache.body_for_path("/share/tok-1/pdf").is_none());
        assert!(cache.body_for_path("/share/tok-2").is_none());
        assert!(cache.body_for_path("/r/tok-1").is_none());
        assert!(cache.body_for_path("/share/").is_none());
    }

    #[test]
    fn entries_expire_after_the_ttl() {
        let cache = ShareCache::new(Duration::from_millis(50));
        assert!(cache.get("t1").is_none());
        cache.insert("t1", shared(1));
        assert_eq!(cache.get("t1").unwrap().row.org_seq, 1);
        std::thread::sleep(Duration::from_millis(60));
        assert!(cache.get("t1").is_none());
    }

    #[test]
    fn a_zero_ttl_keeps_nothing() {
        let cache = ShareCache::new(Duration::ZERO);
        cache.insert("t1", shared(1));
        assert!(cache.get("t1").is_none());
    }

    #[test]
    fn the_least_recently_used_token_is_evicted() {
        let cache = ShareCache::new(Duration::from_secs(60));
        for n in 0..CAPACITY as i64 {
            cache.insert(&format!("t{n}"), shared(n));
        }
        // Reading t0 makes t1 the least recently used.
        assert!(cache.get("t0").is_some());
        cache.insert("new", shared(-1));
        assert!(cache.get("t0").is_some());
        assert!(cache.get("t1").is_none());
        assert!(cache.get("new").is_some());
        assert_eq!(cache.entries().len(), CAPACITY);
    }
}
