package dev.agentrouter.deploy;

import static dev.agentrouter.deploy.RenderedManifests.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.agentrouter.catalog.AgentFileParser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * deploy/ rendered by kubectl kustomize: every overlay renders, validates against the Kubernetes schemas offline
 * (unknown fields included), and agrees with the application — the probe and metrics paths it names are served by
 * the running app, the port is the app's port, the catalog mount is the catalog directory, and the termination grace
 * period covers Quarkus' shutdown timeout.
 */
@QuarkusTest
class DeployManifestsTest {

    private static final Path OVERLAYS = Path.of("deploy/overlays");

    @BeforeEach
    void requireKubectl() {
        var missing = RenderedManifests.kubectlMissing();
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesItsSchema(String overlay) throws Exception {
        RenderedManifests m = RenderedManifests.render(OVERLAYS.resolve(overlay));
        assertEquals(9, m.objects().size(), "objects rendered");
        for (Map<String, Object> o : m.objects()) {
            try {
                KubernetesSchemas.validate(o);
            } catch (Exception e) {
                throw new AssertionError(overlay + ": " + o.get("kind") + " " + at(o, "metadata", "name") + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Test
    void theValidatorRejectsUnknownFields() {
        Map<String, Object> service = new HashMap<>(Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "x"), "spec", Map.of("ports", List.of(Map.of("port", 80, "targtPort", 8080)))));
        Exception e = assertThrows(Exception.class, () -> KubernetesSchemas.validate(service));
        assertTrue(e.getMessage().contains("targtPort"), e.getMessage());
        Map<String, Object> monitor = Map.of("apiVersion", "monitoring.coreos.com/v1", "kind", "ServiceMonitor",
                "metadata", Map.of("name", "x"), "spec", Map.of("selector", Map.of(),
                        "endpoints", List.of(Map.of("port", "http", "pth", "/q/metrics"))));
        assertThrows(IllegalArgumentException.class, () -> KubernetesSchemas.validate(monitor));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void probesPortAndMetricsAgreeWithTheApplication(String overlay) throws Exception {
        RenderedManifests m = RenderedManifests.render(OVERLAYS.resolve(overlay));
        Map<String, Object> deployment = m.one("Deployment");
        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
        // The production port as packaged (in tests Quarkus listens on a random port instead).
        int appPort = Integer.parseInt(packagedProperty("quarkus.http.port"));
        assertEquals(appPort, (Integer) at(container, "ports", 0, "containerPort"));
        assertEquals("http", at(container, "ports", 0, "name"));

        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", at(container, probe, "httpGet", "port"), probe + " port");
            String path = at(container, probe, "httpGet", "path");
            given().when().get(path).then().statusCode(200);
        }
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path"));

        String metricsPath = ConfigProvider.getConfig().getValue("quarkus.micrometer.export.prometheus.path",
                String.class);
        Map<String, String> annotations = at(deployment, "spec", "template", "metadata", "annotations");
        assertEquals(metricsPath, annotations.get("prometheus.io/path"));
        assertEquals(String.valueOf(appPort), annotations.get("prometheus.io/port"));
        assertEquals(metricsPath, at(m.one("ServiceMonitor"), "spec", "endpoints", 0, "path"));
        assertEquals("http", at(m.one("ServiceMonitor"), "spec", "endpoints", 0, "port"));
        assertEquals("http", at(m.one("Service"), "spec", "ports", 0, "name"));
        given().when().get(metricsPath).then().statusCode(200).body(containsString("router_catalog_agents"));
    }

    private static String packagedProperty(String key) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = DeployManifestsTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return java.util.Objects.requireNonNull(p.getProperty(key), key + " is not in application.properties");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theCatalogConfigMapIsMountedAtTheCatalogDirectory(String overlay) throws Exception {
        RenderedManifests m = RenderedManifests.render(OVERLAYS.resolve(overlay));
        Map<String, Object> pod = at(m.one("Deployment"), "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", 0);
        List<Map<String, Object>> env = at(container, "env");
        String catalogDir = env.stream().filter(e -> "ROUTER_CATALOG_DIR".equals(e.get("name")))
                .map(e -> (String) e.get("value")).findFirst().orElseThrow();
        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        Map<String, Object> mount = mounts.stream().filter(v -> catalogDir.equals(v.get("mountPath")))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + catalogDir));
        assertNull(mount.get("subPath"), "a subPath mount never sees ConfigMap updates");
        List<Map<String, Object>> volumes = at(pod, "volumes");
        String configMap = volumes.stream().filter(v -> mount.get("name").equals(v.get("name")))
                .map(v -> (String) at(v, "configMap", "name")).findFirst().orElseThrow();
        Map<String, Object> cm = m.all("ConfigMap").stream()
                .filter(c -> configMap.equals(at(c, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("ConfigMap " + configMap + " is not rendered"));
        Map<String, String> files = at(cm, "data");
        assertFalse(files.isEmpty());
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertTrue(f.getKey().endsWith(".md"), f.getKey());
            AgentFileParser.parse(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void dashboardQueriesOnlyMetricsTheRouterExports() throws Exception {
        String dashboard = java.nio.file.Files.readString(Path.of("deploy/base/grafana/agent-router-dashboard.json"));
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard);
        given().contentType("application/json").body("{\"prompt\": \"slow SQL queries\"}").post("/v1/route")
                .then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b((?:router|http_server)_[a-z_]+)\\b")
                .matcher(dashboard);
        int checked = 0;
        while (m.find()) {
            assertTrue(metrics.contains("\n" + m.group(1)), "dashboard queries " + m.group(1) + ", not in /q/metrics");
            checked++;
        }
        assertTrue(checked >= 8, "dashboard panels query router metrics");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void podIsLockedDownAndShutsDownGracefully(String overlay) throws Exception {
        RenderedManifests m = RenderedManifests.render(OVERLAYS.resolve(overlay));
        Map<String, Object> pod = at(m.one("Deployment"), "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", 0);
        assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot"));
        assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"));
        assertTrue(at(container, "resources", "requests") != null && at(container, "resources", "limits") != null);

        Duration shutdown = ConfigProvider.getConfig().getValue("quarkus.shutdown.timeout", Duration.class);
        int preStop = at(container, "lifecycle", "preStop", "sleep", "seconds");
        int grace = at(pod, "terminationGracePeriodSeconds");
        assertTrue(grace > shutdown.toSeconds() + preStop,
                "terminationGracePeriodSeconds " + grace + " must exceed shutdown timeout " + shutdown + " + preStop "
                        + preStop + "s, or Kubernetes kills in-flight requests");
    }
}
