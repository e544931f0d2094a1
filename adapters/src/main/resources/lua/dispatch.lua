-- ARGV[1] names the operation. Every operation first checks that this Redis still holds
-- its state (the epoch key) and, while channels are being rebuilt, that this channel is.
local operation = ops[ARGV[1]]
if not operation then
    return redis.error_reply('readstate: unknown operation ' .. tostring(ARGV[1]))
end
local epoch = redis.call('GET', EPOCH)
if not epoch then
    return redis.error_reply('READSTATE_LOST this Redis has no epoch key: its state was lost')
end
if ARGV[1] ~= 'restore' and redis.call('EXISTS', RECOVERING) == 1
        and redis.call('HGET', META, 'epoch') ~= epoch then
    return { -100 }
end
return operation()
