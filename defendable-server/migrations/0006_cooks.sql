-- Cooks (preparation jobs tuned against a run's eval), the leases runners hold on
-- them, and the per-runner tokens the operator issues (stored hashed).

CREATE TABLE cooks (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    run_id TEXT NOT NULL REFERENCES runs(id),
    dataset_id TEXT,
    base_model TEXT NOT NULL,
    status TEXT NOT NULL,
    eval_before DOUBLE PRECISION NOT NULL,
    eval_after DOUBLE PRECISION,
    lift DOUBLE PRECISION,
    pairs BIGINT NOT NULL,
    adapter_ref TEXT,
    runner TEXT,
    runner_key TEXT,
    lease_id TEXT,
    lease_seconds BIGINT,
    lease_expires_at TEXT,
    attempts BIGINT NOT NULL DEFAULT 0,
    metrics TEXT NOT NULL,
    compute_usd DOUBLE PRECISION,
    error TEXT,
    receipt_row_id TEXT REFERENCES receipts(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX cooks_queue ON cooks (status, created_at);
CREATE INDEX cooks_org ON cooks (org_id, created_at);

CREATE TABLE runner_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
