package io.voucherflow.audit.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.AuditChain;
import io.voucherflow.audit.AuditEntry;
import io.voucherflow.audit.config.AuditConfig;
import io.voucherflow.audit.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seals pending audit entries onto the hash chain: in order of writing, each gets the next sequence
 * number and a hash over its fields and the previous hash. One sealer at a time, across every
 * instance (an advisory lock that only sealers take); each batch moves its entries in one
 * transaction, so an entry is either pending or sealed, never lost or sealed twice.
 */
@ApplicationScoped
public class AuditSealer {

  private static final String PENDING =
      "select id, occurred_at, actor, actor_roles, source_ip, user_agent, action, entity_type,"
          + " entity_id, details from audit_pending order by id limit $1";
  private static final String LAST = "select seq, hash from audit_entry order by seq desc limit 1";
  private static final String INSERT =
      "insert into audit_entry (seq, occurred_at, actor, actor_roles, source_ip, user_agent,"
          + " action, entity_type, entity_id, details, prev_hash, hash)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
  private static final String DELETE = "delete from audit_pending where id = any($1)";

  private final Pool pool;
  private final AuditConfig config;

  @Inject
  public AuditSealer(Pool pool, AuditConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Scheduled(
      every = "${vf.audit.seal-every:200ms}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return sealNow().replaceWithVoid();
  }

  /** Seals everything committed so far; answers how many entries it sealed. */
  public Uni<Integer> sealNow() {
    return sealBatch()
        .chain(
            count ->
                count < config.sealBatch()
                    ? Uni.createFrom().item(count)
                    : sealNow().map(more -> count + more));
  }

  private Uni<Integer> sealBatch() {
    return pool.withTransaction(
        tx ->
            tx.query("select count(*) from (select pg_advisory_xact_lock(" + lock() + ")) l")
                .execute()
                // Read after the lock: a sealer that waited sees what the one before it left.
                .chain(() -> tx.preparedQuery(PENDING).execute(Tuple.of(config.sealBatch())))
                .chain(pending -> pending.size() == 0 ? none() : seal(tx, pending)));
  }

  private static Uni<Integer> none() {
    return Uni.createFrom().item(0);
  }

  private static Uni<Integer> seal(SqlConnection tx, RowSet<Row> pending) {
    return tx.query(LAST)
        .execute()
        .chain(
            last -> {
              long seq = 0;
              String prev = AuditChain.GENESIS;
              if (last.iterator().hasNext()) {
                Row row = last.iterator().next();
                seq = row.getLong("seq");
                prev = row.getString("hash");
              }
              List<Tuple> entries = new ArrayList<>(pending.size());
              List<Long> ids = new ArrayList<>(pending.size());
              for (Row p : pending) {
                AuditEntry e = entry(p, ++seq, prev);
                prev = e.hash;
                ids.add(p.getLong("id"));
                entries.add(tuple(e));
              }
              return tx.preparedQuery(INSERT)
                  .executeBatch(entries)
                  .chain(() -> tx.preparedQuery(DELETE).execute(Tuple.of(ids.toArray(new Long[0]))))
                  .replaceWith(ids.size());
            });
  }

  private static AuditEntry entry(Row p, long seq, String prev) {
    AuditEntry e = new AuditEntry();
    e.seq = seq;
    e.occurredAt = AuditChain.truncate(p.getOffsetDateTime("occurred_at").toInstant());
    e.actor = p.getString("actor");
    e.actorRoles = p.getString("actor_roles");
    e.sourceIp = p.getString("source_ip");
    e.userAgent = p.getString("user_agent");
    e.action = p.getString("action");
    e.entityType = p.getString("entity_type");
    e.entityId = p.getString("entity_id");
    e.details = p.getString("details");
    e.prevHash = prev;
    e.hash = AuditChain.hashOf(e);
    return e;
  }

  private static Tuple tuple(AuditEntry e) {
    return Tuple.tuple(
        Arrays.asList(
            e.seq,
            e.occurredAt.atOffset(ZoneOffset.UTC),
            e.actor,
            e.actorRoles,
            e.sourceIp,
            e.userAgent,
            e.action,
            e.entityType,
            e.entityId,
            e.details,
            e.prevHash,
            e.hash));
  }

  private static long lock() {
    return AuditRepository.CHAIN_LOCK;
  }
}
