-- The reminder stream (GET /api/v1/reminders/stream) reads a user's reminders from the outbox, so
-- it works without Kafka and can replay from a Last-Event-ID: the outbox row names its user.
ALTER TABLE outbox_event ADD COLUMN user_id text;

CREATE INDEX outbox_event_user_reminders_idx ON outbox_event (user_id, id)
    WHERE event_type = 'taskflow.reminder.sent';

-- The stream's poller reads everyone's new reminders by position: only reminder rows, however many
-- other events there are.
CREATE INDEX outbox_event_reminders_idx ON outbox_event (id) WHERE event_type = 'taskflow.reminder.sent';
