-- Rule 4, many users at once, each reading from the head.
-- ARGV: 'join_many', joinedAtMillis, users...
-- Returns { added, alreadyMembers }.
ops.join_many = function()
    local at = ARGV[2]
    local head = head_seq()
    if redis.call('HSETNX', META, 'head', ZERO) == 1 then
        mark_dirty('meta')
    end
    local added = 0
    for i = 3, #ARGV do
        if redis.call('HEXISTS', MEMBERS, ARGV[i]) == 0 then
            move_read_position(ARGV[i], nil, head, at, next_generation())
            added = added + 1
        end
    end
    return { added, #ARGV - 2 - added }
end
