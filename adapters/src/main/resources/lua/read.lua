-- Rule 3: the read position moves forward only, never past the head.
-- ARGV: 'read', user, seq ('' reads up to the head), readAtMillis[, '1' to answer briefly]
-- Returns { -1 } for a non-member, else the member state with status 1 (moved) or 0;
-- answering briefly, the status alone (a batch of events needs no more).
ops.read = function()
    local user, wanted, at = ARGV[2], ARGV[3], ARGV[4]
    local entry = redis.call('HGET', MEMBERS, user)
    if not entry then
        return { -1 }
    end
    local target = head_seq()
    if wanted ~= '' and wanted < target then
        target = wanted
    end
    local current, current_at, generation = parse_member(entry)
    local moved = target > current
    if moved then
        move_read_position(user, current, target, at, generation)
    end
    if ARGV[5] == '1' then
        return { moved and 1 or 0 }
    end
    if moved then
        return with_member_state(1, user, target, at)
    end
    return with_member_state(0, user, current, current_at)
end
