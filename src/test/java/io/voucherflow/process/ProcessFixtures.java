package io.voucherflow.process;

import java.util.Set;

/** A small valid business process in YAML, and the references it may make. */
public final class ProcessFixtures {

  /** Keying and an automatic seal check at once, a words check, review; every feature once. */
  public static final String VALID =
      """
      code: TEST
      kind: business
      name: Test process
      businessTypes: [TEST]
      start: scan
      nodes:
        - { id: scan, kind: call, call: { process: SCAN, version: 1 } }
        - { id: split, kind: fork }
        - { id: entry, kind: key_slice, post: KEYING, timeLimit: PT5M }
        - { id: seal, kind: seal_auto }
        - { id: joined, kind: join, fork: split }
        - { id: review, kind: review, post: REVIEW, timeLimit: PT15M }
        - { id: done, kind: done }
        - { id: returned, kind: returned_to_branch }
      transitions:
        - { from: scan, to: split }
        - { from: split, to: entry }
        - { from: split, to: seal }
        - { from: entry, to: joined }
        - { from: seal, to: joined }
        - from: joined
          to: returned
          order: 1
          guard: "cents(amountFromWords(fields.amount_words)) != cents(fields.amount_figures)"
        - { from: joined, to: review, order: 2 }
        - { from: review, to: done, on: approve }
        - { from: review, to: returned, on: return }
      """;

  /** The shipped posts and version 1 of every shipped sub-process. */
  public static final KnownReferences KNOWN =
      new KnownReferences(
          Set.of(
              "KEYING",
              "ARBITRATION",
              "REVIEW",
              "SEAL_VERIFICATION",
              "PHONE_VERIFICATION",
              "BRANCH_AUTHORISATION",
              "AUTHORISATION",
              "SUPERVISION"),
          Set.of(
              "SCAN/1",
              "DATA_ENTRY/1",
              "SEAL_CHECK/1",
              "PHONE_VERIFY/1",
              "REVIEW/1",
              "AUTHORISE/1",
              "PRINT/1"));

  private ProcessFixtures() {}

  public static ProcessDefinition yaml(String text) {
    return ProcessDocuments.parse(text, ProcessDocuments.Format.YAML);
  }
}
