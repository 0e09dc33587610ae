package io.voucherflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The load keyers {@code load-keyer-0001…}: Keycloak users (partial imports, existing ones
 * skipped), staff at {@code -Dvf.post} (KEYING) of {@code OC01} with every keying skill, a token
 * each (password grant on a few threads) and signed in at the post. Idempotent: run it again and
 * only what is missing is made. Run on its own to pay for the setup before the load ({@code ../mvnw
 * -B exec:java -Dexec.mainClass=io.voucherflow.load.LoadKeyers -Dvf.keyers=2000}); the simulations
 * call {@link #prepare} themselves.
 */
public final class LoadKeyers {

  static final String PREFIX = "load-keyer-";
  static final String POST = System.getProperty("vf.post", "KEYING");
  private static final String ORG_UNIT = System.getProperty("vf.orgUnit", "OC01");
  private static final int THREADS = Platform.intProperty("vf.setupThreads", 4);
  private static final String KC_ADMIN = System.getProperty("vf.kcAdmin", "kcadmin");
  private static final String KC_ADMIN_PASSWORD =
      System.getProperty("vf.kcAdminPassword", "kcadmin");

  /** One load keyer and their access token. */
  record LoadKeyer(String username, String token) {}

  private LoadKeyers() {}

  /** Prepares {@code -Dvf.keyers} keyers and keeps their tokens for the simulations. */
  public static void main(String[] args) {
    prepare(Platform.intProperty("vf.keyers", 4));
  }

  private static final int IMPORT_CHUNK = 250;

  static String username(int i) {
    return PREFIX + String.format("%04d", i);
  }

  /** Makes keyers 1…n ready to key: users, staff, tokens, signed in at the post. */
  static List<LoadKeyer> prepare(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(username(i));
    }
    long t0 = System.nanoTime();
    int added = importUsers(names);
    long t1 = System.nanoTime();
    int staffAdded = registerStaff(names);
    long t2 = System.nanoTime();
    Map<String, String> cached = TokenCache.read();
    long reused = names.stream().filter(cached::containsKey).count();
    List<LoadKeyer> keyers =
        parallel(
            names,
            name ->
                new LoadKeyer(
                    name, cached.containsKey(name) ? cached.get(name) : Platform.token(name)));
    long t3 = System.nanoTime();
    // A kept token the platform no longer takes (Keycloak started afresh) is fetched again.
    keyers = parallel(keyers, k -> signIn(k) ? k : fresh(k));
    TokenCache.write(keyers);
    long t4 = System.nanoTime();
    System.out.printf(
        "==== Load keyers: %d (%d new users in %.1f s, %d new staff in %.1f s, %d tokens fetched"
            + " in %.1f s, %d kept ones reused; signed in at %s in %.1f s)%n",
        n,
        added,
        secs(t0, t1),
        staffAdded,
        secs(t1, t2),
        n - reused,
        secs(t2, t3),
        reused,
        POST,
        secs(t3, t4));
    return keyers;
  }

  /**
   * Keycloak users with the keyer role, in partial imports of {@link #IMPORT_CHUNK} that skip those
   * that exist. One import of 2,000 users ran past Keycloak's 300 s transaction timeout on a loaded
   * machine and was rolled back whole.
   */
  private static int importUsers(List<String> names) {
    int added = 0;
    for (int i = 0; i < names.size(); i += IMPORT_CHUNK) {
      added += importChunk(names.subList(i, Math.min(names.size(), i + IMPORT_CHUNK)));
    }
    return added;
  }

  private static int importChunk(List<String> names) {
    String base = Platform.ISSUER.substring(0, Platform.ISSUER.indexOf("/realms/"));
    String realm = Platform.ISSUER.substring(Platform.ISSUER.lastIndexOf('/') + 1);
    String admin =
        Http.token(
            base + "/realms/master/protocol/openid-connect/token",
            "admin-cli",
            KC_ADMIN,
            KC_ADMIN_PASSWORD);
    List<Map<String, Object>> users = new ArrayList<>();
    for (String name : names) {
      // Every profile attribute is given, or Keycloak refuses the password grant until the
      // account is "fully set up".
      users.add(
          Map.of(
              "username",
              name,
              "enabled",
              true,
              "emailVerified",
              true,
              "firstName",
              "Load",
              "lastName",
              "Keyer " + name.substring(PREFIX.length()),
              "email",
              name + "@load.voucherflow.io",
              "credentials",
              List.of(
                  Map.of("type", "password", "value", Platform.DEMO_PASSWORD, "temporary", false)),
              "realmRoles",
              List.of("keyer")));
    }
    return Http.postJson(
            base + "/admin/realms/" + realm + "/partialImport",
            admin,
            Map.of("ifResourceExists", "SKIP", "users", users))
        .expect("partial import of " + names.size() + " users", 200)
        .json()
        .path("added")
        .asInt();
  }

  /** Staff records for the users that have none yet. */
  private static int registerStaff(List<String> names) {
    String admin = Platform.token("admin");
    Set<String> known = new HashSet<>();
    for (JsonNode s : Http.get(Platform.api("/api/staff"), admin).expect("staff", 200).json()) {
      known.add(s.path("username").asText());
    }
    List<String> missing = names.stream().filter(n -> !known.contains(n)).toList();
    parallel(
        missing,
        name ->
            Http.postJson(
                    Platform.api("/api/staff"),
                    admin,
                    Map.of(
                        "username",
                        name,
                        "displayName",
                        "Load Keyer " + name.substring(PREFIX.length()),
                        "orgUnitCode",
                        ORG_UNIT,
                        "posts",
                        List.of(POST),
                        "skills",
                        List.of("amount", "account", "name")))
                .expect("staff " + name, 201, 409));
    return missing.size();
  }

  /** Signs in at the post (already signed in is fine); false when the token was refused. */
  private static boolean signIn(LoadKeyer k) {
    Http.Reply r =
        Http.postJson(Platform.api("/api/duty/sign-in"), k.token(), Map.of("postCode", POST));
    if (r.status() == 401) {
      return false;
    }
    if (r.status() == 409 && r.body().contains("duty.already-signed-in")) {
      return true;
    }
    r.expect("sign-in of " + k.username() + " at " + POST, 200);
    return true;
  }

  private static LoadKeyer fresh(LoadKeyer k) {
    LoadKeyer again = new LoadKeyer(k.username(), Platform.token(k.username()));
    if (!signIn(again)) {
      throw new IllegalStateException("sign-in of " + k.username() + ": token refused");
    }
    return again;
  }

  private static <T, R> List<R> parallel(List<T> items, Function<T, R> work) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double secs(long from, long to) {
    return (to - from) / 1e9;
  }
}
