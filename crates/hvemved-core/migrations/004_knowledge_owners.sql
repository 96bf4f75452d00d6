-- 004: knowledge owners (vidensansvarlige). A person is responsible for
-- collecting and passing on knowledge in an area: a thesaurus concept id
-- or a category id. A deputy covers when the owner is away.
CREATE TABLE knowledge_owners (
    area       TEXT PRIMARY KEY CHECK (length(trim(area)) > 0),
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    deputy_id  INTEGER REFERENCES people (id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    CHECK (deputy_id IS NULL OR deputy_id <> person_id)
);
CREATE INDEX knowledge_owners_person ON knowledge_owners (person_id);
