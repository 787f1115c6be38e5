-- Search: a per-user dictionary of the words in a user's tasks, for search-as-you-type (prefix
-- expansion) and typo correction ("did you mean"). Per user, so a suggestion can only ever be a
-- word from the caller's own tasks. Words are unstemmed ('simple' configuration): a prefix such
-- as "meeti" must find "meeting", whose English stem is "meet".

-- levenshtein() ranks typo candidates (a trusted extension, like pg_trgm).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE FUNCTION taskflow_words(title text, description text, category text, tags text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT lexeme
        FROM unnest(to_tsvector('simple',
                coalesce(title, '') || ' ' || coalesce(description, '') || ' '
                || coalesce(category, '') || ' ' || taskflow_tags_text(tags))) AS t(lexeme, positions, weights)
        WHERE length(lexeme) BETWEEN 2 AND 40
        ORDER BY lexeme);

CREATE TABLE search_terms (
    user_id text    NOT NULL,
    word    text    NOT NULL,
    tasks   integer NOT NULL,
    PRIMARY KEY (user_id, word)
);
-- prefix expansion: user_id = ? AND word LIKE 'meet%'
CREATE INDEX search_terms_prefix_idx ON search_terms (user_id, word text_pattern_ops);
-- typo correction: user_id = ? AND word % 'meetnig' (btree_gin + pg_trgm in one index)
CREATE INDEX search_terms_trgm_idx ON search_terms USING gin (user_id, word gin_trgm_ops);

CREATE FUNCTION taskflow_sync_search_terms() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    old_words text[] := '{}';
    new_words text[] := '{}';
BEGIN
    -- One writer per user's dictionary at a time: two tasks of a user changing words in opposite
    -- orders could otherwise deadlock. (Two-key form: its own lock space, apart from the relay's.)
    PERFORM pg_advisory_xact_lock(7305, hashtext(CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END));
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_words := taskflow_words(OLD.title, OLD.description, OLD.category, OLD.tags);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_words := taskflow_words(NEW.title, NEW.description, NEW.category, NEW.tags);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE search_terms SET tasks = tasks - 1
            WHERE user_id = OLD.user_id AND word = ANY (old_words) AND NOT word = ANY (new_words);
        DELETE FROM search_terms
            WHERE user_id = OLD.user_id AND word = ANY (old_words) AND tasks <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO search_terms (user_id, word, tasks)
            SELECT NEW.user_id, w, 1 FROM unnest(new_words) AS w WHERE NOT w = ANY (old_words) ORDER BY w
            ON CONFLICT (user_id, word) DO UPDATE SET tasks = search_terms.tasks + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tasks_search_terms_insert_delete AFTER INSERT OR DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION taskflow_sync_search_terms();
CREATE TRIGGER tasks_search_terms_update AFTER UPDATE OF title, description, category, tags ON tasks
    FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
          OR OLD.category IS DISTINCT FROM NEW.category OR OLD.tags IS DISTINCT FROM NEW.tags)
    EXECUTE FUNCTION taskflow_sync_search_terms();

INSERT INTO search_terms (user_id, word, tasks)
    SELECT user_id, w, count(*) FROM tasks, unnest(taskflow_words(title, description, category, tags)) AS w
    GROUP BY user_id, w;
