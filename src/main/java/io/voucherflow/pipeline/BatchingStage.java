package io.voucherflow.pipeline;

import java.util.List;

/**
 * The last stage: sees every event (failed ones too) and hands over finished vouchers in batches,
 * so the database sees one round trip for many vouchers when load is high.
 */
public interface BatchingStage {

  /** Called with the events the ring delivered together; the events are reused after it returns. */
  void flush(List<VoucherEvent> batch) throws Exception;
}
