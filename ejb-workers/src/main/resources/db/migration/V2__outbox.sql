-- The transactional outbox: an event is written in the same transaction as the change it
-- describes; the relay publishes it to Kafka and stamps published_at after the broker's ack.

CREATE TABLE outbox_event (
    -- Allocation order. Every writer of a task holds its row lock while it writes the event,
    -- so for one key (task id) this is also commit order: the relay publishes by id.
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL,
    topic        text        NOT NULL,
    event_key    text        NOT NULL,
    event_type   text        NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz,
    -- One event may go to several topics (a completed recurring task: task-events and task-recurrence).
    CONSTRAINT outbox_event_once_per_topic UNIQUE (event_id, topic)
);

-- The relay's work queue: only what is still to be published, in order.
CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;

-- Pruning published rows after the retention period.
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
