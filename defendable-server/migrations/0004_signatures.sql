-- Signed, transparent receipts: the server's signing keys (current and retired), a
-- signature per receipt, and the checkpoints signed for each organisation's chain.

CREATE TABLE signing_keys (
    key_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    verifier TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    retired_at TEXT
);

CREATE TABLE receipt_signatures (
    receipt_row_id TEXT PRIMARY KEY REFERENCES receipts(id),
    key_id TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE checkpoints (
    org_id TEXT NOT NULL REFERENCES orgs(id),
    tree_size BIGINT NOT NULL,
    root_hash TEXT NOT NULL,
    key_id TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (org_id, tree_size)
);
