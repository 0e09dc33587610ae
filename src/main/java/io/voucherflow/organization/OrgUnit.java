package io.voucherflow.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organisation unit: head office, branch, sub-branch or operations centre. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String code;
  public String name;

  @Enumerated(EnumType.STRING)
  public OrgUnitKind kind;

  @Column(name = "parent_id")
  public Long parentId;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;
}
