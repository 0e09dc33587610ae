package io.voucherflow.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stretch of duty at one post, from sign-in (签到) to sign-out (签退). */
@Entity
@Table(name = "duty_session")
public class DutySession {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "staff_id")
  public Long staffId;

  @Column(name = "post_code")
  public String postCode;

  @Column(name = "signed_in_at")
  public Instant signedInAt;

  @Column(name = "signed_out_at")
  public Instant signedOutAt;

  /**
   * Username of whoever ended the session: the member of staff, or the supervisor who forced it.
   */
  @Column(name = "signed_out_by")
  public String signedOutBy;

  public boolean forced;

  @Column(name = "requeued_tasks")
  public int requeuedTasks;

  public boolean open() {
    return signedOutAt == null;
  }
}
