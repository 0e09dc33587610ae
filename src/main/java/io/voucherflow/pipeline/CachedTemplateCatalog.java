package io.voucherflow.pipeline;

import io.quarkus.vertx.VertxContextSupport;
import io.voucherflow.content.ContentStore;
import io.voucherflow.imaging.Aligner;
import io.voucherflow.imaging.AlignmentReference;
import io.voucherflow.imaging.LayoutCandidate;
import io.voucherflow.imaging.LayoutMatcher;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.template.TemplateCreated;
import io.voucherflow.template.TemplateDefinition;
import io.voucherflow.template.TemplateSummary;
import io.voucherflow.template.service.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Templates prepared for the pipeline threads: definitions, layout candidates and alignment
 * references are built once per version and kept; a new template version empties the list of layout
 * candidates so the next voucher sees it. Loads block, which is right on pipeline threads.
 */
@ApplicationScoped
public class CachedTemplateCatalog implements TemplateCatalog {

  private final TemplateService templates;
  private final ContentStore content;
  private final LayoutMatcher matcher;
  private final Aligner aligner;
  private final Map<String, Prepared> versions = new ConcurrentHashMap<>();
  private volatile List<LayoutCandidate> latest;
  private volatile long latestAt;
  // The creation event may race the commit; a periodic reload bounds how long a new version is
  // unseen.
  private static final long REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  @Inject
  public CachedTemplateCatalog(
      TemplateService templates, ContentStore content, LayoutMatcher matcher, Aligner aligner) {
    this.templates = templates;
    this.content = content;
    this.matcher = matcher;
    this.aligner = aligner;
  }

  @Override
  public TemplateDefinition definition(String code, int version) {
    Prepared p = prepared(code, version);
    return p == null ? null : p.definition();
  }

  @Override
  public List<? extends LayoutCandidate> layoutCandidates() {
    List<LayoutCandidate> current = latest;
    if (current == null || System.nanoTime() - latestAt > REFRESH_NANOS) {
      List<TemplateSummary> all = await(() -> templates.list());
      current = new ArrayList<>();
      for (TemplateSummary s : all) {
        Prepared p = prepared(s.code(), s.version());
        if (p != null) {
          current.add(p.layout());
        }
      }
      latest = current;
      latestAt = System.nanoTime();
    }
    return current;
  }

  @Override
  public AlignmentReference alignment(String code, int version) {
    Prepared p = prepared(code, version);
    return p == null ? null : p.alignment();
  }

  void onTemplateCreated(@Observes TemplateCreated created) {
    latest = null;
  }

  private Prepared prepared(String code, int version) {
    return versions.computeIfAbsent(
        code + "/" + version,
        key -> {
          TemplateDefinition definition;
          try {
            definition = await(() -> templates.definition(code, version));
          } catch (io.voucherflow.common.error.NotFoundException unknown) {
            return null;
          }
          byte[] reference = await(() -> templates.referenceImage(code, version));
          try (PageImage image = PageImage.decode(reference)) {
            return new Prepared(
                definition, matcher.prepare(definition, image), aligner.prepare(definition, image));
          }
        });
  }

  private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> uni) {
    try {
      return VertxContextSupport.subscribeAndAwait(uni);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("Could not load templates", e);
    }
  }

  private record Prepared(
      TemplateDefinition definition, LayoutCandidate layout, AlignmentReference alignment) {}
}
