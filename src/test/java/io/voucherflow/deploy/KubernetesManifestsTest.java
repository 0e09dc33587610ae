package io.voucherflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The k8s/ manifests checked against what the application really serves and reads; no cluster
 * needed.
 */
class KubernetesManifestsTest {

  private static final Path ROOT =
      Path.of("").toAbsolutePath(); // surefire runs in the module directory
  private static final Path K8S = ROOT.resolve("k8s");
  private static final String APP = "voucherflow";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)(?::([^}]*))?}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One YAML document; documents in files a kustomization lists under patches are partial. */
  private record Doc(Path file, JsonNode node, boolean patch) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }

    boolean is(String kind, String name) {
      return kind().equals(kind) && name().equals(name);
    }

    boolean deletes() {
      return "delete".equals(node.path("$patch").asText());
    }
  }

  private static final List<Doc> docs = new ArrayList<>();
  private static final Properties props = new Properties();
  private static String propertiesText;

  @BeforeAll
  static void load() throws IOException {
    Path properties = ROOT.resolve("src/main/resources/application.properties");
    propertiesText = Files.readString(properties);
    try (Reader in = Files.newBufferedReader(properties)) {
      props.load(in);
    }
    List<Doc> raw = new ArrayList<>();
    try (Stream<Path> files = Files.walk(K8S)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        try (MappingIterator<JsonNode> it =
            new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
          it.forEachRemaining(
              n -> { // empty documents (a trailing ---) come back as null or missing
                if (n != null && !n.isNull() && !n.isMissingNode())
                  raw.add(new Doc(file, n, false));
              });
        }
      }
    }
    Set<Path> patchFiles = new HashSet<>();
    raw.stream()
        .filter(d -> d.kind().equals("Kustomization"))
        .forEach(
            k ->
                each(k.node().path("patches"))
                    .forEach(p -> patchFiles.add(resolve(k, p.path("path").asText()))));
    raw.forEach(d -> docs.add(new Doc(d.file(), d.node(), patchFiles.contains(d.file()))));
  }

  @Test
  void shouldGiveEveryDocumentAnApiVersionKindAndName() {
    assertThat(docs).as("documents under %s", K8S).hasSizeGreaterThan(20);
    assertThat(docs)
        .allSatisfy(
            d ->
                assertThat(List.of(d.node().path("apiVersion").asText(), d.kind(), d.name()))
                    .as("apiVersion, kind and metadata.name of a document in %s", d.file())
                    .doesNotContain(""));
  }

  @Test
  void shouldFindEveryFileAKustomizationNames() {
    List<Doc> kustomizations = ofKind("Kustomization").toList();
    assertThat(kustomizations)
        .extracting(k -> ROOT.relativize(k.file()).toString())
        .contains(
            "k8s/base/kustomization.yaml",
            "k8s/infra/kustomization.yaml",
            "k8s/overlays/dev/kustomization.yaml",
            "k8s/overlays/prod/kustomization.yaml");
    for (Doc k : kustomizations) {
      List<String> named = new ArrayList<>();
      each(k.node().path("resources")).forEach(r -> named.add(r.asText()));
      each(k.node().path("patches"))
          .filter(p -> p.has("path"))
          .forEach(p -> named.add(p.path("path").asText()));
      Stream.of("configMapGenerator", "secretGenerator")
          .flatMap(g -> each(k.node().path(g)))
          .forEach(
              g -> {
                each(g.path("files"))
                    .forEach(f -> named.add(f.asText().replaceFirst("^[^=]*=", "")));
                each(g.path("envs")).forEach(e -> named.add(e.asText()));
              });
      assertThat(named)
          .as("files named by %s", k.file())
          .allSatisfy(
              n -> {
                Path p = resolve(k, n);
                assertThat(
                        Files.isRegularFile(p)
                            || Files.isRegularFile(p.resolve("kustomization.yaml")))
                    .as("%s exists", p)
                    .isTrue();
              });
    }
    assertThat(docs.stream().filter(Doc::patch))
        .as("patches of resources that exist")
        .allSatisfy(
            p ->
                assertThat(docs.stream().anyMatch(d -> !d.patch() && d.is(p.kind(), p.name())))
                    .as("%s %s patched in %s", p.kind(), p.name(), p.file())
                    .isTrue());
  }

  @Test
  void shouldProbeTheHealthEndpointsOnThePortTheApplicationServes() {
    assertThat(prop("quarkus.management.enabled", "false"))
        .as("health moved to the management port")
        .isEqualTo("false");
    int port = appPort();
    assertThat(containerPort(appContainer(), "http")).as("container port 'http'").isEqualTo(port);
    String health =
        under(nonApplicationRoot(), prop("quarkus.smallrye-health.root-path", "health"));
    Map<String, String> paths =
        Map.of(
            "livenessProbe", under(health, prop("quarkus.smallrye-health.liveness-path", "live")),
            "readinessProbe",
                under(health, prop("quarkus.smallrye-health.readiness-path", "ready")),
            "startupProbe", under(health, prop("quarkus.smallrye-health.startup-path", "started")));
    paths
        .keySet()
        .forEach(
            probe ->
                assertThat(appContainer().path(probe).isObject()).as("base %s", probe).isTrue());
    appContainers()
        .forEach(
            c ->
                paths.forEach(
                    (probe, path) -> {
                      JsonNode get = c.path(probe).path("httpGet");
                      if (c.has(probe)) {
                        assertThat(get.path("path").asText()).as("%s path", probe).isEqualTo(path);
                        JsonNode p = get.path("port");
                        assertThat(
                                p.isInt() ? p.asInt() : containerPort(appContainer(), p.asText()))
                            .as("%s port", probe)
                            .isEqualTo(port);
                      }
                    }));
  }

  @Test
  void shouldSetOnlyVfVariablesTheApplicationReads() {
    Set<String> read = new HashSet<>();
    for (Matcher m = PLACEHOLDER.matcher(propertiesText); m.find(); ) read.add(m.group(1));
    Set<String> set = new HashSet<>();
    appContainers().forEach(c -> set.addAll(env(c, true).keySet()));
    assertThat(set).as("variables the container gets").contains("VF_PG_URL");
    assertThat(set.stream().filter(n -> n.startsWith("VF_") && !read.contains(n)))
        .as("VF_ variables set in k8s/ that application.properties never reads")
        .isEmpty();
  }

  @Test
  void shouldProvideTheConnectionSettingsAndTakeCredentialsFromTheSecret() {
    assertThat(env(appContainer(), false))
        .containsKeys("VF_PG_URL", "VF_REDIS_URL", "VF_OIDC_URL", "VF_PG_USER", "VF_PG_PASSWORD");
    Map<String, String> fromSecret = new HashMap<>();
    each(appContainer().path("env"))
        .forEach(
            e -> {
              JsonNode ref = e.path("valueFrom").path("secretKeyRef");
              if (ref.isObject()) {
                fromSecret.put(
                    e.path("name").asText(),
                    ref.path("name").asText() + "/" + ref.path("key").asText());
              }
            });
    assertThat(fromSecret)
        .containsEntry("VF_PG_USER", "voucherflow-db/username")
        .containsEntry("VF_PG_PASSWORD", "voucherflow-db/password");
    assertThat(ofKind("ConfigMap"))
        .as("ConfigMaps never carry credentials")
        .allSatisfy(
            cm ->
                assertThat(cm.node().path("data").properties())
                    .extracting(Map.Entry::getKey)
                    .as("%s", cm.file())
                    .doesNotContain("VF_PG_USER", "VF_PG_PASSWORD"));
  }

  @Test
  void shouldRouteTheServiceToTheNamedContainerPort() {
    JsonNode spec = full("Service", APP).path("spec");
    assertThat(labels(podTemplateLabels())).containsAllEntriesOf(labels(spec.path("selector")));
    assertThat(spec.path("selector").size()).isPositive();
    assertThat(each(spec.path("ports")))
        .anySatisfy(p -> assertThat(p.path("port").asInt()).isEqualTo(80))
        .allSatisfy(
            p -> {
              assertThat(p.path("targetPort").isTextual()).as("targetPort by name").isTrue();
              assertThat(containerPort(appContainer(), p.path("targetPort").asText()))
                  .as("container port named %s", p.path("targetPort"))
                  .isPositive();
            });
  }

  @Test
  void shouldPointTheAutoscalerAndDisruptionBudgetAtTheDeployment() {
    JsonNode deployment = full("Deployment", APP);
    assertThat(labels(podTemplateLabels()))
        .containsAllEntriesOf(labels(deployment.path("spec").path("selector").path("matchLabels")));
    JsonNode target = full("HorizontalPodAutoscaler", APP).path("spec").path("scaleTargetRef");
    assertThat(
            List.of(
                target.path("apiVersion").asText(),
                target.path("kind").asText(),
                target.path("name").asText()))
        .containsExactly("apps/v1", "Deployment", APP);
    assertThat(appContainer().path("resources").path("requests").path("cpu").asText())
        .as("CPU request, the base of the autoscaler's utilisation target")
        .isNotEmpty();
    JsonNode selector =
        full("PodDisruptionBudget", APP).path("spec").path("selector").path("matchLabels");
    assertThat(selector.size()).isPositive();
    assertThat(labels(podTemplateLabels())).containsAllEntriesOf(labels(selector));
  }

  @Test
  void shouldKeepSecretValuesOutOfTheManifests() {
    assertThat(ofKind("Secret"))
        .allSatisfy(
            s ->
                assertThat(s.node().path("data").size() + s.node().path("stringData").size())
                    .as("values in %s", s.file())
                    .isZero());
  }

  @Test
  void shouldShipAProductionRealmWithTheDemoRolesAndClientsButNoUsers() throws IOException {
    JsonNode demo =
        JSON.readTree(ROOT.resolve("src/main/keycloak/voucherflow-realm.json").toFile());
    JsonNode prod = JSON.readTree(K8S.resolve("infra/keycloak/voucherflow-realm.json").toFile());
    assertThat(prod.path("realm").asText()).isEqualTo(demo.path("realm").asText());
    assertThat(values(prod.path("roles").path("realm"), "name"))
        .containsExactlyInAnyOrderElementsOf(values(demo.path("roles").path("realm"), "name"));
    assertThat(values(prod.path("clients"), "clientId"))
        .containsExactlyInAnyOrderElementsOf(values(demo.path("clients"), "clientId"));
    assertThat(prod.path("users").size()).as("users in the production realm").isZero();
  }

  @Test
  void shouldAdvertiseTheMetricsEndpointForScraping() {
    JsonNode annotations =
        full("Deployment", APP).path("spec").path("template").path("metadata").path("annotations");
    String metrics =
        under(nonApplicationRoot(), prop("quarkus.micrometer.export.prometheus.path", "metrics"));
    assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
    assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(metrics);
    assertThat(annotations.path("prometheus.io/port").asText())
        .isEqualTo(String.valueOf(appPort()));
  }

  // --- the application's configuration, as the prod profile the ConfigMap selects sees it

  private static String prop(String key, String fallback) {
    return props.getProperty("%prod." + key, props.getProperty(key, fallback));
  }

  /**
   * quarkus.http.port, with a ${VF_HTTP_PORT:8080} placeholder resolved against what the container
   * sets.
   */
  private static int appPort() {
    String value = prop("quarkus.http.port", "8080");
    Matcher m = PLACEHOLDER.matcher(value);
    return Integer.parseInt(
        m.matches() ? env(appContainer(), false).getOrDefault(m.group(1), m.group(2)) : value);
  }

  /** Where Quarkus serves health and metrics: /q unless the root paths are moved. */
  private static String nonApplicationRoot() {
    return under(
        prop("quarkus.http.root-path", "/"), prop("quarkus.http.non-application-root-path", "q"));
  }

  /** A relative path is nested in base; an absolute one stands alone. */
  private static String under(String base, String path) {
    return path.startsWith("/") ? path : (base + "/" + path).replaceAll("/+", "/");
  }

  // --- the manifests

  private static Stream<Doc> ofKind(String kind) {
    return docs.stream().filter(d -> d.kind().equals(kind) && !d.deletes());
  }

  private static JsonNode full(String kind, String name) {
    List<Doc> found = ofKind(kind).filter(d -> !d.patch() && d.name().equals(name)).toList();
    assertThat(found).as("%s %s resources", kind, name).hasSize(1);
    return found.get(0).node();
  }

  private static JsonNode podTemplateLabels() {
    return full("Deployment", APP).path("spec").path("template").path("metadata").path("labels");
  }

  /** The application container of the base Deployment. */
  private static JsonNode appContainer() {
    return each(full("Deployment", APP)
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers"))
        .filter(c -> c.path("name").asText().equals(APP))
        .findFirst()
        .orElseThrow();
  }

  /** The application container in the base Deployment and in every patch of it. */
  private static Stream<JsonNode> appContainers() {
    return ofKind("Deployment")
        .filter(d -> d.name().equals(APP))
        .flatMap(d -> each(d.node().path("spec").path("template").path("spec").path("containers")))
        .filter(c -> c.path("name").asText().equals(APP));
  }

  /**
   * Variables set directly plus the keys of ConfigMaps taken whole (resources, generators, maybe
   * patches).
   */
  private static Map<String, String> env(JsonNode container, boolean withPatches) {
    Map<String, String> env = new HashMap<>();
    each(container.path("envFrom"))
        .map(e -> e.path("configMapRef").path("name").asText())
        .forEach(
            name -> {
              ofKind("ConfigMap")
                  .filter(cm -> cm.name().equals(name) && (withPatches || !cm.patch()))
                  .forEach(
                      cm ->
                          cm.node()
                              .path("data")
                              .properties()
                              .forEach(e -> env.put(e.getKey(), e.getValue().asText())));
              ofKind("Kustomization")
                  .flatMap(k -> each(k.node().path("configMapGenerator")))
                  .filter(g -> g.path("name").asText().equals(name))
                  .flatMap(g -> each(g.path("literals")))
                  .forEach(l -> env.put(l.asText().split("=", 2)[0], l.asText().split("=", 2)[1]));
            });
    each(container.path("env"))
        .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  private static int containerPort(JsonNode container, String name) {
    return each(container.path("ports"))
        .filter(p -> p.path("name").asText().equals(name))
        .mapToInt(p -> p.path("containerPort").asInt())
        .findFirst()
        .orElse(-1);
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new HashMap<>();
    node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static List<String> values(JsonNode array, String field) {
    return each(array).map(n -> n.path(field).asText()).toList();
  }

  private static Stream<JsonNode> each(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static Path resolve(Doc kustomization, String entry) {
    return kustomization.file().getParent().resolve(entry).normalize();
  }
}
