-- Leases to one keyer the most urgent tasks of a post it may take, up to its credit.
-- KEYS[1] queue of the post, KEYS[2] held set of the keyer, KEYS[3] lease deadlines.
-- ARGV[1] key prefix, ARGV[2] keyer id, ARGV[3] lease millis, ARGV[4] scan depth,
-- ARGV[5] most slices of one voucher per keyer, ARGV[6] credit (most tasks held at once),
-- ARGV[7] skills as ',a,b,' or '*' for any.
-- A task may be taken when the keyer has its skill, has not had a key of the same field (the two
-- keys of a field and its arbitration go to different people) and, for slice entry, has seen
-- fewer than ARGV[5] slices of the voucher. Skipped tasks stay queued for others.
-- Returns {deadline, id1, body1, id2, body2, ...}.
local p, keyer = ARGV[1], ARGV[2]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local deadline = now + tonumber(ARGV[3])
local want = tonumber(ARGV[6]) - redis.call('SCARD', KEYS[2])
local out = {deadline}
if want <= 0 then
  return out
end
local limit, skills = tonumber(ARGV[5]), ARGV[7]
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[4]) - 1)
for _, id in ipairs(ids) do
  local task = p .. 'dt:' .. id
  local f = redis.call('HMGET', task, 'skill', 'grp', 'v', 's', 'b')
  local ok = true
  if not f[2] then
    -- The hash is gone (expired or flushed): drop the stale queue entry.
    redis.call('ZREM', KEYS[1], id)
    ok = false
  end
  if ok and skills ~= '*' and f[1] ~= '' and not string.find(skills, ',' .. f[1] .. ',', 1, true) then
    ok = false
  end
  local fx = p .. 'fx:' .. (f[2] or '')
  if ok and redis.call('SISMEMBER', fx, keyer) == 1 then
    ok = false
  end
  local vx = p .. 'vx:' .. (f[3] or '')
  if ok and f[4] == '1' and tonumber(redis.call('HGET', vx, keyer) or '0') >= limit then
    ok = false
  end
  if ok then
    redis.call('ZREM', KEYS[1], id)
    redis.call('HSET', task, 'holder', keyer, 'until', deadline, 'state', 'leased')
    redis.call('SADD', KEYS[2], id)
    redis.call('ZADD', KEYS[3], deadline, id)
    redis.call('SADD', fx, keyer)
    redis.call('EXPIRE', fx, 172800)
    if f[4] == '1' then
      redis.call('HINCRBY', vx, keyer, 1)
      redis.call('EXPIRE', vx, 172800)
    end
    out[#out + 1] = id
    out[#out + 1] = f[5]
    if (#out - 1) / 2 >= want then
      break
    end
  end
end
return out
