package io.voucherflow.staff;

import java.util.List;

/** A member of staff as clients see it. */
public record StaffView(
    String username,
    String displayName,
    String orgUnitCode,
    List<String> posts,
    List<String> skills,
    boolean active) {

  public static StaffView of(Staff s, String orgUnitCode) {
    return new StaffView(
        s.username, s.displayName, orgUnitCode, List.of(s.posts), List.of(s.skills), s.active);
  }
}
