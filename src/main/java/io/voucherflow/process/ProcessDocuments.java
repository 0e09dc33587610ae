package io.voucherflow.process;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads process definitions from JSON or YAML text, strictly: an attribute the model does not know
 * (a typo such as {@code timelimit}) is refused rather than silently dropped, as the platform's
 * lenient JSON reader would.
 */
public final class ProcessDocuments {

  /** Problem code of a definition that cannot be read at all. */
  public static final String MALFORMED = "process.malformed";

  /** The text formats a definition may be written in. */
  public enum Format {
    JSON,
    YAML
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private ProcessDocuments() {}

  /**
   * The definition written in {@code text}.
   *
   * @throws InvalidInputException {@value #MALFORMED}, naming the attribute (e.g. {@code
   *     nodes[3].timelimit}) or the line and column that could not be read
   */
  public static ProcessDefinition parse(String text, Format format) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.ofField(MALFORMED, "body", "is empty");
    }
    try {
      ProcessDefinition d =
          (format == Format.YAML ? YAML : JSON).readValue(text, ProcessDefinition.class);
      if (d == null) {
        throw InvalidInputException.ofField(MALFORMED, "body", "holds no definition");
      }
      return d;
    } catch (JsonMappingException e) {
      // Text that breaks off inside a value arrives wrapped with the path it broke at.
      if (e.getCause() instanceof StreamReadException broken) {
        throw unreadable(broken);
      }
      if (e.getPath().isEmpty()) {
        throw unreadable(e);
      }
      String field = path(e.getPath());
      String message =
          e instanceof UnrecognizedPropertyException
              ? "is not an attribute of a process definition"
              : "has a value of the wrong type or shape";
      throw new InvalidInputException(
          MALFORMED, field + " " + message, List.of(new FieldError(field, message)));
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
  }

  private static InvalidInputException unreadable(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return InvalidInputException.ofField(MALFORMED, "body", "cannot be read" + where);
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    return refs.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
