//! Where the CLI keeps its state: profiles (server per profile) in `config.json`, and
//! session tokens in `DEFENDABLE_TOKEN`, the OS keyring, or a 0600 credentials file,
//! in that order of precedence. A stored token is bound to the origin
//! (`scheme://host:port`) that issued it and is never handed to another server; only
//! `DEFENDABLE_TOKEN`, set by the user for this call, goes wherever `--api` points.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The server used when nothing else names one.
pub const DEFAULT_API: &str = "http://127.0.0.1:8080";
const KEYRING_SERVICE: &str = "defendable";
const KEYRING_TIMEOUT: Duration = Duration::from_secs(3);

/// Where a token came from (shown by `auth status`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenSource {
    Env,
    Keyring,
    File(PathBuf),
}

impl std::fmt::Display for TokenSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenSource::Env => f.write_str("the DEFENDABLE_TOKEN environment variable"),
            TokenSource::Keyring => f.write_str("the OS keyring"),
            TokenSource::File(path) => write!(f, "the file {}", path.display()),
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
    /// Verifier keys whose receipt signatures and checkpoints are trusted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trusted_keys: Vec<String>,
    /// Receipt-signing keys pinned per server origin (trust on first use, as ssh's
    /// known_hosts): a key the server presents later must be one of these.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pinned_keys: BTreeMap<String, Vec<String>>,
    /// The largest verified checkpoint seen per server and chain: `<server> <origin>`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    checkpoints: BTreeMap<String, SeenCheckpoint>,
    /// Defaults set with `config set`.
    #[serde(default, skip_serializing_if = "Settings::is_empty")]
    settings: Settings,
}

/// Defaults set with `config set`, used when no flag or environment variable says
/// otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<crate::style::ColorChoice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
}

impl Settings {
    fn is_empty(&self) -> bool {
        self == &Settings::default()
    }
}

/// A checkpoint this CLI verified and remembers, to catch a rewritten chain later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenCheckpoint {
    pub size: i64,
    pub root_hash: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    api: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CredentialsFile {
    /// Tokens by `<profile> <origin>` (a bare `<profile>` key is from before tokens
    /// were bound to an origin: it belongs to that profile's server).
    #[serde(default)]
    tokens: BTreeMap<String, String>,
}

/// The CLI's configuration directory and the active profile.
pub struct Store {
    dir: PathBuf,
    profile: String,
}

impl Store {
    /// `DEFENDABLE_CONFIG_DIR`, else the platform's config directory.
    pub fn open(profile: &str) -> anyhow::Result<Store> {
        let dir = match std::env::var_os("DEFENDABLE_CONFIG_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "defendable")
                .map(|d| d.config_dir().to_path_buf())
                .ok_or_else(|| anyhow::anyhow!("no home directory; set DEFENDABLE_CONFIG_DIR"))?,
        };
        Ok(Store {
            dir,
            profile: profile.to_string(),
        })
    }

    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// The profiles saved in the configuration, each with its server (if set).
    pub fn profiles(&self) -> Vec<(String, Option<String>)> {
        self.read_config()
            .profiles
            .into_iter()
            .map(|(name, profile)| (name, profile.api))
            .collect()
    }

    fn config_path(&self) -> PathBuf {
        self.dir.join("config.json")
    }

    fn credentials_path(&self) -> PathBuf {
        self.dir.join("credentials.json")
    }

    fn read_config(&self) -> ConfigFile {
        read_json(&self.config_path()).unwrap_or_default()
    }

    /// The API base: the flag or env (already in `explicit`), the profile's, the default.
    pub fn api_base(&self, explicit: Option<&str>) -> String {
        let base = match explicit {
            Some(api) => api.to_string(),
            None => self
                .profile_api()
                .unwrap_or_else(|| DEFAULT_API.to_string()),
        };
        base.trim_end_matches('/').to_string()
    }

    /// Remembers the server this profile signed in to.
    pub fn save_api(&self, api: &str) -> anyhow::Result<()> {
        self.bind_legacy_token()?;
        let mut config = self.read_config();
        config.profiles.entry(self.profile.clone()).or_default().api = Some(api.to_string());
        write_json(&self.config_path(), &config, false)
    }

    /// The server this profile signed in to or was set to (`config set api`).
    pub fn saved_api(&self) -> Option<String> {
        self.profile_api()
    }

    /// The defaults set with `config set`.
    pub fn settings(&self) -> Settings {
        self.read_config().settings
    }

    /// Replaces the defaults set with `config set`.
    pub fn save_settings(&self, settings: Settings) -> anyhow::Result<()> {
        let mut config = self.read_config();
        config.settings = settings;
        write_json(&self.config_path(), &config, false)
    }

    /// The verifier keys pinned with `keys trust`.
    pub fn trusted_keys(&self) -> Vec<String> {
        self.read_config().trusted_keys
    }

