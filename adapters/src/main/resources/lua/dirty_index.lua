-- The index of dirty channels, over all channels. KEYS: 1 DIRTY_INDEX, 2 BACKLOG, 3 CLAIMS,
-- 4 CLAIM_OWNERS, 5 FLUSH_STATS. ARGV[1] names the operation.
local DIRTY_INDEX, BACKLOG, CLAIMS, CLAIM_OWNERS, FLUSH_STATS = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]

local function now_millis()
    local time = redis.call('TIME')
    return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

local ops = {}

-- ARGV: 'claim', flusherId, max, leaseMillis. Claims up to max dirty channels, oldest
-- first, that no live lease holds (a lease that ran out belonged to a flusher that died).
ops.claim = function()
    local owner, max, lease = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
    local now = now_millis()
    local candidates = redis.call('ZRANGE', DIRTY_INDEX, 0, max + redis.call('ZCARD', CLAIMS) - 1)
    local claimed = {}
    for _, channel in ipairs(candidates) do
        local expires = redis.call('ZSCORE', CLAIMS, channel)
        if not expires or tonumber(expires) <= now then
            redis.call('ZADD', CLAIMS, now + lease, channel)
            redis.call('HSET', CLAIM_OWNERS, channel, owner)
            claimed[#claimed + 1] = channel
            if #claimed >= max then
                break
            end
        end
    end
    return claimed
end

-- ARGV: 'status'. Returns { backlog, dirtyChannels, lagMillis, lastFlushAt or '', lastFlushRows, flushedRowsTotal }.
ops.status = function()
    local oldest = redis.call('ZRANGE', DIRTY_INDEX, 0, 0, 'WITHSCORES')
    local lag = 0
    if #oldest > 0 then
        lag = math.max(0, now_millis() - tonumber(oldest[2]))
    end
    local stats = redis.call('HMGET', FLUSH_STATS, 'lastFlushAt', 'lastFlushRows', 'flushedRowsTotal')
    return { tonumber(redis.call('GET', BACKLOG) or '0'), redis.call('ZCARD', DIRTY_INDEX), lag,
        stats[1] or '', tonumber(stats[2] or '0'), tonumber(stats[3] or '0') }
end

-- ARGV: 'note_flush', atMillis, rows.
ops.note_flush = function()
    redis.call('HSET', FLUSH_STATS, 'lastFlushAt', ARGV[2], 'lastFlushRows', ARGV[3])
    redis.call('HINCRBY', FLUSH_STATS, 'flushedRowsTotal', ARGV[3])
    return { 1 }
end

local operation = ops[ARGV[1]]
if not operation then
    return redis.error_reply('readstate: unknown operation ' .. tostring(ARGV[1]))
end
return operation()
