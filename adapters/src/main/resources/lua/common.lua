-- Shared by every operation on one channel. All keys of a channel share its shard's hash tag,
-- with the shard's epoch, recovery mark and write-behind bookkeeping.
-- Seqs travel as 19-digit zero-padded strings: sorted sets keep them as members
-- ordered lexicographically (score 0), which is exact up to 2^63-1 where a double
-- score would not be, and Lua compares them as strings.
local META = KEYS[1]                 -- hash: head, lastMessageAt, floor (highest seq trimmed out of the window), generation
local MESSAGES = KEYS[2]             -- zset (lex): the seqs in the window
local MENTION_ALL = KEYS[3]          -- zset (lex): window seqs that mention everyone
local MENTIONED_BY_MESSAGE = KEYS[4] -- hash: seq -> comma-separated users mentioned by name
local MENTIONS = KEYS[5]             -- zset (lex): 'user|seq' for each mention by name
local MEMBERS = KEYS[6]              -- hash: user -> 'lastReadSeq|lastReadAtMillis|generation'
local READ_INDEX = KEYS[7]           -- zset (lex): 'lastReadSeq|user', for receipts
-- Loss detection: a shard without its epoch key was lost with its node; while RECOVERING
-- exists, a channel may be used only once it is rebuilt (its meta carries the epoch).
local EPOCH = KEYS[8]                -- string: set when this shard's state began (one per shard)
local RECOVERING = KEYS[9]           -- hash: present while channels are rebuilt from PostgreSQL
-- Write-behind only (absent in the other modes): what changed since the last checkpoint.
local DIRTY = KEYS[10]               -- hash: 'meta', 'm:<user>', 'n:<seq>', 'd:<seq>' -> '0', or for a departed member its generation
local DIRTY_SINCE = KEYS[11]         -- string: when DIRTY got its first entry (ms)
local FLUSHING = KEYS[12]            -- hash: the entries a flusher has taken and is writing
local DIRTY_INDEX = KEYS[13]         -- zset: the shard's channel -> when its oldest unwritten entry became dirty (ms)
local BACKLOG = KEYS[14]             -- integer: unwritten entries over the shard's channels
local CLAIMS = KEYS[15]              -- zset: channel -> when the flusher's lease on it runs out (ms)
local CLAIM_OWNERS = KEYS[16]        -- hash: channel -> the flusher holding the lease
local TRACKING = DIRTY ~= nil

local ZERO = '0000000000000000000'
local MAX_SEQ = '9223372036854775807'
local CHANNEL = string.match(META, '}:c:(.*):meta$')  -- see RedisKeys: <prefix>{s<shard>}:c:<channel>:meta

local ops = {}

local function now_millis()
    local time = redis.call('TIME')
    return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

local function head_seq()
    return redis.call('HGET', META, 'head') or ZERO
end

-- A member's entry: its read position, when it read, and the membership generation.
local function parse_member(entry)
    return string.match(entry, '^(%d+)|(%d+)|(%d+)$')
end

-- Records that a piece of state changed and must reach PostgreSQL. A departure carries
-- the generation that left, so that the checkpoint can write it even after a re-join.
local function mark_dirty(field, departed_generation)
    if not TRACKING then
        return
    end
    local added
    if departed_generation then
        added = redis.call('HSET', DIRTY, field, departed_generation)
    else
        added = redis.call('HSETNX', DIRTY, field, '0')
    end
    if added == 1 then
        local now = now_millis()
        redis.call('INCR', BACKLOG)
        redis.call('SET', DIRTY_SINCE, now, 'NX')
        redis.call('ZADD', DIRTY_INDEX, 'NX', now, CHANNEL)
    end
end

-- Forgets a dirty entry that no longer needs writing (a message trimmed or deleted before any flush saw it).
local function unmark_dirty(field)
    if TRACKING and redis.call('HDEL', DIRTY, field) == 1 then
        redis.call('DECR', BACKLOG)
        return true
    end
    return false
end

local function move_read_position(user, old_seq, seq, at, generation)
    redis.call('HSET', MEMBERS, user, seq .. '|' .. at .. '|' .. generation)
    if old_seq then
        redis.call('ZREM', READ_INDEX, old_seq .. '|' .. user)
    end
    redis.call('ZADD', READ_INDEX, 0, seq .. '|' .. user)
    mark_dirty('m:' .. user)
end

local function next_generation()
    mark_dirty('meta')
    return redis.call('HINCRBY', META, 'generation', 1)
end

-- { status, lastReadSeq, lastReadAt, unread, mentions, headSeq, capped } for a member.
local function with_member_state(status, user)
    local seq, at = parse_member(redis.call('HGET', MEMBERS, user))
    local unread = redis.call('ZLEXCOUNT', MESSAGES, '(' .. seq, '+')
    local mentions = redis.call('ZLEXCOUNT', MENTION_ALL, '(' .. seq, '+')
        + redis.call('ZLEXCOUNT', MENTIONS, '(' .. user .. '|' .. seq, '[' .. user .. '|' .. MAX_SEQ)
    local floor = redis.call('HGET', META, 'floor') or ZERO
    local capped = 0
    if seq < floor then
        capped = 1
    end
    return { status, seq, at, unread, mentions, head_seq(), capped }
end

local function forget_mentions(seq)
    local names = redis.call('HGET', MENTIONED_BY_MESSAGE, seq)
    if names then
        for user in string.gmatch(names, '[^,]+') do
            redis.call('ZREM', MENTIONS, user .. '|' .. seq)
        end
        redis.call('HDEL', MENTIONED_BY_MESSAGE, seq)
    end
    redis.call('ZREM', MENTION_ALL, seq)
end

-- Keeps the newest `size` messages; the highest seq trimmed becomes the window's floor.
local function keep_window(size)
    local excess = redis.call('ZCARD', MESSAGES) - size
    if excess <= 0 then
        return
    end
    local trimmed = redis.call('ZRANGE', MESSAGES, 0, excess - 1)
    for _, seq in ipairs(trimmed) do
        forget_mentions(seq)
        unmark_dirty('n:' .. seq)
    end
    redis.call('ZREMRANGEBYRANK', MESSAGES, 0, excess - 1)
    redis.call('HSET', META, 'floor', trimmed[#trimmed])
end
