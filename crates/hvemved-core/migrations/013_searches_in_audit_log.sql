-- 013: searches go into the audit log too. SQLite cannot widen a CHECK in
-- place, so the log is copied into a table that allows them, entry ids and
-- all, and its append-only triggers are made anew.
ALTER TABLE audit_log RENAME TO audit_log_012;
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL
        CHECK (action IN ('viewed_profile', 'exported', 'edited', 'imported', 'erased', 'searched')),
    -- The external id of the person concerned, when there is one.
    person TEXT,
    detail TEXT
);
INSERT INTO audit_log (id, at, actor, action, person, detail)
    SELECT id, at, actor, action, person, detail FROM audit_log_012 ORDER BY id;
DROP TABLE audit_log_012;
CREATE INDEX audit_log_person ON audit_log (person);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
