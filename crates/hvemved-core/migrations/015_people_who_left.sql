-- 015: the people who left, counted without reading every person. The
-- directory's counts (shown in every window's footer, asked for after each
-- import) read the whole people table for the active ones: 4 MB at 10 000
-- people, all of it kept in the page cache afterwards. Few people have left,
-- so this index is small and costs an import of active people nothing.
CREATE INDEX people_who_left ON people (id) WHERE active = 0;
