-- Shared by every operation on one channel. All keys of a channel share its shard's hash tag,
-- with the shard's epoch, recovery mark and write-behind bookkeeping.
-- Seqs travel as 19-digit zero-padded strings: sorted sets keep them as members
-- ordered lexicographically (score 0), which is exact up to 2^63-1 where a double
-- score would not be, and Lua compares them as strings.
-- A call on one channel names its keys (KEYS[1..9], or KEYS[1..16] with write-behind), and
-- bind_channel points the names below at them; a call on several channels ('channels', 'each',
-- 'members') names each by its meta key alone, and bind_channel_named points the names below at
-- the keys named after it.
local META                 -- hash: head, lastMessageAt, floor (highest seq trimmed out of the window), generation
local MESSAGES             -- zset (lex): the seqs in the window
local MENTION_ALL          -- zset (lex): window seqs that mention everyone
local MENTIONED_BY_MESSAGE -- hash: seq -> comma-separated users mentioned by name
local MENTIONS             -- zset (lex): 'user|seq' for each mention by name
local MEMBERS              -- hash: user -> 'lastReadSeq|lastReadAtMillis|generation'
local READ_INDEX           -- zset (lex): 'lastReadSeq|user', for receipts
-- Loss detection: a shard without its epoch key was lost with its node; while RECOVERING
-- exists, a channel may be used only once it is rebuilt (its meta carries the epoch).
local EPOCH                -- string: set when this shard's state began (one per shard)
local RECOVERING           -- hash: present while channels are rebuilt from PostgreSQL
-- Write-behind only (absent in the other modes): what changed since the last checkpoint.
local DIRTY                -- hash: 'meta', 'm:<user>', 'n:<seq>', 'd:<seq>' -> '0', or for a departed member its generation
local DIRTY_SINCE          -- string: when DIRTY got its first entry (ms)
local FLUSHING             -- hash: the entries a flusher has taken and is writing
local DIRTY_INDEX          -- zset: the shard's channel -> when its oldest unwritten entry became dirty (ms)
local BACKLOG              -- integer: unwritten entries over the shard's channels
local CLAIMS               -- zset: channel -> when the flusher's lease on it runs out (ms)
local CLAIM_OWNERS         -- hash: channel -> the flusher holding the lease
local TRACKING             -- whether the write-behind keys are there
local CHANNEL              -- the channel's id, see RedisKeys: <prefix>{s<shard>}:c:<channel>:meta
local dirty_since_known    -- whether this run has marked an entry: DIRTY_SINCE is set and the channel in the index
-- Per call: the entries it marked dirty (less those forgotten), added once at the end of the call
-- (settle_backlog) to backlog_key, the BACKLOG of the first shard whose entries it counted. Only the
-- sum of the shards' counters means anything (/status adds them up; a flusher takes each shard's
-- written entries off its own): a call's runs span several shards only on a single Redis, where
-- one INCRBY a call then does what one per shard did (about 110 in a call of 250 events). On a
-- Redis Cluster a call is of one shard, and each shard's counter is its own backlog.
local backlog_key, backlog_added

local function add_backlog(count)
    backlog_key = backlog_key or BACKLOG
    backlog_added = backlog_added + count
end

local TRACKED_CHANNEL_KEYS = 16

-- Points the write-behind names above at the given keys (all nil without write-behind), and
-- starts the bound channel's run afresh.
local function bind_tracking(tracked, dirty, dirty_since, flushing, dirty_index, backlog, claims, claim_owners)
    TRACKING = tracked
    DIRTY, DIRTY_SINCE, FLUSHING = dirty, dirty_since, flushing
    DIRTY_INDEX, BACKLOG, CLAIMS, CLAIM_OWNERS = dirty_index, backlog, claims, claim_owners
    dirty_since_known = false
end

-- Points the names above at one channel's keys, KEYS[first .. first + count - 1].
local function bind_channel(first, count)
    META, MESSAGES, MENTION_ALL = KEYS[first], KEYS[first + 1], KEYS[first + 2]
    MENTIONED_BY_MESSAGE, MENTIONS, MEMBERS = KEYS[first + 3], KEYS[first + 4], KEYS[first + 5]
    READ_INDEX, EPOCH, RECOVERING = KEYS[first + 6], KEYS[first + 7], KEYS[first + 8]
    CHANNEL = string.match(META, '}:c:(.*):meta$')
    if count == TRACKED_CHANNEL_KEYS then
        bind_tracking(true, KEYS[first + 9], KEYS[first + 10], KEYS[first + 11],
            KEYS[first + 12], KEYS[first + 13], KEYS[first + 14], KEYS[first + 15])
    else
        bind_tracking(false)
    end
end

-- What begins the names of the keys of the shard whose channel's meta key is `meta`:
-- '<prefix>{s<shard>}:' (neither the prefix nor ids hold braces).
local function shard_prefix(meta)
    return string.match(meta, '^([^}]*}:)')
end

