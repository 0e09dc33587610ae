package io.voucherflow.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a resource can raise into an {@code application/problem+json} response with a
 * stable code. Unexpected failures are logged with an incident id; clients see only that id.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    return problem(Status.NOT_FOUND, e, uri);
  }

  @ServerExceptionMapper
  public Response ruleViolated(RuleViolationException e, UriInfo uri) {
    return problem(Status.CONFLICT, e, uri);
  }

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e, UriInfo uri) {
    return problem(Status.BAD_REQUEST, e, uri);
  }

  @ServerExceptionMapper
  public Response unavailable(UnavailableException e, UriInfo uri) {
    Response response = problem(Status.SERVICE_UNAVAILABLE, e, uri);
    if (e.retryAfterSeconds() != null) {
      // Overload is expected under peaks; it is not worth a stack trace in the log.
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
          .build();
    }
    LOG.warnf(e, "Dependency unavailable: %s", e.code());
    return response;
  }

  @ServerExceptionMapper
  public Response constraintViolated(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldOf(v), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return Problem.of(Status.BAD_REQUEST, "request.validation-failed", detail, path(uri), errors)
        .toResponse();
  }

  // Listed explicitly: Quarkus ships its own, more specific mapper for MismatchedInputException.
  @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message = "has a value of the wrong type or format";
      return Problem.of(
              Status.BAD_REQUEST,
              "request.invalid-field",
              field + " " + message,
              path(uri),
              List.of(new FieldError(field, message)))
          .toResponse();
    }
    return Problem.of(
            Status.BAD_REQUEST,
            "request.malformed-json",
            "The request body is not valid JSON",
            path(uri),
            List.of())
        .toResponse();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return Response.fromResponse(
            Problem.of(
                    Status.UNAUTHORIZED,
                    "security.unauthenticated",
                    "A valid bearer token from the bank's identity provider is required",
                    path(uri),
                    List.of())
                .toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"voucherflow\"")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    String detail =
        e.getMessage() != null && e.getMessage().startsWith("security.")
            ? "This account may not use this resource"
            : "Your role does not allow this operation";
    String code =
        e.getMessage() != null && e.getMessage().startsWith("security.")
            ? e.getMessage()
            : "security.forbidden";
    return Problem.of(Status.FORBIDDEN, code, detail, path(uri), List.of()).toResponse();
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    // A body the JSON reader could not parse arrives wrapped in a plain 400.
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json, uri);
    }
    int status = e.getResponse().getStatus();
    Status known = Status.fromStatusCode(status);
    Status s = known != null ? known : Status.INTERNAL_SERVER_ERROR;
    String code =
        switch (s) {
          case NOT_FOUND -> "http.not-found";
          case METHOD_NOT_ALLOWED -> "http.method-not-allowed";
          case UNSUPPORTED_MEDIA_TYPE -> "http.unsupported-media-type";
          case NOT_ACCEPTABLE -> "http.not-acceptable";
          case BAD_REQUEST -> "request.bad-request";
          default -> "http." + status;
        };
    String detail = s == Status.NOT_FOUND ? "No resource at this path" : s.getReasonPhrase();
    return Problem.of(s, code, detail, path(uri), List.of()).toResponse();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure, incident %s", incident);
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR,
            "internal.error",
            "An unexpected error occurred; quote incident " + incident + " to the platform team",
            path(uri),
            List.of())
        .toResponse();
  }

  private static Response problem(Status status, VoucherFlowException e, UriInfo uri) {
    return Problem.of(e, path(uri)).toResponse();
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }

  /**
   * The request field a violation is about: the last property node, skipping method and parameter
   * names.
   */
  private static String fieldOf(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    // Paths look like "create.request.postCode" (method.parameter.field) for bean-validated bodies.
    return parts.length > 2
        ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
        : parts[parts.length - 1];
  }
}
