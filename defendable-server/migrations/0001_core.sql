-- The core proof loop: organisations, users, sign-in tokens, projects, flight sheets,
-- runs with their evidence, submissions, checks, verdicts, approvals and receipts.
-- Portable SQL: the same text runs on SQLite and PostgreSQL. Timestamps are UTC text
-- (YYYY-MM-DDTHH:MM:SS.ffffffZ sorts chronologically), JSON documents are text.

CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    plan TEXT NOT NULL DEFAULT 'free',
    receipt_count BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    email TEXT NOT NULL UNIQUE,
    name TEXT,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE magic_tokens (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, slug)
);

CREATE TABLE flight_sheets (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    lane TEXT NOT NULL,
    definition TEXT NOT NULL,
    definition_sha256 TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    source TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    project_id TEXT NOT NULL REFERENCES projects(id),
    flight_sheet_id TEXT REFERENCES flight_sheets(id),
    agent_profile_id TEXT,
    lane TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    inputs TEXT NOT NULL,
    assignment_text TEXT,
    agent_name TEXT,
    model_name TEXT,
    provider TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX runs_org_created ON runs (org_id, created_at);

CREATE TABLE evidence_items (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id),
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    content TEXT,
    filename TEXT,
    blob_key TEXT,
    sha256 TEXT,
    byte_size BIGINT,
    content_type TEXT,
    customer_provided BIGINT NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX evidence_run ON evidence_items (run_id, created_at);

CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id),
    agent_name TEXT,
    model_name TEXT,
    provider TEXT,
    output_text TEXT NOT NULL,
    tool_logs TEXT,
    notes TEXT,
    sha256 TEXT NOT NULL,
    customer_provided BIGINT NOT NULL DEFAULT 1,
    submitted_by TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    superseded_at TEXT
);
CREATE INDEX submissions_run ON submissions (run_id, submitted_at);

CREATE TABLE check_results (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id),
    position BIGINT NOT NULL,
    check_key TEXT NOT NULL,
    label TEXT NOT NULL,
    category TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    source TEXT NOT NULL,
    detail TEXT NOT NULL,
    score DOUBLE PRECISION,
    graded_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX checks_run ON check_results (run_id, position);

CREATE TABLE verdicts (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id),
    outcome TEXT NOT NULL,
    summary TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    score_100 BIGINT NOT NULL,
    severity TEXT NOT NULL,
    client_ready TEXT NOT NULL,
    recommended_action TEXT NOT NULL,
    checks_passed BIGINT NOT NULL,
    checks_failed BIGINT NOT NULL,
    risk_breakdown TEXT NOT NULL,
    submission_sha256 TEXT,
    created_at TEXT NOT NULL,
    voided_at TEXT
);
CREATE INDEX verdicts_run ON verdicts (run_id, created_at);

CREATE TABLE approvals (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id),
    verdict_id TEXT NOT NULL REFERENCES verdicts(id),
    submission_sha256 TEXT,
    decision TEXT NOT NULL,
    approver_user_id TEXT NOT NULL,
    approver_email TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    voided_at TEXT
);
CREATE INDEX approvals_run ON approvals (run_id, created_at);

CREATE TABLE receipts (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    run_id TEXT,
    approval_id TEXT UNIQUE,
    receipt_id TEXT NOT NULL UNIQUE,
    org_seq BIGINT NOT NULL,
    parent_hash TEXT NOT NULL,
    receipt_sha256 TEXT NOT NULL,
    share_token TEXT NOT NULL UNIQUE,
    schema_id TEXT NOT NULL,
    canonical_payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, org_seq)
);
CREATE INDEX receipts_run ON receipts (run_id);
