-- 006: meeting across silos. Lunch with a colleague one does not know is
-- opt-in per person; each suggestion is remembered so that suggestions
-- rotate fairly instead of always naming the same people.
ALTER TABLE people ADD COLUMN lunch_opt_in INTEGER NOT NULL DEFAULT 0 CHECK (lunch_opt_in IN (0, 1));

CREATE TABLE lunch_suggestions (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    partner_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    suggested_at TEXT NOT NULL,
    CHECK (partner_id <> person_id)
);
CREATE INDEX lunch_suggestions_person ON lunch_suggestions (person_id);
CREATE INDEX lunch_suggestions_partner ON lunch_suggestions (partner_id);
