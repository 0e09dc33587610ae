package io.voucherflow.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One saved version of a rule's expression; never updated (the database refuses it). */
// Immutable: Hibernate never writes back a loaded version (the database would refuse it anyway).
@Entity
@Immutable
@Table(name = "rule_version")
public class RuleVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "rule_id")
  public Long ruleId;

  public int version;
  public String name;
  public String description;
  public String expression;

  @Column(name = "facts_read")
  public String[] factsRead = new String[0];

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;
}
