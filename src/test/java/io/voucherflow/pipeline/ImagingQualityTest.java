package io.voucherflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.pipeline.ImagingQuality.Figures;
import io.voucherflow.pipeline.ImagingQuality.Outcome;
import io.voucherflow.synthetic.SyntheticVoucherGenerator.Options;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality targets, on 200 generated vouchers of the three shipped templates (fixed
 * seed; ±10° skew, ±5 % zoom, 6 mm offset on a light or dark scanner bed, blur, noise, JPEG 70–92)
 * run through the production stages: template identified by QR 100 %, by layout with the QR left
 * off ≥ 98 % and never wrongly; residual skew ≤ 0.3° for ≥ 99 %; each field's true ink box inside
 * its slice for ≥ 99 % of fields; printed account and amount-figure fields read exactly by OCR for
 * ≥ 95 %.
 */
class ImagingQualityTest {

  private static final int VOUCHERS = 200;
  private static final long SEED = 20261123L;

  private static ImagingQuality quality;

  @BeforeAll
  static void start() throws Exception {
    quality = new ImagingQuality();
  }

  @AfterAll
  static void stop() {
    quality.close();
  }

  @Test
  void shouldMeetTheQualityTargetsOnVouchersWithTheirQrCode() {
    List<Outcome> outcomes = run(Options.defaults());
    Figures f = Figures.of(outcomes, 0.3);
    System.out.println(f.describe("imaging quality, with QR"));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.method()).isEqualTo(Recognition.QR));
    assertThat(f.identified()).isEqualTo(VOUCHERS);
    assertThat(f.skewWithin()).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * VOUCHERS));
    assertThat(f.fieldsInside()).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * f.fields()));
    assertThat(f.digitFields()).as("printed digit fields in the sample").isGreaterThan(100);
    assertThat(f.digitsRight()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * f.digitFields()));
  }

  @Test
  void shouldRecogniseTheLayoutWhenTheQrCodeIsMissing() {
    List<Outcome> outcomes = run(Options.defaults().withNoQr(true));
    Figures f = Figures.of(outcomes, 0.3);
    System.out.println(f.describe("imaging quality, without QR"));

    assertThat(outcomes)
        .filteredOn(o -> o.identifiedAs() != null)
        .allSatisfy(o -> assertThat(o.method()).isEqualTo(Recognition.MATCH));
    assertThat(f.identified()).isGreaterThanOrEqualTo((int) Math.ceil(0.98 * VOUCHERS));
    // A voucher not recognised goes to a person; one recognised as the wrong form would not.
    assertThat(f.wrong()).isZero();
    assertThat(f.fieldsInside()).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * f.fields()));
  }

  private static List<Outcome> run(Options options) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < VOUCHERS; i++) {
      outcomes.add(quality.run(quality.generate(SEED, i, options)));
    }
    return outcomes;
  }
}
