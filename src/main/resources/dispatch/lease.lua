-- Pops the most urgent task of a kind and leases it to a member of staff.
-- KEYS[1] queue, KEYS[2] held set of the staff member; ARGV[1] task key prefix, ARGV[2] staff id.
local top = redis.call('ZPOPMAX', KEYS[1])
if #top == 0 then
  return false
end
local id = top[1]
redis.call('HSET', ARGV[1] .. id, 'holder', ARGV[2])
redis.call('SADD', KEYS[2], id)
return id
