package io.voucherflow.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A business type bound to the process version its new cases start on. */
@Entity
@Table(name = "process_binding")
public class ProcessBinding {

  @Id
  @Column(name = "business_type")
  public String businessType;

  @Column(name = "process_code")
  public String processCode;

  @Column(name = "process_version")
  public int processVersion;

  @Column(name = "bound_at")
  public Instant boundAt;

  @Column(name = "bound_by")
  public String boundBy;
}
