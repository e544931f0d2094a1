-- Write-behind: a flusher that holds the claim on this channel takes its dirty entries,
-- writes them to PostgreSQL, then releases them. Every op works on a channel's tracked keys:
-- its 16 KEYS alone, or named from its meta key when 'each' runs it on several (dispatch.lua).

-- ARGV: 'take', flusherId, maxEntries. Moves the dirty entries to FLUSHING (merging with
-- entries a dead flusher left there) and describes each: all of them when they come to at
-- most maxEntries, else maxEntries of them (the rest stay dirty for the next take, so that
-- no reply grows too large to decode). Returns { 0 } when the claim is not ours, else
-- { 1, head, lastMessageAt or '', floor, generation, windowCount, entries, left, records... }
-- where left counts the entries still dirty and a record is
--   'm', user, 'lastReadSeq|lastReadAtMillis|generation'   a member now (its MEMBERS entry)
--   'l', user, departedGeneration                          a departure
--   'n', seq, mentionAll, k, (user, generation) x k        a new message still in the window
--   'd', seq                                               a deleted message
-- A take may describe thousands of entries: their members and messages are looked
-- up a chunk of fields per call (HMGET, ZMSCORE), not a call or three per entry, which took
-- Redis about twice as long, all of it a pause for every other client.
local CHUNK = 500  -- fields per call, well within Lua's stack for unpack

-- Calls call(from, to) for each run of at most `size` of `items`, in order.
local function in_chunks(items, size, call)
    for from = 1, #items, size do
        call(from, math.min(#items, from + size - 1))
    end
end

-- The replies of `command key field` for each of `fields` (false where there is none).
local function look_up_each(command, key, fields)
    local values = {}
    in_chunks(fields, CHUNK, function(from, to)
        local chunk = redis.call(command, key, unpack(fields, from, to))
        for i = 1, #chunk do
            values[from + i - 1] = chunk[i]
        end
    end)
    return values
end

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
        if redis.call('EXISTS', FLUSHING) == 0 then
            -- the usual case (a channel with more entries than one take): moved a chunk per call
            local fields = {}
            for i = 1, #entries, 2 do
                fields[#fields + 1] = entries[i]
            end
            in_chunks(entries, 2 * CHUNK, function(from, to)
                redis.call('HSET', FLUSHING, unpack(entries, from, to))
            end)
            in_chunks(fields, CHUNK, function(from, to)
                redis.call('HDEL', DIRTY, unpack(fields, from, to))
            end)
        else
            -- merged one by one with what a dead flusher left taken
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
    end
    local left = redis.call('HLEN', DIRTY)
    if left == 0 then
        redis.call('DEL', DIRTY_SINCE)
    end
    local result = { 1, head_seq(), redis.call('HGET', META, 'lastMessageAt') or '',
        redis.call('HGET', META, 'floor') or ZERO, redis.call('HGET', META, 'generation') or '0',
        redis.call('ZCARD', MESSAGES), redis.call('HLEN', FLUSHING), left }
    local entries = redis.call('HGETALL', FLUSHING)
    local users, departed_generations, seqs = {}, {}, {}
    local n = #result
    for i = 1, #entries, 2 do
        -- 'meta' stands for the channel's fields, which the reply's head carries already
        local kind, id = string.sub(entries[i], 1, 2), string.sub(entries[i], 3)
        if kind == 'm:' then
            users[#users + 1] = id
            departed_generations[#users] = entries[i + 1]
        elseif kind == 'n:' then
            seqs[#seqs + 1] = id
        elseif kind == 'd:' then
            result[n + 1], result[n + 2] = 'd', id
            n = n + 2
        end
    end
    local member_entries = look_up_each('HMGET', MEMBERS, users)
    for i, user in ipairs(users) do
        if member_entries[i] then
            result[n + 1], result[n + 2], result[n + 3] = 'm', user, member_entries[i]
        else
            result[n + 1], result[n + 2], result[n + 3] = 'l', user, departed_generations[i]
        end
        n = n + 3
    end
    local in_window = look_up_each('ZMSCORE', MESSAGES, seqs)
    local mention_all = look_up_each('ZMSCORE', MENTION_ALL, seqs)
    local names = look_up_each('HMGET', MENTIONED_BY_MESSAGE, seqs)
    for i, seq in ipairs(seqs) do
        if in_window[i] then
            local mentions = {}
            if names[i] then
                for user in string.gmatch(names[i], '[^,]+') do
                    if redis.call('ZSCORE', MENTIONS, user .. '|' .. seq) then
                        local _, _, generation = parse_member(redis.call('HGET', MEMBERS, user))
                        mentions[#mentions + 1] = user; mentions[#mentions + 1] = generation
                    end
                end
            end
            result[n + 1], result[n + 2], result[n + 3], result[n + 4] = 'n', seq, mention_all[i] and '1' or '0',
                #mentions / 2
            n = n + 4
            for _, item in ipairs(mentions) do
                n = n + 1
                result[n] = item
            end
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
