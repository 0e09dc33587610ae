package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.template.TemplateDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorrelationLayoutMatcherTest {

  private static final CorrelationLayoutMatcher MATCHER = new CorrelationLayoutMatcher(10);
  private static List<LayoutCandidate> candidates;

  @BeforeAll
  static void prepareCandidates() {
    candidates = List.of(prepare(TestForms.cheque()), prepare(TestForms.creditSlip()));
  }

  @AfterAll
  static void closeCandidates() {
    candidates.forEach(LayoutCandidate::close);
  }

  @Test
  void shouldRecogniseFilledChequeWithoutQr() {
    var renderer = new FormRenderer(TestForms.cheque(), TestForms.chequeValues(), null);
    try (PageImage page = renderer.page(new FormRenderer.Scan(0.2, 0.96, 35, -30))) {
      LayoutMatch match = MATCHER.match(page, candidates).orElseThrow();
      assertThat(match.code()).isEqualTo("TC");
      assertThat(match.version()).isEqualTo(3);
      assertThat(match.confidence()).isGreaterThan(0.75);
      assertThat(match.margin()).isGreaterThan(0.2);
    }
  }

  @Test
  void shouldRecogniseFilledCreditSlipWithoutQr() {
    var renderer = new FormRenderer(TestForms.creditSlip(), TestForms.creditSlipValues(), null);
    try (PageImage rendered = renderer.page(new FormRenderer.Scan(-0.2, 1.03, -8, 6));
        PageImage page = PageImage.decode(rendered.encodeJpeg(80))) {
      LayoutMatch match = MATCHER.match(page, candidates).orElseThrow();
      assertThat(match.code()).isEqualTo("CS");
      assertThat(match.confidence()).isGreaterThan(0.75);
      assertThat(match.margin()).isGreaterThan(0.2);
    }
  }

  @Test
  void shouldNotAcceptBlankPage() {
    try (PageImage blank = TestImages.plain(1700, 800, 250)) {
      LayoutMatch match = MATCHER.match(blank, candidates).orElseThrow();
      assertThat(match.confidence()).isLessThan(0.3);
      assertThat(match.accepted(0.6, 0.05)).isFalse();
    }
  }

  @Test
  void shouldMatchNothingWithoutCandidates() {
    try (PageImage blank = TestImages.plain(1700, 800, 250)) {
      assertThat(MATCHER.match(blank, List.of())).isEmpty();
    }
  }

  /** The reference is the empty form: no field values, no QR. */
  private static LayoutCandidate prepare(TemplateDefinition template) {
    try (PageImage reference =
        new FormRenderer(template, Map.of(), null).page(FormRenderer.Scan.STRAIGHT)) {
      return MATCHER.prepare(template, reference);
    }
  }
}
