-- Invites whose secret was shown to the inviter (development without mail) cannot be
-- accepted once the server sends mail: accepting one proves nothing about the mailbox.
-- Every invite made before this migration had its secret returned, so they count as shown.
ALTER TABLE invites ADD COLUMN token_disclosed BIGINT NOT NULL DEFAULT 1;

-- Rate-limit counters shared by every process of a PostgreSQL deployment: one row per
-- bucket (a limit and a hashed key), counting the hits of the current fixed window.
CREATE TABLE rate_limit_windows (
    bucket TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL
);
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);
