-- Rules 1 and 2: a message above the head joins the window; the sender, if a member, has read it.
-- ARGV: 'message', seq, sender, sentAtMillis, mentionAll ('1' or '0'), windowSize, '1' to answer
-- briefly (else '0'), mentioned users...
-- Returns { applied, recipients, mentioned }; answering briefly, { applied } alone (a batch of
-- events needs no more, and the recipients cost a command).
ops.message = function()
    local seq, sender, at, mention_all, brief = ARGV[2], ARGV[3], ARGV[4], ARGV[5] == '1', ARGV[7] == '1'
    if seq <= head_seq() then
        return brief and { 0 } or { 0, 0, 0 }
    end
    redis.call('HSET', META, 'head', seq, 'lastMessageAt', at)
    redis.call('ZADD', MESSAGES, 0, seq)
    mark_dirty_pair('meta', 'n:' .. seq)
    local sender_entry = redis.call('HGET', MEMBERS, sender)
    if sender_entry then
        local old_seq, _, generation = parse_member(sender_entry)
        move_read_position(sender, old_seq, seq, at, generation)
    end
    local mentioned = 0
    if mention_all then
        redis.call('ZADD', MENTION_ALL, 0, seq)
    else
        local names = {}
        for i = 8, #ARGV do
            local user = ARGV[i]
            if user ~= sender and redis.call('HEXISTS', MEMBERS, user) == 1 then
                redis.call('ZADD', MENTIONS, 0, user .. '|' .. seq)
                names[#names + 1] = user
            end
        end
        if #names > 0 then
            redis.call('HSET', MENTIONED_BY_MESSAGE, seq, table.concat(names, ','))
        end
        mentioned = #names
    end
    keep_window(tonumber(ARGV[6]))
    if brief then
        return { 1 }
    end
    local recipients = redis.call('HLEN', MEMBERS) - (sender_entry and 1 or 0)
    return { 1, recipients, mention_all and recipients or mentioned }
end
