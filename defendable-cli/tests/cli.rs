//! The `defendable` binary against a real server on a free loopback port (SQLite in a
//! temp directory): the whole lifecycle, JSON output, exit codes, offline checks.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use clap::Parser as _;
use serde_json::Value;

#[derive(clap::Parser)]
struct Args {
    #[command(flatten)]
    serve: defendable_server::config::ServeArgs,
}

/// A server running on its own thread and runtime for the life of a test.
struct Server {
    base: String,
    data: tempfile::TempDir,
    _stop: std::sync::mpsc::Sender<()>,
}

fn start_server() -> Server {
    start_server_with(&[])
}

/// A server with extra flags.
fn start_server_with(extra: &[&str]) -> Server {
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let data_dir = data.path().display().to_string();
    let mut argv = vec!["x", "--listen", &listen, "--data-dir", &data_dir];
    argv.extend_from_slice(extra);
    let args = Args::parse_from(argv);
    let config = defendable_server::config::Config::resolve(args.serve).unwrap();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let server = defendable_server::start(config).await.unwrap();
            ready_tx.send(()).unwrap();
            // Runs until the test drops its sender.
            tokio::task::spawn_blocking(move || {
                let _ = stop_rx.recv();
            })
            .await
            .ok();
            drop(server);
        });
    });
    ready_rx.recv().expect("the server starts");
    Server {
        base: format!("http://{listen}"),
        data,
        _stop: stop_tx,
    }
}

/// One user's CLI: its own config directory, pointed at a server.
struct User {
    api: String,
    config: tempfile::TempDir,
}

