//! The blob store: evidence files keyed by path-safe keys the server generates
//! (never a client's file name), under a local directory or in an S3-compatible
//! bucket ([`s3`]). Uploads are staged in a local temporary file while they are
//! hashed and size-checked, and only a complete file is moved (or uploaded) to
//! its key.

pub mod s3;

use std::sync::Arc;
use std::time::Duration;

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

/// Why a presigned URL could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PresignError {
    #[error("presigned URLs need S3 blob storage (S3_BUCKET)")]
    NotSupported,
    #[error("signing a URL failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Creates (or truncates) a file readable only by its owner (mode 0600).
async fn private_file(path: &std::path::Path) -> std::io::Result<tokio::fs::File> {
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path).await
}

#[derive(Clone, Debug)]
pub struct BlobStore {
    /// Staging (`tmp/`) always; the objects themselves (`objects/`) without a bucket.
    root: PathBuf,
    bucket: Option<Arc<s3::Bucket>>,
}

impl BlobStore {
    /// Opens the store, removing staged files a previous process left behind
    /// (a crash mid-upload): the data directory belongs to one process, and a
    /// staged file never has a row.
    pub fn open(root: PathBuf) -> std::io::Result<BlobStore> {
        let tmp = root.join("tmp");
        crate::config::create_private_dir(&tmp)?;
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
        Ok(BlobStore { root, bucket: None })
    }

    /// Opens a store whose objects live in an S3 bucket (staging stays under `root`).
    pub fn open_s3(
        root: PathBuf,
        settings: &crate::config::storage::S3Settings,
    ) -> anyhow::Result<BlobStore> {
        let mut store = BlobStore::open(root)?;
        store.bucket = Some(Arc::new(s3::Bucket::open(settings)?));
        Ok(store)
    }

    /// The bucket's name, when objects live in S3.
    pub fn bucket(&self) -> Option<&str> {
        self.bucket.as_deref().map(s3::Bucket::name)
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
            let mut file = private_file(&path).await?;
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

    /// Moves a staged file to its final key (uploads it, with a bucket).
    pub async fn commit(&self, staged: &StagedBlob, key: &str) -> std::io::Result<()> {
        if let Some(bucket) = &self.bucket {
            bucket.upload_file(&staged.path, key).await?;
            let _ = tokio::fs::remove_file(&staged.path).await;
            return Ok(());
        }
        let target = self.path_of(key);
        if let Some(parent) = target.parent() {
            let mut dirs = tokio::fs::DirBuilder::new();
            dirs.recursive(true);
            #[cfg(unix)]
            dirs.mode(0o700);
            dirs.create(parent).await?;
        }
        tokio::fs::rename(&staged.path, &target).await
    }

    /// Removes a staged file that will not be committed.
    pub async fn discard(&self, staged: &StagedBlob) {
        let _ = tokio::fs::remove_file(&staged.path).await;
    }

    /// Removes a committed object (used when its row could not be stored).
    pub async fn delete(&self, key: &str) {
        match &self.bucket {
            Some(bucket) => {
                if let Err(error) = bucket.delete(key).await {
                    tracing::warn!(%error, key, "removing an object");
                }
            }
            None => {
                let _ = tokio::fs::remove_file(self.path_of(key)).await;
            }
        }
    }

    /// Whether an object is stored under `key` (an unreachable bucket counts as no).
    pub async fn exists(&self, key: &str) -> bool {
        match &self.bucket {
            Some(bucket) => bucket.exists(key).await.unwrap_or_else(|error| {
                tracing::warn!(%error, key, "checking an object");
                false
            }),
            None => tokio::fs::metadata(self.path_of(key))
                .await
                .is_ok_and(|m| m.is_file()),
        }
    }

    /// Reads an object.
    pub async fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
        match &self.bucket {
            Some(bucket) => bucket.get(key).await,
            None => tokio::fs::read(self.path_of(key)).await,
        }
    }

    /// A URL that downloads `key` without credentials for `ttl` (S3 only: a
    /// local directory has no one else to serve it).
    pub async fn presign_get(&self, key: &str, ttl: Duration) -> Result<String, PresignError> {
        match &self.bucket {
            Some(bucket) => Ok(bucket.presign_get(key, ttl).await?),
            None => Err(PresignError::NotSupported),
        }
    }

    /// Writes, reads back and removes a probe object (in the bucket, with one).
    pub async fn probe(&self) -> bool {
        if let Some(bucket) = &self.bucket {
            let key = format!("probes/{}", crate::ids::new_id());
            let ok = async {
                bucket.put(&key, b"probe".to_vec()).await?;
                let back = bucket.get(&key).await?;
                bucket.delete(&key).await?;
                Ok::<bool, std::io::Error>(back == b"probe")
            }
            .await;
            return ok.unwrap_or_else(|error| {
                tracing::warn!(%error, "probing the bucket");
                false
            });
        }
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
