-- 009: retention. A person who left is kept only so long: `left_at` says
-- since when, set by the database itself whenever a person stops being
-- active (whichever import or edit did it) and cleared when they come back.
-- People who left before this migration count from their last change.
ALTER TABLE people ADD COLUMN left_at TEXT;
UPDATE people SET left_at = updated_at WHERE active = 0;
CREATE INDEX people_left_at ON people (left_at) WHERE left_at IS NOT NULL;

CREATE TRIGGER people_left_on_insert AFTER INSERT ON people WHEN NEW.active = 0
BEGIN
    UPDATE people SET left_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER people_left AFTER UPDATE OF active ON people WHEN NEW.active = 0 AND OLD.active = 1
BEGIN
    UPDATE people SET left_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER people_returned AFTER UPDATE OF active ON people WHEN NEW.active = 1 AND OLD.active = 0
BEGIN
    UPDATE people SET left_at = NULL WHERE id = NEW.id;
END;
