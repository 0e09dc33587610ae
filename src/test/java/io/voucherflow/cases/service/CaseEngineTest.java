package io.voucherflow.cases.service;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.cases.CaseFixtures;
import io.voucherflow.cases.CaseHistory;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.HistoryEntry;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.repository.CaseRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases through the shipped processes, table-driven: each row is a voucher, the decisions people
 * make on its tasks, and the nodes its case must (and must not) pass on its way to its end state.
 */
@QuarkusTest
class CaseEngineTest {

  /** What people decide when a row says nothing else, by task kind. */
  private static final Map<String, String> USUAL =
      Map.of(
          "key_slice", "keyed",
          "key_whole", "keyed",
          "arbitrate", "resolved",
          "review", "approve",
          "seal_manual", "pass",
          "phone_verify", "confirmed",
          "branch_authorize", "approved",
          "centre_authorize", "approved",
          "classify", "classified",
          "repair", "repaired");

  /** Keyings that disagree: the second keyer reads another amount. */
  private static final String KEYED_DIFFERENTLY = "key_second=differs";

  @Inject Pool pool;
  @Inject CaseEngine engine;
  @Inject TaskCompletions completions;
  @Inject CaseRepository cases;
  @Inject CaseHistoryService history;

  record Row(
      String name,
      String type,
      String amount,
      String words,
      boolean recognised,
      Map<String, String> decisions,
      CaseState end,
      List<String> visited,
      List<String> skipped) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
            row("small transfer: auto seal, no call, no authorisation", "TRANSFER", "1000.00")
                .done()
                .visits("SCAN/identify", "SCAN/ocr", "SEAL_CHECK/auto", "DATA_ENTRY/compare")
                .visits("TRANSFER/check", "REVIEW/review", "TRANSFER/post", "PRINT/receipt")
                .skips("SEAL_CHECK/manual", "PHONE_VERIFY/phone", "AUTHORISE/branch_authorize"),
            row(
                    "¥600,000 transfer, words do not match: back to the branch",
                    "TRANSFER",
                    "600000.00")
                .words(words("60000.00"))
                .returned()
                .visits("SEAL_CHECK/manual", "TRANSFER/check")
                .skips("PHONE_VERIFY/phone", "REVIEW/review", "TRANSFER/post"),
            row(
                    "¥2,000,000 transfer: phone call, seal both ways, both authorisations",
                    "TRANSFER",
                    "2000000.00")
                .done()
                .visits("PHONE_VERIFY/phone", "SEAL_CHECK/auto_first", "SEAL_CHECK/manual")
                .visits("AUTHORISE/branch_authorize", "AUTHORISE/centre_authorize", "TRANSFER/post")
                .skips("SEAL_CHECK/auto"),
            row("¥600,000 transfer: phone call, branch authorisation only", "TRANSFER", "600000.00")
                .done()
                .visits("PHONE_VERIFY/phone", "SEAL_CHECK/manual", "AUTHORISE/branch_authorize")
                .skips("AUTHORISE/centre_authorize"),
            row(
                    "¥80,000 transfer: manual seal, branch authorisation, no call",
                    "TRANSFER",
                    "80000.00")
                .done()
                .visits("SEAL_CHECK/manual", "AUTHORISE/branch_authorize")
                .skips("SEAL_CHECK/auto", "SEAL_CHECK/auto_first", "PHONE_VERIFY/phone"),
            row("keyings differ, arbitration resolves", "TRANSFER", "1000.00")
                .decide(KEYED_DIFFERENTLY, "")
                .done()
                .visits("DATA_ENTRY/arbitrate", "REVIEW/review"),
            row("keyings differ, arbiter returns it", "TRANSFER", "1000.00")
                .decide(KEYED_DIFFERENTLY, "")
                .decide("arbitrate", "return")
                .returned()
                .visits("DATA_ENTRY/arbitrate")
                .skips("TRANSFER/check"),
            row("reviewer returns it", "TRANSFER", "1000.00")
                .decide("review", "return")
                .returned()
                .visits("REVIEW/review")
                .skips("AUTHORISE/branch_needed", "TRANSFER/post"),
            row("customer refuses on the phone", "TRANSFER", "2000000.00")
                .decide("phone", "refused")
                .returned()
                .visits("PHONE_VERIFY/phone")
                .skips("REVIEW/review"),
            row("customer unreachable", "TRANSFER", "900000.00")
                .decide("phone", "unreachable")
                .returned()
                .visits("PHONE_VERIFY/phone"),
            row("seal does not match by eye", "TRANSFER", "200000.00")
                .decide("manual", "fail")
                .returned()
                .visits("SEAL_CHECK/manual")
                .skips("TRANSFER/check"),
            row("branch supervisor refuses authorisation", "TRANSFER", "80000.00")
                .decide("branch_authorize", "rejected")
                .returned()
                .visits("AUTHORISE/branch_authorize")
                .skips("TRANSFER/post"),
            row("centre refuses authorisation", "TRANSFER", "2000000.00")
                .decide("centre_authorize", "rejected")
                .returned()
                .visits("AUTHORISE/centre_authorize")
                .skips("TRANSFER/post"),
            row("cheque payment runs the transfer process", "CHEQUE_PAYMENT", "3000.00")
                .done()
                .visits("TRANSFER/print", "PRINT/print"),
            row("¥600,000 deposit: no call below the credit threshold", "DEPOSIT", "600000.00")
                .done()
                .visits("CREDIT/check", "CREDIT/phone_needed", "SEAL_CHECK/manual")
                .skips("PHONE_VERIFY/phone"),
            row("¥1,500,000 deposit: phone call", "DEPOSIT", "1500000.00")
                .done()
                .visits("CREDIT/phone", "PHONE_VERIFY/phone", "AUTHORISE/centre_authorize"),
            row("cheque collection with mismatched words", "CHEQUE_COLLECTION", "500.00")
                .words(words("5000.00"))
                .returned()
                .visits("CREDIT/check")
                .skips("REVIEW/review"),
            row("¥300,000 wire transfer: phone call from ¥200,000", "WIRE_TRANSFER", "300000.00")
                .done()
                .visits("REMITTANCE/phone", "PHONE_VERIFY/phone", "SEAL_CHECK/manual"),
            row("¥150,000 remittance: no call", "REMITTANCE", "150000.00")
                .done()
                .visits("REMITTANCE/phone_needed", "SEAL_CHECK/manual")
                .skips("PHONE_VERIFY/phone", "SEAL_CHECK/auto_first"),
            row("words that are no legal amount fail the data check", "WIRE_TRANSFER", "10000.00")
                .words("壹万元整整")
                .returned()
                .visits("REMITTANCE/check")
                .skips("REVIEW/review"),
            row("unknown layout classified by a person", "TRANSFER", "1000.00")
                .unrecognised()
                .done()
                .visits("SCAN/identify", "SCAN/classify", "SCAN/slice"),
            row("unknown layout the classifier cannot use", "TRANSFER", "1000.00")
                .unrecognised()
                .decide("classify", "return")
                .returned()
                .visits("SCAN/classify")
                .skips("SCAN/slice", "TRANSFER/split"))
        .map(b -> Arguments.of(b.build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void shouldRunEachCaseAlongItsPath(Row row) {
    UUID voucher = storeVoucher(pool, row.type(), row.amount(), row.words(), row.recognised());
    UUID caseId = await(() -> engine.start(voucher));

    drive(caseId, row);

    CaseHistory h = await(() -> history.of(voucher));
    List<String> entered =
        h.entries().stream()
            .filter(e -> e.event().equals("ENTERED"))
            .map(e -> e.process() + "/" + e.node())
            .toList();
    assertThat(h.state()).as("end state, path %s", entered).isEqualTo(row.end());
    assertThat(entered).as("path").containsAll(row.visited());
    row.skipped().forEach(node -> assertThat(entered).as("path").doesNotContain(node));
    assertThat(h.entries())
        .filteredOn(e -> e.event().equals("ENDED"))
        .singleElement()
        .extracting(HistoryEntry::outcome)
        .isEqualTo(row.end().name());
    assertThat(await(() -> cases.tasksOf(caseId)))
        .allMatch(t -> t.state() == TaskState.DONE || t.state() == TaskState.WITHDRAWN);
  }

  /** Completes the case's open tasks one at a time, as the row decides, until the case ends. */
  private void drive(UUID caseId, Row row) {
    for (int round = 0; round < 40; round++) {
      if (await(() -> cases.find(caseId)).state() != CaseState.RUNNING) {
        return;
      }
      List<CaseTask> open =
          await(() -> cases.tasksOf(caseId)).stream()
              .filter(t -> t.state() == TaskState.OPEN)
              .toList();
      assertThat(open).as("a running case waits for someone").isNotEmpty();
      CaseTask task = open.getFirst();
      String outcome = row.decisions().getOrDefault(task.node(), USUAL.get(task.kind()));
      Map<String, Object> values = new HashMap<>();
      if (task.kind().startsWith("key_")) {
        boolean differs =
            row.decisions().containsKey(KEYED_DIFFERENTLY) && task.node().equals("key_second");
        values.put("amount_figures", differs ? "1.00" : row.amount());
      }
      await(() -> completions.complete(task.id(), "tester", outcome, values));
    }
    throw new AssertionError("case " + caseId + " did not end in 40 decisions");
  }

  private static Builder row(String name, String type, String amount) {
    return new Builder(name, type, amount);
  }

  /** Reads like the table above. */
  static final class Builder {
    private final String name;
    private final String type;
    private final String amount;
    private String words;
    private boolean recognised = true;
    private final Map<String, String> decisions = new HashMap<>();
    private CaseState end;
    private final List<String> visited = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    Builder(String name, String type, String amount) {
      this.name = name;
      this.type = type;
      this.amount = amount;
      this.words = CaseFixtures.words(amount);
    }

    Builder words(String w) {
      this.words = w;
      return this;
    }

    Builder unrecognised() {
      this.recognised = false;
      return this;
    }

    Builder decide(String node, String outcome) {
      decisions.put(node, outcome);
      return this;
    }

    Builder done() {
      end = CaseState.DONE;
      return this;
    }

    Builder returned() {
      end = CaseState.RETURNED_TO_BRANCH;
      return this;
    }

    Builder visits(String... nodes) {
      visited.addAll(List.of(nodes));
      return this;
    }

    Builder skips(String... nodes) {
      skipped.addAll(List.of(nodes));
      return this;
    }

    Row build() {
      return new Row(name, type, amount, words, recognised, decisions, end, visited, skipped);
    }
  }
}
