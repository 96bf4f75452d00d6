-- 014: the courses that name a skill, found without reading every course's
-- skills. Bringing the search index up to date after an edit asks this for
-- the skills changed since; without the index SQLite read the whole table
-- and indexed the change log anew on every edit (some 20-90 ms at
-- 100 000 people, against 1-3 ms with it).
CREATE INDEX course_skills_skill ON course_skills (skill_id);
