-- Write-behind: a flusher that holds the claim on this channel takes its dirty entries,
-- writes them to PostgreSQL, then releases them. Every op takes the 16 tracked keys.

-- ARGV: 'take', flusherId, maxEntries. Moves the dirty entries to FLUSHING (merging with
-- entries a dead flusher left there) and describes each: all of them when they come to at
-- most maxEntries, else maxEntries of them (the rest stay dirty for the next take, so that
-- no reply grows too large to decode). Returns { 0 } when the claim is not ours, else
-- { 1, head, lastMessageAt or '', floor, generation, windowCount, entries, left, records... }
-- where left counts the entries still dirty and a record is
--   'm', user, '1', lastReadSeq, lastReadAtMillis, generation   a member now
--   'm', user, '0', '', '', departedGeneration                   a departure
--   'n', seq, mentionAll, k, (user, generation) x k              a new message still in the window
--   'd', seq                                                     a deleted message
ops.take = function()
    if redis.call('HGET', CLAIM_OWNERS, CHANNEL) ~= ARGV[2] then
        return { 0 }
    end
    local dirty, room = redis.call('HLEN', DIRTY), tonumber(ARGV[3]) - redis.call('HLEN', FLUSHING)
    if dirty > 0 and dirty <= room and redis.call('EXISTS', FLUSHING) == 0 then
        redis.call('RENAME', DIRTY, FLUSHING)
    elseif dirty > 0 and room > 0 then
        local entries
        if dirty <= room then
            entries = redis.call('HGETALL', DIRTY)
        else
            entries = redis.call('HRANDFIELD', DIRTY, room, 'WITHVALUES')
        end
        for i = 1, #entries, 2 do
            local field, value = entries[i], entries[i + 1]
            local taken = redis.call('HGET', FLUSHING, field)
            if taken then
                redis.call('DECR', BACKLOG)
            end
            if not taken or tonumber(value) > tonumber(taken) then
                redis.call('HSET', FLUSHING, field, value)
            end
            redis.call('HDEL', DIRTY, field)
        end
    end
    local left = redis.call('HLEN', DIRTY)
    if left == 0 then
        redis.call('DEL', DIRTY_SINCE)
    end
    local result = { 1, head_seq(), redis.call('HGET', META, 'lastMessageAt') or '',
        redis.call('HGET', META, 'floor') or ZERO, redis.call('HGET', META, 'generation') or '0',
        redis.call('ZCARD', MESSAGES), redis.call('HLEN', FLUSHING), left }
    local entries = redis.call('HGETALL', FLUSHING)
    for i = 1, #entries, 2 do
        local kind, id, value = string.sub(entries[i], 1, 1), string.sub(entries[i], 3), entries[i + 1]
        if kind == 'm' then
            local entry = redis.call('HGET', MEMBERS, id)
            if entry then
                local seq, at, generation = parse_member(entry)
                table.insert(result, 'm'); table.insert(result, id); table.insert(result, '1')
                table.insert(result, seq); table.insert(result, at); table.insert(result, generation)
            else
                table.insert(result, 'm'); table.insert(result, id); table.insert(result, '0')
                table.insert(result, ''); table.insert(result, ''); table.insert(result, value)
            end
        elseif kind == 'n' then
            if redis.call('ZSCORE', MESSAGES, id) then
                local mention_all = '0'
                if redis.call('ZSCORE', MENTION_ALL, id) then
                    mention_all = '1'
                end
                local mentions = {}
                local names = redis.call('HGET', MENTIONED_BY_MESSAGE, id)
                if names then
                    for user in string.gmatch(names, '[^,]+') do
                        if redis.call('ZSCORE', MENTIONS, user .. '|' .. id) then
                            local _, _, generation = parse_member(redis.call('HGET', MEMBERS, user))
                            table.insert(mentions, user); table.insert(mentions, generation)
                        end
                    end
                end
                table.insert(result, 'n'); table.insert(result, id); table.insert(result, mention_all)
                table.insert(result, #mentions / 2)
                for _, item in ipairs(mentions) do
                    table.insert(result, item)
                end
            end
        elseif kind == 'd' then
            table.insert(result, 'd'); table.insert(result, id)
        end
    end
    return result
end

-- ARGV: 'pending'. Returns { entries } a take would find: dirty, or taken by a flusher that died.
ops.pending = function()
    return { redis.call('HLEN', DIRTY) + redis.call('HLEN', FLUSHING) }
end

-- ARGV: 'release', flusherId. The taken entries are written: forget them, give up the claim,
-- and keep the channel in the index only if new changes came meanwhile. Returns { 1, entries } or { 0, 0 }.
ops.release = function()
    if redis.call('HGET', CLAIM_OWNERS, CHANNEL) ~= ARGV[2] then
        return { 0, 0 }
    end
    local written = redis.call('HLEN', FLUSHING)
    redis.call('DEL', FLUSHING)
    if written > 0 then
        redis.call('DECRBY', BACKLOG, written)
    end
    redis.call('ZREM', CLAIMS, CHANNEL)
    redis.call('HDEL', CLAIM_OWNERS, CHANNEL)
    local since = redis.call('GET', DIRTY_SINCE)
    if since then
        redis.call('ZADD', DIRTY_INDEX, since, CHANNEL)
    else
        redis.call('ZREM', DIRTY_INDEX, CHANNEL)
    end
    return { 1, written }
end

-- ARGV: 'abandon', flusherId. The write failed: give up the claim, keep every entry.
ops.abandon = function()
    if redis.call('HGET', CLAIM_OWNERS, CHANNEL) == ARGV[2] then
        redis.call('ZREM', CLAIMS, CHANNEL)
        redis.call('HDEL', CLAIM_OWNERS, CHANNEL)
    end
    return { 1 }
end

-- Rebuilds the channel from its durable image, unless it holds entries not yet written,
-- or (while recovering from a loss) it has been rebuilt already. An empty head ('')
-- marks a channel PostgreSQL does not know: only the rebuilt mark is set.
-- ARGV: 'restore', head or '', lastMessageAt or '', floor, generation, memberCount,
--       (user, lastReadSeq, lastReadAtMillis, generation) x memberCount,
--       messageCount, (seq, mentionAll, k, user x k) x messageCount
-- Returns { 1 } when restored, { 2 } when rebuilt already, { 0 } when left alone (unwritten entries).
ops.restore = function()
    local epoch = redis.call('GET', EPOCH)
    if redis.call('EXISTS', RECOVERING) == 1 and redis.call('HGET', META, 'epoch') == epoch then
        return { 2 }
    end
    if TRACKING and (redis.call('EXISTS', DIRTY) == 1 or redis.call('EXISTS', FLUSHING) == 1) then
        return { 0 }
    end
    redis.call('DEL', META, MESSAGES, MENTION_ALL, MENTIONED_BY_MESSAGE, MENTIONS, MEMBERS, READ_INDEX)
    redis.call('HSET', META, 'epoch', epoch)
    if ARGV[2] == '' then
        return { 1 }
    end
    redis.call('HSET', META, 'head', ARGV[2], 'floor', ARGV[4], 'generation', ARGV[5])
    if ARGV[3] ~= '' then
        redis.call('HSET', META, 'lastMessageAt', ARGV[3])
    end
    local i = 7
    for _ = 1, tonumber(ARGV[6]) do
        local user, seq = ARGV[i], ARGV[i + 1]
        redis.call('HSET', MEMBERS, user, seq .. '|' .. ARGV[i + 2] .. '|' .. ARGV[i + 3])
        redis.call('ZADD', READ_INDEX, 0, seq .. '|' .. user)
        i = i + 4
    end
    local message_count = tonumber(ARGV[i])
    i = i + 1
    for _ = 1, message_count do
        local seq, mention_all, k = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
        i = i + 3
        redis.call('ZADD', MESSAGES, 0, seq)
        if mention_all == '1' then
            redis.call('ZADD', MENTION_ALL, 0, seq)
        end
        if k > 0 then
            local names = {}
            for j = 1, k do
                names[j] = ARGV[i]
                redis.call('ZADD', MENTIONS, 0, ARGV[i] .. '|' .. seq)
                i = i + 1
            end
            redis.call('HSET', MENTIONED_BY_MESSAGE, seq, table.concat(names, ','))
        end
    end
    return { 1 }
end
