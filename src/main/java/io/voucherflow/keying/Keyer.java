package io.voucherflow.keying;

import java.util.Set;

/**
 * A member of staff keying at a post, as resolved once when their console connects.
 *
 * @param id the staff id the dispatcher leases to
 * @param post the post they are signed in at (KEYING, ARBITRATION…)
 * @param skills the skills that decide which fields they may key
 */
public record Keyer(long id, String username, String post, Set<String> skills) {

  public Keyer {
    skills = Set.copyOf(skills);
  }
}
