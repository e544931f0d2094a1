-- Several events of this channel in one run, applied in order, each exactly as if sent
-- alone. ARGV: 'batch', then for each event its argument count n and the n arguments it
-- would be sent with alone. Returns the list of the events' replies.
-- The operations read ARGV, so ARGV's entries are replaced by each event's arguments
-- before it runs (a script may change that table's entries, not the global itself).
local function batch_events()
    local events, i = {}, 2
    while i <= #ARGV do
        local count = tonumber(ARGV[i])
        local args = {}
        for k = 1, count do
            args[k] = ARGV[i + k]
        end
        if not ops[args[1]] or args[1] == 'batch' or args[1] == 'restore' then
            return nil, 'readstate: operation ' .. tostring(args[1]) .. ' cannot run in a batch'
        end
        events[#events + 1] = args
        i = i + count + 1
    end
    return events
end

ops.batch = function()
    local events, problem = batch_events()
    if not events then
        return redis.error_reply(problem)
    end
    local replies = {}
    for n, args in ipairs(events) do
        for k = #ARGV, 1, -1 do
            ARGV[k] = nil
        end
        for k, value in ipairs(args) do
            ARGV[k] = value
        end
        replies[n] = ops[args[1]]()
    end
    return replies
end
