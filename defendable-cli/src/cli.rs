//! The command tree: `defendable NOUN VERB`, with the global flags every command takes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `0.1.0 (API 1.0.0)`: the CLI's version and the API version of its `openapi.json`.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (API ",
    env!("DEFENDABLE_API_VERSION"),
    ")"
);

/// The defendable command-line client: runs, audits, approvals and verifiable receipts.
#[derive(Debug, Parser)]
#[command(
    name = "defendable",
    version = VERSION,
    propagate_version = true,
    after_help = "Sign in first with `defendable auth login`. Every command takes --json."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted by every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The server's base URL (else DEFENDABLE_API, the profile's server, then http://127.0.0.1:8080).
    #[arg(long, global = true, env = "DEFENDABLE_API", value_name = "URL")]
    pub api: Option<String>,
    /// The named profile whose server and token are used.
    #[arg(
        long,
        global = true,
        env = "DEFENDABLE_PROFILE",
        default_value = "default"
    )]
    pub profile: String,
    /// Print one JSON document instead of tables (errors go to stderr as JSON too).
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign in, check who you are, sign out.
    #[command(subcommand)]
    Auth(AuthCommand),
    /// The server you talk to: service info and health.
    #[command(subcommand)]
    Server(ServerCommand),
    /// Your organisation.
    #[command(subcommand)]
    Org(OrgCommand),
    /// API keys for CI and agents (owner).
    #[command(subcommand)]
    Keys(KeysCommand),
    /// People in your organisation and their roles.
    #[command(subcommand)]
    Members(MembersCommand),
    /// Invite people to your organisation (owner).
    #[command(subcommand)]
    Invites(InvitesCommand),
    /// Projects group runs.
    #[command(subcommand)]
    Projects(ProjectsCommand),
    /// The rulebooks runs are audited against.
    #[command(subcommand, name = "flight-sheets")]
    FlightSheets(FlightSheetsCommand),
    /// Defendable Runs and what they hold.
    #[command(subcommand)]
    Runs(RunsCommand),
    /// Evidence attached to a run.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// The agent's output for a run.
    #[command(subcommand)]
    Submission(SubmissionCommand),
    /// Audits: apply the flight sheet, grade checklist rules, finalise the verdict.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The core check engine, for runs without a flight sheet.
    #[command(subcommand)]
    Checks(ChecksCommand),
    /// The human decision on a verdict.
    #[command(subcommand)]
    Approval(ApprovalCommand),
    /// Mint, show and download receipts.
    #[command(subcommand)]
    Receipt(ReceiptCommand),
    /// Your organisation's receipts across every kind (members only).
    #[command(subcommand)]
    Receipts(ReceiptsCommand),
    /// Your organisation's receipt chain.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// Cooks: preparation jobs tuned against a run's eval.
    #[command(subcommand)]
    Cooks(CooksCommand),
    /// Runners: do queued cooks (runner token), and manage runner tokens (operator).
    #[command(subcommand)]
    Runner(RunnerCommand),
    /// Verify a receipt yourself: by link, share token, proof file, receipt JSON or PDF.
    Verify(VerifyArgs),
    /// The dataset catalog (members only).
    #[command(subcommand)]
    Datasets(crate::commands::catalogs::DatasetsCommand),
    /// The model catalog and model pins (members only).
    #[command(subcommand)]
    Models(crate::commands::catalogs::ModelsCommand),
    /// Your organisation's membership: apply, see where it stands, pay.
    #[command(subcommand)]
    Membership(MembershipCommand),
    /// Administrators: review and approve membership applications.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// The service's published policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Agent profiles, their capability by lane, and the watchdog.
    #[command(subcommand)]
    Agents(crate::commands::agents::AgentsCommand),
    /// Incidents: open, list, resolve, and prove them with receipts.
    #[command(subcommand)]
    Incidents(crate::commands::agents::IncidentsCommand),
    /// Plan the model and compute your agents' jobs need.
    #[command(subcommand)]
    Stack(crate::commands::agents::StackCommand),
    /// Print a shell completion script.
    Completion {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Ask for a magic sign-in link (prompts for the email on a terminal).
    Login {
        /// The email to sign in with.
        #[arg(long)]
        email: Option<String>,
    },
    /// Exchange a magic-link token for a session and store it.
    Verify {
        /// The token from the magic link (or the whole link).
        #[arg(allow_hyphen_values = true)]
        token: String,
    },
    /// Who you are, which server, and where the token is stored.
    Status,
    /// Accept an invite (the token or the whole invite link) and sign in.
    AcceptInvite {
        /// The invite token or link.
        #[arg(allow_hyphen_values = true)]
        token: String,
    },
    /// Sign out: the session is revoked on the server and forgotten here.
    Logout,
}

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// The service's name, version and API version.
    Info,
    /// Database and storage health.
    Health,
    /// The server's signing keys (current and retired).
    Keys,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Your organisation and its counts.
    Show,
    /// Receipt counts.
    Usage,
    /// Show the settings, or change them (owner).
    Settings {
        /// Require the approver to differ from whoever posted the submission.
        #[arg(long)]
        require_distinct_approver: Option<bool>,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Mint a key; its secret is printed once.
    Create {
        /// What the key is for.
        name: String,
        /// A scope (repeatable): read, runs:write, approve. Default: read and runs:write.
        #[arg(long = "scope", value_enum)]
        scopes: Vec<ScopeArg>,
        /// Days until the key expires.
        #[arg(long)]
        expires_in_days: Option<i64>,
    },
    /// List keys (never their secrets).
    Ls,
    /// Revoke a key; it fails from the next request on.
    Revoke { key_id: String },
    /// Trust a server's receipt-signing keys: from a server URL (pinned for that
    /// server; shown and confirmed on a terminal), a saved keys document, or a file
    /// holding verifier keys.
    Trust {
        /// A server URL, a saved `/.well-known/defendable-keys` document, or a file with
        /// verifier keys (`name+hash+base64`), one a line.
        file_or_url: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScopeArg {
    Read,
    #[value(name = "runs:write")]
    RunsWrite,
    Approve,
}

#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// List members.
    Ls,
    /// Change a member's role (owner).
    SetRole {
        user_id: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// Remove a member; their sessions stop working (owner).
    Rm {
        user_id: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RoleArg {
    Owner,
    Member,
}

#[derive(Debug, Subcommand)]
pub enum InvitesCommand {
    /// Invite someone; prints the invite link (valid 7 days).
    Create {
        email: String,
        #[arg(long, value_enum, default_value = "member")]
        role: RoleArg,
    },
    /// List invites.
    Ls,
}

#[derive(Debug, Subcommand)]
pub enum ProjectsCommand {
    /// List projects.
    Ls,
    /// Create a project.
    Create {
        /// The project's name.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FlightSheetsCommand {
    /// List the active flight sheets.
    Ls {
        /// Only sheets of this lane.
        #[arg(long, value_enum)]
        lane: Option<LaneArg>,
    },
    /// Show one flight sheet with its rules.
    Show {
        /// The sheet's id or slug.
        slug_or_id: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LaneArg {
    Agent,
    Dataset,
    Compute,
    Other,
}

#[derive(Debug, Subcommand)]
pub enum RunsCommand {
    /// Start a run, against a flight sheet or (without one) a lane template.
    New {
        /// The project the run belongs to.
        #[arg(long)]
        project: String,
        /// The flight sheet (id or slug).
        #[arg(long)]
        flight_sheet: Option<String>,
        /// The run's title (required without a flight sheet).
        #[arg(long)]
        title: Option<String>,
        /// The lane, for runs without a flight sheet.
        #[arg(long, value_enum)]
        lane: Option<LaneArg>,
        /// A run input, KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON).
        #[arg(long = "input", value_name = "KEY=VALUE")]
        inputs: Vec<String>,
        /// The agent profile doing the work.
        #[arg(long)]
        agent_profile: Option<String>,
        /// Run on a lane the agent profile blocks (an owner's session only).
        #[arg(long)]
        override_blocked_lane: bool,
    },
    /// List runs.
    Ls {
        /// Only runs of this project.
        #[arg(long)]
        project: Option<String>,
        /// How many runs at most.
        #[arg(long)]
        limit: Option<i64>,
    },
    /// Everything about one run.
    Show { run: String },
    /// The run's current submission.
    Submission { run: String },
    /// The run's applied rules.
    Checks { run: String },
    /// The run's flagged rules.
    Flags { run: String },
    /// The run's current verdict.
    Verdict { run: String },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Attach a text or URL evidence item.
    Add {
        run: String,
        /// What the evidence is.
        #[arg(long)]
        label: String,
        /// The kind of evidence.
        #[arg(long, value_enum, default_value = "note")]
        kind: EvidenceKindArg,
        /// The evidence text (or URL for kind url).
        #[arg(long)]
        content: Option<String>,
    },
    /// Upload a file (streamed, with its sha256 checked against the server's).
    Upload {
        run: String,
        /// The file to upload.
        file: PathBuf,
        /// A label (defaults to the file name).
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EvidenceKindArg {
    Note,
    Url,
    Log,
    File,
}

#[derive(Debug, Subcommand)]
pub enum SubmissionCommand {
    /// Post the agent's output: --output-file F, --output-text T, or `-` for stdin.
    Add(SubmissionAddArgs),
}

#[derive(Debug, Args)]
pub struct SubmissionAddArgs {
    pub run: String,
    /// `-` reads the output from standard input.
    #[arg(value_name = "-", conflicts_with_all = ["output_file", "output_text"])]
    pub stdin: Option<String>,
    /// Read the output from this file.
    #[arg(long, conflicts_with = "output_text")]
    pub output_file: Option<PathBuf>,
    /// The output itself.
    #[arg(long)]
    pub output_text: Option<String>,
    /// The agent's name.
    #[arg(long)]
    pub agent_name: Option<String>,
    /// The model that produced the output.
    #[arg(long)]
    pub model_name: Option<String>,
    /// The model provider.
    #[arg(long)]
    pub provider: Option<String>,
    /// Free-form notes.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Apply the run's flight sheet. With --fail-on, exit 3 when the verdict reaches it.
    Run {
        run: String,
        /// Exit 3 when the verdict is at least this bad (for CI gates).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
    },
    /// Apply a checklist rule: satisfied (pass) or flagged.
    Grade {
        run: String,
        /// The check's id or rule key.
        check: String,
        /// The result.
        #[arg(long, value_enum)]
        status: GradeStatus,
        /// Why.
        #[arg(long)]
        detail: Option<String>,
    },
    /// Roll the applied rules up into the verdict.
    Finalize { run: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on `risk` or `fail`.
    Risk,
    /// Fail on `fail` only.
    Fail,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum GradeStatus {
    Pass,
    Flag,
}

#[derive(Debug, Subcommand)]
pub enum ChecksCommand {
    /// Run the core check engine (lane templates) on a run without a flight sheet.
    Run { run: String },
}

#[derive(Debug, Subcommand)]
pub enum ApprovalCommand {
    /// Record the human decision (asks for confirmation on a terminal unless --yes).
    Set {
        run: String,
        #[arg(long, value_enum)]
        decision: DecisionArg,
        /// A note kept with the approval.
        #[arg(long)]
        note: Option<String>,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DecisionArg {
    Approved,
    Rejected,
    Escalated,
}

#[derive(Debug, Subcommand)]
pub enum ReceiptCommand {
    /// Mint the run's receipt into the organisation's chain.
    Generate { run: String },
    /// Save a receipt's self-contained proof file (receipt, signature, inclusion
    /// proof, signed checkpoint); `defendable verify FILE --offline` checks it.
    Export {
        #[arg(allow_hyphen_values = true)]
        run_or_token: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// The public receipt of a run (by run id) or share token.
    Show {
        #[arg(allow_hyphen_values = true)]
        run_or_token: String,
    },
    /// Download the one-page PDF of a receipt.
    Pdf {
        #[arg(allow_hyphen_values = true)]
        run_or_token: String,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// The signed checkpoint of your organisation's chain.
    Checkpoint,
    /// An inclusion proof of one receipt (checked here against the signed checkpoint).
    Prove {
        /// The receipt's chain position.
        org_seq: i64,
    },
    /// A consistency proof between two sizes of the chain (checked here).
    Consistency {
        #[arg(long)]
        from: i64,
        #[arg(long)]
        to: Option<i64>,
    },
    /// List the chain.
    Ls {
        /// Start at this position.
        #[arg(long)]
        from_seq: Option<i64>,
        /// How many entries at most (1..1000).
        #[arg(long)]
        limit: Option<i64>,
    },
    /// Verify the chain here, from the exact stored payloads.
    Verify {
        /// Check a file saved by `ledger export` instead, with no network.
        #[arg(long, value_name = "FILE")]
        offline: Option<PathBuf>,
        /// Also show the server's own verification report.
        #[arg(long, conflicts_with = "offline")]
        server: bool,
    },
    /// Save the whole chain with its canonical payloads.
    Export {
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A receipt link (`/r/` or `/share/` URL), a share token, a proof file, a receipt
    /// JSON file, a receipt PDF (its embedded proof), or a saved chain.
    #[arg(allow_hyphen_values = true)]
    pub target: String,
    /// The keys to trust: a saved `/.well-known/defendable-keys` document or verifier
    /// keys one a line (else the keys pinned here).
    #[arg(long, value_name = "FILE")]
    pub key: Option<PathBuf>,
    /// Only read a local file; never touch the network.
    #[arg(long)]
    pub offline: bool,
    /// Accept a receipt that is intact but not authenticated (no signature checked
    /// against a trusted key); without it, that exits 3.
    #[arg(long)]
    pub integrity_only: bool,
    /// Refuse a server key that is not pinned already, instead of pinning it on first use.
    #[arg(long, conflicts_with = "offline")]
    pub require_pinned: bool,
}

#[derive(Debug, Subcommand)]
pub enum MembershipCommand {
    /// Where the membership stands: status, seat, renewal date, waitlist position.
    Status,
    /// Apply for membership (owner); prompts for the company name on a terminal.
    Apply {
        /// The company applying (1 to 200 characters).
        #[arg(long)]
        company: Option<String>,
        /// What you will use the service for (at most 1000 characters).
        #[arg(long)]
        intended_use: Option<String>,
        /// How you heard of the service (at most 200 characters).
        #[arg(long)]
        referral_source: Option<String>,
    },
    /// Pay for an approved membership (or renew a lapsed one) with Stripe Checkout
    /// (owner): prints the payment link and, on a terminal, offers to open it.
    Checkout {
        /// Where Stripe sends you back (an origin the server allows; default the app's).
        #[arg(long, value_name = "ORIGIN")]
        return_to: Option<String>,
        /// Never offer to open the link in a browser.
        #[arg(long)]
        no_open: bool,
    },
    /// Approve an organisation's application as the operator (X-Internal-Key).
    Approve {
        /// The organisation's slug.
        org_slug: String,
        /// The server's INTERNAL_API_KEY.
        #[arg(long, env = "DEFENDABLE_INTERNAL_KEY", hide_env_values = true)]
        internal_key: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Membership applications awaiting review.
    #[command(subcommand)]
    Applications(AdminApplicationsCommand),
    /// Whether you pass the administrator gate.
    Health,
    /// Send a Stripe event (a JSON file) to the server's webhook, signed with the
    /// webhook secret as Stripe signs it: for checking an installation end to end.
    StripeEvent {
        /// The event JSON (`-` for stdin).
        file: PathBuf,
        /// The webhook endpoint's signing secret.
        #[arg(long, env = "STRIPE_WEBHOOK_SECRET", hide_env_values = true)]
        webhook_secret: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminApplicationsCommand {
    /// Pending and waitlisted applications, oldest first.
    Ls,
    /// Approve an application (waitlisted instead when the service is full).
    Approve {
        /// The organisation's slug.
        slug: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// The training-data policy; its hash is recomputed here and compared.
    TrainingData,
}

#[derive(Debug, Subcommand)]
pub enum ReceiptsCommand {
    /// The newest receipts with a one-line summary each.
    Recent {
        /// Only this payload schema (e.g. `defendablecloud.eval-receipt/v1`).
        #[arg(long)]
        schema: Option<String>,
        /// How many (1 to 50).
        #[arg(long, default_value_t = 10)]
        limit: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum CooksCommand {
    /// Queue a cook against the run's current verdict.
    Request {
        run: String,
        /// The dataset package slug to tune with.
        #[arg(long)]
        dataset: Option<String>,
        /// The base model (default swarm/curator-9b).
        #[arg(long)]
        base_model: Option<String>,
    },
    /// List your organisation's cooks, newest first.
    Ls,
    /// One cook, with its receipt once it succeeded.
    Show { cook: String },
}

/// The operator's internal key, for `runner issue|ls|revoke`.
#[derive(Debug, Args)]
pub struct InternalKeyArgs {
    /// The server's INTERNAL_API_KEY.
    #[arg(long, env = "DEFENDABLE_INTERNAL_KEY", hide_env_values = true)]
    pub internal_key: String,
}

#[derive(Debug, Subcommand)]
pub enum RunnerCommand {
    /// Work the cook queue: claim a job, run it through --exec, report progress,
    /// complete or fail it; back off when idle; Ctrl-C gives an unfinished job back.
    Work(RunnerWorkArgs),
    /// Issue a per-runner token; it is printed once (operator).
    Issue {
        /// The runner's name.
        name: String,
        #[command(flatten)]
        key: InternalKeyArgs,
    },
    /// List the per-runner tokens (operator).
    Ls {
        #[command(flatten)]
        key: InternalKeyArgs,
    },
    /// Revoke a per-runner token (operator).
    Revoke {
        runner_id: String,
        #[command(flatten)]
        key: InternalKeyArgs,
    },
}

#[derive(Debug, Args)]
pub struct RunnerWorkArgs {
    /// The runner's name, shown on the cooks it takes (a per-runner token's own name wins).
    #[arg(long)]
    pub runner: String,
    /// The command that does a job: run with `sh -c`, given the job as JSON on stdin,
    /// it prints `{"eval_after": 0..1, "adapter_ref"?: "...", "metrics"?: {...}}` on
    /// stdout; stderr lines `progress 0.42` move the progress bar.
    #[arg(long, env = "DEFENDABLE_RUNNER_EXEC")]
    pub exec: String,
    /// The runner token: the shared RUNNER_TOKEN or a per-runner token.
    #[arg(long, env = "DEFENDABLE_RUNNER_TOKEN", hide_env_values = true)]
    pub token: String,
    /// The lease to ask for, in seconds; heartbeats renew it at a third of that.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(i64).range(3..=3600))]
    pub lease: i64,
    /// The longest wait between polls of an empty queue, in seconds.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub idle_max: u64,
    /// Stop after this many jobs.
    #[arg(long)]
    pub max_jobs: Option<u64>,
    /// Stop as soon as the queue is empty instead of waiting for more.
    #[arg(long)]
    pub exit_when_idle: bool,
}
