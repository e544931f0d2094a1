-- Rule 4: leaving forgets the member's read position and its mentions by name.
-- ARGV: 'leave', user. Returns { 1 } when it left, { 0 } when it was not a member.
ops.leave = function()
    local user = ARGV[2]
    local entry = redis.call('HGET', MEMBERS, user)
    if not entry then
        return { 0 }
    end
    local seq, _, generation = parse_member(entry)
    redis.call('HDEL', MEMBERS, user)
    redis.call('ZREM', READ_INDEX, seq .. '|' .. user)
    redis.call('ZREMRANGEBYLEX', MENTIONS, '[' .. user .. '|', '[' .. user .. '|' .. MAX_SEQ)
    mark_dirty('m:' .. user, generation)
    return { 1 }
end
