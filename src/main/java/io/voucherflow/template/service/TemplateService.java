package io.voucherflow.template.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.content.ContentStore;
import io.voucherflow.security.Caller;
import io.voucherflow.template.ReferenceImages;
import io.voucherflow.template.TemplateCreated;
import io.voucherflow.template.TemplateDefinition;
import io.voucherflow.template.TemplateSummary;
import io.voucherflow.template.TemplateValidator;
import io.voucherflow.template.TemplateView;
import io.voucherflow.template.VoucherTemplate;
import io.voucherflow.template.repository.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates template versions and reads them back; a stored version never changes. */
@ApplicationScoped
public class TemplateService {

  private final TemplateRepository templates;
  private final ContentStore content;
  private final AuditService audit;
  private final Caller caller;
  private final ObjectMapper json;
  private final Vertx vertx;
  private final Event<TemplateCreated> created;

  @Inject
  public TemplateService(
      TemplateRepository templates,
      ContentStore content,
      AuditService audit,
      Caller caller,
      ObjectMapper json,
      Vertx vertx,
      Event<TemplateCreated> created) {
    this.vertx = vertx;
    this.created = created;
    this.templates = templates;
    this.content = content;
    this.audit = audit;
    this.caller = caller;
    this.json = json;
  }

  /**
   * Stores the definition as the next version of its code. The submitted version number is ignored:
   * versions are numbered by the platform, 1, 2, 3…
   */
  @WithTransaction
  public Uni<TemplateView> create(TemplateDefinition submitted, Path uploadedImage) {
    if (uploadedImage == null) {
      throw InvalidInputException.ofField(
          "template.reference-image-missing", "referenceImage", "is required");
    }
    return vertx
        .executeBlocking(
            Uni.createFrom().item(Unchecked.supplier(() -> Files.readAllBytes(uploadedImage))),
            false)
        .chain(bytes -> create(submitted, bytes));
  }

  /**
   * As {@link #create(TemplateDefinition, Path)}, for images already in memory (seeding,
   * designers).
   */
  @WithTransaction
  public Uni<TemplateView> create(TemplateDefinition submitted, byte[] referenceImage) {
    if (submitted == null) {
      throw InvalidInputException.ofField("template.invalid", "definition", "is required");
    }
    List<FieldError> problems = TemplateValidator.problems(submitted);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "template.invalid",
          problems.stream()
              .map(p -> p.field() + " " + p.message())
              .collect(Collectors.joining("; ")),
          problems);
    }
    int[] size = ReferenceImages.check(referenceImage, submitted.page());
    return content
        .put(referenceImage)
        .call(() -> templates.lockCode(submitted.code()))
        .chain(
            sha ->
                templates
                    .latest(submitted.code())
                    .chain(
                        latest -> {
                          TemplateDefinition versioned =
                              withVersion(submitted, latest == null ? 1 : latest.version + 1);
                          VoucherTemplate row = new VoucherTemplate();
                          row.code = versioned.code();
                          row.version = versioned.version();
                          row.name = versioned.name();
                          row.definition = toJson(versioned);
                          row.referenceImageSha256 = sha;
                          row.referenceWidthPx = size[0];
                          row.referenceHeightPx = size[1];
                          row.createdBy = caller.username();
                          return templates.persist(row);
                        }))
        .call(
            row ->
                audit.record(
                    "template.created",
                    "template",
                    row.code + "/" + row.version,
                    Map.of(
                        "name",
                        row.name,
                        "fields",
                        row.definition.length(),
                        "referenceImage",
                        row.referenceImageSha256)))
        .invoke(row -> created.fire(new TemplateCreated(row.code, row.version)))
        .map(this::view);
  }

  @WithSession
  public Uni<List<TemplateSummary>> list() {
    return templates
        .latestOfEach()
        .map(
            rows ->
                rows.stream()
                    .map(
                        row -> {
                          TemplateDefinition d = definitionOf(row);
                          return new TemplateSummary(
                              row.code, row.version, row.name, d.businessTypes());
                        })
                    .toList());
  }

  @WithSession
  public Uni<TemplateView> latest(String code) {
    return templates.latest(code).map(row -> view(require(row, code)));
  }

  @WithSession
  public Uni<TemplateView> version(String code, int version) {
    return templates
        .version(code, version)
        .map(row -> view(require(row, code + " version " + version)));
  }

  /** The stored version's definition, for the pipeline and other features. */
  @WithSession
  public Uni<TemplateDefinition> definition(String code, int version) {
    return templates
        .version(code, version)
        .map(row -> definitionOf(require(row, code + " version " + version)));
  }

  @WithSession
  public Uni<byte[]> referenceImage(String code, int version) {
    return templates
        .version(code, version)
        .map(row -> require(row, code + " version " + version))
        .chain(row -> content.get(row.referenceImageSha256));
  }

  private TemplateView view(VoucherTemplate row) {
    return new TemplateView(
        definitionOf(row),
        row.referenceWidthPx,
        row.referenceHeightPx,
        "/api/templates/" + row.code + "/versions/" + row.version + "/reference-image",
        row.createdAt,
        row.createdBy);
  }

  private TemplateDefinition definitionOf(VoucherTemplate row) {
    try {
      return json.readValue(row.definition, TemplateDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Stored template " + row.code + "/" + row.version + " is unreadable", e);
    }
  }

  private String toJson(TemplateDefinition d) {
    try {
      return json.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A validated template must serialise", e);
    }
  }

  private static VoucherTemplate require(VoucherTemplate row, String what) {
    if (row == null) {
      throw new NotFoundException("template.not-found", "No template " + what);
    }
    return row;
  }

  private static TemplateDefinition withVersion(TemplateDefinition d, int version) {
    return new TemplateDefinition(
        d.code(), version, d.name(), d.businessTypes(), d.page(), d.qr(), d.anchors(), d.fields());
  }
}
