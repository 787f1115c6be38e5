-- Idempotency-Key on task creation (IETF httpapi idempotency-key draft): a client that lost the
-- answer to a POST (timeout, connection reset, 503 outcome-unknown) repeats it with the same key
-- and gets the task the first attempt created, never a second one.
CREATE TABLE idempotency_key (
    user_id      text        NOT NULL,
    idem_key     text        NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 255),
    -- SHA-256 of the validated request: the same key with another request is refused (422).
    request_hash text        NOT NULL,
    -- Set in the transaction that claimed the key and created the task.
    task_id      bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idem_key)
);

-- Pruned with the outbox's retention by the relay.
CREATE INDEX idempotency_key_age_idx ON idempotency_key (created_at);
