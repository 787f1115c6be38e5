-- Recurring series: each completed occurrence gets exactly one successor.

-- Position of a task in its series (1 for the first); COUNT of repeatFrom=completion series counts tasks.
ALTER TABLE tasks ADD COLUMN occurrence_index integer NOT NULL DEFAULT 1 CHECK (occurrence_index >= 1);

-- The task created as this one's next occurrence. Set under the row lock, in the same transaction
-- that creates the successor: a replayed or duplicated completion finds it and creates nothing.
ALTER TABLE tasks ADD COLUMN successor_id bigint;

-- Events a consumer has handled, recorded in the consumer's own transaction before it acknowledges.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_age_idx ON processed_event (processed_at);
