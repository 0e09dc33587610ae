-- Queues a task. KEYS[1] task hash, KEYS[2] queue of its kind; ARGV: task id, kind, priority.
redis.call('HSET', KEYS[1], 'kind', ARGV[2], 'priority', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return 1
