package io.voucherflow.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.AuditChain;
import io.voucherflow.audit.AuditEntry;
import io.voucherflow.audit.repository.AuditRepository;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records in the audit trail inside the caller's transaction, so a state change and its audit entry
 * commit or roll back together. Call it from a method that already runs in a transaction. The entry
 * is written pending; {@link AuditSealer} gives it its place and hash in the chain moments later.
 */
@ApplicationScoped
public class AuditService {

  // Sorted keys keep the stored JSON stable for a given set of details.
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** The actor recorded for changes made outside any request. */
  public static final String SYSTEM_ACTOR = Caller.SYSTEM;

  private final AuditRepository repository;
  private final Caller caller;

  @Inject
  public AuditService(AuditRepository repository, Caller caller) {
    this.repository = repository;
    this.caller = caller;
  }

  /**
   * Records that the current caller did {@code action} to the entity; the entry answered has no
   * sequence number or hash yet (they come when it is sealed).
   */
  public Uni<AuditEntry> record(
      String action, String entityType, Object entityId, Map<String, ?> details) {
    AuditEntry entry = new AuditEntry();
    if (Arc.container().requestContext().isActive()) {
      entry.actor = caller.username();
      entry.actorRoles = String.join(",", caller.roles());
      entry.sourceIp = caller.sourceIp();
      entry.userAgent = truncate(caller.userAgent(), 300);
    } else {
      // Scheduled jobs and pipeline stages act as the platform itself.
      entry.actor = SYSTEM_ACTOR;
      entry.actorRoles = "";
    }
    entry.action = action;
    entry.entityType = entityType;
    entry.entityId = String.valueOf(entityId);
    entry.details = toJson(details);
    entry.occurredAt = AuditChain.truncate(Instant.now());
    return repository.appendPending(entry).replaceWith(entry);
  }

  static String toJson(Map<String, ?> details) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(details));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details must be serialisable", e);
    }
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
