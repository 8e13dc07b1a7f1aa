//! The blob store: evidence files under a local directory, keyed by path-safe keys
//! the server generates (never a client's file name). Writes go to a temporary
//! file first and are moved into place only when complete.

use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::{Stream, StreamExt};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

/// A file written to the temporary area, hashed while it was written.
#[derive(Debug)]
pub struct StagedBlob {
    pub path: PathBuf,
    pub sha256: String,
    pub byte_size: u64,
}

/// Why staging a stream failed.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("file too large ({limit} bytes max)")]
    TooLarge { limit: u64 },
    #[error("reading the upload failed: {0}")]
    Read(String),
    #[error("writing the blob failed: {0}")]
    Io(#[from] std::io::Error),
}

#[derive(Clone, Debug)]
pub struct BlobStore {
    root: PathBuf,
}

impl BlobStore {
    /// Opens the store, removing staged files a previous process left behind
    /// (a crash mid-upload): the data directory belongs to one process, and a
    /// staged file never has a row.
    pub fn open(root: PathBuf) -> std::io::Result<BlobStore> {
        let tmp = root.join("tmp");
        std::fs::create_dir_all(&tmp)?;
        let mut removed = 0;
        for entry in std::fs::read_dir(&tmp)? {
            let entry = entry?;
            if entry.file_type()?.is_file() && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        if removed > 0 {
            tracing::info!(removed, "removed unfinished uploads");
        }
        Ok(BlobStore { root })
    }

    fn path_of(&self, key: &str) -> PathBuf {
        debug_assert!(key
            .split('/')
            .all(|p| !p.is_empty() && p != ".." && p != "."));
        self.root.join("objects").join(key)
    }

    /// Streams `body` into a temporary file while hashing it, failing once more
    /// than `limit` bytes arrive (the partial file is removed).
    pub async fn stage<S, E>(&self, mut body: S, limit: u64) -> Result<StagedBlob, StageError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let path = self.root.join("tmp").join(crate::ids::new_id());
        let result = async {
            let mut file = tokio::fs::File::create(&path).await?;
            let mut hasher = Sha256::new();
            let mut size: u64 = 0;
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|e| classify_read_error(e.to_string(), limit))?;
                size += chunk.len() as u64;
                if size > limit {
                    return Err(StageError::TooLarge { limit });
                }
                hasher.update(&chunk);
                file.write_all(&chunk).await?;
            }
            file.flush().await?;
            file.sync_all().await?;
            Ok(StagedBlob {
                path: path.clone(),
                sha256: hex::encode(hasher.finalize()),
                byte_size: size,
            })
        }
        .await;
        if result.is_err() {
            let _ = tokio::fs::remove_file(&path).await;
        }
        result
    }

    /// Moves a staged file to its final key.
    pub async fn commit(&self, staged: &StagedBlob, key: &str) -> std::io::Result<()> {
        let target = self.path_of(key);
        if let Some(parent) = target.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        tokio::fs::rename(&staged.path, &target).await
    }

    /// Removes a staged file that will not be committed.
    pub async fn discard(&self, staged: &StagedBlob) {
        let _ = tokio::fs::remove_file(&staged.path).await;
    }

    /// Removes a committed object (used when its row could not be stored).
    pub async fn delete(&self, key: &str) {
        let _ = tokio::fs::remove_file(self.path_of(key)).await;
    }

    /// Reads an object.
    pub async fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
        tokio::fs::read(self.path_of(key)).await
    }

    /// Writes, reads back and removes a probe object.
    pub async fn probe(&self) -> bool {
        let path = self
            .root
            .join("tmp")
            .join(format!("probe-{}", crate::ids::new_id()));
        let ok = async {
            tokio::fs::write(&path, b"probe").await?;
            let back = tokio::fs::read(&path).await?;
            tokio::fs::remove_file(&path).await?;
            Ok::<bool, std::io::Error>(back == b"probe")
        }
        .await
        .unwrap_or(false);
        ok
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

fn classify_read_error(message: String, limit: u64) -> StageError {
    if message.contains("exceeded maximum size") || message.contains("size limit") {
        StageError::TooLarge { limit }
    } else {
        StageError::Read(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(parts: Vec<&'static [u8]>) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        futures::stream::iter(parts.into_iter().map(|p| Ok(Bytes::from_static(p))))
    }

    #[tokio::test]
    async fn stages_hashes_and_commits() {
        let dir = tempfile::tempdir().unwrap();
        let store = BlobStore::open(dir.path().to_path_buf()).unwrap();
        let staged = store
            .stage(chunks(vec![b"hello ", b"world"]), 100)
            .await
            .unwrap();
        assert_eq!(staged.byte_size, 11);
        assert_eq!(
            staged.sha256,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        store
            .commit(&staged, "orgs/a/runs/b/evidence/c")
            .await
            .unwrap();
        assert_eq!(
            store.get("orgs/a/runs/b/evidence/c").await.unwrap(),
            b"hello world"
        );
        assert!(store.probe().await);
    }

    #[tokio::test]
    async fn refuses_oversize_streams_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = BlobStore::open(dir.path().to_path_buf()).unwrap();
        let err = store
            .stage(chunks(vec![b"0123456789", b"0123456789"]), 15)
            .await
            .unwrap_err();
        assert!(matches!(err, StageError::TooLarge { limit: 15 }));
        assert_eq!(
            std::fs::read_dir(dir.path().join("tmp")).unwrap().count(),
            0
        );
    }

    #[tokio::test]
    async fn opening_removes_unfinished_staged_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = BlobStore::open(dir.path().to_path_buf()).unwrap();
        let staged = store.stage(chunks(vec![b"kept"]), 100).await.unwrap();
        store.commit(&staged, "orgs/a/kept").await.unwrap();
        std::fs::write(dir.path().join("tmp").join("half-written"), b"par").unwrap();
        let store = BlobStore::open(dir.path().to_path_buf()).unwrap();
        assert_eq!(
            std::fs::read_dir(dir.path().join("tmp")).unwrap().count(),
            0
        );
        assert_eq!(store.get("orgs/a/kept").await.unwrap(), b"kept");
    }
}
