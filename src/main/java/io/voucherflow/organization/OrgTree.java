package io.voucherflow.organization;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The organisation hierarchy in memory, to answer "which units lie under this one". */
public final class OrgTree {

  private final Map<Long, List<Long>> children = new HashMap<>();

  public OrgTree(Collection<OrgUnit> units) {
    for (OrgUnit u : units) {
      if (u.parentId != null) {
        children.computeIfAbsent(u.parentId, k -> new java.util.ArrayList<>()).add(u.id);
      }
    }
  }

  /** The unit itself and every unit below it. */
  public Set<Long> subtreeOf(long root) {
    Set<Long> seen = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Long id = todo.pop();
      if (seen.add(id)) {
        todo.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return seen;
  }
}
