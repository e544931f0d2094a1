--liquibase formatted sql

-- A change set, once on main, is never edited, not even its comments: they count in its
-- checksum, and a database migrated with the old text refuses to start. (Change set 4's
-- comments were reworded once; its validCheckSum accepts the first wording's checksum.)

-- How many hash partitions changeset 2 makes of each table; the service passes its configured count.
--property name:partitions value:16

--changeset readstate:1-read-state
--comment: The durable read state. Every table is keyed by channel first, so it can be partitioned by channel.
CREATE TABLE channels (
    channel_id      text        PRIMARY KEY,
    head_seq        bigint      NOT NULL DEFAULT 0,   -- the highest seq seen
    last_message_at timestamptz,
    window_floor    bigint      NOT NULL DEFAULT 0,   -- the highest seq trimmed out of the window
    window_count    integer     NOT NULL DEFAULT 0,   -- messages in the window (seq > window_floor, not deleted)
    generation      bigint      NOT NULL DEFAULT 0,   -- the last membership generation handed out
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per user who is or was a member. A row with present = false is a departure:
-- it keeps only the generation, so that a late write of the old membership cannot bring it back.
CREATE TABLE members (
    channel_id    text        NOT NULL,
    user_id       text        NOT NULL,
    generation    bigint      NOT NULL,
    present       boolean     NOT NULL,
    last_read_seq bigint      NOT NULL,
    last_read_at  timestamptz NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX members_of_user ON members (user_id) WHERE present;

-- The messages of each channel's window; deleted ones are kept as tombstones until they leave the window.
CREATE TABLE messages (
    channel_id  text    NOT NULL,
    seq         bigint  NOT NULL,
    mention_all boolean NOT NULL DEFAULT false,
    deleted     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (channel_id, seq)
);

-- Mentions by name, each tied to the membership (generation) it was made for.
CREATE TABLE mentions (
    channel_id text   NOT NULL,
    seq        bigint NOT NULL,
    user_id    text   NOT NULL,
    generation bigint NOT NULL,
    PRIMARY KEY (channel_id, seq, user_id)
);
CREATE INDEX mentions_of_member ON mentions (channel_id, user_id, seq);
--rollback DROP TABLE mentions; DROP TABLE messages; DROP TABLE members; DROP TABLE channels;

--changeset readstate:2-partition-by-channel splitStatements:false
--comment: Each table becomes PARTITION BY HASH (channel_id) with ${partitions} partitions (the configured count when this first runs), rows kept.
DO $$
DECLARE
    partitions constant integer := ${partitions};
    -- this transaction locks what each partition brings, 18 relations (4 tables, their TOAST tables and indexes)
    lock_slots constant integer := current_setting('max_locks_per_transaction')::integer
        * (current_setting('max_connections')::integer + current_setting('max_prepared_transactions')::integer);
BEGIN
    IF partitions < 1 OR partitions > 1024 THEN
        RAISE EXCEPTION 'the partition count must be between 1 and 1024, not %', partitions;
    END IF;
    IF 18 * partitions > lock_slots THEN
        RAISE EXCEPTION '% partitions take % locks in one transaction; the server has room for %', partitions,
            18 * partitions, lock_slots USING HINT = 'Raise max_locks_per_transaction, or partition less.';
    END IF;
END
$$;

-- The old tables step aside, and so do the names of their indexes, which the new tables take over.
ALTER TABLE channels RENAME TO channels_unpartitioned;
ALTER INDEX channels_pkey RENAME TO channels_unpartitioned_pkey;
ALTER TABLE members RENAME TO members_unpartitioned;
ALTER INDEX members_pkey RENAME TO members_unpartitioned_pkey;
ALTER INDEX members_of_user RENAME TO members_unpartitioned_of_user;
ALTER TABLE messages RENAME TO messages_unpartitioned;
ALTER INDEX messages_pkey RENAME TO messages_unpartitioned_pkey;
ALTER TABLE mentions RENAME TO mentions_unpartitioned;
ALTER INDEX mentions_pkey RENAME TO mentions_unpartitioned_pkey;
ALTER INDEX mentions_of_member RENAME TO mentions_unpartitioned_of_member;

CREATE TABLE channels (
    channel_id      text        PRIMARY KEY,
    head_seq        bigint      NOT NULL DEFAULT 0,
    last_message_at timestamptz,
    window_floor    bigint      NOT NULL DEFAULT 0,
    window_count    integer     NOT NULL DEFAULT 0,
    generation      bigint      NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now()
) PARTITION BY HASH (channel_id);

CREATE TABLE members (
    channel_id    text        NOT NULL,
    user_id       text        NOT NULL,
    generation    bigint      NOT NULL,
    present       boolean     NOT NULL,
    last_read_seq bigint      NOT NULL,
    last_read_at  timestamptz NOT NULL,
    PRIMARY KEY (channel_id, user_id)
) PARTITION BY HASH (channel_id);
CREATE INDEX members_of_user ON members (user_id) WHERE present;

CREATE TABLE messages (
    channel_id  text    NOT NULL,
    seq         bigint  NOT NULL,
    mention_all boolean NOT NULL DEFAULT false,
    deleted     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (channel_id, seq)
) PARTITION BY HASH (channel_id);

CREATE TABLE mentions (
    channel_id text   NOT NULL,
    seq        bigint NOT NULL,
    user_id    text   NOT NULL,
    generation bigint NOT NULL,
    PRIMARY KEY (channel_id, seq, user_id)
) PARTITION BY HASH (channel_id);
CREATE INDEX mentions_of_member ON mentions (channel_id, user_id, seq);

-- Partitions are named <table>_p<remainder>; each gets the primary key and indexes of its table.
DO $$
DECLARE
    partitions constant integer := ${partitions};
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['channels', 'members', 'messages', 'mentions'] LOOP
        FOR remainder IN 0 .. partitions - 1 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS %s, REMAINDER %s)',
                           tbl || '_p' || remainder, tbl, partitions, remainder);
        END LOOP;
    END LOOP;
END
$$;

INSERT INTO channels (channel_id, head_seq, last_message_at, window_floor, window_count, generation, updated_at)
SELECT channel_id, head_seq, last_message_at, window_floor, window_count, generation, updated_at
FROM channels_unpartitioned;
INSERT INTO members (channel_id, user_id, generation, present, last_read_seq, last_read_at)
SELECT channel_id, user_id, generation, present, last_read_seq, last_read_at FROM members_unpartitioned;
INSERT INTO messages (channel_id, seq, mention_all, deleted)
SELECT channel_id, seq, mention_all, deleted FROM messages_unpartitioned;
INSERT INTO mentions (channel_id, seq, user_id, generation)
SELECT channel_id, seq, user_id, generation FROM mentions_unpartitioned;

DROP TABLE channels_unpartitioned, members_unpartitioned, messages_unpartitioned, mentions_unpartitioned;
ANALYZE channels, members, messages, mentions;
/* liquibase rollback
ALTER TABLE channels RENAME TO channels_partitioned;
ALTER INDEX channels_pkey RENAME TO channels_partitioned_pkey;
ALTER TABLE members RENAME TO members_partitioned;
ALTER INDEX members_pkey RENAME TO members_partitioned_pkey;
ALTER INDEX members_of_user RENAME TO members_partitioned_of_user;
ALTER TABLE messages RENAME TO messages_partitioned;
ALTER INDEX messages_pkey RENAME TO messages_partitioned_pkey;
ALTER TABLE mentions RENAME TO mentions_partitioned;
ALTER INDEX mentions_pkey RENAME TO mentions_partitioned_pkey;
ALTER INDEX mentions_of_member RENAME TO mentions_partitioned_of_member;
CREATE TABLE channels (LIKE channels_partitioned INCLUDING DEFAULTS, PRIMARY KEY (channel_id));
CREATE TABLE members (LIKE members_partitioned INCLUDING DEFAULTS, PRIMARY KEY (channel_id, user_id));
CREATE INDEX members_of_user ON members (user_id) WHERE present;
CREATE TABLE messages (LIKE messages_partitioned INCLUDING DEFAULTS, PRIMARY KEY (channel_id, seq));
CREATE TABLE mentions (LIKE mentions_partitioned INCLUDING DEFAULTS, PRIMARY KEY (channel_id, seq, user_id));
CREATE INDEX mentions_of_member ON mentions (channel_id, user_id, seq);
INSERT INTO channels SELECT * FROM channels_partitioned;
INSERT INTO members SELECT * FROM members_partitioned;
INSERT INTO messages SELECT * FROM messages_partitioned;
INSERT INTO mentions SELECT * FROM mentions_partitioned;
DROP TABLE channels_partitioned, members_partitioned, messages_partitioned, mentions_partitioned;
*/

--changeset readstate:3-sync-checkpoint
--comment: The write-behind checkpoint: every change acknowledged before durable_until is in the tables above, none acknowledged after taken_by is. One row; it only moves forward.
CREATE TABLE sync_checkpoint (
    id            smallint    PRIMARY KEY CHECK (id = 1),
    durable_until timestamptz NOT NULL,
    taken_by      timestamptz NOT NULL
);
-- Before this table the newest flush's time stood for the checkpoint.
INSERT INTO sync_checkpoint (id, durable_until, taken_by)
SELECT 1, max(updated_at), max(updated_at) FROM channels HAVING max(updated_at) IS NOT NULL;
--rollback DROP TABLE sync_checkpoint;

--changeset readstate:4-members-fillfactor splitStatements:false rollbackSplitStatements:false
--validCheckSum: 9:4257be7addb5335adb5cd676e404a77b
--comment: Members' pages keep a fifth free, so that a read position moves within its page (a HOT update) instead of adding index entries. Rows written before this move to pages with room as they change.
-- Measured on flushes of about 50,000 rows each (half of them read positions in 10,000-member
-- channels): with full pages 57 of 173,572 updates were HOT and 5,000 read positions took
-- 60-108 ms; with this, all 93,687 of a like run were, and 5,000 took 28-38 ms.
DO $$
DECLARE
    partition regclass;
BEGIN
    FOR partition IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'members'::regclass LOOP
        EXECUTE format('ALTER TABLE %s SET (fillfactor = 80)', partition);
    END LOOP;
END
$$;
/* liquibase rollback
DO $$
DECLARE
    partition regclass;
BEGIN
    FOR partition IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'members'::regclass LOOP
        EXECUTE format('ALTER TABLE %s RESET (fillfactor)', partition);
    END LOOP;
END
$$;
*/

--changeset readstate:5-forget-stray-departures
--comment: Flushes before this version read a channel's dirty 'meta' entry as a member's ('m' then the user 'ta') and wrote a departure of 'ta' with generation 0 in every channel whose fields changed. Every real membership has a generation of 1 or more.
DELETE FROM members WHERE user_id = 'ta' AND generation = 0 AND NOT present;
--rollback empty
