package io.voucherflow.cases;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.synthetic.ChineseAmountWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Vouchers as the pipeline and keying leave them, stored directly, and a way to await the engine.
 */
public final class CaseFixtures {

  public static final Duration WAIT = Duration.ofSeconds(20);

  private CaseFixtures() {}

  /** The legal words of an amount, in the first spelling the PBOC rules allow. */
  public static String words(String amount) {
    return ChineseAmountWriter.variants(new BigDecimal(amount)).getFirst();
  }

  /**
   * A processed voucher from BR01 with its amount keyed in figures and words; {@code recognised}
   * false leaves it waiting for classification, as the pipeline does with an unknown layout.
   */
  public static UUID storeVoucher(
      Pool pool, String businessType, String amount, String words, boolean recognised) {
    UUID id = UUID.randomUUID();
    pool.preparedQuery(
            "insert into voucher (id, request_id, teller, branch_unit_id, business_type,"
                + " declared_amount, currency, state, original_sha256, original_format,"
                + " template_code, template_version, processed_at)"
                + " values ($1, $2, 'teller1', (select id from org_unit where code = 'BR01'),"
                + " $3, $4, 'CNY', $5, repeat('0', 64), 'JPEG', $6, $7, now())")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    "cases-" + id,
                    businessType,
                    new BigDecimal(amount),
                    recognised ? "SLICED" : "CLASSIFICATION_NEEDED",
                    recognised ? "TRANSFER_CHEQUE" : null,
                    recognised ? 1 : null)))
        .await()
        .atMost(WAIT);
    pool.preparedQuery(
            "insert into voucher_field (voucher_id, name, kind, entry_mode, ocr_value,"
                + " ocr_confidence, final_value, state) values ($1, $2, 'TEXT', 'SLICE', $3, 0.9,"
                + " $3, 'KEYED')")
        .executeBatch(
            Arrays.asList(
                Tuple.of(id, "amount_words", words), Tuple.of(id, "amount_figures", amount)))
        .await()
        .atMost(WAIT);
    return id;
  }

  /** What the pipeline's hand-over writes for the case engine, in its own transaction. */
  public static void handOver(Pool pool, UUID voucherId) {
    pool.preparedQuery("insert into case_intake (voucher_id) values ($1)")
        .execute(Tuple.of(voucherId))
        .await()
        .atMost(WAIT);
  }

  /** The engine's answer, subscribed on a Vert.x context as its facts' session needs. */
  public static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (Throwable e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    }
  }
}
