//! The settings' own tests: defaults, production checks and each flag.

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
fn production_refuses_defaults_and_wildcards_all_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let error = Config::resolve(args(&[
        "--data-dir",
        d,
        "--app-env",
        "production",
        "--jwt-secret",
        "dev-insecure-change-me-but-long-enough-to-pass",
        "--api-base-url",
        "http://api.example.com",
        "--app-base-url",
        "https://app.example.com",
        "--cors-origins",
        "https://app.example.com, *",
    ]))
    .unwrap_err()
    .to_string();
    assert!(error.contains("JWT_SECRET is a default"), "{error}");
    assert!(
        error.contains("API_BASE_URL must be an https URL"),
        "{error}"
    );
    assert!(!error.contains("APP_BASE_URL"), "{error}");
    assert!(error.contains("CORS_ORIGINS must not contain *"), "{error}");
    assert!(
        error.contains("DEFENDABLE_SIGNING_KEY must be set"),
        "{error}"
    );
    assert!(error.contains("SMTP_URL must be set"), "{error}");
    assert_eq!(error.matches("\n  - ").count(), 5, "{error}");
}

#[test]
fn membership_settings_are_checked_together() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let error = Config::resolve(args(&[
        "--data-dir",
        d,
        "--stripe-api-key",
        "sk_test_x",
        "--membership-cap=-1",
        "--membership-currency",
        "dollars",
        "--checkout-return-origins",
        "https://ok.example, https://bad.example/path",
        "--smtp-url",
        "mail.example.com:25",
    ]))
    .unwrap_err()
    .to_string();
    for expected in [
        "STRIPE_PRICE_ID must be set",
        "MEMBERSHIP_CAP must be 0 or more",
        "MEMBERSHIP_CURRENCY must be a three-letter",
        "CHECKOUT_RETURN_ORIGINS entry \"https://bad.example/path\"",
        "SMTP_URL must start with smtp://",
    ] {
        assert!(error.contains(expected), "{expected}: {error}");
    }
    let config = Config::resolve(args(&[
        "--data-dir",
        d,
        "--app-base-url",
        "https://app.example.com",
        "--checkout-return-origins",
        "https://ok.example/",
    ]))
    .unwrap();
    assert_eq!(
        config.membership.checkout_return_origins,
        vec![
            "https://app.example.com".to_string(),
            "https://ok.example".to_string()
        ]
    );
}

#[test]
fn production_accepts_a_safe_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let config = Config::resolve(args(&[
        "--data-dir",
        d,
        "--app-env",
        "production",
        "--jwt-secret",
        "a8Jd92kLq0Zx7Vb3Nm5Pw1Rt6Yu4Hs2Gf9Ce",
        "--api-base-url",
        "https://api.example.com/",
        "--app-base-url",
        "https://app.example.com",
        "--smtp-url",
        "smtps://mailer:secret@smtp.example.com:465",
        "--signing-key",
        &defendable_contract::note::Signer::from_seed("api.example.com", [3; 32])
            .unwrap()
            .to_string(),
    ]))
    .unwrap();
    assert!(config.production);
    assert!(config.membership.stripe.is_none());
    assert_eq!(config.membership.cap, 100);
    assert_eq!(config.signer.name(), "api.example.com");
    assert_eq!(
        config.cors_origins,
        CorsOrigins::List(vec!["https://app.example.com".into()])
    );
    assert!(!config.trust_proxy_header);
    assert_eq!(config.limits, limits::LimitSettings::default());
}

#[test]
fn a_development_signing_key_is_created_once_and_a_bad_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let first = Config::resolve(args(&["--data-dir", d])).unwrap();
    let again = Config::resolve(args(&["--data-dir", d])).unwrap();
    assert_eq!(first.signer.verifier(), again.signer.verifier());
    assert_eq!(first.signer.name(), "127.0.0.1-8080");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir.path().join("signing_key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let error = Config::resolve(args(&["--data-dir", d, "--signing-key", "nonsense"]))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("DEFENDABLE_SIGNING_KEY is not a signing key"),
        "{error}"
    );
}

#[test]
fn cors_origins_are_parsed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let config = Config::resolve(args(&["--data-dir", d])).unwrap();
    let CorsOrigins::List(origins) = &config.cors_origins else {
        panic!("a list by default");
    };
    assert!(origins.contains(&"http://127.0.0.1:8080".to_string()));
    assert!(origins.contains(&"http://localhost:5173".to_string()));
    let config = Config::resolve(args(&[
        "--data-dir",
        d,
        "--cors-origins",
        "https://A.example/, http://b.example:3000",
        "--trust-proxy-header",
    ]))
    .unwrap();
    assert_eq!(
        config.cors_origins,
        CorsOrigins::List(vec![
            "https://a.example".into(),
            "http://b.example:3000".into()
        ])
    );
    assert!(config.trust_proxy_header);
    let wildcard = Config::resolve(args(&["--data-dir", d, "--cors-origins", "*"])).unwrap();
    assert_eq!(wildcard.cors_origins, CorsOrigins::Any);
    let error = Config::resolve(args(&[
        "--data-dir",
        d,
        "--cors-origins",
        "https://x.example/path",
    ]))
    .unwrap_err()
    .to_string();
    assert!(error.contains("not an origin"), "{error}");
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
