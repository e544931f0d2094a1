-- Rule 4: leaving forgets the member's read position and its mentions by name.
-- ARGV: 'leave', user. Returns { 1 } when it left, { 0 } when it was not a member.
ops.leave = function()
    local user = ARGV[2]
    local entry = redis.call('HGET', MEMBERS, user)
    if not entry then
        return { 0 }
    end
    redis.call('HDEL', MEMBERS, user)
    redis.call('ZREM', READ_INDEX, read_position(entry) .. '|' .. user)
    redis.call('ZREMRANGEBYLEX', MENTIONS, '[' .. user .. '|', '[' .. user .. '|' .. MAX_SEQ)
    return { 1 }
end
