-- ARGV from ARGV[first], as lists of arguments: for each, its count n, then the n arguments.
-- Returns the lists, or nil and the operation of the first that `allowed` (given an
-- operation's name) refuses.
local function counted_arguments(first, allowed)
    local lists, i = {}, first
    while i <= #ARGV do
        local count = tonumber(ARGV[i])
        local args = {}
        for k = 1, count do
            args[k] = ARGV[i + k]
        end
        if not allowed(args[1]) then
            return nil, args[1]
        end
        lists[#lists + 1] = args
        i = i + count + 1
    end
    return lists
end

-- Runs the operation args names as if it had been sent with args: the operations read
-- ARGV, which holds args from then on, so a caller reads the call's own arguments first
-- (counted_arguments).
local function run_with(args)
    ARGV = args
    return ops[args[1]]()
end

-- Several events of this channel in one run, applied in order, each exactly as if sent
-- alone. ARGV: 'batch', then for each event its argument count n and the n arguments it
-- would be sent with alone. Returns the list of the events' replies.
ops.batch = function()
    -- Events alone: a 'take' among them would empty DIRTY under the run's dirty_since_known.
    local events, refused = counted_arguments(2, function(operation)
        return EVENTS[operation]
    end)
    if not events then
        return redis.error_reply('readstate: operation ' .. tostring(refused) .. ' cannot run in a batch')
    end
    local replies = {}
    for n, args in ipairs(events) do
        replies[n] = run_with(args)
    end
    return replies
end
