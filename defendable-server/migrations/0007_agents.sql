-- Agent profiles, incidents and their receipts (one per incident state), and the
-- owner override recorded on a run that was started on a blocked lane.

CREATE TABLE agent_profiles (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    harness TEXT,
    harness_version TEXT,
    model TEXT,
    model_provider TEXT,
    served_by TEXT,
    runtime_host TEXT,
    runtime_os TEXT,
    runtime_hardware TEXT,
    tools TEXT NOT NULL,
    context_window BIGINT,
    capability_tier TEXT,
    notes TEXT,
    governance TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX agent_profiles_org ON agent_profiles (org_id, created_at, id);

CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    agent_profile_id TEXT REFERENCES agent_profiles(id),
    run_id TEXT REFERENCES runs(id),
    kind TEXT NOT NULL,
    tier TEXT NOT NULL,
    title TEXT NOT NULL,
    detail TEXT,
    lane TEXT,
    response TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 0,
    receipt_row_id TEXT REFERENCES receipts(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX incidents_org ON incidents (org_id, created_at, id);
CREATE INDEX incidents_profile ON incidents (agent_profile_id, kind, status);
-- At most one open recurring_flag incident per profile and lane (the watchdog's key).
CREATE UNIQUE INDEX incidents_one_open_recurring ON incidents (agent_profile_id, lane)
    WHERE kind = 'recurring_flag' AND status = 'open';

CREATE TABLE incident_receipts (
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    revision BIGINT NOT NULL,
    receipt_row_id TEXT NOT NULL REFERENCES receipts(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (incident_id, revision)
);

ALTER TABLE runs ADD COLUMN lane_override_by TEXT;
CREATE INDEX runs_profile ON runs (agent_profile_id);
