//! Turns the test-service environment variables into `cfg` flags, so the tests that need
//! PostgreSQL, an S3-compatible endpoint, headless Chromium or poppler's `pdftotext` show as
//! *ignored* (not passed) when their service is not configured, and run (and must pass) when
//! it is, or under `--include-ignored`. Also lists the built-in flight sheets
//! (`flight_sheets/*.json`) for the binary to embed.

const SERVICES: [(&str, &str); 4] = [
    ("DEFENDABLE_TEST_POSTGRES_URL", "defendable_test_postgres"),
    ("DEFENDABLE_TEST_S3_ENDPOINT", "defendable_test_s3"),
    ("DEFENDABLE_TEST_CHROMIUM", "defendable_test_chromium"),
    ("DEFENDABLE_TEST_POPPLER", "defendable_test_poppler"),
];

/// Writes `$OUT_DIR/builtin_sheets.rs`: a `&[(file name, contents)]` of every
/// `flight_sheets/*.json`, sorted by name.
fn list_builtin_sheets() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&manifest).join("flight_sheets");
    println!("cargo::rerun-if-changed=flight_sheets");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the flight_sheets directory")
        .map(|e| e.expect("a flight_sheets entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut code = String::from("&[\n");
    for name in names {
        let rel = format!("/flight_sheets/{name}");
        code.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {rel:?}))),\n"
        ));
    }
    code.push_str("]\n");
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("builtin_sheets.rs");
    std::fs::write(out, code).expect("write builtin_sheets.rs");
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    list_builtin_sheets();
    for (var, cfg) in SERVICES {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo::rerun-if-env-changed={var}");
        let set = std::env::var(var).is_ok_and(|v| !v.is_empty() && v != "0");
        if set {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
