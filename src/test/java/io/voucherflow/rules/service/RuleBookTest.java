package io.voucherflow.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleKind;
import io.voucherflow.rules.RuleOutcome;
import io.voucherflow.rules.repository.ActiveRuleRepository;
import io.voucherflow.rules.repository.ActiveRuleRepository.ActiveVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule book's bookkeeping with a scripted repository, so answers can arrive in any order; the
 * real PostgreSQL path is covered by RuleBookPropagationTest.
 */
class RuleBookTest {

  private static final String CODE = "phone-verification.large-amount";
  private static final Map<String, Object> FACTS = Map.of("voucher.amountCents", 70_000_000L);

  /** Answers what the test last set, as PostgreSQL would at that moment. */
  private static final class Scripted extends ActiveRuleRepository {
    private List<ActiveVersion> rows = List.of();

    Scripted() {
      super(null);
    }

    void answer(ActiveVersion... rows) {
      this.rows = List.of(rows);
    }

    @Override
    public Uni<List<ActiveVersion>> all() {
      return Uni.createFrom().item(rows);
    }

    @Override
    public Uni<ActiveVersion> of(String code) {
      return Uni.createFrom()
          .item(rows.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null));
    }
  }

  private final Scripted repository = new Scripted();
  private final RuleBook book = new RuleBook(repository, new RuleCompiler());

  private static ActiveVersion threshold(int version, long seq, long fen) {
    return new ActiveVersion(
        CODE, RuleKind.PHONE_VERIFICATION_THRESHOLD, version, seq, "voucher.amountCents >= " + fen);
  }

  @Test
  void shouldEvaluateTheActiveVersionOnceLoaded() {
    assertThatThrownBy(() -> book.evaluate(CODE, FACTS))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(CODE);

    repository.answer(threshold(1, 1, 50_000_000));
    book.reloadAll().await().indefinitely();

    assertThat(book.evaluate(CODE, FACTS)).isEqualTo(true);
    assertThat(book.versions()).containsEntry(CODE, 1);
  }

  @Test
  void shouldKeepTheLatestActivationWhenAnOlderAnswerArrivesLate() {
    repository.answer(threshold(2, 5, 80_000_000));
    book.reload(CODE).await().indefinitely();
    assertThat(book.evaluate(CODE, FACTS)).isEqualTo(false);

    // A safety reload that read PostgreSQL before that activation.
    repository.answer(threshold(1, 3, 50_000_000));
    book.reloadAll().await().indefinitely();
    assertThat(book.active(CODE).orElseThrow().version()).isEqualTo(2);

    // Rolling back to version 1 is a newer activation, so it wins.
    repository.answer(threshold(1, 7, 50_000_000));
    book.reload(CODE).await().indefinitely();
    assertThat(book.active(CODE).orElseThrow().version()).isEqualTo(1);
    assertThat(book.evaluate(CODE, FACTS)).isEqualTo(true);
  }

  @Test
  void shouldKeepTheRuleInForceWhenItsSuccessorNoLongerCompiles() {
    repository.answer(threshold(1, 1, 50_000_000));
    book.reloadAll().await().indefinitely();

    repository.answer(
        new ActiveVersion(CODE, RuleKind.PHONE_VERIFICATION_THRESHOLD, 2, 2, "voucher.nope > 1"));
    book.reload(CODE).await().indefinitely();

    assertThat(book.active(CODE).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void shouldFallBackOnTheFailSafeValueOnTheProcessPath() {
    RuleOutcome missing = book.decide(CODE, RuleKind.PHONE_VERIFICATION_THRESHOLD, FACTS);
    assertThat(missing.value()).isEqualTo(true);
    assertThat(missing.failedSafe()).isTrue();

    repository.answer(threshold(1, 1, 90_000_000));
    book.reloadAll().await().indefinitely();
    assertThat(book.decide(CODE, RuleKind.PHONE_VERIFICATION_THRESHOLD, FACTS))
        .isEqualTo(new RuleOutcome(CODE, 1, false, null));

    RuleOutcome unknownAmount = book.decide(CODE, RuleKind.PHONE_VERIFICATION_THRESHOLD, Map.of());
    assertThat(unknownAmount.value()).isEqualTo(true);
    assertThat(unknownAmount.failure()).contains("voucher.amountCents");
  }
}
