package io.voucherflow.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored version of a process; never updated (the database refuses it). */
@Entity
@Table(name = "process_version")
public class ProcessVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;
  public int version;

  /** {@code business} or {@code subprocess}. */
  public String kind;

  public String name;

  /** The {@link ProcessDefinition} as JSON. */
  public String definition;

  @Column(name = "created_at", updatable = false)
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;
}
