package io.voucherflow.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A position of a case: a node of a process version, inside the call frames and fork scopes that
 * led there.
 *
 * @param step the sequence number of the token's last history row
 */
public record CaseToken(
    UUID id,
    UUID caseId,
    List<Frame> stack,
    String process,
    int version,
    String node,
    String scope,
    TokenState state,
    int step) {

  /** The same token at another node of the same process. */
  public CaseToken at(String newNode, TokenState newState, int newStep) {
    return new CaseToken(id, caseId, stack, process, version, newNode, scope, newState, newStep);
  }

  /** The token inside the sub-process {@code sub}, called from its current node. */
  public CaseToken calling(String sub, int subVersion, String start, int newStep) {
    List<Frame> deeper = new ArrayList<>(stack);
    deeper.add(new Frame(process, version, node));
    return new CaseToken(
        id, caseId, List.copyOf(deeper), sub, subVersion, start, scope, TokenState.ACTIVE, newStep);
  }

  /** The token back at the call node of its innermost frame. */
  public CaseToken returning(int newStep) {
    Frame top = stack.getLast();
    return new CaseToken(
        id,
        caseId,
        List.copyOf(stack.subList(0, stack.size() - 1)),
        top.process(),
        top.version(),
        top.node(),
        scope,
        TokenState.ACTIVE,
        newStep);
  }

  public CaseToken withState(TokenState newState) {
    return new CaseToken(id, caseId, stack, process, version, node, scope, newState, step);
  }

  /** The scope a join leaves: the enclosing fork's. */
  public String parentScope() {
    int cut = scope.lastIndexOf('/');
    return cut < 0 ? "" : scope.substring(0, cut);
  }
}
