package io.voucherflow.audit.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.AuditChain;
import io.voucherflow.audit.AuditEntry;
import io.voucherflow.audit.ChainVerification;
import io.voucherflow.audit.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** What auditors do with the trail: search it and verify the hash chain end to end. */
@ApplicationScoped
public class AuditQueryService {

  private static final int BATCH = 1000;

  private final AuditRepository repository;
  private final AuditService audit;
  private final AuditSealer sealer;

  @Inject
  public AuditQueryService(AuditRepository repository, AuditService audit, AuditSealer sealer) {
    this.repository = repository;
    this.audit = audit;
    this.sealer = sealer;
  }

  /** Searches the chain, after sealing what is pending so the answer includes every commit. */
  public Uni<List<AuditEntry>> search(String entityType, String entityId, String actor, int limit) {
    return sealer
        .sealNow()
        .chain(
            () -> Panache.withSession(() -> repository.search(entityType, entityId, actor, limit)));
  }

  /**
   * Walks the whole chain in order and reports the first entry that does not link; the check itself
   * is audited.
   */
  public Uni<ChainVerification> verify() {
    return sealer.sealNow().chain(() -> Panache.withTransaction(this::verifySealed));
  }

  private Uni<ChainVerification> verifySealed() {
    return walk(new Cursor())
        .call(
            result ->
                audit.record(
                    "audit.chain-verified",
                    "audit",
                    "chain",
                    result.intact()
                        ? Map.of("intact", true, "entriesChecked", result.entriesChecked())
                        : Map.of(
                            "intact",
                            false,
                            "entriesChecked",
                            result.entriesChecked(),
                            "firstBrokenSeq",
                            result.firstBrokenSeq())));
  }

  private Uni<ChainVerification> walk(Cursor cursor) {
    return repository
        .after(cursor.lastSeq, BATCH)
        .chain(
            batch -> {
              for (AuditEntry e : batch) {
                String problem = cursor.check(e);
                if (problem != null) {
                  return Uni.createFrom()
                      .item(ChainVerification.brokenAt(cursor.checked, e.seq, problem));
                }
              }
              return batch.size() < BATCH
                  ? Uni.createFrom().item(ChainVerification.intact(cursor.checked))
                  : walk(cursor);
            });
  }

  /** Position in the walk: the last entry that linked correctly. */
  private static final class Cursor {
    long lastSeq = 0;
    String lastHash = AuditChain.GENESIS;
    long checked = 0;

    String check(AuditEntry e) {
      checked++;
      String problem = null;
      if (e.seq != lastSeq + 1) {
        problem = "entries " + (lastSeq + 1) + ".." + (e.seq - 1) + " are missing";
      } else if (!lastHash.equals(e.prevHash)) {
        problem = "prev_hash does not match the hash of entry " + lastSeq;
      } else if (!AuditChain.hashOf(e).equals(e.hash)) {
        problem = "the entry's content does not match its hash";
      }
      lastSeq = e.seq;
      lastHash = e.hash;
      return problem;
    }
  }
}
