-- 005: initiatives, networks and collaboration forums (kortlægning), so
-- that two departments can see each other's work before starting their own.
CREATE TABLE initiatives (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    external_id  TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('indsats', 'netvaerk', 'samarbejdsforum',
                                               'koordinationsgruppe', 'projekt')),
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    purpose      TEXT,
    target_group TEXT,
    start_date   TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),
    end_date     TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),
    contact      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    change_seq   INTEGER NOT NULL,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE TABLE initiative_units (
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, unit_id)
);

CREATE TABLE initiative_members (
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('tovholder', 'medlem')),
    PRIMARY KEY (initiative_id, person_id)
);
CREATE INDEX initiative_members_person ON initiative_members (person_id);
