-- The live streams (GET /api/v1/events/stream and /api/v1/reminders/stream) read a user's task
-- events and reminders from the outbox: by position for the users with a stream open, and one
-- user's after a Last-Event-ID. One index on (user_id, id) serves both; the reminder-only indexes
-- of V5 are no longer read.
CREATE INDEX outbox_event_user_idx ON outbox_event (user_id, id);
DROP INDEX outbox_event_user_reminders_idx;
DROP INDEX outbox_event_reminders_idx;
