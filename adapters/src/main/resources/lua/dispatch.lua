-- ARGV[1] names the operation.
local operation = ops[ARGV[1]]
if not operation then
    return redis.error_reply('readstate: unknown operation ' .. tostring(ARGV[1]))
end
return operation()
