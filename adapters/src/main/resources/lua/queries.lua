-- Reads, each a consistent snapshot of one channel.

-- ARGV: 'member', user. Returns { -1 } for a non-member, else the member state with status 1.
ops.member = function()
    if redis.call('HEXISTS', MEMBERS, ARGV[2]) == 0 then
        return { -1 }
    end
    return with_member_state(1, ARGV[2])
end

-- ARGV: 'channel'. Returns { 0 } for an unknown channel, else { 1, headSeq, memberCount, lastMessageAt or '' }.
ops.channel = function()
    if redis.call('HEXISTS', META, 'head') == 0 then
        return { 0 }
    end
    return { 1, head_seq(), redis.call('HLEN', MEMBERS), redis.call('HGET', META, 'lastMessageAt') or '' }
end

-- Rule 6. ARGV: 'readers', seq. Returns { 0 } for an unknown channel,
-- else { 1, memberCount, 'lastReadSeq|user'... } for the members whose read position is at or past seq.
ops.readers = function()
    if redis.call('HEXISTS', META, 'head') == 0 then
        return { 0 }
    end
    local result = { 1, redis.call('HLEN', MEMBERS) }
    for _, entry in ipairs(redis.call('ZRANGEBYLEX', READ_INDEX, '[' .. ARGV[2], '+')) do
        result[#result + 1] = entry
    end
    return result
end
