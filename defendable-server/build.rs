//! Turns the test-service environment variables into `cfg` flags, so the tests that need
//! PostgreSQL, an S3-compatible endpoint, headless Chromium or poppler's `pdftotext` show as
//! *ignored* (not passed) when their service is not configured, and run (and must pass) when
//! it is, or under `--include-ignored`.

const SERVICES: [(&str, &str); 4] = [
    ("DEFENDABLE_TEST_POSTGRES_URL", "defendable_test_postgres"),
    ("DEFENDABLE_TEST_S3_ENDPOINT", "defendable_test_s3"),
    ("DEFENDABLE_TEST_CHROMIUM", "defendable_test_chromium"),
    ("DEFENDABLE_TEST_POPPLER", "defendable_test_poppler"),
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    for (var, cfg) in SERVICES {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo::rerun-if-env-changed={var}");
        let set = std::env::var(var).is_ok_and(|v| !v.is_empty() && v != "0");
        if set {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
