-- Rule 4: a new member reads from the head, or from a given position at or below it.
-- ARGV: 'join', user, lastReadSeq ('' for the head), joinedAtMillis
-- Returns { -2, headSeq } when the position lies above the head (nothing changes),
-- else the member state with status 1 (joined) or 0 (already a member).
ops.join = function()
    local user, wanted, at = ARGV[2], ARGV[3], ARGV[4]
    local head = head_seq()
    if wanted ~= '' and wanted > head then
        return { -2, head }
    end
    if redis.call('HEXISTS', MEMBERS, user) == 1 then
        return with_member_state(0, user)
    end
    if redis.call('HSETNX', META, 'head', ZERO) == 1 then
        mark_dirty('meta')
    end
    if wanted == '' then
        wanted = head
    end
    move_read_position(user, nil, wanted, at, next_generation())
    return with_member_state(1, user)
end
