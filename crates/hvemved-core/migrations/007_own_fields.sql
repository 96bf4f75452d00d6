-- 007: the fields of a person's profile they set themselves in the app, so
-- that an import from the HR system lists a different value as a conflict
-- instead of silently overwriting what the employee wrote.
CREATE TABLE person_own_fields (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    field     TEXT NOT NULL CHECK (field IN ('title', 'phone', 'location')),
    set_at    TEXT NOT NULL,
    PRIMARY KEY (person_id, field)
) WITHOUT ROWID;

-- An import matches people by e-mail in any case; without this every row
-- of a 50 000-row file would scan the whole table.
CREATE INDEX people_email_lower ON people (lower(email));
