-- All-day tasks (docs/API.md, "Due dates"): a due date without a time of day. due_date holds the
-- start of that day in the task's time_zone, so reminders (remind_at), ordering and due-range
-- filters work on it unchanged; all_day says to answer it as a date.
ALTER TABLE tasks ADD COLUMN all_day boolean NOT NULL DEFAULT false;
ALTER TABLE tasks ADD CONSTRAINT tasks_all_day_needs_due_date CHECK (NOT all_day OR due_date IS NOT NULL);

-- The listing's tag filter (tags @> ARRAY[...]) for one user: user and tags in one GIN index
-- (btree_gin, as tasks_search_idx).
CREATE INDEX tasks_user_tags_idx ON tasks USING gin (user_id, tags);
