-- Completes a leased task if the lease is still the keyer's; the task is then done for good.
-- KEYS[1] task hash, KEYS[2] held set of the keyer, KEYS[3] lease deadlines.
-- ARGV[1] task id, ARGV[2] keyer id.
-- Returns 'ok:<lease deadline ms>', 'already-completed', 'lease-expired' (someone else holds it, it went back to its
-- queue, or its deadline passed) or 'unknown'.
local h = redis.call('HMGET', KEYS[1], 'state', 'holder', 'until')
if h[1] == 'done' then
  return 'already-completed'
end
if not h[1] then
  return 'unknown'
end
if h[2] ~= ARGV[2] then
  return 'lease-expired'
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(h[3]) < now then
  -- Past its deadline: the reaper has not got to it yet; refuse as it would have.
  return 'lease-expired'
end
redis.call('HSET', KEYS[1], 'state', 'done')
redis.call('HDEL', KEYS[1], 'holder', 'until', 'b')
redis.call('EXPIRE', KEYS[1], 86400)
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 'ok:' .. h[3]
