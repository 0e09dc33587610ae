package io.voucherflow.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A rule: its stable code and kind, and which of its versions is in force; code and kind never
 * change (the database refuses it).
 */
@Entity
@Table(name = "rule_definition")
public class RuleDefinition {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;

  @Enumerated(EnumType.STRING)
  public RuleKind kind;

  @Column(name = "latest_version")
  public int latestVersion;

  /** The version in force, or null before the first activation. */
  @Column(name = "active_version")
  public Integer activeVersion;

  @Column(name = "activated_at")
  public Instant activatedAt;

  @Column(name = "activated_by")
  public String activatedBy;

  /** Set from a database sequence on activation; see V6__rules.sql. */
  @Column(name = "activation_seq")
  public Long activationSeq;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;
}
