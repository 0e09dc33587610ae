package io.voucherflow.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;

/**
 * What a keying run must leave behind, checked after the timing against the stores themselves:
 * every task the simulation saw accepted is DONE in PostgreSQL, keyed by the keyer who submitted
 * it; no task was accepted twice; the load keyers hold nothing once disconnected (the release grace
 * over); and every open task in PostgreSQL is queued or leased in Redis. Parameters: {@code
 * -Dvf.pgUrl} (jdbc URL, default the embedded PostgreSQL of bin/voucherflow run), {@code
 * -Dvf.pgUser}, {@code -Dvf.pgPassword}, {@code -Dvf.redis} (host:port), {@code -Dvf.redisPrefix}
 * ({@code vf:}, {@code vf.dispatch.key-prefix}).
 */
final class KeyingLedger {

  private static final Duration SETTLE = Duration.ofSeconds(Integer.getInteger("vf.settle", 30));

  private final String pgUrl =
      System.getProperty("vf.pgUrl", "jdbc:postgresql://localhost:15432/voucherflow");
  private final String pgUser = System.getProperty("vf.pgUser", "postgres");
  private final String pgPassword = System.getProperty("vf.pgPassword", "");
  private final String redis = System.getProperty("vf.redis", "localhost:16379");
  private final String prefix = System.getProperty("vf.redisPrefix", "vf:");

  private final Map<String, String> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger acceptedTwice = new AtomicInteger();
  private final Instant start = Instant.now();

  /** The platform answered {@code accepted} for this task, submitted by this keyer. */
  void accepted(String keyer, String taskId) {
    if (accepted.putIfAbsent(taskId, keyer) != null) {
      acceptedTwice.incrementAndGet();
    }
  }

  int acceptedCount() {
    return accepted.size();
  }

  /** Checks the stores; prints the figures and throws when the ledger is wrong. */
  void verify() {
    try (Connection pg = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Jedis r = jedis()) {
      Map<String, Long> keyers = loadKeyers(pg);
      long held = settle(() -> heldBy(r, keyers.values()) == 0) ? 0 : heldBy(r, keyers.values());
      Map<String, Integer> byState = acceptedStates(pg, keyers);
      long doneByLoad = doneSince(pg, keyers);
      Map<String, long[]> open = new TreeMap<>();
      boolean openMatches = settle(() -> openMatches(pg, r, open));
      System.out.printf(
          "==== Keying ledger: %d tasks seen accepted, %d accepted twice; in PostgreSQL: %s;"
              + " %d DONE by load keyers since the run started; %d still held by load keyers;"
              + " open per post (PostgreSQL / Redis queued + leased): %s%n",
          accepted.size(), acceptedTwice.get(), byState, doneByLoad, held, describe(open));
      int wrong =
          byState.entrySet().stream()
              .filter(e -> !e.getKey().equals("DONE"))
              .mapToInt(Map.Entry::getValue)
              .sum();
      if (wrong > 0 || acceptedTwice.get() > 0 || held > 0 || !openMatches) {
        throw new IllegalStateException(
            "Keying ledger wrong: "
                + wrong
                + " accepted task(s) not DONE by their keyer, "
                + acceptedTwice.get()
                + " accepted twice, "
                + held
                + " held after disconnect, open tasks "
                + (openMatches ? "match" : "differ: " + describe(open)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + pgUrl + ": " + e.getMessage(), e);
    }
  }

  private Jedis jedis() {
    int colon = redis.lastIndexOf(':');
    return new Jedis(redis.substring(0, colon), Integer.parseInt(redis.substring(colon + 1)));
  }

  private static Map<String, Long> loadKeyers(Connection pg) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (PreparedStatement s =
        pg.prepareStatement("select username, id from staff where username like ?")) {
      s.setString(1, LoadKeyers.PREFIX + "%");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return ids;
  }

  private long heldBy(Jedis r, Iterable<Long> keyers) {
    long held = 0;
    for (long id : keyers) {
      held += r.scard(prefix + "held:" + id);
    }
    return held;
  }

  /**
   * The state of each accepted task; "DONE" only when done under the submitter's lease, "DONE by
   * another" otherwise, "missing" when there is no such row.
   */
  private Map<String, Integer> acceptedStates(Connection pg, Map<String, Long> keyers)
      throws SQLException {
    Map<String, Integer> states = new TreeMap<>();
    List<Map.Entry<String, String>> all = List.copyOf(accepted.entrySet());
    Map<String, String> found = new HashMap<>();
    Map<String, Long> by = new HashMap<>();
    for (int from = 0; from < all.size(); from += 5000) {
      List<Map.Entry<String, String>> page = all.subList(from, Math.min(all.size(), from + 5000));
      Array ids =
          pg.createArrayOf("uuid", page.stream().map(Map.Entry::getKey).toArray(String[]::new));
      try (PreparedStatement s =
          pg.prepareStatement(
              "select id::text, state, leased_by from keying_task where id = any(?)")) {
        s.setArray(1, ids);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getString(1), rs.getString(2));
            by.put(rs.getString(1), rs.getLong(3));
          }
        }
      }
    }
    for (Map.Entry<String, String> e : all) {
      String state = found.getOrDefault(e.getKey(), "missing");
      if (state.equals("DONE") && !by.get(e.getKey()).equals(keyers.get(e.getValue()))) {
        state = "DONE by another";
      }
      states.merge(state, 1, Integer::sum);
    }
    return states;
  }

  private long doneSince(Connection pg, Map<String, Long> keyers) throws SQLException {
    try (PreparedStatement s =
        pg.prepareStatement(
            "select count(*) from keying_task where state = 'DONE' and completed_at >= ?"
                + " and leased_by = any(?)")) {
      s.setTimestamp(1, Timestamp.from(start));
      s.setArray(2, pg.createArrayOf("bigint", keyers.values().toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Open tasks per post in PostgreSQL against queued plus leased ones in Redis. */
  private boolean openMatches(Connection pg, Jedis r, Map<String, long[]> out) {
    out.clear();
    // Every post, not KEYS dq:*: Redis also holds a hash per task, done ones for a day. One scan
    // of keying_task, which has no index on state.
    try (PreparedStatement s =
            pg.prepareStatement(
                "select p.code, coalesce(t.n, 0) from post p left join (select post_code, count(*)"
                    + " n from keying_task where state in ('OPEN', 'LEASED') group by post_code) t"
                    + " on t.post_code = p.code");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String post = rs.getString(1);
        out.put(post, new long[] {rs.getLong(2), r.zcard(prefix + "dq:" + post), 0});
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    for (String id : r.zrange(prefix + "leases", 0, -1)) {
      String post = r.hget(prefix + "dt:" + id, "post");
      out.computeIfAbsent(post == null ? "?" : post, k -> new long[3])[2]++;
    }
    boolean match = out.values().stream().allMatch(v -> v[0] == v[1] + v[2]);
    out.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0);
    return match;
  }

  private static String describe(Map<String, long[]> open) {
    StringBuilder b = new StringBuilder();
    open.forEach(
        (post, v) ->
            b.append(b.isEmpty() ? "" : ", ")
                .append(post)
                .append(' ')
                .append(v[0])
                .append(" / ")
                .append(v[1])
                .append(" + ")
                .append(v[2]));
    return b.isEmpty() ? "none" : b.toString();
  }

  /** True once the condition holds, polling until the settle time is over. */
  private static boolean settle(Supplier<Boolean> condition) {
    Instant deadline = Instant.now().plus(SETTLE);
    while (true) {
      if (condition.get()) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
