package io.voucherflow.process;

import static io.voucherflow.process.ProcessFixtures.VALID;
import static io.voucherflow.process.ProcessFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessDifferTest {

  @Test
  void shouldListAddedRemovedAndChangedNodesAndTransitions() {
    ProcessDefinition v1 = yaml(VALID).with(1, yaml(VALID).nodes());
    ProcessDefinition changed =
        yaml(
            VALID
                .replace("name: Test process", "name: Test process, second edition")
                .replace("post: REVIEW, timeLimit: PT15M", "post: REVIEW, timeLimit: PT20M")
                .replace(
                    "  - { id: seal, kind: seal_auto }\n",
                    "  - { id: seal, kind: seal_manual, post: REVIEW, timeLimit: PT5M }\n")
                .replace(
                    "  - { from: review, to: returned, on: return }\n",
                    "  - { from: review, to: phone, on: return }\n  - { from: phone, to: done }\n")
                .replace("  - { id: done,", "  - { id: phone, kind: check }\n  - { id: done,")
                .replace("to: review, order: 2", "to: review, order: 3"));
    ProcessDefinition v2 = changed.with(2, changed.nodes());

    ProcessDiff diff = ProcessDiffer.diff(v1, v2);

    assertThat(diff.from()).isEqualTo(1);
    assertThat(diff.to()).isEqualTo(2);
    assertThat(diff.attributes()).containsExactly("name");
    assertThat(diff.nodes().added()).extracting(ProcessNode::id).containsExactly("phone");
    assertThat(diff.nodes().removed()).isEmpty();
    assertThat(diff.nodes().changed())
        .extracting(ProcessDiff.Change::key, ProcessDiff.Change::attributes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "seal", java.util.List.of("kind", "post", "timeLimit")),
            org.assertj.core.groups.Tuple.tuple("review", java.util.List.of("timeLimit")));
    assertThat(diff.transitions().added())
        .extracting(ProcessTransition::key)
        .containsExactly("review->phone@return", "phone->done");
    assertThat(diff.transitions().removed())
        .extracting(ProcessTransition::key)
        .containsExactly("review->returned@return");
    assertThat(diff.transitions().changed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("joined->review");
              assertThat(c.attributes()).containsExactly("order");
            });
  }

  @Test
  void shouldFindNothingBetweenEqualVersions() {
    ProcessDefinition v = yaml(VALID);
    ProcessDiff diff = ProcessDiffer.diff(v.with(1, v.nodes()), v.with(2, v.nodes()));

    assertThat(diff.attributes()).isEmpty();
    assertThat(diff.nodes().added()).isEmpty();
    assertThat(diff.nodes().changed()).isEmpty();
    assertThat(diff.transitions().changed()).isEmpty();
  }
}
