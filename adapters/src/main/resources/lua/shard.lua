-- The keys one shard keeps for all its channels: the index of dirty channels and the loss
-- detection (see RedisKeys). KEYS: 1 DIRTY_INDEX, 2 BACKLOG, 3 CLAIMS, 4 CLAIM_OWNERS,
-- 5 EPOCH, 6 RECOVERING, 7 LAST_LOSS; for 'channels_of', 8 a user's list of channels (kept in
-- the user's shard). ARGV[1] names the operation.
local DIRTY_INDEX, BACKLOG, CLAIMS, CLAIM_OWNERS
local EPOCH, RECOVERING, LAST_LOSS

local function now_millis()
    local time = redis.call('TIME')
    return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

local ops = {}

-- The reply of an operation that must not run on a shard without its epoch (its Redis lost
-- its state): the caller notices the loss, begins a new epoch and asks again.
local function lost()
    return redis.error_reply('READSTATE_LOST this Redis has no epoch key: its state was lost')
end

-- ARGV: 'claim', flusherId, max, leaseMillis. Claims up to max dirty channels, oldest
-- first, that no live lease holds (a lease that ran out belonged to a flusher that died).
-- Returns { heldByOthers, channel... }: heldByOthers counts the dirty channels passed over
-- because another flusher's live lease holds them.
ops.claim = function()
    local owner, max, lease = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
    local now = now_millis()
    local candidates = redis.call('ZRANGE', DIRTY_INDEX, 0, max + redis.call('ZCARD', CLAIMS) - 1)
    local reply = { 0 }
    for _, channel in ipairs(candidates) do
        local expires = redis.call('ZSCORE', CLAIMS, channel)
        if not expires or tonumber(expires) <= now then
            redis.call('ZADD', CLAIMS, now + lease, channel)
            redis.call('HSET', CLAIM_OWNERS, channel, owner)
            reply[#reply + 1] = channel
            if #reply - 1 >= max then
                break
            end
        elseif redis.call('HGET', CLAIM_OWNERS, channel) ~= owner then
            reply[1] = reply[1] + 1
        end
    end
    return reply
end

-- ARGV: 'dirty'. Returns { dirtyChannels } of the shard, or an error when the shard has no
-- epoch (its Redis lost its state): a flusher must not take an emptied index for a written
-- backlog and move the checkpoint past what the loss took.
ops.dirty = function()
    if redis.call('EXISTS', EPOCH) == 0 then
        return lost()
    end
    return { redis.call('ZCARD', DIRTY_INDEX) }
end

-- ARGV: 'status'. Returns { backlog, dirtyChannels, lagMillis } of the shard.
ops.status = function()
    local oldest = redis.call('ZRANGE', DIRTY_INDEX, 0, 0, 'WITHSCORES')
    local lag = 0
    if #oldest > 0 then
        lag = math.max(0, now_millis() - tonumber(oldest[2]))
    end
    return { tonumber(redis.call('GET', BACKLOG) or '0'), redis.call('ZCARD', DIRTY_INDEX), lag }
end

-- ARGV: 'begin_epoch', epochId, recover ('1' or '0'), checkpointAtMillis or '', lostAfterMillis
-- or ''. Starts a new state of the shard when there is none (a first start, or a node that lost
-- its data); with recover, the shard's channels must be rebuilt from PostgreSQL before use.
-- Returns { 1 } when this call began it.
ops.begin_epoch = function()
    if redis.call('EXISTS', EPOCH) == 1 then
        return { 0 }
    end
    local now = now_millis()
    redis.call('SET', EPOCH, ARGV[2])
    if ARGV[3] == '1' then
        redis.call('HSET', RECOVERING, 'detectedAt', now, 'checkpointAt', ARGV[4], 'lostAfter', ARGV[5])
        redis.call('DEL', LAST_LOSS)
        redis.call('HSET', LAST_LOSS, 'detectedAt', now, 'checkpointAt', ARGV[4], 'lostAfter', ARGV[5])
    end
    return { 1 }
end

-- ARGV: 'end_recovery', epochId. Every channel of the shard is rebuilt in that epoch. Returns { 1 }
-- when recovery was on and is now over, { 0 } when it was not on (another pass ended it); { -1 }
-- when the shard lost its state again meanwhile (another epoch): the channels rebuilt before that
-- were lost with it, so the recovery goes on.
ops.end_recovery = function()
    if redis.call('GET', EPOCH) ~= ARGV[2] then
        return { -1 }
    end
    return { redis.call('DEL', RECOVERING) }
end

-- ARGV: 'loss'. Returns { recovering (0/1), detectedAt or '', checkpointAt or '', lostAfter or '' } of the last loss.
ops.loss = function()
    local loss = redis.call('HMGET', LAST_LOSS, 'detectedAt', 'checkpointAt', 'lostAfter')
    return { redis.call('EXISTS', RECOVERING), loss[1] or '', loss[2] or '', loss[3] or '' }
end

-- ARGV: 'channels_of'. Returns { recovering (0/1), channel... }: the channels of the user whose
-- list is KEYS[8], and whether the shard is being rebuilt (its users' lists may then lack
-- channels that PostgreSQL knows); an error when the shard has no epoch (see 'dirty').
ops.channels_of = function()
    if redis.call('EXISTS', EPOCH) == 0 then
        return lost()
    end
    local reply = redis.call('SMEMBERS', KEYS[8])
    table.insert(reply, 1, redis.call('EXISTS', RECOVERING))
    return reply
end

-- One call: keys and args are the call's KEYS and ARGV (see LuaScript).
local function call(keys, args)
    KEYS, ARGV = keys, args
    DIRTY_INDEX, BACKLOG, CLAIMS, CLAIM_OWNERS = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
    EPOCH, RECOVERING, LAST_LOSS = KEYS[5], KEYS[6], KEYS[7]
    local operation = ops[ARGV[1]]
    if not operation then
        return redis.error_reply('readstate: unknown operation ' .. tostring(ARGV[1]))
    end
    return operation()
end
