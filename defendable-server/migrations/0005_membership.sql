-- Membership: each organisation's state and application, a serialising seat
-- counter, the Checkout Sessions this server created, every verified Stripe
-- event, and every payment Stripe reported (whatever became of it).

ALTER TABLE orgs ADD COLUMN membership_status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE orgs ADD COLUMN membership_applied_at TEXT;
ALTER TABLE orgs ADD COLUMN membership_application TEXT;
ALTER TABLE orgs ADD COLUMN membership_approved_at TEXT;
ALTER TABLE orgs ADD COLUMN membership_activated_at TEXT;
ALTER TABLE orgs ADD COLUMN membership_renewal_at TEXT;
ALTER TABLE orgs ADD COLUMN seat_number BIGINT;
ALTER TABLE orgs ADD COLUMN stripe_customer_id TEXT;
CREATE UNIQUE INDEX orgs_seat_number ON orgs (seat_number);
CREATE INDEX orgs_membership ON orgs (membership_status, membership_applied_at);

CREATE TABLE membership_counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO membership_counters (name, value) VALUES ('seat', 0);

CREATE TABLE checkout_sessions (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    price_id TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    currency TEXT NOT NULL,
    created_by TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX checkout_sessions_org ON checkout_sessions (org_id, created_at);

CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    outcome TEXT NOT NULL,
    org_id TEXT,
    seat_number BIGINT,
    received_at TEXT NOT NULL
);

CREATE TABLE membership_payments (
    id TEXT PRIMARY KEY,
    payment_key TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL,
    checkout_session_id TEXT,
    org_id TEXT,
    amount_cents BIGINT,
    currency TEXT,
    customer_id TEXT,
    outcome TEXT NOT NULL,
    seat_number BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX membership_payments_org ON membership_payments (org_id, created_at);