    /// Pins a verifier key (once).
    pub fn trust_key(&self, verifier: &str) -> anyhow::Result<bool> {
        let mut config = self.read_config();
        if config.trusted_keys.iter().any(|k| k == verifier) {
            return Ok(false);
        }
        config.trusted_keys.push(verifier.to_string());
        write_json(&self.config_path(), &config, false)?;
        Ok(true)
    }

    /// The keys pinned for one server origin.
    pub fn pinned_keys(&self, origin: &str) -> Vec<String> {
        self.read_config()
            .pinned_keys
            .get(origin)
            .cloned()
            .unwrap_or_default()
    }

    /// Every key trusted anywhere: those trusted for any server and those pinned for
    /// one (a saved proof does not say which server it came from).
    pub fn all_trusted_keys(&self) -> Vec<String> {
        let config = self.read_config();
        let mut keys = config.trusted_keys;
        for pinned in config.pinned_keys.into_values().flatten() {
            if !keys.contains(&pinned) {
                keys.push(pinned);
            }
        }
        keys
    }

    /// Pins a key for a server origin (once).
    pub fn pin_key(&self, origin: &str, verifier: &str) -> anyhow::Result<bool> {
        let mut config = self.read_config();
        let pinned = config.pinned_keys.entry(origin.to_string()).or_default();
        if pinned.iter().any(|k| k == verifier) {
            return Ok(false);
        }
        pinned.push(verifier.to_string());
        write_json(&self.config_path(), &config, false)?;
        Ok(true)
    }

    /// The last verified checkpoint of a chain on a server.
    pub fn seen_checkpoint(&self, server: &str, origin: &str) -> Option<SeenCheckpoint> {
        self.read_config()
            .checkpoints
            .get(&format!("{server} {origin}"))
            .cloned()
    }

    /// Remembers a verified checkpoint (only ever a larger one).
    pub fn remember_checkpoint(
        &self,
        server: &str,
        origin: &str,
        seen: SeenCheckpoint,
    ) -> anyhow::Result<()> {
        let mut config = self.read_config();
        let key = format!("{server} {origin}");
        if config
            .checkpoints
            .get(&key)
            .is_some_and(|old| old.size >= seen.size)
        {
            return Ok(());
        }
        config.checkpoints.insert(key, seen);
        write_json(&self.config_path(), &config, false)
    }

    /// The session token for `origin` and where it came from, if there is one.
    pub fn token(&self, origin: &str) -> Option<(String, TokenSource)> {
        if let Ok(token) = std::env::var("DEFENDABLE_TOKEN") {
            if !token.trim().is_empty() {
                return Some((token.trim().to_string(), TokenSource::Env));
            }
        }
        self.stored_token(origin)
    }

    /// The token stored for `origin` (keyring or file), ignoring `DEFENDABLE_TOKEN`.
    pub fn stored_token(&self, origin: &str) -> Option<(String, TokenSource)> {
        let legacy = self.legacy_origin_is(origin);
        if keyring_enabled() {
            if let Some(token) = keyring_get(&self.entry(origin)) {
                return Some((token, TokenSource::Keyring));
            }
            if legacy {
                if let Some(token) = keyring_get(&self.profile) {
                    return Some((token, TokenSource::Keyring));
                }
            }
        }
        let path = self.credentials_path();
        let file: CredentialsFile = read_json(&path)?;
        let token = file
            .tokens
            .get(&self.entry(origin))
            .or_else(|| legacy.then(|| file.tokens.get(&self.profile)).flatten())?
            .clone();
        Some((token, TokenSource::File(path)))
    }

    /// The origins this profile holds a stored token for (to name them when another
    /// server is asked for).
    pub fn signed_in_origins(&self) -> Vec<String> {
        let prefix = format!("{} ", self.profile);
        let file: CredentialsFile = read_json(&self.credentials_path()).unwrap_or_default();
        let mut origins: Vec<String> = file
            .tokens
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
            .collect();
        if file.tokens.contains_key(&self.profile) {
            origins.extend(
                self.profile_api()
                    .as_deref()
                    .and_then(|a| origin_of(a).ok()),
            );
        }
        origins
    }

    /// Stores a token for `origin`: the keyring when it answers, else the 0600 file.
    pub fn save_token(&self, origin: &str, token: &str) -> anyhow::Result<TokenSource> {
        let entry = self.entry(origin);
        if keyring_enabled() && keyring_set(&entry, token) {
            self.remove_file_token(origin)?;
            return Ok(TokenSource::Keyring);
        }
        let path = self.credentials_path();
        let mut file: CredentialsFile = read_json(&path).unwrap_or_default();
        file.tokens.insert(entry, token.to_string());
        write_json(&path, &file, true)?;
        Ok(TokenSource::File(path))
    }

