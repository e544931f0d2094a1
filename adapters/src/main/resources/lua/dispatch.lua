-- ARGV[1] names the operation. Every operation first checks that this Redis still holds
-- its state (the epoch key) and, while channels are being rebuilt, that this channel is.

-- Per call: the EPOCH keys of shards found holding their epoch and not being rebuilt (nothing
-- in one call can change either).
local usable_shards

-- nil when the bound channel may be used; else what the call answers instead. One EXISTS counts
-- EPOCH once and RECOVERING twice: 0, neither (the state was lost); 1, the epoch alone (the usual
-- case); 2, the recovery mark alone (the epoch key gone: lost too); 3, both (channels are being
-- rebuilt from PostgreSQL: this one may be used once rebuilt, when its meta carries the epoch).
-- Events (alone or in a 'batch') answer a lost state with { -200 } (nothing applied) rather than
-- an error, so that a pipelined batch of events never fails in part (sent again whole, the calls
-- that had gone through would run twice); the client begins a new epoch and sends them again.
local function refusal(operation)
    if usable_shards[EPOCH] then
        return nil
    end
    local present = redis.call('EXISTS', EPOCH, RECOVERING, RECOVERING)
    if present == 0 or present == 2 then
        if EVENTS[operation] or operation == 'batch' then
            return { -200 }
        end
        return redis.error_reply('READSTATE_LOST this Redis has no epoch key: its state was lost')
    end
    if present == 1 then
        usable_shards[EPOCH] = true
    elseif operation ~= 'restore' and redis.call('HGET', META, 'epoch') ~= redis.call('GET', EPOCH) then
        return { -100 }
    end
    return nil
end

-- For a call on several channels (KEYS their meta keys): when they are of several shards, asks
-- in two commands whether every one of those shards holds its epoch and none is being rebuilt
-- (the usual case), and if so marks them all usable; else refusal asks shard by shard, as it
-- does for a call on one shard. On a single Redis a call's channels span up to all 128 shards,
-- and asking each cost one EXISTS per shard in every call.
local function check_shards()
    local epochs, recovering, seen = {}, {}, {}
    for n = 1, #KEYS do
        local shard = shard_prefix(KEYS[n])
        if not seen[shard] then
            seen[shard] = true
            epochs[#epochs + 1] = shard .. 'epoch'
            recovering[#recovering + 1] = shard .. 'recovering'
        end
    end
    if #epochs < 2 then
        return
    end
    if redis.call('EXISTS', unpack(epochs)) == #epochs and redis.call('EXISTS', unpack(recovering)) == 0 then
        for _, epoch in ipairs(epochs) do
            usable_shards[epoch] = true
        end
    end
end

local WITH_OTHER_CHANNELS = { message = true, read = true, delete = true, batch = true }

-- Runs of events on several channels in one call (in order): KEYS holds each run's meta key;
-- ARGV: 'channels', '1' with write-behind's keys (else '0'), then for each run its argument
-- count n and the n arguments the run would be sent with alone (an event, or a 'batch').
-- Returns each run's reply, as the run alone would get it (a run whose shard lost its state,
-- or whose channel is still to be rebuilt, changes nothing).
local function run_channels()
    local runs, refused_operation = counted_arguments(3, function(operation)
        return WITH_OTHER_CHANNELS[operation]
    end)
    if not runs then
        return redis.error_reply('readstate: operation ' .. tostring(refused_operation)
            .. ' cannot run with other channels')
    end
    if #KEYS ~= #runs then
        return redis.error_reply('readstate: ' .. #KEYS .. ' keys for ' .. #runs .. ' channels')
    end
    local tracked = ARGV[2] == '1'
    check_shards()
    local replies = {}
    for n, args in ipairs(runs) do
        bind_channel_named(KEYS[n], tracked)
        local refused = refusal(args[1])
        if refused then
            replies[n] = refused
        else
            replies[n] = run_with(args)
        end
    end
    return replies
end

-- The flusher's operations on a channel, which 'each' runs on several.
local FLUSHER_OPERATIONS = { pending = true, take = true, release = true, abandon = true }

-- One of the flusher's operations on several channels in one call, so that a flush of
-- hundreds of channels costs a few script calls rather than hundreds: KEYS holds each
-- channel's meta key (on a cluster, channels of one shard); ARGV: 'each', then the
-- arguments the operation takes alone (its name first). Returns each
-- channel's reply as the operation alone would give it; a shard that lost its state fails
-- the whole call, as the operation alone would fail (the first channel finds it, before
-- anything changed: a call's channels share one Redis, and on a cluster one shard).
local function run_each()
    local operation = ARGV[2]
    if not FLUSHER_OPERATIONS[operation] then
        return redis.error_reply('readstate: operation ' .. tostring(operation) .. ' cannot run on each channel')
    end
    if #KEYS == 0 then
        return redis.error_reply('readstate: no channels to run ' .. operation .. ' on')
    end
    table.remove(ARGV, 1)
    check_shards()
    local replies = {}
    for n = 1, #KEYS do
        bind_channel_named(KEYS[n], true)
        local refused = refusal(operation)
        if refused and refused.err then
            return refused
        end
        replies[n] = refused or ops[operation]()
    end
    return replies
end

-- One user's state in several channels (what a user's unread summary asks), in one call: KEYS
-- holds each channel's meta key (on a cluster, channels of one shard); ARGV:
-- 'members', user. Returns each channel's reply as 'member' alone would give it ({ -100 } for a
-- channel still to be rebuilt); a shard that lost its state fails the whole call, as 'member'
-- alone would fail (nothing was changed: the caller begins a new epoch and asks again).
local function run_members()
    if #KEYS == 0 then
        return redis.error_reply('readstate: no channels to ask about')
    end
    check_shards()
    local replies = {}
    for n = 1, #KEYS do
        bind_channel_named(KEYS[n], false)
        local refused = refusal('member')
        if refused and refused.err then
            return refused
        end
        replies[n] = refused or ops.member()
    end
    return replies
end

local function dispatch()
    if ARGV[1] == 'channels' then
        return run_channels()
    end
    if ARGV[1] == 'members' then
        return run_members()
    end
    if ARGV[1] == 'each' then
        return run_each()
    end
    local operation = ops[ARGV[1]]
    if not operation then
        return redis.error_reply('readstate: unknown operation ' .. tostring(ARGV[1]))
    end
    bind_channel(1, #KEYS)
    return refusal(ARGV[1]) or operation()
end

-- One call: keys and args are the call's KEYS and ARGV. Run as a function, the whole program
-- is loaded once and only call runs each time (see LuaScript), so every variable declared
-- outside a function is either a constant, set afresh here, or set by bind_channel before it
-- is read: one that must start afresh on each call has to be set here.
-- A call that fails half way keeps what it wrote (Redis does not roll scripts back): the
-- backlog of the entries it marked dirty is added all the same before the error goes on.
local function call(keys, args)
    KEYS, ARGV = keys, args
    usable_shards, backlog_key, backlog_added = {}, nil, 0
    local ok, reply = pcall(dispatch)
    settle_backlog()
    KEYS, ARGV = nil, nil  -- not kept until the next call (a restore's arguments are large)
    if not ok then
        error(reply, 0)
    end
    return reply
end
