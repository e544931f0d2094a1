-- Members join with nothing unread.
-- KEYS: members (set), unread (hash), mentions (hash), dirty channels (set)
-- ARGV: channel, users...
local added = 0
for i = 2, #ARGV do
    if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
        redis.call('HSET', KEYS[2], ARGV[i], 0)
        redis.call('HSET', KEYS[3], ARGV[i], 0)
        added = added + 1
    end
end
redis.call('SADD', KEYS[4], ARGV[1])
return added
