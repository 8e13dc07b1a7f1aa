//! Validating a directory of flight sheets, with the real binary: `check-sheets`
//! lists every bad file with its JSON path and reason, and a server pointed at
//! such a directory refuses to start with the same list.

use std::path::Path;
use std::process::{Command, Output};

fn server(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_defendable-server"))
        .args(args)
        .env_remove("DEFENDABLE_FLIGHT_SHEETS")
        .output()
        .expect("run defendable-server")
}

fn sheet(slug: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("flight_sheets/cre_memo_dscr_ltv_v1.json"),
    )
    .unwrap();
    text.replace("\"cre_memo_dscr_ltv_v1\"", &format!("{slug:?}"))
}

#[test]
fn check_sheets_names_every_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50 {
        std::fs::write(
            dir.path().join(format!("good_{i:02}.json")),
            sheet(&format!("good_{i}")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("bad_category.json"),
        sheet("bad_cat").replacen("\"category\": \"policy\"", "\"category\": \"vibes\"", 1),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad_threshold.json"),
        sheet("bad_threshold").replace("\"pass_threshold\": 80", "\"pass_threshold\": \"high\""),
    )
    .unwrap();
    std::fs::write(dir.path().join("duplicate.json"), sheet("good_7")).unwrap();
    let shown = dir.path().display().to_string();

    let out = server(&["check-sheets", &shown]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("3 flight-sheet problem(s)"), "{err}");
    assert!(
        err.contains("bad_category.json at $.audit_checks[0].category"),
        "{err}"
    );
    assert!(
        err.contains("bad_threshold.json at $.pass_threshold"),
        "{err}"
    );
    assert!(
        err.contains("good_07.json at $.slug") || err.contains("duplicate.json at $.slug"),
        "{err}"
    );

    // The server refuses the same directory, with the same list.
    let data = tempfile::tempdir().unwrap();
    let out = server(&[
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        &data.path().display().to_string(),
        "--flight-sheets",
        &shown,
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("3 flight-sheet problem(s)"), "{err}");
    assert!(
        err.contains("bad_category.json at $.audit_checks[0].category"),
        "{err}"
    );

    // A good directory, and the built-in library itself, pass.
    for name in ["bad_category.json", "bad_threshold.json", "duplicate.json"] {
        std::fs::remove_file(dir.path().join(name)).unwrap();
    }
    let out = server(&["check-sheets", &shown]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("50 flight sheet(s), all valid"));
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("flight_sheets");
    let out = server(&["check-sheets", &builtin.display().to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = server(&["check-sheets", "/nonexistent/sheets"]);
    assert!(!out.status.success());
}
