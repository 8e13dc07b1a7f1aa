//! Settings from flags and the environment, with development defaults that need
//! no configuration at all, and the checks that production mode insists on.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

/// Where the server runs and what it talks to.
#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "DEFENDABLE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Directory for the SQLite database, blobs and generated secrets
    /// (default: the per-user data directory).
    #[arg(long, env = "DEFENDABLE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Database URL: `postgres://...` for PostgreSQL; default a SQLite file in the data directory.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Public origin of this API, used in share URLs (default http://<listen>).
    #[arg(long, env = "API_BASE_URL")]
    pub api_base_url: Option<String>,

    /// Origin of the web app that magic links point to (default: the API origin).
    #[arg(long, env = "APP_BASE_URL")]
    pub app_base_url: Option<String>,

    /// `development` (default) or `production`.
    #[arg(long, env = "APP_ENV", default_value = "development")]
    pub app_env: String,

    /// Secret for signing JWTs (default in development: generated once and kept in the data directory).
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Lifetime of a session token, in hours.
    #[arg(long, env = "JWT_TTL_HOURS", default_value_t = 720)]
    pub jwt_ttl_hours: i64,

    /// Lifetime of a magic link, in minutes.
    #[arg(long, env = "MAGIC_TTL_MINUTES", default_value_t = 30)]
    pub magic_ttl_minutes: i64,

    /// A directory of extra flight-sheet JSON files loaded at start.
    #[arg(long, env = "DEFENDABLE_FLIGHT_SHEETS")]
    pub flight_sheets: Option<PathBuf>,

    /// Comma-separated administrator emails.
    #[arg(long, env = "ADMIN_EMAILS", default_value = "")]
    pub admin_emails: String,
}

/// The resolved configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub api_base_url: String,
    pub app_base_url: String,
    pub production: bool,
    pub jwt_secret: String,
    pub jwt_ttl_hours: i64,
    pub magic_ttl_minutes: i64,
    pub flight_sheets_dir: Option<PathBuf>,
    pub admin_emails: Vec<String>,
    pub email_configured: bool,
}

const MIN_SECRET_LEN: usize = 32;

impl Config {
    /// Resolves defaults, creating the data directory; in production, refuses
    /// to start with unsafe settings, listing every problem at once.
    pub fn resolve(args: ServeArgs) -> anyhow::Result<Config> {
        let production = matches!(
            args.app_env.to_ascii_lowercase().as_str(),
            "prod" | "production"
        );
        let data_dir = match args.data_dir {
            Some(dir) => dir,
            None => directories::ProjectDirs::from("", "", "defendable")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .unwrap_or_else(|| PathBuf::from(".defendable")),
        };
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("creating the data directory {}", data_dir.display()))?;
        let database_url = args
            .database_url
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| {
                format!(
                    "sqlite://{}?mode=rwc",
                    data_dir.join("defendable.db").display()
                )
            });
        let api_base_url = args
            .api_base_url
            .unwrap_or_else(|| format!("http://{}", args.listen))
            .trim_end_matches('/')
            .to_string();
        let app_base_url = args
            .app_base_url
            .unwrap_or_else(|| api_base_url.clone())
            .trim_end_matches('/')
            .to_string();

        let mut problems = Vec::new();
        if args.jwt_ttl_hours < 1 {
            problems.push("JWT_TTL_HOURS must be at least 1".to_string());
        }
        if args.magic_ttl_minutes < 1 {
            problems.push("MAGIC_TTL_MINUTES must be at least 1".to_string());
        }
        let jwt_secret = match args.jwt_secret.filter(|s| !s.is_empty()) {
            Some(secret) => {
                if production && secret.len() < MIN_SECRET_LEN {
                    problems.push(format!(
                        "JWT_SECRET must be at least {MIN_SECRET_LEN} characters"
                    ));
                }
                secret
            }
            None if production => {
                problems.push("JWT_SECRET must be set in production".to_string());
                String::new()
            }
            None => load_or_create_secret(&data_dir.join("jwt_secret"))?,
        };
        if production {
            for (name, url) in [
                ("API_BASE_URL", &api_base_url),
                ("APP_BASE_URL", &app_base_url),
            ] {
                if !url.starts_with("https://") {
                    problems.push(format!(
                        "{name} must be an https URL in production (got {url})"
                    ));
                }
            }
        }
        if !problems.is_empty() {
            anyhow::bail!("refusing to start:\n  - {}", problems.join("\n  - "));
        }
        Ok(Config {
            listen: args.listen,
            data_dir,
            database_url,
            api_base_url,
            app_base_url,
            production,
            jwt_secret,
            jwt_ttl_hours: args.jwt_ttl_hours,
            magic_ttl_minutes: args.magic_ttl_minutes,
            flight_sheets_dir: args.flight_sheets,
            admin_emails: args
                .admin_emails
                .split(',')
                .map(|e| e.trim().to_ascii_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
            email_configured: false,
        })
    }
}

/// Reads a generated secret, or creates one (mode 0600) on first start.
fn load_or_create_secret(path: &std::path::Path) -> anyhow::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_string();
        if existing.len() >= MIN_SECRET_LEN {
            return Ok(existing);
        }
    }
    let secret = crate::ids::random_token(48);
    write_private(path, secret.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(secret)
}

/// Writes a file readable only by its owner.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    fn args(extra: &[&str]) -> ServeArgs {
        let mut argv = vec!["x"];
        argv.extend_from_slice(extra);
        Cli::parse_from(argv).serve
    }

    #[test]
    fn production_lists_every_problem() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let error = Config::resolve(args(&[
            "--data-dir",
            d,
            "--app-env",
            "production",
            "--jwt-secret",
            "short",
        ]))
        .unwrap_err()
        .to_string();
        assert!(error.contains("JWT_SECRET"), "{error}");
        assert!(error.contains("API_BASE_URL"), "{error}");
        assert!(error.contains("APP_BASE_URL"), "{error}");
    }

    #[test]
    fn development_generates_a_stable_secret() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let first = Config::resolve(args(&["--data-dir", d])).unwrap();
        let second = Config::resolve(args(&["--data-dir", d])).unwrap();
        assert_eq!(first.jwt_secret, second.jwt_secret);
        assert!(first.jwt_secret.len() >= MIN_SECRET_LEN);
        assert!(first.database_url.starts_with("sqlite://"));
        assert_eq!(first.api_base_url, "http://127.0.0.1:8080");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("jwt_secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
