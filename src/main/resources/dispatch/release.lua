-- Returns leased tasks to their queues: one task a keyer skipped or gave back, every task a keyer
-- holds (disconnect, forced sign-out), or every expired lease (the reaper). The keyer stays
-- excluded from the field, so a skipped slice goes to someone else.
-- KEYS[1] lease deadlines. ARGV[1] key prefix, ARGV[2] wake-up channel, ARGV[3] mode:
--   'one' (ARGV[4] task id, ARGV[5] keyer id), 'keyer' (ARGV[4] keyer id),
--   'expired' (ARGV[4] most tasks to return).
-- Returns how many tasks went back.
local p, channel, mode = ARGV[1], ARGV[2], ARGV[3]
local ids = {}
if mode == 'one' then
  ids = {ARGV[4]}
elseif mode == 'keyer' then
  ids = redis.call('SMEMBERS', p .. 'held:' .. ARGV[4])
else
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))
end
local returned = 0
local posts = {}
for _, id in ipairs(ids) do
  local task = p .. 'dt:' .. id
  local h = redis.call('HMGET', task, 'holder', 'post', 'pr', 'state', 'm')
  local mine = h[1] and (mode == 'expired' or h[1] == ARGV[mode == 'one' and 5 or 4])
  if mine and h[4] == 'leased' then
    redis.call('HDEL', task, 'holder', 'until')
    redis.call('HSET', task, 'state', 'queued')
    redis.call('SREM', p .. 'held:' .. h[1], id)
    redis.call('ZADD', p .. 'dq:' .. h[2], h[3], h[5])
    redis.call('ZREM', KEYS[1], id)
    posts[h[2]] = true
    returned = returned + 1
  elseif mode == 'keyer' then
    redis.call('SREM', p .. 'held:' .. ARGV[4], id)
  elseif mode == 'expired' then
    -- A deadline left behind by a task completed or flushed meanwhile.
    redis.call('ZREM', KEYS[1], id)
  end
end
for post, _ in pairs(posts) do
  redis.call('PUBLISH', channel, post)
end
return returned
