-- A read resets the member's counters to 0.
-- KEYS: members (set), unread (hash), mentions (hash), dirty channels (set)
-- ARGV: channel, user. Returns -1 for a user who is not a member.
if redis.call('SISMEMBER', KEYS[1], ARGV[2]) == 0 then
    return -1
end
redis.call('HSET', KEYS[2], ARGV[2], 0)
redis.call('HSET', KEYS[3], ARGV[2], 0)
redis.call('SADD', KEYS[4], ARGV[1])
return 1
