package io.voucherflow.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A post (岗位): a job position that owns certain task kinds and needs certain skills. */
@Entity
@Table(name = "post")
public class Post {

  @Id public String code;

  public String name;

  @Column(name = "task_kinds")
  public String[] taskKinds = new String[0];

  public String[] skills = new String[0];
}
