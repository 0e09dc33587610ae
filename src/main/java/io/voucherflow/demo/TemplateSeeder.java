package io.voucherflow.demo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.demo.config.DemoConfig;
import io.voucherflow.synthetic.FormRenderer;
import io.voucherflow.synthetic.ShippedTemplates;
import io.voucherflow.synthetic.SyntheticVoucherGenerator;
import io.voucherflow.template.TemplateDefinition;
import io.voucherflow.template.service.TemplateService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * Seeds the three shipped voucher templates (转账支票, 进账单, 电汇凭证) with reference images rendered from
 * their definitions, unless a template of that code already exists.
 */
@ApplicationScoped
public class TemplateSeeder {

  private static final Logger LOG = Logger.getLogger(TemplateSeeder.class);

  // After the demo bank (priority default 2500): templates are created by no one in particular.
  void onStart(
      @Observes @Priority(3000) StartupEvent event, DemoConfig config, TemplateService templates) {
    if (!config.seed()) {
      return;
    }
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      for (TemplateDefinition t : ShippedTemplates.all()) {
        if (!exists(templates, t.code())) {
          VertxContextSupport.subscribeAndAwait(() -> templates.create(t, referenceImage(t)));
          LOG.infof("Seeded template %s (%s)", t.code(), t.name());
        }
      }
    } catch (Throwable e) {
      throw new IllegalStateException("Could not seed the shipped templates", e);
    } finally {
      request.terminate();
    }
  }

  private static boolean exists(TemplateService templates, String code) throws Throwable {
    try {
      VertxContextSupport.subscribeAndAwait(() -> templates.latest(code));
      return true;
    } catch (NotFoundException absent) {
      return false;
    }
  }

  private static byte[] referenceImage(TemplateDefinition t) {
    int width = SyntheticVoucherGenerator.Options.defaults().widthFor(t);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(new FormRenderer().renderBlank(t, width), "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
