-- 012: an attendee's share-back state can be for HR only (say, a course
-- taken as part of a personal arrangement): then only HR, the attendee and
-- their leaders see whether and where it was shared.
ALTER TABLE attendance ADD COLUMN shareback_hr_only INTEGER NOT NULL DEFAULT 0
    CHECK (shareback_hr_only IN (0, 1));