impl User {
    fn new(api: &str) -> User {
        User {
            api: api.to_string(),
            config: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("defendable").unwrap();
        cmd.args(args)
            .env("DEFENDABLE_API", &self.api)
            .env("DEFENDABLE_CONFIG_DIR", self.config.path())
            .env("DEFENDABLE_NO_KEYRING", "1")
            .env("NO_COLOR", "1")
            .env_remove("DEFENDABLE_TOKEN")
            .env_remove("DEFENDABLE_PROFILE");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Runs with --json, asserts exit 0 and parses stdout.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.run(&all);
        assert!(
            out.status.success(),
            "defendable {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "defendable {args:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    fn sign_in(&self, email: &str) {
        let asked = self.json(&["auth", "login", "--email", email]);
        let link = asked["dev_link"]
            .as_str()
            .expect("development server gives a dev_link");
        let signed = self.json(&["auth", "verify", link]);
        assert_eq!(signed["user"]["email"], email);
        let stored = signed["token_stored_in"].as_str().unwrap();
        assert!(stored.contains("credentials.json"), "{stored}");
    }
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn email(user: &str, domain: &str) -> String {
    format!("{user}{}{domain}", '@')
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_whole_lifecycle_from_login_to_offline_verification() {
    let server = start_server();
    let user = User::new(&server.base);
    let me = email("analyst", "cli.example");
    user.sign_in(&me);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(user.config.path().join("credentials.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let status = user.json(&["auth", "status"]);
    assert_eq!(status["user"]["email"], me.as_str());
    assert_eq!(status["server"], server.base.as_str());
    // Where the token is kept is said by auth status, not warned about on stderr.
    let status = user.run(&["auth", "status"]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("credentials.json"),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
    assert_eq!(stderr(&status), "");

    let project = user.json(&["projects", "create", "Q2 deals"]);
    let project_id = project["id"].as_str().unwrap();
    let sheets = user.json(&["flight-sheets", "ls"]);
    let sheet = sheets
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["deterministic"] == false
                && s["audit_checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["kind"] == "checklist")
        })
        .expect("a heuristic sheet with checklist rules")
        .clone();
    let slug = sheet["slug"].as_str().unwrap();
    let dataset_only = user.json(&["flight-sheets", "ls", "--lane", "dataset"]);
    assert!(dataset_only
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["lane"] == "dataset"));

    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project_id,
        "--flight-sheet",
        slug,
        "--title",
        "Q2 deal",
    ]);
    let run_id = run["id"].as_str().unwrap().to_string();
    let run_id = run_id.as_str();
    user.json(&[
        "evidence",
        "add",
        run_id,
        "--label",
        "deal terms",
        "--content",
        "Loan 8.625M at 6.1%",
    ]);

    let work = tempfile::tempdir().unwrap();
    let evidence_file = write(work.path(), "terms.txt", &"term sheet line\n".repeat(5000));
    let uploaded = user.json(&[
        "evidence",
        "upload",
        run_id,
        evidence_file.to_str().unwrap(),
        "--label",
        "term sheet",
    ]);
    let local = defendable_contract::canonical::sha256_hex(&std::fs::read(&evidence_file).unwrap());
    assert_eq!(uploaded["sha256"], local.as_str());
    let page = user.json(&["evidence", "ls", run_id, "--limit", "1"]);
    assert_eq!(page["total"], 2, "{page}");
    assert_eq!(page["items"][0]["content"], "Loan 8.625M at 6.1%");
    assert_eq!(page["next_offset"], 1);
    let rest = user.json(&["evidence", "ls", run_id, "--offset", "1"]);
    assert_eq!(rest["items"][0]["sha256"], local.as_str());
    assert!(rest["next_offset"].is_null(), "{rest}");

    let sections: Vec<String> = sheet["expected_outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "## {}\nCovered in full, with figures and sources.\n",
                s.as_str().unwrap()
            )
        })
        .collect();
    let output = write(work.path(), "output.md", &sections.join("\n"));
    let ack = user.json(&[
        "submission",
        "add",
        run_id,
        "--output-file",
        output.to_str().unwrap(),
    ]);
    assert_eq!(ack["sha256"].as_str().unwrap().len(), 64);

    let audit = user.json(&[
        "audit",
        "run",
        run_id,
        "--fail-on",
        "fail",
        "--allow-pending",
    ]);
    assert_eq!(audit["needs_grading"], true);
    for check in audit["checks"].as_array().unwrap() {
        if check["status"] == "open" {
            user.json(&[
                "audit",
                "grade",
                run_id,
                check["check_key"].as_str().unwrap(),
                "--status",
                "pass",
            ]);
        }
    }
    let verdict = user.json(&["audit", "finalize", run_id]);
    assert!(verdict["outcome"].is_string());
    assert_eq!(
        user.json(&["runs", "verdict", run_id])["outcome"],
        verdict["outcome"]
    );

    let approval = user.json(&[
        "approval",
        "set",
        run_id,
        "--decision",
        "approved",
        "--note",
        "ship it",
        "--yes",
    ]);
    assert_eq!(approval["decision"], "approved");
    let receipt = user.json(&["receipt", "generate", run_id]);
    let token = receipt["share_token"].as_str().unwrap();

    // Verified here, by token and by URL, recomputing the hash client-side.
    let checked = user.json(&["verify", token]);
    assert_eq!(checked["verified"], true, "{checked}");
    assert!(checked["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["check"] == "hash" && c["ok"] == true));
    let by_url = user.json(&["verify", receipt["share_url"].as_str().unwrap()]);
    assert_eq!(by_url["verified"], true);

    // Saved, then checked offline; a tampered copy fails with exit 3.
    let public = user.json(&["receipt", "show", run_id]);
    assert_eq!(public["receipt_sha256"], receipt["receipt_sha256"]);
    let saved = write(work.path(), "receipt.json", &public.to_string());
    let offline = user.json(&["verify", "--offline", saved.to_str().unwrap()]);
    assert_eq!(offline["verified"], true);
    let mut forged = public.clone();
    forged["payload"]["approval"]["note"] = Value::from("approved without review");
    forged["verified"] = Value::from(true);
    let forged_path = write(work.path(), "forged.json", &forged.to_string());
    let out = user.run(&["verify", "--offline", forged_path.to_str().unwrap()]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("✗ hash"));

    let pdf = work.path().join("receipt.pdf");
    user.json(&["receipt", "pdf", run_id, "-o", pdf.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // The chain, walked here and offline.
    let walked = user.json(&["ledger", "verify", "--server"]);
    assert_eq!(walked["ok"], true, "{walked}");
    assert_eq!(walked["receipts_checked"], 1);
    assert_eq!(walked["server_report"]["ok"], true);
    let chain = work.path().join("chain.json");
    user.json(&["ledger", "export", "-o", chain.to_str().unwrap()]);
    assert_eq!(
        user.json(&["ledger", "verify", "--offline", chain.to_str().unwrap()])["ok"],
        true
    );
    let text = std::fs::read_to_string(&chain).unwrap();
    let tampered = text.replace("ship it", "ship it later");
    assert_ne!(text, tampered);
    let tampered_path = write(work.path(), "chain-tampered.json", &tampered);
    let out = user.run(&[
        "ledger",
        "verify",
        "--offline",
        tampered_path.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("hash mismatch"));

    // Piped output is tab-separated rows.
    let out = user.run(&["runs", "ls"]);
    assert_eq!(code(&out), 0);
    let rows = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        rows.lines().any(|l| l.starts_with(&format!("{run_id}\t"))),
        "{rows}"
    );
    let listed = user.json(&["ledger", "ls"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // Signing out leaves no token: exit 4 with the way back in.
    user.json(&["auth", "logout"]);
    let out = user.run(&["runs", "ls"]);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("defendable auth login"));
}

/// Runs one command line exactly as a document or a script gives it (no `--json` added) and
/// returns its standard output; it must succeed.
fn plain(user: &User, args: &[&str]) -> String {
    let out = user.run(args);
    assert_eq!(
        code(&out),
        0,
        "defendable {}: {}",
        args.join(" "),
        stderr(&out)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every CLI line of the seeds' API Reference page, in the seeds' own forms and in the
/// original Python CLI's (`projects create --name`, `evidence upload RUN --file PATH`,
/// `audit grade RUN CHECK_ID pass`), unchanged: what existing CI scripts type.
#[test]
fn the_seeds_and_the_original_cli_command_forms_run_unchanged() {
    let server = start_server();
    let user = User::new(&server.base);
    let me = email("seeds", "compat.example");

    // auth login --email <email> · auth verify <token> · auth status
    let asked = user.json(&["auth", "login", "--email", &me]);
    let link = asked["dev_link"].as_str().unwrap();
    let token = link.rsplit_once("token=").unwrap().1;
    plain(&user, &["auth", "verify", token]);
    assert!(plain(&user, &["auth", "status"]).contains(&me));

    // projects ls · projects create --name <name>
    plain(&user, &["projects", "create", "--name", "my product"]);
    assert!(plain(&user, &["projects", "ls"]).contains("my product"));
    let projects = user.json(&["projects", "ls"]);
    let project_id = projects
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "my product")
        .expect("the project made with --name")["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Both forms at once are a usage error, and neither is too.
    assert_eq!(
        code(&user.run(&["projects", "create", "a", "--name", "b"])),
        2
    );
    assert_eq!(code(&user.run(&["projects", "create"])), 2);

    // flight-sheets ls [--lane <l>] · flight-sheets show <slug> (the seeds' own sheet)
    plain(&user, &["flight-sheets", "ls", "--lane", "agent"]);
    let shown = plain(&user, &["flight-sheets", "show", "cre_memo_dscr_ltv_v1"]);
    assert!(shown.contains("dscr_gate"), "{shown}");

    // runs new · runs ls · runs show <id>, on a sheet with checklist rules to grade
    let sheets = user.json(&["flight-sheets", "ls"]);
    let sheet = sheets
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["deterministic"] == false
                && s["audit_checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["kind"] == "checklist")
        })
        .expect("a heuristic sheet")
        .clone();
    plain(
        &user,
        &[
            "runs",
            "new",
            "--project",
            &project_id,
            "--flight-sheet",
            sheet["slug"].as_str().unwrap(),
            "--title",
            "Q2 deal",
        ],
    );
    let listed = plain(&user, &["runs", "ls"]);
    let run_id = listed
        .lines()
        .find(|l| l.contains("Q2 deal"))
        .and_then(|l| l.split('\t').next())
        .expect("the new run is listed")
        .to_string();
    let run = run_id.as_str();
    plain(&user, &["runs", "show", run]);

    // evidence add · evidence upload RUN --file PATH [--label L] (and the positional form)
    plain(
        &user,
        &[
            "evidence",
            "add",
            run,
            "--label",
            "deal terms",
            "--content",
            "Loan 8.625M...",
        ],
    );
    let work = tempfile::tempdir().unwrap();
    let memo = write(work.path(), "memo.pdf", "%PDF-1.4 property memo\n");
    let memo = memo.to_str().unwrap();
    plain(
        &user,
        &[
            "evidence",
            "upload",
            run,
            "--file",
            memo,
            "--label",
            "property memo",
        ],
    );
    plain(&user, &["evidence", "upload", run, memo]);

    // submission add <run-id> --output-file <path>
    let sections: Vec<String> = sheet["expected_outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("## {}\nCovered, with figures.\n", s.as_str().unwrap()))
        .collect();
    let output = write(work.path(), "agent-output.md", &sections.join("\n"));
    plain(
        &user,
        &[
            "submission",
            "add",
            run,
            "--output-file",
            output.to_str().unwrap(),
        ],
    );

    // audit run · audit grade RUN CHECK_ID pass|flag · audit finalize
    let audited = user.run(&["audit", "run", run]);
    assert!(
        code(&audited) != 1 && code(&audited) != 2,
        "audit run: {}",
        stderr(&audited)
    );
    let checks = user.json(&["runs", "checks", run]);
    let open: Vec<Value> = checks
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "open")
        .cloned()
        .collect();
    assert!(open.len() >= 2, "{checks}");
    // The original's form: the check's id and a positional status.
    plain(
        &user,
        &[
            "audit",
            "grade",
            run,
            open[0]["id"].as_str().unwrap(),
            "pass",
            "--detail",
            "checked by hand",
        ],
    );
    // This CLI's form: the rule key and --status.
    for check in &open[1..] {
        plain(
            &user,
            &[
                "audit",
                "grade",
                run,
                check["check_key"].as_str().unwrap(),
                "--status",
                "pass",
            ],
        );
    }
    plain(&user, &["audit", "finalize", run]);

    // approval set <run-id> --decision <d> (no terminal: the command line is the decision)
    plain(&user, &["approval", "set", run, "--decision", "approved"]);
    // receipt generate <run-id>
    plain(&user, &["receipt", "generate", run]);
    let receipt = user.json(&["receipt", "generate", run]);

    // runs submission · runs checks · runs flags · runs verdict
    for projection in ["submission", "checks", "flags", "verdict"] {
        plain(&user, &["runs", projection, run]);
    }

    // verify <token-or-url>
    plain(&user, &["verify", receipt["share_token"].as_str().unwrap()]);
    plain(&user, &["verify", receipt["share_url"].as_str().unwrap()]);

    // ledger ls · ledger verify
    assert!(plain(&user, &["ledger", "ls"]).contains(receipt["receipt_id"].as_str().unwrap()));
    plain(&user, &["ledger", "verify"]);
}

#[test]
fn a_ci_gate_fails_with_exit_3_on_a_failing_verdict() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("ci", "gate.example"));
    let project = user.json(&["projects", "create", "gates"]);
    let sheets = user.json(&["flight-sheets", "ls"]);
    let slug = sheets
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["deterministic"] == true)
        .and_then(|s| s["slug"].as_str())
        .expect("a deterministic sheet")
        .to_string();
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--flight-sheet",
        &slug,
    ]);
    let run_id = run["id"].as_str().unwrap();
    let mut submit = user.cmd(&["submission", "add", run_id, "-", "--json"]);
    let out = submit.write_stdin("not json at all").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = user.run(&["audit", "run", run_id, "--fail-on", "fail", "--json"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["verdict"]["outcome"], "fail");
    let last = stderr(&out).lines().last().unwrap_or_default().to_string();
    let err: Value = serde_json::from_str(&last).expect("JSON error on stderr");
    assert_eq!(err["exit_code"], 3);
}

#[test]
fn bad_credentials_and_missing_servers_are_clear() {
    let server = start_server();
    let user = User::new(&server.base);
    let out = user
        .cmd(&["projects", "ls"])
        .env("DEFENDABLE_TOKEN", "garbage")
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: "));
    // The variable holds the refused token, so signing in again would not help.
    assert!(
        stderr(&out).contains("refresh that variable"),
        "{}",
        stderr(&out)
    );

    let out = user.run(&["projects", "ls"]);
    assert_eq!(code(&out), 4, "not signed in: {}", stderr(&out));

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = User::new(&dead).run(&["server", "info"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains(&dead), "{}", stderr(&out));

    let out = user.run(&["runs", "show", "0123456789abcdef0123456789abcdef"]);
    assert_eq!(code(&out), 4);
}

#[test]
fn usage_version_and_help() {
    let user = User::new("http://127.0.0.1:9");
    let out = user.run(&["--version"]);
    assert_eq!(code(&out), 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(env!("CARGO_PKG_VERSION")) && text.contains("(API 1.0.0)"),
        "{text}"
    );
    assert_eq!(code(&user.run(&["runs", "frobnicate"])), 2);
    assert_eq!(
        code(&user.run(&["verify", "no-such-file.json", "--offline"])),
        2
    );
    let out = user.run(&["completion", "bash"]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("defendable"));
}

#[test]
fn an_owner_runs_a_team_from_the_cli() {
    let server = start_server();
    let owner = User::new(&server.base);
    owner.sign_in(&email("owner", "team-cli.example"));
    let invite = owner.json(&["invites", "create", &email("member", "team-cli.example")]);
    let link = invite["invite_url"].as_str().unwrap().to_string();
    let member = User::new(&server.base);
    let joined = member.json(&["auth", "accept-invite", &link]);
    assert_eq!(joined["user"]["role"], "member");
    let member_id = joined["user"]["id"].as_str().unwrap().to_string();
    assert_eq!(owner.json(&["invites", "ls"]).as_array().unwrap().len(), 1);

    let out = member.run(&["keys", "create", "sneaky"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("owner"), "{}", stderr(&out));

    let key = owner.json(&[
        "keys",
        "create",
        "ci",
        "--scope",
        "read",
        "--scope",
        "runs:write",
    ]);
    let secret = key["secret"].as_str().unwrap().to_string();
    let ci = User::new(&server.base);
    let as_ci = |args: &[&str]| {
        let mut all = args.to_vec();
        all.push("--json");
        let out = ci
            .cmd(&all)
            .env("DEFENDABLE_TOKEN", &secret)
            .output()
            .unwrap();
        (
            code(&out),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr(&out),
        )
    };
    let (status, stdout, err) = as_ci(&["projects", "create", "from ci"]);
    assert_eq!(status, 0, "{err}");
    let project: Value = serde_json::from_str(&stdout).unwrap();
    let (_, stdout, _) = as_ci(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--title",
        "ci run",
        "--lane",
        "other",
    ]);
    let run: Value = serde_json::from_str(&stdout).unwrap();
    let run_id = run["id"].as_str().unwrap();
    assert_eq!(
        as_ci(&["submission", "add", run_id, "--output-text", "done"]).0,
        0
    );
    assert_eq!(as_ci(&["checks", "run", run_id]).0, 0);
    let (status, _, err) = as_ci(&["approval", "set", run_id, "--decision", "approved", "--yes"]);
    assert_eq!(status, 1, "a CI key cannot approve: {err}");
    assert!(err.contains("approve"), "{err}");
    assert_eq!(owner.json(&["keys", "ls"]).as_array().unwrap().len(), 1);
    let revoked = owner.json(&["keys", "revoke", key["id"].as_str().unwrap()]);
    assert_eq!(revoked["revoked"], true);
    assert_eq!(
        as_ci(&["projects", "ls"]).0,
        4,
        "a revoked key fails at once"
    );

    let members = owner.json(&["members", "ls"]);
    assert_eq!(members.as_array().unwrap().len(), 2);
    let promoted = owner.json(&["members", "set-role", &member_id, "--role", "owner"]);
    assert_eq!(promoted["role"], "owner");
    let settings = owner.json(&["org", "settings", "--require-distinct-approver", "true"]);
    assert_eq!(settings["require_distinct_approver"], true);
    let usage = owner.json(&["org", "usage"]);
    assert_eq!(usage["receipts_lifetime"], 0);

    // Signing out revokes the session on the server, not only here.
    let stored: Value = serde_json::from_str(
        &std::fs::read_to_string(member.config.path().join("credentials.json")).unwrap(),
    )
    .unwrap();
    let token = stored["tokens"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let out = member.json(&["auth", "logout"]);
    assert_eq!(out["revoked_on_server"], true);
    let out = member
        .cmd(&["org", "show"])
        .env("DEFENDABLE_TOKEN", &token)
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
}

#[test]
fn proof_files_verify_offline_against_a_pinned_key() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("auditor", "proofs.example"));
    let project = user.json(&["projects", "create", "proofs"]);
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--title",
        "t",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap();
    user.json(&["checks", "run", run_id]);
    user.json(&["approval", "set", run_id, "--decision", "approved", "--yes"]);
    let receipt = user.json(&["receipt", "generate", run_id]);
    let token = receipt["share_token"].as_str().unwrap();

    let keys = user.json(&["server", "keys"]);
    assert_eq!(keys.as_array().unwrap().len(), 1);
    let verifier = keys[0]["verifier"].as_str().unwrap().to_string();
    let work = tempfile::tempdir().unwrap();
    let proof = work.path().join("proof.json");
    user.json(&["receipt", "export", run_id, "-o", proof.to_str().unwrap()]);

    // Without a trusted key a proof file is not authenticated; with one, it verifies.
    let auditor = User::new("http://127.0.0.1:9");
    let out = auditor.run(&["verify", proof.to_str().unwrap(), "--offline"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("NOT authenticated"));
    let key_file = write(work.path(), "server.key", &verifier);
    let checked = auditor.json(&[
        "verify",
        proof.to_str().unwrap(),
        "--offline",
        "--key",
        key_file.to_str().unwrap(),
    ]);
    assert_eq!(checked["verified"], true, "{checked}");
    for name in ["hash", "signature", "checkpoint", "inclusion"] {
        assert!(
            checked["checks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["check"] == name && c["ok"] == true),
            "{name}: {checked}"
        );
    }
    let mut forged: Value =
        serde_json::from_str(&std::fs::read_to_string(&proof).unwrap()).unwrap();
    forged["receipt"]["payload"]["approval"]["decision"] = Value::from("rejected");
    let forged_path = write(work.path(), "forged.json", &forged.to_string());
    let out = auditor.run(&[
        "verify",
        forged_path.to_str().unwrap(),
        "--offline",
        "--key",
        key_file.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 3);
    assert!(String::from_utf8_lossy(&out.stdout).contains("✗ hash"));
    let other_key = write(
        work.path(),
        "other.key",
        &defendable_contract::note::Signer::from_seed("other", [9; 32])
            .unwrap()
            .verifier()
            .to_string(),
    );
    let out = auditor.run(&[
        "verify",
        proof.to_str().unwrap(),
        "--offline",
        "--key",
        other_key.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 3, "an untrusted key fails");

    // Pinned from the server: online verification checks the signature too.
    user.json(&["keys", "trust", &server.base, "--yes"]);
    let online = user.json(&["verify", token]);
    assert!(
        online["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["check"] == "signature" && c["ok"] == true),
        "{online}"
    );
    for name in ["inclusion", "checkpoint"] {
        assert_eq!(
            check_of(&online, name)["status"],
            "pass",
            "{name}: {online}"
        );
    }
    assert_log_checks(&server, token, &online);
    let cp = user.json(&["ledger", "checkpoint"]);
    assert_eq!(cp["tree_size"], 1);
    user.json(&["ledger", "prove", "0"]);
    user.json(&["ledger", "consistency", "--from", "0"]);
    let walked = user.json(&["ledger", "verify"]);
    assert_eq!(walked["ok"], true, "{walked}");
    let chain = work.path().join("chain.json");
    user.json(&["ledger", "export", "-o", chain.to_str().unwrap()]);
    assert_eq!(
        user.json(&["ledger", "verify", "--offline", chain.to_str().unwrap()])["ok"],
        true
    );
    let mut forged: Value =
        serde_json::from_str(&std::fs::read_to_string(&chain).unwrap()).unwrap();
    let note = forged["entries"][0]["signature"]["note"]
        .as_str()
        .unwrap()
        .to_string();
    forged["entries"][0]["signature"]["note"] = Value::from(note.replace("seq 0", "seq 7"));
    let mut truncated: Value =
        serde_json::from_str(&std::fs::read_to_string(&chain).unwrap()).unwrap();
    truncated["entries"] = Value::Array(Vec::new());
    let truncated_chain = write(work.path(), "chain-truncated.json", &truncated.to_string());
    let out = user.run(&[
        "ledger",
        "verify",
        "--offline",
        truncated_chain.to_str().unwrap(),
    ]);
    assert_eq!(
        code(&out),
        3,
        "a file missing receipts its checkpoint covers"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("covers 1 receipts"));
    let forged_chain = write(work.path(), "chain-forged.json", &forged.to_string());
    let out = user.run(&[
        "ledger",
        "verify",
        "--offline",
        forged_chain.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("signature"));
}

/// A server that rewrites its history refuses to sign over it (exit 3, the receipt
/// named); one whose key signs the rewrite is caught by a CLI that remembers the
/// last checkpoint it verified.
#[test]
fn a_rewritten_chain_is_caught_by_a_cli_that_saw_an_earlier_checkpoint() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("watcher", "history.example"));
    user.json(&["keys", "trust", &server.base, "--yes"]);
    let project = user.json(&["projects", "create", "history"]);
    let mint = |title: &str| {
        let run = user.json(&[
            "runs",
            "new",
            "--project",
            project["id"].as_str().unwrap(),
            "--title",
            title,
            "--lane",
            "other",
        ]);
        let id = run["id"].as_str().unwrap().to_string();
        user.json(&["checks", "run", &id]);
        user.json(&["approval", "set", &id, "--decision", "approved", "--yes"]);
        user.json(&["receipt", "generate", &id])
    };
    let first = mint("first");
    let seen = user.json(&["ledger", "checkpoint"]);
    assert_eq!(seen["tree_size"], 1);
    mint("second");
    assert_eq!(user.json(&["ledger", "checkpoint"])["tree_size"], 2);

    // The public log of a shared receipt's chain, without an account.
    let auditor = User::new(&server.base);
    let share = first["share_token"].as_str().unwrap();
    let public = auditor.json(&["log", "checkpoint", share]);
    assert_eq!(public["tree_size"], 2);
    assert_eq!(public["note"], user.json(&["ledger", "checkpoint"])["note"]);
    let proof = auditor.json(&["log", "consistency", share, "--first", "1", "--second", "2"]);
    assert_eq!(
        (proof["from"].as_i64(), proof["to"].as_i64()),
        (Some(1), Some(2))
    );
    let out = auditor.run(&["log", "checkpoint", "no-such-token"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("receipt not found"),
        "{}",
        stderr(&out)
    );

    // The database's owner rewrites receipt 0 and drops the checkpoints. The server
    // checks every signature first, so it refuses to sign over the forged receipt.
    let db = server.data.path().join("defendable.db");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let execute = |sql: String| {
        runtime.block_on(async {
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(&format!("sqlite://{}", db.display()))
                .await
                .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
        })
    };
    let forged_sha = format!("cd{}", &first["receipt_sha256"].as_str().unwrap()[2..]);
    execute(format!(
        "UPDATE receipts SET receipt_sha256 = '{forged_sha}' WHERE org_seq = 0"
    ));
    execute("DELETE FROM checkpoints".into());
    mint("third");
    let out = user.run(&["ledger", "checkpoint"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let receipt_id = first["receipt_id"].as_str().unwrap();
    assert!(
        stderr(&out).contains("refusing to sign") && stderr(&out).contains(receipt_id),
        "{}",
        stderr(&out)
    );

    // With the server's signing key as well, the owner re-signs the forged receipt,
    // and the server signs a fresh, internally consistent tree.
    let key = std::fs::read_to_string(server.data.path().join("signing_key")).unwrap();
    let signer: defendable_contract::note::Signer = key.trim().parse().unwrap();
    let org = user.json(&["org", "show"]);
    let statement = defendable_contract::transparency::receipt_statement(
        org["id"].as_str().unwrap(),
        0,
        receipt_id,
        &forged_sha,
    );
    let note = defendable_contract::note::sign(&statement, &signer).unwrap();
    execute(format!(
        "UPDATE receipt_signatures SET note = '{}' WHERE receipt_row_id = \
         (SELECT id FROM receipts WHERE org_seq = 0)",
        note.replace('\'', "''")
    ));
    let out = user.run(&["ledger", "checkpoint"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("rewritten"), "{}", stderr(&out));
    let out = user.run(&["ledger", "verify"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
}

/// Stands in for Stripe's Checkout API (its servers are out of reach): answers
/// every request with one Checkout Session and hands back the form it received.
fn fake_stripe() -> (String, std::sync::mpsc::Receiver<String>) {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" || line.is_empty() {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        length = v.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let _ = tx.send(String::from_utf8(body).unwrap());
            let session = serde_json::json!({
                "id": "cs_cli_1",
                "url": "https://checkout.stripe.test/c/pay/cs_cli_1",
                "expires_at": chrono::Utc::now().timestamp() + 3600,
            })
            .to_string();
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{session}",
                session.len()
            );
        }
    });
    (base, rx)
}

#[test]
fn a_membership_is_applied_for_approved_paid_and_activated_from_the_cli() {
    let (stripe_base, forms) = fake_stripe();
    let admin_email = email("admin", "cli-admin.example");
    let server = start_server_with(&[
        "--admin-emails",
        &admin_email,
        "--internal-api-key",
        "cli-internal-key-0123456789",
        "--stripe-api-key",
        "sk_test_cli",
        "--stripe-price-id",
        "price_cli",
        "--stripe-webhook-secret",
        "whsec_cli",
        "--stripe-api-base",
        &stripe_base,
    ]);
    let owner = User::new(&server.base);
    owner.sign_in(&email("owner", "cli-member.example"));
    let admin = User::new(&server.base);
    admin.sign_in(&admin_email);

    let policy = owner.run(&["policy", "training-data"]);
    assert_eq!(code(&policy), 0, "{}", stderr(&policy));
    assert!(String::from_utf8_lossy(&policy.stdout).contains("recomputed here: matches"));

    assert_eq!(owner.json(&["membership", "status"])["status"], "pending");
    let out = owner.run(&["membership", "apply"]);
    assert_eq!(code(&out), 2, "no company, no terminal: {}", stderr(&out));
    let applied = owner.json(&["membership", "apply", "--company", "Acme Audit"]);
    assert_eq!(applied["status"], "pending");
    let out = owner.run(&["membership", "checkout", "--no-open"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("not yet approved"),
        "{}",
        stderr(&out)
    );

    let queue = admin.json(&["admin", "applications", "ls"]);
    assert_eq!(queue["count"], 1);
    let slug = queue["applications"][0]["org_slug"]
        .as_str()
        .unwrap()
        .to_string();
    let out = owner.run(&["admin", "applications", "ls"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("admin access required"),
        "{}",
        stderr(&out)
    );
    let out = owner
        .cmd(&["membership", "approve", &slug])
        .env("DEFENDABLE_INTERNAL_KEY", "wrong")
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let approved = admin.json(&["admin", "applications", "approve", &slug]);
    assert_eq!(approved["status"], "approved");

    let checkout = owner.json(&["membership", "checkout", "--no-open"]);
    assert_eq!(
        checkout["url"],
        "https://checkout.stripe.test/c/pay/cs_cli_1"
    );
    let form = forms
        .recv_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    assert!(
        form.contains("line_items%5B0%5D%5Bprice%5D=price_cli"),
        "{form}"
    );
    let org_id = owner.json(&["org", "show"])["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Stripe's event, signed by the CLI as Stripe signs it, activates seat 1.
    let event = serde_json::json!({
        "id": "evt_cli_1", "type": "checkout.session.completed",
        "data": {"object": {"id": "cs_cli_1", "client_reference_id": org_id,
            "payment_status": "paid", "payment_intent": "pi_cli_1",
            "amount_total": 10000, "currency": "usd"}}
    });
    let file = write(admin.config.path(), "event.json", &event.to_string());
    let file = file.to_str().unwrap();
    let out = admin
        .cmd(&["admin", "stripe-event", file, "--json"])
        .env("STRIPE_WEBHOOK_SECRET", "whsec_wrong")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("invalid signature"),
        "{}",
        stderr(&out)
    );
    let sent = |secret: &str| {
        let out = admin
            .cmd(&["admin", "stripe-event", file, "--json"])
            .env("STRIPE_WEBHOOK_SECRET", secret)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let first = sent("whsec_cli");
    assert_eq!(first["outcome"], "activated", "{first}");
    assert_eq!(first["seat_number"], 1);
    assert_eq!(sent("whsec_cli")["duplicate_event"], true);
    let status = owner.json(&["membership", "status"]);
    assert_eq!(status["status"], "active");
    assert_eq!(status["seat_number"], 1);
    let recent = owner.json(&["receipts", "recent", "--limit", "5"]);
    assert_eq!(recent["count"], 0);

    // Members browse the catalogs; the CLI recomputes their hashes.
    let list = owner.json(&["datasets", "ls"]);
    assert!(list["count"].as_i64().unwrap() >= 12);
    let out = owner.run(&["datasets", "catalog"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("packages_sha256, catalog_sha256 match"),
        "{}",
        stderr(&out)
    );
    let out = owner.run(&[
        "datasets",
        "samples",
        "loan-covenant-checks",
        "--limit",
        "2",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    let out = owner.run(&["models", "catalog"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("match"), "{}", stderr(&out));
    let pin = owner.json(&[
        "models",
        "pin",
        "ledger-anchor-72b",
        "--declaration",
        "covenant reviews",
    ]);
    assert_eq!(pin["model"]["slug"], "ledger-anchor-72b");
    let recent = owner.json(&[
        "receipts",
        "recent",
        "--schema",
        "defendablecloud.model-pin-receipt/v1",
    ]);
    assert_eq!(recent["count"], 1);
    let out = admin.run(&["datasets", "ls"]);
    assert_eq!(code(&out), 1, "not a member: {}", stderr(&out));

    // A download: a grant receipt, the file streamed, its hash checked against the receipt.
    let target = owner.config.path().join("covenants.jsonl");
    let out = owner.run(&[
        "datasets",
        "download",
        "loan-covenant-checks",
        "--ttl",
        "2",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("sha256 matches the receipt"),
        "{}",
        stderr(&out)
    );
    let shipped = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../defendable-server/catalogs/samples/loan-covenant-checks.jsonl"),
    )
    .unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), shipped);
    let out = owner.run(&["datasets", "download", "credit-memo-failures"]);
    assert_eq!(code(&out), 1, "pro tier: {}", stderr(&out));
    let out = admin.run(&["receipts", "recent"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("membership required"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn agents_incidents_and_the_stack_planner_from_the_cli() {
    let server = start_server();
    let owner = User::new(&server.base);
    owner.sign_in(&email("owner", "agents-cli.example"));
    let profile = owner.json(&[
        "agents",
        "create",
        "bot",
        "--model",
        "m-7b",
        "--tier",
        "mid",
        "--tool",
        "search",
        "--blocked-lane",
        "other",
    ]);
    let profile_id = profile["id"].as_str().unwrap().to_string();
    assert_eq!(profile["governance"]["blocked_lanes"][0], "other");
    assert_eq!(profile["capability_tier"], "mid");
    let listed = owner.json(&["agents", "ls"]);
    assert_eq!(listed["agent_profiles"][0]["id"], profile_id.as_str());
    assert_eq!(
        listed["agent_profiles"][0]["summary"]["overall_status"],
        "testing"
    );
    let shown = owner.json(&["agents", "show", &profile_id]);
    assert_eq!(shown["capability"]["total_runs"], 0);

    // The profile blocks the `other` lane: refused, unless an owner overrides.
    let project = owner.json(&["projects", "create", "agents"]);
    let project_id = project["id"].as_str().unwrap();
    let new_run = [
        "runs",
        "new",
        "--project",
        project_id,
        "--title",
        "t",
        "--lane",
        "other",
        "--agent-profile",
        &profile_id,
    ];
    let out = owner.run(&new_run);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("blocked"), "{}", stderr(&out));
    let mut with_override = new_run.to_vec();
    with_override.push("--override-blocked-lane");
    let run = owner.json(&with_override);
    assert!(run["lane_override_by"].is_string(), "{run}");

    let watched = owner.json(&["agents", "watchdog", &profile_id]);
    assert_eq!(watched["opened"], serde_json::json!([]));

    let incident = owner.json(&[
        "incidents",
        "open",
        "--title",
        "went off script",
        "--kind",
        "rogue",
        "--agent",
        &profile_id,
        "--response",
        "paused",
    ]);
    let incident_id = incident["id"].as_str().unwrap().to_string();
    assert_eq!(incident["kind"], "rogue");
    assert_eq!(incident["agent_profile_name"], "bot");
    let listed = owner.json(&["incidents", "ls", "--status", "open"]);
    assert_eq!(listed["incidents"].as_array().unwrap().len(), 1);
    let first = owner.json(&["incidents", "receipt", &incident_id]);
    let again = owner.json(&["incidents", "receipt", &incident_id]);
    assert_eq!(first["receipt_id"], again["receipt_id"]);
    let resolved = owner.json(&["incidents", "resolve", &incident_id]);
    assert_eq!(resolved["status"], "resolved");
    let second = owner.json(&["incidents", "receipt", &incident_id]);
    assert_ne!(second["receipt_id"], first["receipt_id"]);
    let verified = owner.json(&["ledger", "verify", "--server"]);
    assert_eq!(verified["ok"], true, "{verified}");

    let options = owner.json(&["stack", "options"]);
    assert_eq!(options["task_classes"].as_array().unwrap().len(), 11);
    let plan = owner.json(&[
        "stack",
        "assess",
        "--job",
        "arbitration",
        "--client-facing",
        "--budget",
        "high",
    ]);
    assert_eq!(plan["recommended_model"], "anchor");
    assert_eq!(plan["blocked_lanes"], serde_json::json!([]));
    let out = owner.run(&["stack", "assess"]);
    assert_eq!(code(&out), 2, "no terminal to ask on: {}", stderr(&out));
    let out = owner.run(&["stack", "assess", "--job", "juggling"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("juggling"), "{}", stderr(&out));
    let out = owner.run(&["stack", "assess", "--job", "intake"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("deployment"));
}

const RUNNER_TOKEN: &str = "cli-shared-runner-token-0123456789abcdef";
const INTERNAL_KEY: &str = "cli-internal-key-0123456789abcdef0123";

fn cook_server() -> Server {
    start_server_with(&[
        "--runner-token",
        RUNNER_TOKEN,
        "--internal-api-key",
        INTERNAL_KEY,
    ])
}

/// A signed-in user with a run that has a verdict.
fn user_with_verdict(server: &Server, domain: &str) -> (User, String) {
    let user = User::new(&server.base);
    user.sign_in(&email("cook", domain));
    let project = user.json(&["projects", "create", "cooks"]);
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--title",
        "tune",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap().to_string();
    user.json(&["submission", "add", &run_id, "--output-text", "the work"]);
    user.json(&["checks", "run", &run_id]);
    (user, run_id)
}

/// `defendable runner work` as a child process with this token and job command.
fn runner_process(
    user: &User,
    name: &str,
    token: &str,
    exec: &str,
    extra: &[&str],
) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("defendable"));
    cmd.args(["runner", "work", "--runner", name, "--exec", exec])
        .args(extra)
        .env("DEFENDABLE_API", &user.api)
        .env("DEFENDABLE_CONFIG_DIR", user.config.path())
        .env("DEFENDABLE_NO_KEYRING", "1")
        .env("DEFENDABLE_RUNNER_TOKEN", token)
        .env_remove("DEFENDABLE_TOKEN")
        .env_remove("DEFENDABLE_RUNNER_EXEC")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    cmd
}

#[test]
fn two_runners_drain_the_queue_with_one_receipt_per_cook() {
    let server = cook_server();
    let (user, run_id) = user_with_verdict(&server, "drain.example");
    let mut queued = Vec::new();
    for n in 0..6 {
        let dataset = format!("pack-{n}");
        let cook = user.json(&["cooks", "request", &run_id, "--dataset", &dataset]);
        assert_eq!(cook["status"], "queued");
        queued.push(cook["id"].as_str().unwrap().to_string());
    }
    // The operator issues one runner its own token; the other uses the shared one.
    let mut operator = user.cmd(&["runner", "issue", "gpu-a", "--json"]);
    let out = operator
        .env("DEFENDABLE_INTERNAL_KEY", INTERNAL_KEY)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let issued: Value = serde_json::from_slice(&out.stdout).unwrap();
    let own_token = issued["token"].as_str().unwrap().to_string();
    let out = user
        .cmd(&["runner", "ls"])
        .env("DEFENDABLE_INTERNAL_KEY", "wrong-key")
        .output()
        .unwrap();
    assert_ne!(code(&out), 0, "a wrong internal key is refused");

    // The job command records which cook it did, reports progress and prints its result.
    let work = tempfile::tempdir().unwrap();
    let log = work.path().join("done.log");
    let script = write(
        work.path(),
        "job.sh",
        &format!(
            "#!/bin/sh\nset -e\njob=$(cat)\ncase \"$job\" in *\"$DEFENDABLE_COOK_ID\"*) ;; *) exit 9 ;; esac\n\
             echo progress 0.5 >&2\necho \"training $DEFENDABLE_COOK_ID\" >&2\nsleep 0.2\n\
             echo \"$DEFENDABLE_COOK_ID\" >> {}\n\
             echo '{{\"eval_after\": 0.875, \"adapter_ref\": \"adapters/a\", \"metrics\": {{\"loss\": 0.5}}}}'\n",
            log.display()
        ),
    );
    let exec = format!("sh {}", script.display());
    let a = runner_process(&user, "rig-a", &own_token, &exec, &["--exit-when-idle"])
        .spawn()
        .unwrap();
    let b = runner_process(
        &user,
        "rig-b",
        RUNNER_TOKEN,
        &exec,
        &["--exit-when-idle", "--json"],
    )
    .spawn()
    .unwrap();
    let a = a.wait_with_output().unwrap();
    let b = b.wait_with_output().unwrap();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(code(&b), 0, "{}", stderr(&b));
    let tally: Value = serde_json::from_slice(&b.stdout).unwrap();
    assert_eq!(tally["failed"], 0, "{tally}");

    // No job was done twice, and every cook was done.
    let done = std::fs::read_to_string(&log).unwrap();
    let mut lines: Vec<&str> = done.lines().collect();
    lines.sort();
    let mut expected: Vec<&str> = queued.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(lines, expected, "each cook done exactly once");

    let cooks = user.json(&["cooks", "ls"]);
    let cooks = cooks["cooks"].as_array().unwrap();
    assert_eq!(cooks.len(), 6);
    let mut receipts = std::collections::HashSet::new();
    for cook in cooks {
        assert_eq!(cook["status"], "succeeded", "{cook}");
        assert_eq!(cook["eval_after"], 0.875);
        assert_eq!(cook["attempts"], 1);
        assert!(cook["metrics"]["duration_sec"].as_f64().unwrap() > 0.0);
        assert!(["gpu-a", "rig-b"].contains(&cook["runner"].as_str().unwrap()));
        receipts.insert(cook["receipt_id"].as_str().unwrap().to_string());
    }
    assert_eq!(receipts.len(), 6, "one receipt per cook");
    let one = user.json(&["cooks", "show", &queued[0]]);
    let token = one["share_token"].as_str().unwrap();
    let shown = user.json(&["receipt", "show", token]);
    assert_eq!(shown["verified"], true, "{shown}");
    assert_eq!(
        shown["payload"]["schema"],
        "defendablecloud.cook-receipt/v1"
    );
    let out = user.run(&["ledger", "verify"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // The operator revokes the runner's token; the runner is then refused.
    let out = user
        .cmd(&["runner", "revoke", issued["id"].as_str().unwrap(), "--json"])
        .env("DEFENDABLE_INTERNAL_KEY", INTERNAL_KEY)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = user
        .cmd(&["runner", "ls", "--json"])
        .env("DEFENDABLE_INTERNAL_KEY", INTERNAL_KEY)
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(listed["runners"][0]["revoked_at"].is_string(), "{listed}");
    assert!(!listed.to_string().contains(&own_token));
    let out = runner_process(&user, "rig-a", &own_token, "true", &["--exit-when-idle"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
}

#[test]
fn a_failing_job_fails_its_cook_and_ctrl_c_returns_a_job_to_the_queue() {
    let server = cook_server();
    let (user, run_id) = user_with_verdict(&server, "stop.example");
    let work = tempfile::tempdir().unwrap();

    // A command that fails: the cook is failed with the command's last words.
    let failing = user.json(&["cooks", "request", &run_id]);
    let script = write(
        work.path(),
        "fail.sh",
        "#!/bin/sh\necho 'out of memory' >&2\nexit 3\n",
    );
    let out = runner_process(
        &user,
        "rig",
        RUNNER_TOKEN,
        &format!("sh {}", script.display()),
        &["--max-jobs", "1"],
    )
    .output()
    .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let cook = user.json(&["cooks", "show", failing["id"].as_str().unwrap()]);
    assert_eq!(cook["status"], "failed");
    assert!(
        cook["error"].as_str().unwrap().contains("out of memory"),
        "{cook}"
    );

    // A long job interrupted with Ctrl-C (or stopped with SIGTERM) goes back to
    // the queue at once.
    let script = write(
        work.path(),
        "long.sh",
        "#!/bin/sh\necho progress 0.1 >&2\nexec sleep 20\n",
    );
    for (n, signal) in ["-INT", "-TERM"].into_iter().enumerate() {
        let long = user.json(&["cooks", "request", &run_id]);
        let long_id = long["id"].as_str().unwrap();
        let child = runner_process(
            &user,
            "rig",
            RUNNER_TOKEN,
            &format!("sh {}", script.display()),
            &[],
        )
        .spawn()
        .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let cook = user.json(&["cooks", "show", long_id]);
            if cook["status"] == "running" {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "never started: {cook}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let sent = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let out = child.wait_with_output().unwrap();
        assert_eq!(code(&out), 0, "{signal}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("back to the queue"),
            "{signal}: {}",
            stderr(&out)
        );
        let cook = user.json(&["cooks", "show", long_id]);
        assert_eq!(cook["status"], "queued", "{signal}: {cook}");
        assert_eq!(cook["attempts"], 1);
        // Out of the way of the next round: the cook is failed by a runner that
        // claims it (the oldest queued cook) with a command that fails.
        let out = runner_process(&user, "rig", RUNNER_TOKEN, "exit 1", &["--max-jobs", "1"])
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let cook = user.json(&["cooks", "show", long_id]);
        assert_eq!(cook["status"], "failed", "round {n}: {cook}");
        assert_eq!(cook["attempts"], 2);
    }

    // A wrong runner token is an authentication error (exit 4).
    let out = runner_process(&user, "rig", "wrong", "true", &["--exit-when-idle"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("runner token"), "{}", stderr(&out));
}

#[test]
fn a_runner_killed_mid_job_loses_its_cook_to_another_after_the_lease() {
    let server = cook_server();
    let (user, run_id) = user_with_verdict(&server, "killed.example");
    let cook = user.json(&["cooks", "request", &run_id]);
    let id = cook["id"].as_str().unwrap();
    let work = tempfile::tempdir().unwrap();
    // The first attempt hangs; a later one finishes at once.
    let script = write(
        work.path(),
        "job.sh",
        "#!/bin/sh\nif [ \"$DEFENDABLE_COOK_ATTEMPT\" = 1 ]; then exec sleep 20; fi\n\
         echo '{\"eval_after\": 0.6}'\n",
    );
    let exec = format!("sh {}", script.display());
    let mut first = runner_process(&user, "doomed", RUNNER_TOKEN, &exec, &["--lease", "3"])
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while user.json(&["cooks", "show", id])["status"] != "running" {
        assert!(std::time::Instant::now() < deadline, "never started");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    first.kill().unwrap();
    first.wait().unwrap();
    // Another runner waits for the lease to end, then takes the cook over.
    let out = runner_process(
        &user,
        "heir",
        RUNNER_TOKEN,
        &exec,
        &["--max-jobs", "1", "--idle-max", "2"],
    )
    .output()
    .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let cook = user.json(&["cooks", "show", id]);
    assert_eq!(cook["status"], "succeeded", "{cook}");
    assert_eq!(cook["attempts"], 2);
    assert_eq!(cook["runner"], "heir");
    assert!(cook["receipt_id"].is_string());
    let ledger = user.json(&["ledger", "ls"]);
    let entries = ledger.as_array().unwrap();
    let cook_receipts = entries
        .iter()
        .filter(|e| e["schema"] == "defendablecloud.cook-receipt/v1")
        .count();
    assert_eq!(cook_receipts, 1);
}

/// Makes an organisation an active member straight in the server's database (the
/// paid path is tested above), for the members-only catalog routes.
fn make_member(server: &Server, org_id: &str) {
    let db = server.data.path().join("defendable.db");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        sqlx::query(
            "UPDATE orgs SET membership_status = 'active', seat_number = 7, \
             membership_activated_at = '2026-01-01T00:00:00.000000Z', \
             membership_renewal_at = '2999-01-01T00:00:00.000000Z' WHERE id = $1",
        )
        .bind(org_id)
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    });
}

/// Mints one receipt of every kind in one organisation: a run, an evaluation
/// against a flight sheet, a cook, an incident, a dataset download and a model pin.
/// Returns (schema, share URL) of each, from `receipts recent`.
fn mint_every_kind(server: &Server, owner: &User) -> Vec<(String, String)> {
    let status = owner.json(&["auth", "status"]);
    make_member(server, status["user"]["org_id"].as_str().unwrap());
    let project = owner.json(&["projects", "create", "kinds"]);
    let project_id = project["id"].as_str().unwrap();

    let run = owner.json(&[
        "runs",
        "new",
        "--project",
        project_id,
        "--title",
        "plain",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap();
    owner.json(&["submission", "add", run_id, "--output-text", "the work"]);
    owner.json(&["checks", "run", run_id]);
    owner.json(&["cooks", "request", run_id]);
    owner.json(&["approval", "set", run_id, "--decision", "approved", "--yes"]);
    owner.json(&["receipt", "generate", run_id]);

    let sheets = owner.json(&["flight-sheets", "ls"]);
    let slug = sheets
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["deterministic"] == true)
        .and_then(|s| s["slug"].as_str())
        .unwrap()
        .to_string();
    let eval = owner.json(&[
        "runs",
        "new",
        "--project",
        project_id,
        "--flight-sheet",
        &slug,
    ]);
    let eval_id = eval["id"].as_str().unwrap();
    owner.json(&["submission", "add", eval_id, "--output-text", "not json"]);
    owner.json(&["audit", "run", eval_id]);
    owner.json(&[
        "approval",
        "set",
        eval_id,
        "--decision",
        "approved",
        "--yes",
    ]);
    owner.json(&["receipt", "generate", eval_id]);

    let job = "cat >/dev/null; echo '{\"eval_after\": 0.9, \"adapter_ref\": \"lora-1\"}'";
    let out = runner_process(
        owner,
        "rig",
        RUNNER_TOKEN,
        job,
        &["--exit-when-idle", "--max-jobs", "1"],
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let profile = owner.json(&["agents", "create", "bot", "--model", "m-7b"]);
    let incident = owner.json(&[
        "incidents",
        "open",
        "--title",
        "went off script",
        "--kind",
        "rogue",
        "--agent",
        profile["id"].as_str().unwrap(),
    ]);
    owner.json(&["incidents", "receipt", incident["id"].as_str().unwrap()]);

    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("pairs.jsonl");
    owner.json(&[
        "datasets",
        "download",
        "loan-covenant-checks",
        "-o",
        file.to_str().unwrap(),
    ]);
    owner.json(&[
        "models",
        "pin",
        "ledger-anchor-72b",
        "--declaration",
        "audits",
    ]);

    let recent = owner.json(&["receipts", "recent", "--limit", "50"]);
    let minted: Vec<(String, String)> = recent["rollups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["payload_schema"].as_str().unwrap().to_string(),
                r["share_url"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut kinds: Vec<&str> = minted.iter().map(|(s, _)| s.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    let mut expected: Vec<&str> = defendable_contract::receipt_kinds::ReceiptKind::ALL
        .iter()
        .map(|k| k.schema())
        .collect();
    expected.sort();
    assert_eq!(kinds, expected, "one receipt of every kind");
    minted
}

/// The public log checks pass on a server with a public log; without one they are
/// skipped and say so.
fn assert_log_checks(server: &Server, token: &str, report: &Value) {
    let url = format!("{}/share/{token}/log/checkpoint", server.base);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async { reqwest::get(&url).await.unwrap().status() });
    for name in ["consistency", "history"] {
        let check = check_of(report, name);
        if status == reqwest::StatusCode::NOT_FOUND {
            assert_eq!(check["status"], "skipped", "{name}: {report}");
            assert!(
                check["detail"].as_str().unwrap().contains("no public log"),
                "{report}"
            );
        } else {
            assert_eq!(check["status"], "pass", "{name}: {report}");
        }
    }
}

fn check_of<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no {name} check in {report}"))
}

/// An auditor with only the CLI and a receipt link, no account: every kind the
/// server mints verifies online (key pinned on first use, inclusion in the signed
/// checkpoint, consistency with the latest checkpoint and with the last one seen)
/// and offline from its proof file, each with `✓ schema`.
#[test]
fn every_receipt_kind_verifies_online_and_offline_without_an_account() {
    let server = cook_server();
    let owner = User::new(&server.base);
    owner.sign_in(&email("owner", "kinds.example"));
    let minted = mint_every_kind(&server, &owner);

    let auditor = User::new(&server.base);
    let work = tempfile::tempdir().unwrap();
    for (i, (schema, share_url)) in minted.iter().enumerate() {
        let page = share_url.replace("/share/", "/r/");
        let out = auditor.run(&["verify", &page]);
        assert_eq!(code(&out), 0, "{schema}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(text.contains("✓ schema"), "{schema}: {text}");
        assert!(text.contains("Authentic"), "{schema}: {text}");
        if i == 0 {
            assert!(stderr(&out).contains("on first use"), "{}", stderr(&out));
        }
        let report = auditor.json(&["verify", share_url]);
        assert_eq!(report["outcome"], "authentic", "{report}");
        for name in [
            "key",
            "hash",
            "schema",
            "signature",
            "checkpoint",
            "inclusion",
        ] {
            assert_eq!(
                check_of(&report, name)["status"],
                "pass",
                "{name}: {report}"
            );
        }
        assert_log_checks(&server, share_url.rsplit('/').next().unwrap(), &report);

        let token = share_url.rsplit('/').next().unwrap();
        let proof = work.path().join(format!("proof-{i}.json"));
        auditor.json(&["receipt", "export", token, "-o", proof.to_str().unwrap()]);
        let out = auditor.run(&["verify", proof.to_str().unwrap(), "--offline"]);
        assert_eq!(code(&out), 0, "{schema}: {}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("✓ schema"));
    }

    // The public view of a download receipt names no organisation id, and verifies.
    let (_, download) = minted
        .iter()
        .find(|(s, _)| s.contains("dataset-download"))
        .unwrap();
    let token = download.rsplit('/').next().unwrap();
    let public = auditor.json(&["receipt", "show", token]);
    let org_id = owner.json(&["auth", "status"])["user"]["org_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!public["payload"].to_string().contains(&org_id));
    assert!(public["payload"]["organization"]["id_sha256"].is_string());

    // A key the server presents later that differs from the pinned one fails loudly.
    let config = auditor.config.path().join("config.json");
    let mut saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let other = defendable_contract::note::Signer::from_seed("other", [9; 32])
        .unwrap()
        .verifier()
        .to_string();
    saved["pinned_keys"][server.base.as_str()] = serde_json::json!([other]);
    std::fs::write(&config, saved.to_string()).unwrap();
    let out = auditor.run(&["verify", &minted[0].1]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("HAS CHANGED"), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("✗ key"));

    // A pipeline that ships its own trust refuses unpinned keys.
    let strict = User::new(&server.base);
    let out = strict.run(&["verify", &minted[0].1, "--require-pinned", "--json"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check_of(&report, "key")["status"], "fail", "{report}");
}

/// A forged receipt (a changed approval note with its hash recomputed) exits 3 with
/// the failed check named, with or without a pinned key; with no key, a hash-only
/// check is "intact but NOT authenticated" and passes only with --integrity-only.
/// A receipt PDF verifies offline from its embedded proof; a flipped byte fails.
#[test]
fn forgeries_fail_and_a_pdf_proves_itself() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("owner", "forgery.example"));
    let project = user.json(&["projects", "create", "forgery"]);
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--title",
        "t",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap();
    user.json(&["checks", "run", run_id]);
    user.json(&[
        "approval",
        "set",
        run_id,
        "--decision",
        "approved",
        "--note",
        "ok",
        "--yes",
    ]);
    let receipt = user.json(&["receipt", "generate", run_id]);
    let token = receipt["share_token"].as_str().unwrap();
    let work = tempfile::tempdir().unwrap();
    let public = user.json(&["receipt", "show", token]);
    let mut forged = public.clone();
    forged["payload"]["approval"]["note"] = Value::from("approved without review");
    let rehashed = defendable_contract::receipt::receipt_hash(&forged["payload"]);
    forged["receipt_sha256"] = Value::from(rehashed);
    let forged_path = write(work.path(), "forged.json", &forged.to_string());
    let saved = write(work.path(), "receipt.json", &public.to_string());

    // No key anywhere: not authenticated, so exit 3 naming the signature.
    let auditor = User::new("http://127.0.0.1:9");
    let out = auditor.run(&[
        "verify",
        forged_path.to_str().unwrap(),
        "--offline",
        "--json",
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["failed_checks"],
        serde_json::json!(["signature"]),
        "{report}"
    );
    assert_eq!(report["authentic"], false);
    let out = auditor.run(&["verify", saved.to_str().unwrap(), "--offline"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("NOT authenticated"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Verified"));
    let out = auditor.run(&[
        "verify",
        saved.to_str().unwrap(),
        "--offline",
        "--integrity-only",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("Intact but NOT authenticated"), "{text}");

    // With the server's key (a saved keys document): the forgery's signature fails.
    let keys_doc = work.path().join("keys.json");
    let response = reqwest_get(&format!("{}/.well-known/defendable-keys", server.base));
    std::fs::write(&keys_doc, &response).unwrap();
    let key = keys_doc.to_str().unwrap();
    let out = auditor.run(&[
        "verify",
        forged_path.to_str().unwrap(),
        "--offline",
        "--key",
        key,
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("✗ signature"));
    let trusted = auditor.json(&["keys", "trust", key]);
    assert_eq!(trusted["added"], true, "{trusted}");
    let out = auditor.run(&["verify", forged_path.to_str().unwrap(), "--offline"]);
    assert_eq!(
        code(&out),
        3,
        "a pinned key catches it too: {}",
        stderr(&out)
    );
    assert!(auditor.json(&["verify", saved.to_str().unwrap(), "--offline"])["authentic"] == true);

    // The PDF carries the proof as an attachment and verifies offline by itself.
    let proof = work.path().join("proof.json");
    user.json(&["receipt", "export", token, "-o", proof.to_str().unwrap()]);
    let proof_bytes = std::fs::read(&proof).unwrap();
    let pdf = write_bytes(
        work.path(),
        "receipt.pdf",
        &pdf_with_attachment(&proof_bytes),
    );
    let checked = auditor.json(&["verify", pdf.to_str().unwrap(), "--offline", "--key", key]);
    assert_eq!(checked["outcome"], "authentic", "{checked}");
    let text = String::from_utf8_lossy(&proof_bytes).into_owned();
    let flipped = text.replacen("\"org_seq\": 0", "\"org_seq\": 1", 1);
    assert_ne!(flipped, text);
    let bad = write_bytes(
        work.path(),
        "flipped.pdf",
        &pdf_with_attachment(flipped.as_bytes()),
    );
    let out = auditor.run(&["verify", bad.to_str().unwrap(), "--offline", "--key", key]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let mut raw = std::fs::read(&pdf).unwrap();
    let at = raw.windows(6).position(|w| w == b"stream").unwrap() + 20;
    raw[at] ^= 0x01;
    let broken = write_bytes(work.path(), "broken.pdf", &raw);
    let out = auditor.run(&[
        "verify",
        broken.to_str().unwrap(),
        "--offline",
        "--key",
        key,
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
}

fn write_bytes(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn reqwest_get(url: &str) -> String {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async { reqwest::get(url).await.unwrap().text().await.unwrap() })
}

/// A one-page PDF with `bytes` attached as `defendable-proof.json` (compressed with
/// FlateDecode), as the server's receipt PDF carries its proof.
fn pdf_with_attachment(bytes: &[u8]) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let mut file = Stream::new(dictionary! {"Type" => "EmbeddedFile"}, bytes.to_vec());
    file.compress().unwrap();
    assert!(file.dict.get(b"Filter").is_ok(), "compressed");
    let file_id = doc.add_object(file);
    let name = Object::string_literal("defendable-proof.json");
    let spec = doc.add_object(dictionary! {
        "Type" => "Filespec", "F" => name.clone(), "UF" => name.clone(),
        "EF" => dictionary! {"F" => file_id},
    });
    let pages = doc.add_object(dictionary! {"Type" => "Pages", "Kids" => vec![], "Count" => 0});
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages,
        "Names" => dictionary! {"EmbeddedFiles" => dictionary! {"Names" => vec![name, spec.into()]}},
    });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Stands in for the original service: it serves `GET /share/{token}` (an unsigned
/// receipt) and nothing else: no keys, no proof, no public log.
fn original_service(public_view: String) -> String {
    use std::io::{BufRead as _, BufReader, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" || line.is_empty() {
                    break;
                }
            }
            let path = request.split(' ').nth(1).unwrap_or_default().to_string();
            let (status, body) = if path == "/share/tok123" {
                ("200 OK", public_view.clone())
            } else {
                ("404 Not Found", "{\"detail\":\"Not Found\"}".to_string())
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

/// Receipts of the original service carry no signature and it has no proof route:
/// `verify` says exactly what it could not check, fails without --integrity-only,
/// and passes the intact receipt with it.
#[test]
fn the_original_services_unsigned_receipts_verify_in_integrity_only_mode() {
    use defendable_contract::receipt::{receipt_hash, ZERO_HASH};
    let payload = serde_json::json!({
        "schema": "defendablecloud.receipt/v1", "receipt_id": "DCR-000000-0a1b2c3d",
        "org_seq": 0, "parent_hash": ZERO_HASH, "created_at": "2026-01-01T00:00:00Z",
        "organization": {"id": "org1", "name": "Acme"},
        "share_url": "https://api.defendablecloud.com/share/tok123",
        "verdict": {"outcome": "pass"},
    });
    let view = serde_json::json!({
        "receipt_id": "DCR-000000-0a1b2c3d", "org_seq": 0, "parent_hash": ZERO_HASH,
        "receipt_sha256": receipt_hash(&payload), "verified": true,
        "created_at": "2026-01-01T00:00:00Z", "payload": payload,
    });
    let base = original_service(view.to_string());
    let auditor = User::new(&base);
    let link = format!("{base}/r/tok123");
    let out = auditor.run(&["verify", &link, "--json"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["failed_checks"],
        serde_json::json!(["signature"]),
        "{report}"
    );
    assert_eq!(check_of(&report, "hash")["status"], "pass");
    assert_eq!(check_of(&report, "schema")["status"], "pass");
    let key = check_of(&report, "key");
    assert_eq!(key["status"], "skipped", "{report}");
    assert!(key["detail"]
        .as_str()
        .unwrap()
        .contains("publishes no signing keys"));
    let inclusion = check_of(&report, "inclusion");
    assert_eq!(inclusion["status"], "skipped");
    assert!(inclusion["detail"]
        .as_str()
        .unwrap()
        .contains("serves no proof"));

    let report = auditor.json(&["verify", &link, "--integrity-only"]);
    assert_eq!(report["outcome"], "intact-not-authenticated", "{report}");
    assert_eq!(report["verified"], true);
    let out = auditor.run(&[
        "verify",
        &format!("{base}/share/tok123"),
        "--integrity-only",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Intact but NOT authenticated"));
}

// --- Credentials bound to their origin, output forms, --jq, timeouts, conventions ---

/// A loopback HTTP listener that answers `{}` to everything and records each
/// request's head (request line and headers, lowercased).
fn recording_listener() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            record
                .lock()
                .unwrap()
                .push(String::from_utf8_lossy(&head).to_ascii_lowercase());
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}",
            );
        }
    });
    (base, seen)
}

/// A loopback listener that accepts connections and never answers.
fn silent_listener() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    base
}

#[test]
fn a_stored_token_is_sent_only_to_the_origin_that_issued_it() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("origin", "bound.example"));
    let (other, seen) = recording_listener();

    // Another server named with --api gets no credential: the CLI says where it is
    // signed in instead of sending anything.
    let out = user.run(&["projects", "ls", "--api", &other]);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not signed in to"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains(&server.base), "{}", stderr(&out));
    // A raw call to it goes out without an Authorization header.
    let out = user.run(&["api", "GET", "/projects", "--api", &other]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // So does a full URL on another origin while the profile's own server is in use.
    let out = user.run(&["api", "GET", &format!("{other}/runs")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    {
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert!(
            seen.iter().all(|head| !head.contains("authorization")),
            "{seen:?}"
        );
    }
    // DEFENDABLE_TOKEN, set by the user for this call, goes where --api points.
    let out = user
        .cmd(&["api", "GET", "/projects", "--api", &other])
        .env("DEFENDABLE_TOKEN", "explicit-token")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(seen.lock().unwrap()[2].contains("authorization: bearer explicit-token"));

    // The own server still gets it, with no warning on stderr.
    let out = user.run(&["projects", "ls"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warning on an ordinary command");
    let out = user.run(&["verify", "no-such-token-here"]);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    // auth status says once where the token is kept.
    let status = user.json(&["auth", "status"]);
    assert!(
        status["token_source"]
            .as_str()
            .unwrap()
            .contains("credentials.json"),
        "{status}"
    );
    // auth token prints the token for this origin only.
    let out = user.run(&["auth", "token"]);
    assert_eq!(code(&out), 0);
    let token = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(token.len() > 20, "{token}");
    assert_eq!(code(&user.run(&["auth", "token", "--api", &other])), 4);

    // A token stored before tokens were bound (keyed by profile only) belongs to the
    // profile's own server and no other.
    let legacy = User::new(&server.base);
    std::fs::write(
        legacy.config.path().join("credentials.json"),
        serde_json::json!({"tokens": {"default": token}}).to_string(),
    )
    .unwrap();
    std::fs::write(
        legacy.config.path().join("config.json"),
        serde_json::json!({"profiles": {"default": {"api": server.base}}}).to_string(),
    )
    .unwrap();
    assert_eq!(code(&legacy.run(&["projects", "ls"])), 0);
    assert_eq!(code(&legacy.run(&["projects", "ls", "--api", &other])), 4);
    assert_eq!(
        seen.lock().unwrap().len(),
        3,
        "nothing more reached the other server"
    );
    // Pointing the profile at another server does not take the old token along: it
    // stays bound to the server that issued it.
    let out = legacy
        .cmd(&["config", "set", "api", &other])
        .env_remove("DEFENDABLE_API")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = legacy
        .cmd(&["projects", "ls"])
        .env_remove("DEFENDABLE_API")
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_eq!(
        seen.lock().unwrap().len(),
        3,
        "the re-pointed profile sent nothing to the other server"
    );
    assert_eq!(code(&legacy.run(&["projects", "ls"])), 0);
}

#[test]
fn a_server_that_never_answers_times_out_naming_it() {
    let silent = silent_listener();
    let user = User::new(&silent);
    let started = std::time::Instant::now();
    let out = user
        .cmd(&["projects", "ls", "--timeout", "1"])
        .env("DEFENDABLE_TOKEN", "t")
        .output()
        .unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains(&silent), "{}", stderr(&out));
    assert!(stderr(&out).contains("within 1 s"), "{}", stderr(&out));
    // The default comes from the config.
    user.json(&["config", "set", "timeout", "1"]);
    let out = user.cmd(&["server", "info"]).output().unwrap();
    assert!(stderr(&out).contains("within 1 s"), "{}", stderr(&out));
    assert_eq!(code(&user.run(&["projects", "ls", "--timeout", "0"])), 2);
}

#[test]
fn piped_and_json_forms_are_byte_stable_and_jq_filters_them() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("pipes", "stable.example"));
    let project = user.json(&["projects", "create", "Payments"]);
    let (id, slug) = (
        project["id"].as_str().unwrap(),
        project["slug"].as_str().unwrap(),
    );
    let listed = user.json(&["projects", "ls"]);
    let created = listed[0]["created_at"].as_str().unwrap();

    let out = user.run(&["projects", "ls"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{id}\tPayments\t0\t{created}\n"),
        "piped rows: tab-separated, ISO times, no colour"
    );
    let out = user.run(&["projects", "ls", "--json"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "[{{\"created_at\":\"{created}\",\"id\":\"{id}\",\"name\":\"Payments\",\"run_count\":0,\"slug\":\"{slug}\"}}]\n"
        ),
        "piped JSON: one compact line"
    );
    let out = user.run(&["projects", "create", "Billing", "--color", "never"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.starts_with("id\t")
            && text.contains("\nname\tBilling\nslug\t")
            && text.ends_with('\n'),
        "{text}"
    );
    // --jq: strings print raw, other values as JSON; implies --json.
    let out = user.run(&["projects", "ls", "--jq", ".[].name"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Billing\nPayments\n");
    let out = user.run(&["projects", "list", "--jq", "map(.run_count) | add"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0\n");
    let out = user.run(&["projects", "ls", "--jq", ".[] |"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a valid jq expression"),
        "{}",
        stderr(&out)
    );
    // Piped rows carry no escapes, even with --color always (only tables are styled).
    let out = user.run(&["projects", "ls", "--color", "always"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn config_api_and_web_follow_common_conventions() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("conv", "conventions.example"));
    // config get / set / ls
    let out = user.run(&["config", "get", "color"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "auto\n");
    user.json(&["config", "set", "color", "never"]);
    let all = user.json(&["config", "ls"]);
    assert_eq!(all["color"], "never");
    assert_eq!(all["api"], server.base.as_str());
    assert_eq!(code(&user.run(&["config", "set", "colour", "x"])), 2);
    assert_eq!(code(&user.run(&["config", "set", "color", "sometimes"])), 2);
    assert_eq!(code(&user.run(&["config", "set", "api", "not a url"])), 2);

    // api METHOD PATH, with fields as a JSON body and --jq.
    let made = user.json(&["api", "POST", "/projects", "--field", "name=Raw"]);
    assert_eq!(made["name"], "Raw");
    let out = user.run(&["api", "GET", "/projects", "--jq", ".projects[].name"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Raw\n",
        "{}",
        stderr(&out)
    );
    let out = user.run(&["api", "GET", "/runs/0123456789abcdef0123456789abcdef"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("404"), "{}", stderr(&out));

    // --web: opens the page for people through $BROWSER, else prints its URL.
    let project = made["id"].as_str().unwrap();
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project,
        "--title",
        "web",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap();
    user.json(&["submission", "add", run_id, "--output-text", "done"]);
    user.json(&["checks", "run", run_id]);
    user.json(&["approval", "set", run_id, "--decision", "approved", "--yes"]);
    let receipt = user.json(&["receipt", "generate", run_id]);
    let token = receipt["share_token"].as_str().unwrap();
    let page = format!("{}/r/{token}", server.base);
    let out = user
        .cmd(&["receipt", "view", run_id, "--web"])
        .env("BROWSER", "/nonexistent/browser")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{page}\n"));
    let opened = user.config.path().join("opened.txt");
    let script = write(
        user.config.path(),
        "browser.sh",
        &format!("#!/bin/sh\necho \"$1\" > {}\n", opened.display()),
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = user
        .cmd(&["runs", "show", run_id, "--web"])
        .env("BROWSER", &script)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        format!("{page}\n")
    );
}

/// Runs the CLI on a pseudo-terminal (stdin, stdout and stderr all on it) and returns
/// everything it wrote.
fn on_a_terminal(user: &User, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("defendable"));
    cmd.args(args)
        .env("DEFENDABLE_API", &user.api)
        .env("DEFENDABLE_CONFIG_DIR", user.config.path())
        .env("DEFENDABLE_NO_KEYRING", "1")
        .env("TERM", "xterm-256color")
        .env("COLUMNS", "120")
        .env_remove("NO_COLOR")
        .env_remove("DEFENDABLE_TOKEN")
        .env_remove("DEFENDABLE_PROFILE");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let mut session = rexpect::session::spawn_command(cmd, Some(30_000)).unwrap();
    session.exp_eof().unwrap()
}

#[test]
fn colour_relative_times_and_spinners_only_on_a_terminal() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("tty", "terminal.example"));
    let project = user.json(&["projects", "create", "Colours"]);
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--title",
        "t",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap();
    user.json(&["submission", "add", run_id, "--output-text", "the work"]);
    user.json(&["checks", "run", run_id]);

    // A terminal: a compact coloured table, relative times, no rule lines.
    let tty = on_a_terminal(&user, &["projects", "ls"], &[]);
    assert!(tty.contains('\u{1b}'), "colour on a terminal: {tty:?}");
    assert!(tty.contains("just now"), "{tty:?}");
    assert!(!tty.contains('─') && !tty.contains("T0"), "{tty:?}");
    assert_eq!(
        tty.trim_end().lines().count(),
        2,
        "header and one row: {tty:?}"
    );
    let checks = on_a_terminal(&user, &["runs", "checks", run_id], &[]);
    assert!(
        checks.contains("\u{1b}[38;5;9m")
            || checks.contains("\u{1b}[38;5;10m")
            || checks.contains("\u{1b}[32m")
            || checks.contains("\u{1b}[31m")
            || checks.contains("\u{1b}[38;5;2m")
            || checks.contains("\u{1b}[38;5;1m"),
        "outcomes coloured: {checks:?}"
    );
    // NO_COLOR and --color never keep the terminal plain.
    let plain = on_a_terminal(&user, &["projects", "ls"], &[("NO_COLOR", "1")]);
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    assert!(plain.contains("just now"), "{plain:?}");
    let never = on_a_terminal(&user, &["projects", "ls", "--color", "never"], &[]);
    assert!(!never.contains('\u{1b}'), "{never:?}");
    // Piped: no escapes, ISO times.
    let out = user
        .cmd(&["projects", "ls"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let piped = String::from_utf8_lossy(&out.stdout);
    assert!(
        !piped.contains('\u{1b}') && piped.contains("T"),
        "{piped:?}"
    );

    // A slow server: a spinner on a terminal, nothing when piped.
    let silent = silent_listener();
    let slow = User::new(&silent);
    let tty = on_a_terminal(
        &slow,
        &["projects", "ls", "--timeout", "2"],
        &[("DEFENDABLE_TOKEN", "t")],
    );
    assert!(tty.contains("Waiting for"), "spinner: {tty:?}");
    assert!(tty.contains("within 2 s"), "{tty:?}");
    let out = slow
        .cmd(&["projects", "ls", "--timeout", "2"])
        .env("DEFENDABLE_TOKEN", "t")
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("Waiting for"), "{}", stderr(&out));
    assert!(stderr(&out).contains("within 2 s"), "{}", stderr(&out));
}

#[test]
fn help_keeps_global_options_apart_and_shows_examples() {
    let user = User::new("http://127.0.0.1:9");
    let out = user.run(&["runs", "show", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let (own, global) = help
        .split_once("Global options:")
        .expect("a Global options section");
    assert!(
        own.contains("Usage: defendable runs show [OPTIONS] <RUN>"),
        "{help}"
    );
    assert!(
        own.contains("The run: its id") && own.contains("--web"),
        "{help}"
    );
    assert!(
        !own.contains("--api") && global.contains("--api <URL>"),
        "{help}"
    );
    assert!(
        global.contains("--jq <EXPR>") && global.contains("--timeout <SECS>"),
        "{help}"
    );
    assert!(
        help.contains("Examples:\n  defendable runs show RUN_ID"),
        "{help}"
    );
    // With DEFENDABLE_API set, a usage error does not show --api as if it were required.
    let out = user.run(&["runs", "show"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("Usage: defendable runs show <RUN>"),
        "{}",
        stderr(&out)
    );
    // Every list and show has its gh-style alias.
    let out = user.run(&["runs", "list", "--help"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = user.run(&["verify", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Examples:"));
}

/// Creates `count` runs without a flight sheet in `project`, four at a time.
fn make_runs(user: &User, project: &str, count: usize) {
    std::thread::scope(|scope| {
        for worker in 0..4 {
            scope.spawn(move || {
                for n in (worker..count).step_by(4) {
                    let title = format!("run {n}");
                    let out = user.run(&[
                        "runs",
                        "new",
                        "--project",
                        project,
                        "--title",
                        &title,
                        "--lane",
                        "other",
                        "--json",
                    ]);
                    assert_eq!(code(&out), 0, "{}", stderr(&out));
                }
            });
        }
    });
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The `--cursor` value of a "more left" note.
fn cursor_of(note: &str) -> Option<String> {
    let at = note.find("--cursor ")? + "--cursor ".len();
    note[at..].split_whitespace().next().map(str::to_string)
}

#[test]
fn every_list_is_walked_to_its_end_and_a_cut_list_says_so() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("pager", "lists.example"));
    let project = user.json(&["projects", "create", "many"]);
    let project_id = project["id"].as_str().unwrap();
    make_runs(&user, project_id, 205);

    // One page by default, and stderr says how to get the rest.
    let out = user.run(&["runs", "ls"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 50);
    assert!(stderr(&out).contains("--cursor") && stderr(&out).contains("--all"));

    // A limit above the largest page is clamped, not refused.
    let out = user.run(&["runs", "ls", "--limit", "500", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page.as_array().unwrap().len(), 200);
    assert!(stderr(&out).contains("more left"), "{}", stderr(&out));

    // --all streams every page; nothing is said to be left.
    let out = user.run(&["runs", "ls", "--all"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ids: std::collections::BTreeSet<String> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 205);
    assert!(!stderr(&out).contains("more left"), "{}", stderr(&out));
    let all = user.json(&["runs", "ls", "--all", "--project", &project_id[..10]]);
    assert_eq!(all.as_array().unwrap().len(), 205);

    // The cursors printed walk the same list by hand, with no run twice.
    let mut walked = std::collections::BTreeSet::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let mut args = vec!["runs", "ls", "--limit", "60", "--json"];
        if let Some(c) = cursor.as_deref() {
            args.extend(["--cursor", c]);
        }
        let out = user.run(&args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let page: Value = serde_json::from_slice(&out.stdout).unwrap();
        for run in page.as_array().unwrap() {
            assert!(walked.insert(run["id"].as_str().unwrap().to_string()));
        }
        cursor = cursor_of(&stderr(&out));
        if cursor.is_none() {
            break;
        }
    }
    assert_eq!(walked, ids);
    let out = user.run(&["runs", "ls", "--cursor", "garbage"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("cursor"), "{}", stderr(&out));

    // Any unique prefix names a run; an ambiguous one lists its matches (exit 2).
    let first = ids.iter().next().unwrap().clone();
    let shown = user.json(&["runs", "show", &first[..12]]);
    assert_eq!(shown["id"], first.as_str());
    let mut by_char = std::collections::BTreeMap::<char, Vec<&String>>::new();
    for id in &ids {
        by_char
            .entry(id.chars().next().unwrap())
            .or_default()
            .push(id);
    }
    let (c, matches) = by_char.iter().max_by_key(|(_, v)| v.len()).unwrap();
    let out = user.run(&["runs", "show", &c.to_string()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("ambiguous"), "{}", stderr(&out));
    for id in matches {
        assert!(stderr(&out).contains(id.as_str()), "{}", stderr(&out));
    }

    // Not found repeats the id and names the command that lists runs.
    let out = user.run(&["runs", "show", "zz99"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("run zz99 not found; `defendable runs ls` lists runs"),
        "{}",
        stderr(&out)
    );
    let missing = "0123456789abcdef0123456789abcdef";
    let out = user.run(&["runs", "verdict", missing]);
    assert!(
        stderr(&out).contains(&format!("run {missing} not found; `defendable runs ls`")),
        "{}",
        stderr(&out)
    );
    let out = user.run(&["flight-sheets", "show", "credit-memo-reveiw"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("did you mean `credit-memo-review`?"),
        "{}",
        stderr(&out)
    );

    // Hints carry the profile in use, and a refused DEFENDABLE_TOKEN is named.
    let out = user.run(&["runs", "ls", "--profile", "bob"]);
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("`defendable auth login --profile bob`"),
        "{}",
        stderr(&out)
    );
    let out = user
        .cmd(&["runs", "ls"])
        .env("DEFENDABLE_TOKEN", "expired-or-made-up")
        .output()
        .unwrap();
    assert_eq!(code(&out), 4);
    assert!(
        stderr(&out).contains("DEFENDABLE_TOKEN"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("auth login"), "{}", stderr(&out));
}

/// A run on the heuristic credit-memo sheet with `output` submitted.
fn credit_memo_run(user: &User, project: &str, output: &str) -> String {
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project,
        "--flight-sheet",
        "credit-memo-review",
    ]);
    let run_id = run["id"].as_str().unwrap().to_string();
    user.json(&["submission", "add", &run_id, "--output-text", output]);
    run_id
}

#[test]
fn a_ci_gate_is_pending_while_rules_are_open_and_fails_once_a_flag_decides() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("gate", "pending.example"));
    let project = user.json(&["projects", "create", "gates"]);
    let project_id = project["id"].as_str().unwrap();

    // A critical automatic rule flagged: the verdict will fail whatever is open.
    let bad = credit_memo_run(&user, project_id, "nothing useful");
    let out = user.run(&["audit", "run", &bad, "--fail-on", "fail"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("sections_present"),
        "{}",
        stderr(&out)
    );

    // Every automatic rule passes, checklist rules are open: pending (exit 5).
    let sheet = user.json(&["flight-sheets", "show", "credit-memo-review"]);
    let sections: Vec<String> = sheet["expected_outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "## {}\nPer the source, page 3: 1.25x.\n",
                s.as_str().unwrap()
            )
        })
        .collect();
    let good = credit_memo_run(&user, project_id, &sections.join("\n"));
    user.json(&[
        "evidence",
        "add",
        &good,
        "--label",
        "rent roll",
        "--content",
        "p.3",
    ]);
    let out = user.run(&["audit", "run", &good, "--fail-on", "fail"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("--allow-pending"), "{}", stderr(&out));
    let out = user.run(&[
        "audit",
        "run",
        &good,
        "--fail-on",
        "fail",
        "--allow-pending",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // A mistyped rule key gets a suggestion and the command listing the rules.
    let out = user.run(&[
        "audit",
        "grade",
        &good,
        "covenants_reveiwed",
        "--status",
        "pass",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("did you mean `covenants_reviewed`?"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("runs checks"), "{}", stderr(&out));

    // Graded: a flagged critical rule fails `audit finalize --fail-on fail`.
    user.json(&[
        "audit",
        "grade",
        &good,
        "covenants_reviewed",
        "--status",
        "pass",
    ]);
    user.json(&[
        "audit",
        "grade",
        &good,
        "no_unsupported_claims",
        "--status",
        "flag",
    ]);
    let out = user.run(&["audit", "finalize", &good, "--fail-on", "fail", "--json"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let verdict: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(verdict["outcome"], "fail");

    // Without a terminal, `approval set` acts on what its line states...
    let approval = user.json(&["approval", "set", &good[..10], "--decision", "rejected"]);
    assert_eq!(approval["decision"], "rejected");
    // ...and a choice it would have asked for is a usage error naming the flag.
    let out = user.run(&["approval", "set", &good]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--decision"), "{}", stderr(&out));
    let before = user.json(&["membership", "status"]);
    let out = user.run(&["membership", "apply"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--company"), "{}", stderr(&out));
    assert_eq!(user.json(&["membership", "status"]), before);
}

#[cfg(unix)]
mod terminal {
    //! The CLI on a pseudo-terminal: prompts only with one, and live completion.

    use super::*;

    fn bin() -> String {
        assert_cmd::cargo::cargo_bin("defendable")
            .display()
            .to_string()
    }

    /// `defendable ARGS` on a pseudo-terminal, as `user`.
    fn on_tty(user: &User, shell_line: &str) -> rexpect::session::PtySession {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(shell_line)
            .env("DEFENDABLE_API", &user.api)
            .env("DEFENDABLE_CONFIG_DIR", user.config.path())
            .env("DEFENDABLE_NO_KEYRING", "1")
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env_remove("DEFENDABLE_TOKEN")
            .env_remove("DEFENDABLE_PROFILE");
        rexpect::session::spawn_command(cmd, Some(30_000)).unwrap()
    }

    fn decision_of(user: &User, run: &str) -> Value {
        user.json(&["runs", "show", run])["approval"]["decision"].clone()
    }

    #[test]
    fn a_prompt_needs_a_terminal_fits_80_columns_and_waits_for_enter() {
        let server = start_server();
        let user = User::new(&server.base);
        user.sign_in(&email("tty", "prompt.example"));
        let project = user.json(&["projects", "create", "tty"]);
        let long = "A long heading. ".repeat(20);
        let run = credit_memo_run(&user, project["id"].as_str().unwrap(), &long);
        user.json(&["audit", "run", &run]);
        for key in ["covenants_reviewed", "no_unsupported_claims"] {
            user.json(&["audit", "grade", &run, key, "--status", "pass"]);
        }
        user.json(&["audit", "finalize", &run]);

        // No terminal on stdin: no prompt, the decision is recorded.
        let mut p = on_tty(
            &user,
            &format!(
                "exec {} approval set {run} --decision escalated </dev/null",
                bin()
            ),
        );
        p.exp_eof().unwrap();
        assert_eq!(decision_of(&user, &run), "escalated");

        // A terminal: the question is asked once, within 80 columns, and a key
        // press alone does not answer it.
        let mut p = on_tty(
            &user,
            &format!("exec {} approval set {run} --decision rejected", bin()),
        );
        let before = p.exp_string("[y/N]").unwrap();
        let drawn = format!("{before}[y/N]");
        assert_eq!(drawn.matches("Record `rejected`").count(), 1, "{drawn:?}");
        // The verdict, its summary and the question (notes about credentials aside).
        for line in drawn.lines().filter(|l| !l.starts_with("warning:")) {
            let visible: String = strip_escapes(line);
            assert!(visible.chars().count() <= 80, "{visible:?}");
        }
        p.send("y").unwrap();
        p.flush().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(500));
        assert_eq!(decision_of(&user, &run), "escalated");
        p.send("\r").unwrap();
        p.flush().unwrap();
        p.exp_eof().unwrap();
        assert_eq!(decision_of(&user, &run), "rejected");
    }

    /// Text without ANSI escape sequences (the session reads bytes as Latin-1, so
    /// they are decoded as UTF-8 first).
    fn strip_escapes(text: &str) -> String {
        let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                continue;
            }
            if c != '\r' {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn completion_offers_live_ids_and_slugs_with_descriptions() {
        let server = start_server();
        let user = User::new(&server.base);
        user.sign_in(&email("tab", "complete.example"));
        let project = user.json(&["projects", "create", "tabbed"]);
        let run = user.json(&[
            "runs",
            "new",
            "--project",
            project["id"].as_str().unwrap(),
            "--title",
            "Completed by tab",
            "--lane",
            "other",
        ]);
        let run_id = run["id"].as_str().unwrap();

        // The shell protocol: each candidate with its description.
        let out = user
            .cmd(&["--", "defendable", "runs", "show", ""])
            .env("COMPLETE", "fish")
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("{run_id}\tCompleted by tab")),
            "{}",
            stdout(&out)
        );
        let out = user
            .cmd(&[
                "--",
                "defendable",
                "runs",
                "new",
                "--flight-sheet",
                "credit",
            ])
            .env("COMPLETE", "fish")
            .output()
            .unwrap();
        assert!(
            stdout(&out).contains("credit-memo-review\t"),
            "{}",
            stdout(&out)
        );

        // A real bash on a terminal completes the run id on TAB.
        let bin_dir = std::path::Path::new(&bin()).parent().unwrap().to_path_buf();
        let mut p = on_tty(
            &user,
            &format!(
                "PATH={}:$PATH PS1='ready> ' exec bash --norc --noprofile -i",
                bin_dir.display()
            ),
        );
        p.exp_string("ready> ").unwrap();
        p.send_line("source <(COMPLETE=bash defendable)").unwrap();
        p.exp_string("ready> ").unwrap();
        // Flags are candidates too, so the second TAB lists them all.
        p.send("defendable runs show \t\t").unwrap();
        p.flush().unwrap();
        p.exp_string(run_id).unwrap();
        // Dropping the session ends the shell.
    }
}

/// The PDF the server renders carries its proof file and verifies offline by
/// itself; changing one byte of the embedded proof fails with exit 3.
#[test]
fn the_servers_receipt_pdf_verifies_offline_by_itself() {
    let server = start_server();
    let user = User::new(&server.base);
    user.sign_in(&email("owner", "paper.example"));
    let project = user.json(&["projects", "create", "paper"]);
    let run = user.json(&[
        "runs",
        "new",
        "--project",
        project["id"].as_str().unwrap(),
        "--title",
        "on paper",
        "--lane",
        "other",
    ]);
    let run_id = run["id"].as_str().unwrap();
    user.json(&["checks", "run", run_id]);
    user.json(&["approval", "set", run_id, "--decision", "approved", "--yes"]);
    user.json(&["receipt", "generate", run_id]);
    let work = tempfile::tempdir().unwrap();
    let pdf = work.path().join("receipt.pdf");
    user.json(&["receipt", "pdf", run_id, "-o", pdf.to_str().unwrap()]);
    let keys_doc = work.path().join("keys.json");
    let keys = reqwest_get(&format!("{}/.well-known/defendable-keys", server.base));
    std::fs::write(&keys_doc, &keys).unwrap();
    let key = keys_doc.to_str().unwrap();

    let auditor = User::new("http://127.0.0.1:9");
    let checked = auditor.json(&["verify", pdf.to_str().unwrap(), "--offline", "--key", key]);
    assert_eq!(checked["outcome"], "authentic", "{checked}");

    // The proof is stored unfiltered: flip its chain position in place.
    let mut raw = std::fs::read(&pdf).unwrap();
    let needle = b"\"org_seq\":0";
    let at = raw
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the embedded proof is readable in the file");
    raw[at + needle.len() - 1] = b'1';
    let flipped = write_bytes(work.path(), "flipped.pdf", &raw);
    let out = auditor.run(&[
        "verify",
        flipped.to_str().unwrap(),
        "--offline",
        "--key",
        key,
    ]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
}
