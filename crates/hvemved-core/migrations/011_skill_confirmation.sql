-- 011: a skill imported from the HR system waits for the employee to
-- confirm it; once they show or hide it, it is their choice, which a hidden
-- skill alone cannot tell apart from one still waiting.
ALTER TABLE person_skills ADD COLUMN awaiting_confirmation INTEGER NOT NULL DEFAULT 0
    CHECK (awaiting_confirmation IN (0, 1));
