-- 003: the duty to share after a course. Each attendance has a share-back
-- state: afventer (nothing yet) → planlagt (a date and a forum, e.g.
-- "teammøde torsdag") → delt (the date it happened and a short note).
ALTER TABLE attendance ADD COLUMN shareback_state TEXT NOT NULL DEFAULT 'afventer'
    CHECK (shareback_state IN ('afventer', 'planlagt', 'delt'));
ALTER TABLE attendance ADD COLUMN shareback_date TEXT
    CHECK (shareback_date IS NULL OR date(shareback_date) = shareback_date);
ALTER TABLE attendance ADD COLUMN shareback_forum TEXT;
ALTER TABLE attendance ADD COLUMN shareback_note TEXT;
ALTER TABLE attendance ADD COLUMN shareback_updated_at TEXT;
CREATE INDEX attendance_shareback ON attendance (shareback_state, shareback_date);
