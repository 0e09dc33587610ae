package io.voucherflow.capture.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.service.SqlAuditAppender;
import io.voucherflow.audit.service.SqlAuditAppender.Change;
import io.voucherflow.capture.VoucherState;
import io.voucherflow.pipeline.BatchingStage;
import io.voucherflow.pipeline.FieldResult;
import io.voucherflow.pipeline.FieldResults;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.Recognition;
import io.voucherflow.pipeline.VoucherEvent;
import io.voucherflow.template.EntryMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's hand-over: writes what intake found for a batch of vouchers, their fields and
 * their audit entries in one transaction. Updates only vouchers still ACCEPTED, so a voucher
 * offered twice (after a crash) is written once.
 */
@ApplicationScoped
public class VoucherResultWriter implements BatchingStage {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String UPDATE =
      "update voucher set state = $2, template_code = $3, template_version = $4,"
          + " recognition = $5, recognition_confidence = $6, serial = $7, skew_degrees = $8, stage_millis = $9,"
          + " failure_stage = $10, failure_reason = $11, back_sha256 = coalesce($12, back_sha256), processed_at = now()"
          + " where id = $1 and state = 'ACCEPTED'";
  private static final String INSERT_FIELD =
      "insert into voucher_field (voucher_id, name, kind, entry_mode,"
          + " slice_sha256, box_x, box_y, box_width, box_height, ocr_value, ocr_confidence, final_value, state)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict do nothing";

  // The case engine's intake (an outbox in this transaction): every voucher handed over gets a
  // case, also when the process stops right after this commit.
  private static final String QUEUE_CASE =
      "insert into case_intake (voucher_id) select id from voucher"
          + " where id = $1 and state in ('SLICED', 'CLASSIFICATION_NEEDED') on conflict do nothing";

  private final Pool pool;
  private final ObjectMapper json;

  @Inject
  public VoucherResultWriter(Pool pool, ObjectMapper json) {
    this.pool = pool;
    this.json = json;
  }

  @Override
  public void flush(List<VoucherEvent> batch) {
    List<Tuple> vouchers = new ArrayList<>(batch.size());
    List<Tuple> fields = new ArrayList<>();
    List<Change> changes = new ArrayList<>(batch.size());
    for (VoucherEvent e : batch) {
      VoucherState state = stateOf(e);
      Recognition r = e.get(PipelineKeys.RECOGNITION);
      boolean known = r != null && r.recognised();
      Double skew =
          e.get(PipelineKeys.SKEW) == null ? null : e.get(PipelineKeys.SKEW).angleDegrees();
      vouchers.add(
          Tuple.tuple(
              Arrays.asList(
                  e.voucherId(),
                  state.name(),
                  known ? r.template().code() : null,
                  known ? r.template().version() : null,
                  r == null ? null : r.method(),
                  r == null ? null : r.confidence(),
                  r == null ? null : r.serial(),
                  skew,
                  millis(e),
                  e.failedStage(),
                  e.failed() ? reason(e.failure()) : null,
                  e.get(PipelineKeys.BACK_SHA))));
      FieldResults results = e.get(PipelineKeys.FIELDS);
      if (!e.failed() && results != null) {
        results.fields().forEach(f -> fields.add(field(e, f)));
      }
      Map<String, Object> details = new HashMap<>(Map.of("state", state.name()));
      if (known) {
        details.put("template", r.template().code() + "/" + r.template().version());
      }
      if (e.failed()) {
        details.put("failedStage", e.failedStage());
      }
      changes.add(new Change("voucher.processed", "voucher", e.voucherId().toString(), details));
    }
    pool.withTransaction(
            tx ->
                tx.preparedQuery(UPDATE)
                    .executeBatch(vouchers)
                    .chain(
                        () ->
                            fields.isEmpty()
                                ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                                : tx.preparedQuery(INSERT_FIELD)
                                    .executeBatch(fields)
                                    .replaceWithVoid())
                    .chain(() -> tx.preparedQuery(QUEUE_CASE).executeBatch(ids(batch)))
                    .chain(() -> SqlAuditAppender.append(tx, changes)))
        .await()
        .atMost(TIMEOUT);
  }

  private static List<Tuple> ids(List<VoucherEvent> batch) {
    return batch.stream().map(e -> Tuple.of(e.voucherId())).toList();
  }

  private static VoucherState stateOf(VoucherEvent e) {
    if (e.failed()) {
      return VoucherState.FAILED;
    }
    Recognition r = e.get(PipelineKeys.RECOGNITION);
    return r != null && r.recognised() && e.get(PipelineKeys.FIELDS) != null
        ? VoucherState.SLICED
        : VoucherState.CLASSIFICATION_NEEDED;
  }

  private static Tuple field(VoucherEvent e, FieldResult f) {
    EntryMode mode = f.spec().entryMode();
    String state =
        switch (mode) {
          case NONE -> "NOT_KEYED";
          case OCR_ONLY -> "OCR_DONE";
          case SLICE, WHOLE -> "AWAITING_ENTRY";
        };
    String finalValue = mode == EntryMode.OCR_ONLY ? f.ocrText() : null;
    return Tuple.tuple(
        Arrays.asList(
            e.voucherId(),
            f.spec().name(),
            f.spec().kind().json(),
            mode.json(),
            f.sliceSha256(),
            f.box().x(),
            f.box().y(),
            f.box().width(),
            f.box().height(),
            f.ocrText(),
            f.ocrConfidence(),
            finalValue,
            state));
  }

  private String millis(VoucherEvent e) {
    try {
      return json.writeValueAsString(e.stageMillis());
    } catch (JsonProcessingException impossible) {
      return null;
    }
  }

  private static String reason(Throwable t) {
    // Shown to branch staff: the message only, never exception class names.
    String message = t.getMessage() == null ? "the image could not be processed" : t.getMessage();
    return message.length() > 500 ? message.substring(0, 500) : message;
  }
}
