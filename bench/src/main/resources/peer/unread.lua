-- A user's totals over its channels.
-- KEYS: for each channel of the user, its unread hash then its mentions hash. ARGV: user
local unread, mentions = 0, 0
for i = 1, #KEYS, 2 do
    unread = unread + tonumber(redis.call('HGET', KEYS[i], ARGV[1]) or '0')
    mentions = mentions + tonumber(redis.call('HGET', KEYS[i + 1], ARGV[1]) or '0')
end
return { unread, mentions }