    /// Forgets this profile's token for `origin` everywhere it may be stored. True if
    /// one was.
    pub fn remove_token(&self, origin: &str) -> anyhow::Result<bool> {
        let mut removed = false;
        if keyring_enabled() {
            removed |= keyring_delete(&self.entry(origin));
            if self.legacy_origin_is(origin) {
                removed |= keyring_delete(&self.profile);
            }
        }
        removed |= self.remove_file_token(origin)?;
        Ok(removed)
    }

    fn remove_file_token(&self, origin: &str) -> anyhow::Result<bool> {
        let path = self.credentials_path();
        let Some(mut file) = read_json::<CredentialsFile>(&path) else {
            return Ok(false);
        };
        let mut removed = file.tokens.remove(&self.entry(origin)).is_some();
        if self.legacy_origin_is(origin) {
            removed |= file.tokens.remove(&self.profile).is_some();
        }
        if removed {
            write_json(&path, &file, true)?;
        }
        Ok(removed)
    }

    /// The key a token is stored under: the profile and the origin it belongs to.
    fn entry(&self, origin: &str) -> String {
        format!("{} {origin}", self.profile)
    }

    fn profile_api(&self) -> Option<String> {
        self.read_config()
            .profiles
            .get(&self.profile)
            .and_then(|p| p.api.clone())
    }

    /// A token stored before tokens were bound to origins (keyed by the profile alone)
    /// belongs to the server the profile used then: it is bound to that origin before the
    /// profile's server changes, so it never follows the profile to another server.
    fn bind_legacy_token(&self) -> anyhow::Result<()> {
        let Some(old) = self.profile_api().and_then(|api| origin_of(&api).ok()) else {
            return Ok(());
        };
        if keyring_enabled() {
            if let Some(token) = keyring_get(&self.profile) {
                if keyring_set(&self.entry(&old), &token) {
                    keyring_delete(&self.profile);
                }
            }
        }
        let path = self.credentials_path();
        if let Some(mut file) = read_json::<CredentialsFile>(&path) {
            if let Some(token) = file.tokens.remove(&self.profile) {
                file.tokens.entry(self.entry(&old)).or_insert(token);
                write_json(&path, &file, true)?;
            }
        }
        Ok(())
    }

    /// Tokens stored before they were bound to an origin (keyed by profile alone)
    /// belong to the server that profile signed in to, and to no other.
    fn legacy_origin_is(&self, origin: &str) -> bool {
        self.profile_api()
            .as_deref()
            .and_then(|api| origin_of(api).ok())
            .is_some_and(|o| o == origin)
    }
}

/// The origin of a server address: `scheme://host[:port]` (default ports left out),
/// the unit a credential is bound to.
pub fn origin_of(base: &str) -> Result<String, String> {
    let url = reqwest::Url::parse(base).map_err(|e| format!("{base}: {e}"))?;
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Ok(url.origin().ascii_serialization()),
        _ => Err(format!("{base}: not an http(s) URL with a host")),
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

fn write_json<T: Serialize>(path: &Path, value: &T, secret: bool) -> anyhow::Result<()> {
    use anyhow::Context as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(value)?;
    let tmp = path.with_extension("tmp");
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if secret {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = secret;
        let mut file = options
            .open(&tmp)
            .with_context(|| format!("writing {}", tmp.display()))?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// The keyring is skipped when `DEFENDABLE_NO_KEYRING` is set (and never touched when
/// `DEFENDABLE_TOKEN` is, since that wins before the keyring is asked).
fn keyring_enabled() -> bool {
    std::env::var_os("DEFENDABLE_NO_KEYRING").is_none()
}

/// Runs a keyring call on a thread and gives up after a timeout: a locked or absent
/// keyring daemon must not hang the CLI.
fn with_keyring<T: Send + 'static>(call: impl FnOnce() -> Option<T> + Send + 'static) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(call());
    });
    rx.recv_timeout(KEYRING_TIMEOUT).ok().flatten()
}

fn keyring_get(entry: &str) -> Option<String> {
    let entry = entry.to_string();
    with_keyring(move || {
        keyring::Entry::new(KEYRING_SERVICE, &entry)
            .ok()?
            .get_password()
            .ok()
    })
}

fn keyring_set(entry: &str, token: &str) -> bool {
    let (entry, token) = (entry.to_string(), token.to_string());
    with_keyring(move || {
        let entry = keyring::Entry::new(KEYRING_SERVICE, &entry).ok()?;
        entry.set_password(&token).ok()?;
        // Only trust a keyring that gives the secret back.
        (entry.get_password().ok()? == token).then_some(())
    })
    .is_some()
}

fn keyring_delete(entry: &str) -> bool {
    let entry = entry.to_string();
    with_keyring(move || {
        keyring::Entry::new(KEYRING_SERVICE, &entry)
            .ok()?
            .delete_credential()
            .ok()
    })
    .is_some()
}
