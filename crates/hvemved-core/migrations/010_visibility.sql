-- 010: who sees what. Each skill entry of a person is shown to everyone or
-- only to the person, their leaders and HR; a skill that came from the HR
-- system waits hidden until the person confirms it (existing entries stay
-- as they were shown). A person may hide fields of their profile the same
-- way. A course report can be for HR only. What is not shown to everyone
-- never enters the shared search index.
ALTER TABLE person_skills ADD COLUMN shown INTEGER NOT NULL DEFAULT 1 CHECK (shown IN (0, 1));
ALTER TABLE people ADD COLUMN hidden_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hidden_fields));
ALTER TABLE courses ADD COLUMN hr_only INTEGER NOT NULL DEFAULT 0 CHECK (hr_only IN (0, 1));
