//! The command tree: `defendable NOUN VERB`, with the global flags every command takes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::completion::live;
use crate::paging::PageArgs;

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

/// Flags accepted by every command. Their environment variables are read by the
/// program itself (not by clap), so usage lines never show `--api` as if required
/// and help never prints a long current value.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The server's base URL. Else DEFENDABLE_API, the profile's server, or
    /// http://127.0.0.1:8080.
    #[arg(long, global = true, value_name = "URL")]
    pub api: Option<String>,
    /// The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or
    /// "default".
    #[arg(long, global = true, value_name = "NAME", add = live::profiles())]
    pub profile: Option<String>,
    /// Print one JSON document instead of tables (errors go to stderr as JSON too).
    #[arg(long, global = true)]
    pub json: bool,
    /// Filter the JSON output through a jq expression (implies --json).
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set),
    /// always, never.
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<crate::style::ColorChoice>,
    /// Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the
    /// config's `timeout`, or 30).
    #[arg(long, global = true, value_name = "SECS",
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: Option<u64>,
}

impl GlobalArgs {
    /// `--profile`, else `DEFENDABLE_PROFILE`, else `default`.
    pub fn profile(&self) -> String {
        self.profile
            .clone()
            .or_else(|| env_value("DEFENDABLE_PROFILE"))
            .unwrap_or_else(|| "default".to_string())
    }

    /// `--api`, else `DEFENDABLE_API` (the profile's server is looked up later).
    pub fn api(&self) -> Option<String> {
        self.api.clone().or_else(|| env_value("DEFENDABLE_API"))
    }
}

