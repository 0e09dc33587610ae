package io.voucherflow.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voucherflow.common.error.Problem;
import java.util.UUID;

/** The answer for one voucher of a batch: 202 with its id, or the problem that refused it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(String requestId, int status, UUID id, String location, Problem problem) {

  public static BatchResult accepted(String requestId, CaptureReceipt receipt) {
    return new BatchResult(requestId, 202, receipt.id(), receipt.location(), null);
  }

  public static BatchResult refused(String requestId, Problem problem) {
    return new BatchResult(requestId, problem.status(), null, null, problem);
  }
}
