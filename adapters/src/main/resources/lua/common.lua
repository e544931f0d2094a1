-- Shared by every operation on one channel. All keys of a channel share its hash tag.
-- Seqs travel as 19-digit zero-padded strings: sorted sets keep them as members
-- ordered lexicographically (score 0), which is exact up to 2^63-1 where a double
-- score would not be, and Lua compares them as strings.
local META = KEYS[1]                 -- hash: head, lastMessageAt, floor (highest seq trimmed out of the window)
local MESSAGES = KEYS[2]             -- zset (lex): the seqs in the window
local MENTION_ALL = KEYS[3]          -- zset (lex): window seqs that mention everyone
local MENTIONED_BY_MESSAGE = KEYS[4] -- hash: seq -> comma-separated users mentioned by name
local MENTIONS = KEYS[5]             -- zset (lex): 'user|seq' for each mention by name
local MEMBERS = KEYS[6]              -- hash: user -> 'lastReadSeq|lastReadAtMillis'
local READ_INDEX = KEYS[7]           -- zset (lex): 'lastReadSeq|user', for receipts

local ZERO = '0000000000000000000'
local MAX_SEQ = '9223372036854775807'

local ops = {}

local function head_seq()
    return redis.call('HGET', META, 'head') or ZERO
end

local function read_position(entry)
    return string.sub(entry, 1, 19)
end

local function read_time(entry)
    return string.sub(entry, 21)
end

local function move_read_position(user, old_seq, seq, at)
    redis.call('HSET', MEMBERS, user, seq .. '|' .. at)
    if old_seq then
        redis.call('ZREM', READ_INDEX, old_seq .. '|' .. user)
    end
    redis.call('ZADD', READ_INDEX, 0, seq .. '|' .. user)
end

-- { status, lastReadSeq, lastReadAt, unread, mentions, headSeq, capped } for a member.
local function with_member_state(status, user)
    local entry = redis.call('HGET', MEMBERS, user)
    local seq = read_position(entry)
    local unread = redis.call('ZLEXCOUNT', MESSAGES, '(' .. seq, '+')
    local mentions = redis.call('ZLEXCOUNT', MENTION_ALL, '(' .. seq, '+')
        + redis.call('ZLEXCOUNT', MENTIONS, '(' .. user .. '|' .. seq, '[' .. user .. '|' .. MAX_SEQ)
    local floor = redis.call('HGET', META, 'floor') or ZERO
    local capped = 0
    if seq < floor then
        capped = 1
    end
    return { status, seq, read_time(entry), unread, mentions, head_seq(), capped }
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
    end
    redis.call('ZREMRANGEBYRANK', MESSAGES, 0, excess - 1)
    redis.call('HSET', META, 'floor', trimmed[#trimmed])
end