/// A non-empty environment variable.
pub fn env_value(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
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
    /// The public log of a shared receipt's chain: checkpoint and consistency, no account.
    #[command(subcommand)]
    Log(crate::commands::log::LogCommand),
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
    /// Show or change this CLI's defaults (server, colour, timeout).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Send a raw request to the API and print the JSON answer (like `gh api`); the
    /// stored token goes only to its own server.
    Api(ApiArgs),
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
    /// Print the token this CLI sends to this server (for scripts and other tools).
    Token,
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
    /// Create a project: `projects create NAME` or `projects create --name NAME`.
    Create {
        /// The project's name.
        #[arg(
            value_name = "NAME",
            required_unless_present = "name_flag",
            conflicts_with = "name_flag"
        )]
        name: Option<String>,
        /// The project's name, as an option (the same as NAME).
        #[arg(long = "name", value_name = "NAME")]
        name_flag: Option<String>,
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
        #[arg(add = live::flight_sheets())]
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
        /// The project the run belongs to: its id or a unique prefix of it.
        #[arg(long, add = live::projects())]
        project: String,
        /// The flight sheet (id or slug).
        #[arg(long, add = live::flight_sheets())]
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
        /// The agent profile doing the work: its id or a unique prefix of it.
        #[arg(long, add = live::agents())]
        agent_profile: Option<String>,
        /// Run on a lane the agent profile blocks (an owner's session only).
        #[arg(long)]
        override_blocked_lane: bool,
    },
    /// List runs, newest first.
    Ls {
        /// Only runs of this project: its id or a unique prefix of it.
        #[arg(long, add = live::projects())]
        project: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Everything about one run.
    Show {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
        /// Open the run's receipt page in the browser (prints the URL when none opens).
        #[arg(long)]
        web: bool,
    },
    /// The run's current submission.
    Submission {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
    },
    /// The run's applied rules.
    Checks {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
    },
    /// The run's flagged rules.
    Flags {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
    },
    /// The run's current verdict.
    Verdict {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// List a run's evidence, whole, one page at a time.
    Ls {
        run: String,
        /// Items to skip.
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// Items to list (1 to 20).
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Attach a text or URL evidence item.
    Add {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
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
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
        /// The file to upload.
        #[arg(
            value_name = "FILE",
            required_unless_present = "file_flag",
            conflicts_with = "file_flag"
        )]
        file: Option<PathBuf>,
        /// The file to upload, as an option (the same as FILE).
        #[arg(long = "file", value_name = "FILE")]
        file_flag: Option<PathBuf>,
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
    /// The run: its id or a unique prefix of it.
    #[arg(add = live::runs())]
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
    /// Apply the run's flight sheet. With --fail-on, exit 3 as soon as the rules
    /// applied decide an outcome at least that bad, and exit 5 while checklist rules
    /// are still open (unless --allow-pending).
    Run {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
        /// Exit 3 when the outcome is, or is already bound to be, at least this bad.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// With --fail-on, exit 0 rather than 5 while checklist rules are still open.
        #[arg(long, requires = "fail_on")]
        allow_pending: bool,
    },
    /// Apply a checklist rule: satisfied (pass) or flagged.
    ///
    /// `audit grade RUN CHECK pass|flag` or `audit grade RUN CHECK --status pass|flag`.
    Grade {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
        /// The check's id (from `runs checks RUN --json`) or its rule key.
        check: String,
        /// The result.
        #[arg(
            value_enum,
            value_name = "STATUS",
            required_unless_present = "status_flag",
            conflicts_with = "status_flag"
        )]
        status: Option<GradeStatus>,
        /// The result, as an option (the same as STATUS).
        #[arg(long = "status", value_enum, value_name = "STATUS")]
        status_flag: Option<GradeStatus>,
        /// Why.
        #[arg(long)]
        detail: Option<String>,
    },
    /// Roll the applied rules up into the verdict. With --fail-on, exit 3 when the
    /// verdict reaches it.
    Finalize {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
        /// Exit 3 when the verdict is at least this bad (for CI gates).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
    },
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
    Run {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApprovalCommand {
    /// Record the human decision (asks for confirmation on a terminal unless --yes).
    Set {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
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
    Generate {
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
    },
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
        /// Open the receipt's page for people in the browser (prints the URL when none
        /// opens).
        #[arg(long)]
        web: bool,
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
    /// List the chain, oldest first (the cursor is the next position).
    Ls {
        /// Start at this position.
        #[arg(long, conflicts_with_all = ["cursor", "all"])]
        from_seq: Option<i64>,
        #[command(flatten)]
        page: PageArgs,
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
        /// The run: its id or a unique prefix of it.
        #[arg(add = live::runs())]
        run: String,
        /// The dataset package slug to tune with.
        #[arg(long, add = live::datasets())]
        dataset: Option<String>,
        /// The base model (default swarm/curator-9b).
        #[arg(long, add = live::models())]
        base_model: Option<String>,
    },
    /// List your organisation's cooks, newest first.
    Ls {
        #[command(flatten)]
        page: PageArgs,
    },
    /// One cook, with its receipt once it succeeded.
    Show {
        /// The cook: its id or a unique prefix of it.
        #[arg(add = live::cooks())]
        cook: String,
    },
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

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print one setting (api, color, timeout).
    Get {
        /// The setting: api, color or timeout.
        key: String,
    },
    /// Change one setting (api is per profile; color and timeout apply to all).
    Set {
        /// The setting: api, color or timeout.
        key: String,
        /// The new value.
        value: String,
    },
    /// Every setting with its value and where it comes from.
    Ls,
}

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// The HTTP method (GET, POST, PUT, PATCH, DELETE).
    pub method: String,
    /// The path on the server (`/runs`), or a full URL.
    pub path: String,
    /// A body field KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON). With
    /// GET and DELETE the fields become query parameters.
    #[arg(long = "field", short = 'f', value_name = "KEY=VALUE")]
    pub fields: Vec<String>,
    /// Send this file as the request body (`-` for stdin).
    #[arg(long, value_name = "FILE", conflicts_with = "fields")]
    pub input: Option<PathBuf>,
    /// An extra request header KEY:VALUE (repeatable).
    #[arg(long = "header", short = 'H', value_name = "KEY:VALUE")]
    pub headers: Vec<String>,
}
