package io.voucherflow.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document, extended with VoucherFlow's stable {@code code} and field errors.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String code,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
  private static final String TYPE_BASE = "https://voucherflow.io/problems/";

  public static Problem of(
      Response.Status status, String code, String detail, String path, List<FieldError> errors) {
    return new Problem(
        URI.create(TYPE_BASE + code),
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        code,
        path,
        errors);
  }

  /** The problem a VoucherFlow exception stands for, with the status of its category. */
  public static Problem of(VoucherFlowException e, String path) {
    Response.Status status =
        switch (e) {
          case NotFoundException n -> Response.Status.NOT_FOUND;
          case RuleViolationException r -> Response.Status.CONFLICT;
          case InvalidInputException i -> Response.Status.BAD_REQUEST;
          case UnavailableException u -> Response.Status.SERVICE_UNAVAILABLE;
        };
    return of(status, e.code(), e.getMessage(), path, e.fieldErrors());
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
