-- The seed's literal design: a message increments the unread counter of every member
-- but the sender, one HINCRBY per member of the channel's member set (and the mention
-- counters of the members it mentions). Sending means the sender has read the channel.
-- KEYS: members (set), unread (hash), mentions (hash), dirty channels (set)
-- ARGV: channel, sender, mentionAll ('1' or '0'), mentioned users...
local sender, mention_all = ARGV[2], ARGV[3] == '1'
local members = redis.call('SMEMBERS', KEYS[1])
for _, member in ipairs(members) do
    if member ~= sender then
        redis.call('HINCRBY', KEYS[2], member, 1)
        if mention_all then
            redis.call('HINCRBY', KEYS[3], member, 1)
        end
    end
end
if not mention_all then
    for i = 4, #ARGV do
        if ARGV[i] ~= sender and redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 1 then
            redis.call('HINCRBY', KEYS[3], ARGV[i], 1)
        end
    end
end
if redis.call('SISMEMBER', KEYS[1], sender) == 1 then
    redis.call('HSET', KEYS[2], sender, 0)
    redis.call('HSET', KEYS[3], sender, 0)
end
redis.call('SADD', KEYS[4], ARGV[1])
return #members
