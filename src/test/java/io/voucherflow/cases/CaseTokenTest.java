package io.voucherflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseTokenTest {

  private final CaseToken token =
      new CaseToken(
          UUID.randomUUID(),
          UUID.randomUUID(),
          List.of(),
          "TRANSFER",
          1,
          "seal",
          "/a",
          TokenState.ACTIVE,
          4);

  @Test
  void shouldReturnToTheCallNodeItEnteredFrom() {
    CaseToken inside = token.calling("SEAL_CHECK", 2, "mode", 5);

    assertThat(inside.stack()).containsExactly(new Frame("TRANSFER", 1, "seal"));
    assertThat(inside.process()).isEqualTo("SEAL_CHECK");

    CaseToken back = inside.at("done", TokenState.ACTIVE, 9).returning(10);
    assertThat(back.stack()).isEmpty();
    assertThat(back.process()).isEqualTo("TRANSFER");
    assertThat(back.version()).isEqualTo(1);
    assertThat(back.node()).isEqualTo("seal");
    assertThat(back.step()).isEqualTo(10);
  }

  @Test
  void shouldLeaveItsInnermostForkAtAJoin() {
    assertThat(token.parentScope()).isEmpty();
    CaseToken nested =
        new CaseToken(
            token.id(), token.caseId(), List.of(), "T", 1, "n", "/a/b", TokenState.ACTIVE, 0);
    assertThat(nested.parentScope()).isEqualTo("/a");
  }
}
