package io.voucherflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.rules.RuleCompiler;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShippedProcessesTest {

  private static final ProcessValidator VALIDATOR = new ProcessValidator(new RuleCompiler());

  @Test
  void shouldShipValidProcessesOnceCallsArePinned() {
    for (ProcessDefinition d : ShippedProcesses.all()) {
      assertThat(VALIDATOR.problems(pinned(d), ProcessFixtures.KNOWN)).as(d.code()).isEmpty();
    }
  }

  @Test
  void shouldBindTheThreeShippedVoucherTypesBusinessTypes() {
    Map<String, ProcessDefinition> byCode =
        ShippedProcesses.all().stream()
            .collect(Collectors.toMap(ProcessDefinition::code, Function.identity()));

    assertThat(byCode.get("TRANSFER").businessTypes())
        .containsExactly("TRANSFER", "CHEQUE_PAYMENT");
    assertThat(byCode.get("CREDIT").businessTypes())
        .containsExactly("DEPOSIT", "CHEQUE_COLLECTION");
    assertThat(byCode.get("REMITTANCE").businessTypes())
        .containsExactly("WIRE_TRANSFER", "REMITTANCE");
    assertThat(ShippedProcesses.SUBPROCESSES)
        .allSatisfy(code -> assertThat(byCode.get(code).kind()).isEqualTo("subprocess"));
  }

  @Test
  void shouldReturnToTheBranchWhenWordsDoNotMatchFigures() {
    for (String code : ShippedProcesses.BUSINESS) {
      ProcessDefinition d = ShippedProcesses.load(code);
      assertThat(d.transitions())
          .as(code)
          .anySatisfy(
              t -> {
                assertThat(t.to()).isEqualTo("returned");
                assertThat(t.guard()).contains("amountFromWords(fields.amount_words)");
              });
      assertThat(d.node("returned").flatMap(ProcessNode::nodeKind))
          .contains(NodeKind.RETURNED_TO_BRANCH);
    }
  }

  @Test
  void shouldKeyAndVerifyTheSealAtOnceBeforeReview() {
    ProcessDefinition d = ShippedProcesses.load("TRANSFER");
    List<String> branches =
        d.transitions().stream()
            .filter(t -> t.from().equals("split"))
            .map(ProcessTransition::to)
            .toList();

    assertThat(branches).containsExactly("entry", "seal");
    assertThat(d.node("joined").map(ProcessNode::fork)).contains("split");
    assertThat(d.node("entry").map(n -> n.call().process())).contains("DATA_ENTRY");
    assertThat(d.node("seal").map(n -> n.call().process())).contains("SEAL_CHECK");
  }

  /** Calls pinned to version 1, as the first save of each shipped process does. */
  private static ProcessDefinition pinned(ProcessDefinition d) {
    return d.with(
        null,
        d.nodes().stream()
            .map(n -> n.call() == null ? n : n.withCall(new CallRef(n.call().process(), 1)))
            .toList());
  }
}
