package io.voucherflow.keying;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseFixtures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Processed vouchers whose fields wait for keying, stored as the pipeline stores them. */
public final class KeyingFixtures {

  /** A field as the pipeline leaves it: kind and entry mode JSON names, OCR's reading. */
  public record Field(String name, String kind, String entryMode, String ocr, double confidence) {

    public static Field slice(String name, String kind) {
      return new Field(name, kind, "slice", null, 0);
    }
  }

  private KeyingFixtures() {}

  /** A TRANSFER voucher of BR01 with the given fields awaiting entry. */
  public static UUID storeVoucher(Pool pool, List<Field> fields) {
    UUID id = UUID.randomUUID();
    pool.preparedQuery(
            "insert into voucher (id, request_id, teller, branch_unit_id, business_type,"
                + " declared_amount, currency, state, original_sha256, original_format,"
                + " template_code, template_version, processed_at)"
                + " values ($1, $2, 'teller1', (select id from org_unit where code = 'BR01'),"
                + " 'TRANSFER', $3, 'CNY', 'SLICED', repeat('0', 64), 'JPEG', 'TRANSFER_CHEQUE', 1,"
                + " now())")
        .execute(Tuple.of(id, "keying-" + id, new BigDecimal("1409.50")))
        .await()
        .atMost(CaseFixtures.WAIT);
    List<Tuple> rows = new ArrayList<>();
    for (Field f : fields) {
      rows.add(
          Tuple.tuple(
              Arrays.asList(
                  id,
                  f.name(),
                  f.kind(),
                  f.entryMode(),
                  "ab".repeat(32),
                  f.ocr(),
                  f.ocr() == null ? null : f.confidence())));
    }
    pool.preparedQuery(
            "insert into voucher_field (voucher_id, name, kind, entry_mode, slice_sha256,"
                + " ocr_value, ocr_confidence, state) values ($1, $2, $3, $4, $5, $6, $7,"
                + " 'AWAITING_ENTRY')")
        .executeBatch(rows)
        .await()
        .atMost(CaseFixtures.WAIT);
    return id;
  }

  /** One row of a query, or null. */
  public static Row one(Pool pool, String sql, Object... args) {
    var rows = pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(CaseFixtures.WAIT);
    return rows.size() == 0 ? null : rows.iterator().next();
  }

  /** The keying tasks of a voucher by field and key number, as {@code field#n}. */
  public static Map<String, UUID> tasksOf(Pool pool, UUID voucherId) {
    var rows =
        pool.preparedQuery("select id, field_name, key_no from keying_task where voucher_id = $1")
            .execute(Tuple.of(voucherId))
            .await()
            .atMost(CaseFixtures.WAIT);
    Map<String, UUID> out = new java.util.TreeMap<>();
    for (Row r : rows) {
      out.put(r.getString("field_name") + "#" + r.getShort("key_no"), r.getUUID("id"));
    }
    return out;
  }
}
