-- 002: thesaurus concepts added or edited in this directory (by HR). A row
-- replaces the built-in concept with the same id, or adds a new one. Search
-- expands queries with them at once; nothing needs reindexing.
CREATE TABLE thesaurus_concepts (
    concept_id TEXT PRIMARY KEY,
    concept    TEXT NOT NULL CHECK (json_valid(concept)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL
);
