--liquibase formatted sql

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
