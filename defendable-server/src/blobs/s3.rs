//! S3-compatible object storage for the blob store (AWS S3, or any server that
//! speaks its API: MinIO, Ceph, moto), through the `object_store` crate, and
//! the bucket the settings name. Presigned GET URLs let a client download an
//! object straight from the bucket for a limited time.

use std::sync::Arc;
use std::time::Duration;

use crate::config::storage::S3Settings;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::buffered::BufWriter;
use object_store::path::Path as ObjectPath;
use object_store::signer::Signer as _;
use object_store::{ObjectStoreExt as _, PutPayload};
use tokio::io::AsyncWriteExt as _;

/// Part size of multipart uploads (and the most a commit holds in memory).
const PART_BYTES: usize = 8 * 1024 * 1024;

/// A bucket (and key prefix) the blob store writes to.
#[derive(Debug)]
pub struct Bucket {
    store: Arc<AmazonS3>,
    name: String,
    prefix: Option<String>,
}

fn io_error(error: object_store::Error) -> std::io::Error {
    match error {
        object_store::Error::NotFound { .. } => {
            std::io::Error::new(std::io::ErrorKind::NotFound, error.to_string())
        }
        other => std::io::Error::other(other.to_string()),
    }
}

impl Bucket {
    /// Connects lazily: nothing is sent until the first request.
    pub fn open(settings: &S3Settings) -> anyhow::Result<Bucket> {
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&settings.bucket)
            .with_region(&settings.region);
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let Some(id) = &settings.access_key_id {
            builder = builder.with_access_key_id(id);
        }
        if let Some(secret) = &settings.secret_access_key {
            builder = builder.with_secret_access_key(secret);
        }
        let store = builder
            .build()
            .map_err(|e| anyhow::anyhow!("configuring the S3 bucket {}: {e}", settings.bucket))?;
        Ok(Bucket {
            store: Arc::new(store),
            name: settings.bucket.clone(),
            prefix: settings.prefix.clone(),
        })
    }

    /// The bucket's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn path(&self, key: &str) -> ObjectPath {
        match &self.prefix {
            Some(prefix) => ObjectPath::from(format!("{prefix}/{key}")),
            None => ObjectPath::from(key),
        }
    }

    /// Uploads a local file to `key` (multipart above one part), streamed.
    pub async fn upload_file(&self, file: &std::path::Path, key: &str) -> std::io::Result<()> {
        let mut source = tokio::fs::File::open(file).await?;
        let mut writer = BufWriter::with_capacity(self.store.clone(), self.path(key), PART_BYTES);
        match tokio::io::copy(&mut source, &mut writer).await {
            Ok(_) => writer.shutdown().await,
            Err(error) => {
                let _ = writer.abort().await;
                Err(error)
            }
        }
    }

    /// Reads an object whole.
    pub async fn get(&self, key: &str) -> std::io::Result<Vec<u8>> {
        let result = self.store.get(&self.path(key)).await.map_err(io_error)?;
        Ok(result.bytes().await.map_err(io_error)?.to_vec())
    }

    /// Whether an object is stored under `key`.
    pub async fn exists(&self, key: &str) -> std::io::Result<bool> {
        match self.store.head(&self.path(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(error) => Err(io_error(error)),
        }
    }

    /// Writes a small object.
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.store
            .put(&self.path(key), PutPayload::from(bytes))
            .await
            .map(|_| ())
            .map_err(io_error)
    }

    /// Removes an object (absent is fine).
    pub async fn delete(&self, key: &str) -> std::io::Result<()> {
        match self.store.delete(&self.path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(io_error(error)),
        }
    }

    /// A URL that GETs `key` without credentials until `ttl` has passed.
    pub async fn presign_get(&self, key: &str, ttl: Duration) -> std::io::Result<String> {
        self.store
            .signed_url(object_store::signer::Method::GET, &self.path(key), ttl)
            .await
            .map(|url| url.to_string())
            .map_err(io_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::storage::BlobStorageArgs;

    #[test]
    fn a_bucket_is_needed_and_prefixes_are_trimmed() {
        let args = BlobStorageArgs {
            s3_region: "us-east-1".into(),
            ..Default::default()
        };
        assert!(args.resolve().is_none());
        let args = BlobStorageArgs {
            s3_bucket: Some("proofs".into()),
            s3_prefix: Some("/tenant-a/".into()),
            s3_endpoint: Some(" ".into()),
            s3_region: "eu-west-1".into(),
            ..Default::default()
        };
        let settings = args.resolve().unwrap();
        assert_eq!(settings.bucket, "proofs");
        assert_eq!(settings.prefix.as_deref(), Some("tenant-a"));
        assert_eq!(settings.endpoint, None);
        let bucket = Bucket::open(&settings).unwrap();
        assert_eq!(bucket.path("orgs/a/b").as_ref(), "tenant-a/orgs/a/b");
    }
}
