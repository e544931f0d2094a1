-- Rule 4, many users at once, each reading from the head.
-- ARGV: 'join_many', joinedAtMillis, users...
-- Returns { added, alreadyMembers }.
ops.join_many = function()
    local at = ARGV[2]
    local head = head_seq()
    redis.call('HSETNX', META, 'head', ZERO)
    local added = 0
    for i = 3, #ARGV do
        if redis.call('HSETNX', MEMBERS, ARGV[i], head .. '|' .. at) == 1 then
            redis.call('ZADD', READ_INDEX, 0, head .. '|' .. ARGV[i])
            added = added + 1
        end
    end
    return { added, #ARGV - 2 - added }
end
