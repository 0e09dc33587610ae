package io.voucherflow.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The active version of a process code, moved only by an audited activation. */
@Entity
@Table(name = "process_active")
public class ActiveProcess {

  @Id public String code;

  public int version;

  @Column(name = "activated_at")
  public Instant activatedAt;

  @Column(name = "activated_by")
  public String activatedBy;
}
