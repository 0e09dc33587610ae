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

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
