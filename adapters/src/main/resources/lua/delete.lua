-- Rule 5: a deleted message leaves every count; the head stays.
-- ARGV: 'delete', seq. Returns { 1 } when deleted, { 0 } when unknown or already deleted.
ops.delete = function()
    local seq = ARGV[2]
    if redis.call('ZREM', MESSAGES, seq) == 0 then
        return { 0 }
    end
    forget_mentions(seq)
    mark_dirty('meta')
    if not unmark_dirty('n:' .. seq) then
        mark_dirty('d:' .. seq)
    end
    return { 1 }
end
