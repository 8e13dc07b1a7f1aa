-- Dataset download grants: each one is a receipt on the organisation's chain and
-- a private download capability (derived from the grant id and the server's
-- secret, never stored). Who was granted is kept here, with the salt of the
-- commitment the public receipt carries instead.

CREATE TABLE dataset_grants (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    receipt_row_id TEXT NOT NULL,
    slug TEXT NOT NULL,
    object_key TEXT NOT NULL,
    principal TEXT NOT NULL,
    email TEXT NOT NULL,
    commitment_salt TEXT NOT NULL,
    ready_at_grant BIGINT NOT NULL,
    expires_at TEXT NOT NULL,
    notified_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX dataset_grants_org ON dataset_grants (org_id, created_at);
CREATE INDEX dataset_grants_key ON dataset_grants (object_key, expires_at);
