-- 008: personal data. An append-only log of who looked up, exported, edited,
-- imported or erased whom, for the data protection officer and for the
-- person concerned; and a course remembers how many of its attendees have
-- since been erased, so its report can say "tidligere medarbejdere".
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('viewed_profile', 'exported', 'edited', 'imported', 'erased')),
    -- The external id of the person concerned, when there is one.
    person TEXT,
    detail TEXT
);
CREATE INDEX audit_log_person ON audit_log (person);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

ALTER TABLE courses ADD COLUMN former_attendees INTEGER NOT NULL DEFAULT 0;
