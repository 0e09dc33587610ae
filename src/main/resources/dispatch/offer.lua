-- Queues tasks (new ones, or again after a rebuild). The queue member is
-- 'id|skill|slice|voucher|group' (none of them may contain '|'), so a claim reads no hash to skip. A task Redis already knows as leased or done
-- is left alone, so offering twice is harmless.
-- ARGV[1] key prefix, ARGV[2] wake-up channel, then per task 9 values:
--   id, post, skill, group (voucher:field), voucher, slice (1/0), priority, body, excluded keyers
--   (comma-separated: who already keyed this field, restored on a rebuild).
-- Returns how many tasks were queued.
local p = ARGV[1]
local queued = 0
local posts = {}
for i = 3, #ARGV, 9 do
  local id, post = ARGV[i], ARGV[i + 1]
  local task = p .. 'dt:' .. id
  local known = redis.call('HMGET', task, 'state', 'holder')
  if known[1] ~= 'done' and not known[2] then
    local member = id .. '|' .. ARGV[i + 2] .. '|' .. ARGV[i + 5] .. '|' .. ARGV[i + 4] .. '|' .. ARGV[i + 3]
    redis.call('HSET', task, 'post', post, 'm', member, 'pr', ARGV[i + 6], 'b', ARGV[i + 7],
      'state', 'queued')
    redis.call('ZADD', p .. 'dq:' .. post, ARGV[i + 6], member)
    local excluded = ARGV[i + 8]
    if excluded ~= '' then
      for keyer in string.gmatch(excluded, '[^,]+') do
        redis.call('SADD', p .. 'fx:' .. ARGV[i + 3], keyer)
      end
      redis.call('EXPIRE', p .. 'fx:' .. ARGV[i + 3], 172800)
    end
    queued = queued + 1
    posts[post] = true
  end
end
for post, _ in pairs(posts) do
  redis.call('PUBLISH', ARGV[2], post)
end
return queued
