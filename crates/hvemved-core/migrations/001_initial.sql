-- 001: the directory. Never edit once landed; add a new numbered file instead.

-- Every write takes the next number here, in the same transaction as the
-- write, so the search index (and a later sync) can tell what it has seen.
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    at          TEXT NOT NULL
);

-- Tombstones, so that a deletion can be passed on.
CREATE TABLE deletions (
    entity      TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    external_id TEXT,
    deleted_at  TEXT NOT NULL,
    change_seq  INTEGER NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    parent_id  INTEGER REFERENCES units (id) ON DELETE RESTRICT,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('forvaltning', 'afdeling', 'team')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL
);
-- Sibling names are unique; the top level has parent 0 here since NULLs never collide.
CREATE UNIQUE INDEX units_sibling_name ON units (coalesce(parent_id, 0), name);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    external_id TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title       TEXT,
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    profession  TEXT,
    email       TEXT,
    phone       TEXT,
    location    TEXT,
    bio         TEXT,
    languages   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    change_seq  INTEGER NOT NULL
);
CREATE INDEX people_unit ON people (unit_id);
CREATE INDEX people_change_seq ON people (change_seq);

CREATE TABLE skills (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    english_label TEXT,
    synonyms      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(synonyms)),
    category      TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    change_seq    INTEGER NOT NULL
);

CREATE TABLE person_skills (
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_id       INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    level          INTEGER CHECK (level BETWEEN 1 AND 5),
    source         TEXT NOT NULL CHECK (source IN ('selv', 'hr')),
    can_mentor     INTEGER NOT NULL DEFAULT 0 CHECK (can_mentor IN (0, 1)),
    wants_to_learn INTEGER NOT NULL DEFAULT 0 CHECK (wants_to_learn IN (0, 1)),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (person_id, skill_id)
);
CREATE INDEX person_skills_skill ON person_skills (skill_id);

CREATE TABLE courses (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    external_id   TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind          TEXT CHECK (kind IN ('kursus', 'konference', 'temadag', 'uddannelse')),
    provider      TEXT,
    start_date    TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
    end_date      TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
    location      TEXT,
    summary       TEXT,
    key_takeaways TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    change_seq    INTEGER NOT NULL
);
CREATE INDEX courses_change_seq ON courses (change_seq);

CREATE TABLE course_skills (
    course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, skill_id)
);

CREATE TABLE attendance (
    course_id  INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role       TEXT NOT NULL DEFAULT 'deltager' CHECK (role IN ('deltager', 'rapportforfatter')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (course_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);
