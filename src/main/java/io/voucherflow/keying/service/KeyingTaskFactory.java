package io.voucherflow.keying.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherflow.dispatch.DispatchTask;
import io.voucherflow.keying.AssignmentBody;
import io.voucherflow.keying.FieldKeys;
import io.voucherflow.keying.FieldToKey;
import io.voucherflow.keying.KeyingKind;
import io.voucherflow.keying.KeyingState;
import io.voucherflow.keying.KeyingTask;
import io.voucherflow.keying.config.KeyingConfig;
import io.voucherflow.template.FieldKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes keying tasks: the first keys of a voucher's fields (one key confirming a confident OCR
 * reading, else two independent keys), a second key when OCR was not confirmed, and arbitration.
 */
@ApplicationScoped
public class KeyingTaskFactory {

  /** The staff skill each kind of field needs; kinds not named may be keyed by anyone. */
  private static final Map<FieldKind, String> SKILLS =
      Map.of(
          FieldKind.AMOUNT_FIGURES, "amount",
          FieldKind.AMOUNT_WORDS, "amount",
          FieldKind.ACCOUNT, "account",
          FieldKind.TEXT, "name");

  private final KeyingConfig config;
  private final ObjectMapper json;

  @Inject
  public KeyingTaskFactory(KeyingConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  /** The first keys of each field, all at the voucher's priority. */
  public List<KeyingTask> firstKeys(
      UUID voucherId, UUID caseTaskId, List<FieldToKey> fields, long priority) {
    List<KeyingTask> out = new ArrayList<>();
    for (FieldToKey f : fields) {
      int keys = ocrConfident(f) ? 1 : 2;
      for (int n = 1; n <= keys; n++) {
        out.add(
            task(
                voucherId,
                f.name(),
                caseTaskId,
                config.keyPost(),
                SKILLS.getOrDefault(f.kind(), ""),
                KeyingKind.KEY,
                n,
                !f.whole(),
                priority,
                new AssignmentBody(
                    voucherId,
                    f.name(),
                    f.kind().json(),
                    KeyingKind.KEY,
                    n,
                    f.sliceSha256(),
                    f.whole(),
                    List.of())));
      }
    }
    return out;
  }

  /** A second, independent key: the one key did not state what OCR read. */
  public KeyingTask secondKey(FieldKeys f) {
    KeyingTask first = firstKey(f);
    AssignmentBody body = read(first.body());
    return task(
        f.voucherId(),
        f.field(),
        first.caseTaskId(),
        first.post(),
        first.skill(),
        KeyingKind.KEY,
        2,
        first.slice(),
        first.priority(),
        new AssignmentBody(
            f.voucherId(),
            f.field(),
            body.fieldKind(),
            KeyingKind.KEY,
            2,
            body.sliceSha256(),
            body.whole(),
            List.of()));
  }

  /**
   * An arbitration for a third person at the arbitration post; shows the two keys in pick mode. It
   * shows the whole voucher, so it does not count as a slice.
   */
  public KeyingTask arbitration(FieldKeys f) {
    KeyingTask first = firstKey(f);
    AssignmentBody body = read(first.body());
    List<String> shown =
        "blind".equalsIgnoreCase(config.arbitration())
            ? List.of()
            : f.tasks().stream()
                .filter(t -> t.kind() == KeyingKind.KEY && t.state() == KeyingState.DONE)
                .sorted(Comparator.comparingInt(KeyingTask::keyNo))
                .map(KeyingTask::value)
                .toList();
    return task(
        f.voucherId(),
        f.field(),
        first.caseTaskId(),
        config.arbitrationPost(),
        "",
        KeyingKind.ARBITRATE,
        3,
        false,
        first.priority(),
        new AssignmentBody(
            f.voucherId(),
            f.field(),
            body.fieldKind(),
            KeyingKind.ARBITRATE,
            3,
            body.sliceSha256(),
            true,
            shown));
  }

  /** The task as the dispatcher queues it. */
  public static DispatchTask dispatch(KeyingTask t) {
    return new DispatchTask(
        t.id().toString(),
        t.post(),
        t.skill(),
        t.group(),
        t.voucherId().toString(),
        t.slice(),
        t.priority(),
        t.body(),
        List.of());
  }

  public AssignmentBody read(String body) {
    try {
      return json.readValue(body, AssignmentBody.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable keying task body: " + body, e);
    }
  }

  private boolean ocrConfident(FieldToKey f) {
    if (f.ocrValue() == null || f.ocrValue().isBlank() || f.ocrConfidence() == null) {
      return false;
    }
    double threshold = config.ocrThresholds().getOrDefault(f.kind().json(), config.ocrThreshold());
    return f.ocrConfidence() >= threshold;
  }

  private static KeyingTask firstKey(FieldKeys f) {
    return f.tasks().stream()
        .filter(t -> t.kind() == KeyingKind.KEY)
        .min(Comparator.comparingInt(KeyingTask::keyNo))
        .orElseThrow(() -> new IllegalStateException("No key of " + f.field()));
  }

  private KeyingTask task(
      UUID voucherId,
      String field,
      UUID caseTaskId,
      String post,
      String skill,
      KeyingKind kind,
      int keyNo,
      boolean slice,
      long priority,
      AssignmentBody body) {
    try {
      return new KeyingTask(
          UUID.randomUUID(),
          voucherId,
          field,
          caseTaskId,
          post,
          skill,
          kind,
          keyNo,
          slice,
          priority,
          json.writeValueAsString(body),
          KeyingState.OPEN,
          null,
          null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
