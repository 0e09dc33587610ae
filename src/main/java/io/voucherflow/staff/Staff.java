package io.voucherflow.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;

/** A member of staff, linked to the identity provider by the token subject. */
@Entity
@Table(name = "staff")
public class Staff {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String username;

  /**
   * The identity provider's {@code sub}; bound at first sign-in when an administrator left it
   * empty.
   */
  public String subject;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "org_unit_id")
  public Long orgUnitId;

  public String[] skills = new String[0];

  /** Codes of the posts this member of staff may sign in at. */
  public String[] posts = new String[0];

  public boolean active = true;

  public boolean mayTake(String postCode) {
    return Arrays.asList(posts).contains(postCode);
  }
}
