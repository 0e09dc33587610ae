-- Returns every task a member of staff holds to the queue of its kind, at its priority.
-- KEYS[1] held set; ARGV[1] task key prefix, ARGV[2] queue key prefix. Returns how many.
local ids = redis.call('SMEMBERS', KEYS[1])
for _, id in ipairs(ids) do
  local task = ARGV[1] .. id
  local kind = redis.call('HGET', task, 'kind')
  local priority = redis.call('HGET', task, 'priority')
  if kind then
    redis.call('HDEL', task, 'holder')
    redis.call('ZADD', ARGV[2] .. kind, priority, id)
  end
end
redis.call('DEL', KEYS[1])
return #ids