-- Points the names above at the keys of the channel whose meta key is `meta`, named from it
-- as RedisKeys names them: '<prefix>{s<shard>}:c:<channel>:<name>' for the channel's own,
-- '<prefix>{s<shard>}:<name>' for its shard's (its write-behind keys too when `tracked`). A call
-- on 100 channels named 1,600 keys otherwise, most of the Redis client's work encoding it. All
-- share the meta key's hash tag: on a Redis Cluster they are in the slot the call was sent to.
-- The names are built anew in every call. Keeping those of the last 4,096 channels from call to
-- call was tried: with 600 channels in use Redis spent 4% less time an event, with 6,000 6% more
-- (the kept names dropped and built again, and 7 MB of them for Lua's collector to walk).
local function bind_channel_named(meta, tracked)
    local base = string.sub(meta, 1, -5)            -- '<prefix>{s<shard>}:c:<channel>:'
    local shard = shard_prefix(meta)                -- '<prefix>{s<shard>}:'
    META, MESSAGES, MENTION_ALL = meta, base .. 'messages', base .. 'mention-all'
    MENTIONED_BY_MESSAGE, MENTIONS, MEMBERS = base .. 'mentioned-by-message', base .. 'mentions', base .. 'members'
    READ_INDEX, EPOCH, RECOVERING = base .. 'read-index', shard .. 'epoch', shard .. 'recovering'
    CHANNEL = string.sub(base, #shard + 3, -2)
    if tracked then
        bind_tracking(true, base .. 'dirty', base .. 'dirty-since', base .. 'flushing',
            shard .. 'dirty-index', shard .. 'backlog', shard .. 'claims', shard .. 'claim-owners')
    else
        bind_tracking(false)
    end
end

local ZERO = '0000000000000000000'
local MAX_SEQ = '9223372036854775807'

local ops = {}

-- The operations that change a channel (its events), as against its queries and the flusher's own.
local EVENTS = { message = true, read = true, join = true, join_many = true, leave = true, delete = true }

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

-- Counts `added` new entries of DIRTY, of `written` entries just written to it. The first of a run
-- asks whether DIRTY was empty before them: then DIRTY_SINCE is set and the channel enters the
-- shard's index (take empties DIRTY as it deletes DIRTY_SINCE; release keeps the channel while
-- DIRTY_SINCE is set). It need not ask when fewer were added than written (one was there already,
-- as a message's 'meta' usually is), nor need later ones in the run: nothing between them takes
-- DIRTY, and an entry forgotten meanwhile leaves DIRTY_SINCE.
local function count_dirty(added, written)
    if added == 0 then
        return
    end
    add_backlog(added)
    if not dirty_since_known then
        dirty_since_known = true
        if added == written and redis.call('HLEN', DIRTY) == added then
            local now = now_millis()
            redis.call('SET', DIRTY_SINCE, now, 'NX')
            redis.call('ZADD', DIRTY_INDEX, 'NX', now, CHANNEL)
        end
    end
end

-- Records that a piece of state changed and must reach PostgreSQL. A departure carries
-- the generation that left, so that the checkpoint can write it even after a re-join.
local function mark_dirty(field, departed_generation)
    if not TRACKING then
        return
    end
    if departed_generation then
        count_dirty(redis.call('HSET', DIRTY, field, departed_generation), 1)
    else
        count_dirty(redis.call('HSETNX', DIRTY, field, '0'), 1)
    end
end

-- As mark_dirty for two entries that never carry a generation ('meta' and 'n:<seq>'), in one
-- command: writing '0' over their '0' changes nothing.
local function mark_dirty_pair(field, other_field)
    if TRACKING then
        count_dirty(redis.call('HSET', DIRTY, field, '0', other_field, '0'), 2)
    end
end

-- Forgets a dirty entry that no longer needs writing (a message trimmed or deleted before any flush saw it).
local function unmark_dirty(field)
    if TRACKING and redis.call('HDEL', DIRTY, field) == 1 then
        add_backlog(-1)
        return true
    end
    return false
end

-- Adds the call's dirty entries to the backlog; the dispatch runs it before answering.
local function settle_backlog()
    if backlog_added ~= 0 then
        redis.call('INCRBY', backlog_key, backlog_added)
    end
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

-- { status, lastReadSeq, lastReadAt, unread, mentions, headSeq, capped } for a member whose
-- read position is seq, read at `at` (both read from MEMBERS when not given).
local function with_member_state(status, user, seq, at)
    if not seq then
        seq, at = parse_member(redis.call('HGET', MEMBERS, user))
    end
    local unread = redis.call('ZLEXCOUNT', MESSAGES, '(' .. seq, '+')
    local mentions = redis.call('ZLEXCOUNT', MENTION_ALL, '(' .. seq, '+')
        + redis.call('ZLEXCOUNT', MENTIONS, '(' .. user .. '|' .. seq, '[' .. user .. '|' .. MAX_SEQ)
    local head_and_floor = redis.call('HMGET', META, 'head', 'floor')
    local capped = 0
    if seq < (head_and_floor[2] or ZERO) then
        capped = 1
    end
    return { status, seq, at, unread, mentions, head_and_floor[1] or ZERO, capped }
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
    -- { seq, score, seq, score, ... }, the lowest seqs first (all scores are 0: ties go by the member)
    local trimmed = redis.call('ZPOPMIN', MESSAGES, excess)
    for i = 1, #trimmed, 2 do
        forget_mentions(trimmed[i])
        unmark_dirty('n:' .. trimmed[i])
    end
    redis.call('HSET', META, 'floor', trimmed[#trimmed - 1])
end
