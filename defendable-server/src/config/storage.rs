//! Object storage settings: the S3 flags and what they resolve to. Without a
//! bucket, blobs stay in the data directory.

use clap::Args;

/// Object storage settings (flattened into the server's flags). Without a
/// bucket, blobs stay in the data directory.
#[derive(Args, Clone, Debug, Default)]
pub struct BlobStorageArgs {
    /// S3 bucket for blobs (evidence files); unset, blobs live in the data directory.
    #[arg(long, env = "S3_BUCKET")]
    pub s3_bucket: Option<String>,

    /// Endpoint of an S3-compatible server (e.g. `http://127.0.0.1:9000`);
    /// default AWS S3 for the region.
    #[arg(long, env = "S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,

    /// Region of the bucket.
    #[arg(long, env = "S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,

    /// Access key id (default: the standard AWS_* variables, or the instance's role).
    #[arg(long, env = "S3_ACCESS_KEY_ID", hide_env_values = true)]
    pub s3_access_key_id: Option<String>,

    /// Secret access key (default: the standard AWS_* variables, or the instance's role).
    #[arg(long, env = "S3_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<String>,

    /// Key prefix inside the bucket (e.g. `defendable/`), for a shared bucket.
    #[arg(long, env = "S3_PREFIX")]
    pub s3_prefix: Option<String>,
}

/// The resolved settings, when a bucket is configured.
#[derive(Clone, Debug)]
pub struct S3Settings {
    pub bucket: String,
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    pub prefix: Option<String>,
}

impl BlobStorageArgs {
    /// The S3 settings, if a bucket is named.
    pub fn resolve(&self) -> Option<S3Settings> {
        let nonempty = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        Some(S3Settings {
            bucket: nonempty(&self.s3_bucket)?,
            endpoint: nonempty(&self.s3_endpoint),
            region: self.s3_region.clone(),
            access_key_id: nonempty(&self.s3_access_key_id),
            secret_access_key: nonempty(&self.s3_secret_access_key),
            prefix: nonempty(&self.s3_prefix)
                .map(|p| p.trim_matches('/').to_string())
                .filter(|p| !p.is_empty()),
        })
    }
}
