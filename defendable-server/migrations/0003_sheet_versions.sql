-- Every flight-sheet definition ever loaded, by its hash, and the version each run was
-- created against: a run is audited by the rules it was assigned, even after the
-- library changes.

CREATE TABLE flight_sheet_versions (
    definition_sha256 TEXT PRIMARY KEY,
    slug TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL
);

INSERT INTO flight_sheet_versions (definition_sha256, slug, definition, created_at)
    SELECT definition_sha256, slug, definition, updated_at FROM flight_sheets;

ALTER TABLE runs ADD COLUMN flight_sheet_sha256 TEXT;

UPDATE runs SET flight_sheet_sha256 =
    (SELECT definition_sha256 FROM flight_sheets WHERE flight_sheets.id = runs.flight_sheet_id)
    WHERE flight_sheet_id IS NOT NULL;
