package io.voucherflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only audit trail; {@code hash} chains it to the row before. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id public long seq;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  public String actor;

  @Column(name = "actor_roles")
  public String actorRoles;

  @Column(name = "source_ip")
  public String sourceIp;

  @Column(name = "user_agent")
  public String userAgent;

  public String action;

  @Column(name = "entity_type")
  public String entityType;

  @Column(name = "entity_id")
  public String entityId;

  /** JSON text, stored exactly as hashed (not jsonb, which would normalise it). */
  public String details;

  @Column(name = "prev_hash")
  public String prevHash;

  public String hash;
}
