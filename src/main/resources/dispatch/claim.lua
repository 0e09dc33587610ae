-- Leases to one keyer the most urgent tasks of a post it may take, up to its credit.
-- KEYS[1] queue of the post, KEYS[2] held set of the keyer, KEYS[3] lease deadlines.
-- ARGV[1] key prefix, ARGV[2] keyer id, ARGV[3] lease millis, ARGV[4] scan depth,
-- ARGV[5] most slices of one voucher per keyer, ARGV[6] credit (most tasks held at once),
-- ARGV[7] skills as ',a,b,' or '*' for any; optional ARGV[8] tasks held ahead beyond the credit
-- (staged by a console, not yet on screen) and ARGV[9] how many must be queued for those to be taken,
-- so a keyer holds work ahead only while there is plenty for everyone.
-- Queue members carry what the checks need, 'id|skill|slice|voucher|group', so skipping a task
-- costs no hash read. A task may be taken when the keyer has its skill, has not had a task of the
-- same group (the two keys of a field and its arbitration go to different people) and, for slice
-- entry, has seen fewer than ARGV[5] slices of the voucher (asked once per voucher per claim).
-- Skipped tasks stay queued for others.
-- Returns {deadline, id1, body1, id2, body2, ...}.
local p, keyer = ARGV[1], ARGV[2]
local credit = tonumber(ARGV[6])
local ahead = tonumber(ARGV[8] or '0')
if ahead > 0 and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[9]) then
  credit = credit + ahead
end
local want = credit - redis.call('SCARD', KEYS[2])
local t = redis.call('TIME')
local deadline = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[3])
local out = {deadline}
if want <= 0 then
  return out
end
local limit, skills = tonumber(ARGV[5]), ARGV[7]
local depth = tonumber(ARGV[4])
local seen = {}
-- The queue is read a page at a time, not the whole scan depth at once: most claims are served by
-- the first few members, and every member read is a string copied into Lua. Members this script
-- removes shift the ones after them forward, so the next page starts that much earlier.
local page = math.min(depth, math.max(4, want * 4))
local start, scanned, enough = 0, 0, false
while not enough and scanned < depth do
  local n = math.min(page, depth - scanned)
  local members = redis.call('ZRANGE', KEYS[1], start, start + n - 1)
  local removed = 0
  for _, m in ipairs(members) do
    local id, skill, slice, voucher, group = string.match(m, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|(.*)$')
    local ok = id ~= nil
    if ok and skills ~= '*' and skill ~= '' and not string.find(skills, ',' .. skill .. ',', 1, true) then
      ok = false
    end
    if ok and slice == '1' then
      local count = seen[voucher]
      if count == nil then
        count = tonumber(redis.call('HGET', p .. 'vx:' .. voucher, keyer) or '0')
        seen[voucher] = count
      end
      ok = count < limit
    end
    local fx = p .. 'fx:' .. (group or '')
    if ok and redis.call('SISMEMBER', fx, keyer) == 1 then
      ok = false
    end
    if ok then
      local task = p .. 'dt:' .. id
      redis.call('ZREM', KEYS[1], m)
      removed = removed + 1
      redis.call('HSET', task, 'holder', keyer, 'until', deadline, 'state', 'leased')
      redis.call('SADD', KEYS[2], id)
      redis.call('ZADD', KEYS[3], deadline, id)
      redis.call('SADD', fx, keyer)
      redis.call('EXPIRE', fx, 172800)
      if slice == '1' then
        seen[voucher] = redis.call('HINCRBY', p .. 'vx:' .. voucher, keyer, 1)
        redis.call('EXPIRE', p .. 'vx:' .. voucher, 172800)
      end
      out[#out + 1] = id
      out[#out + 1] = redis.call('HGET', task, 'b')
      if (#out - 1) / 2 >= want then
        enough = true
        break
      end
    elseif id == nil then
      -- Not a member this script wrote: drop it rather than trip over it on every claim.
      redis.call('ZREM', KEYS[1], m)
      removed = removed + 1
    end
  end
  scanned = scanned + #members
  if #members < n then
    break
  end
  start = start + #members - removed
  page = page * 2
end
return out
