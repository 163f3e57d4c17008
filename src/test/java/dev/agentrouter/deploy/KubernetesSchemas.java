package dev.agentrouter.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Offline schema validation of rendered objects. Built-in kinds go through the official Kubernetes Java client's
 * generated models, whose {@code validateJsonElement} rejects unknown fields and missing required ones at every
 * level. The ServiceMonitor CRD is checked against the subset of its schema this project uses, just as strictly.
 */
final class KubernetesSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of monitoring.coreos.com/v1 ServiceMonitor that deploy/ may use. */
    private static final Set<String> SERVICE_MONITOR_SPEC = Set.of("selector", "endpoints", "namespaceSelector",
            "jobLabel");
    private static final Set<String> SERVICE_MONITOR_ENDPOINT = Set.of("port", "path", "interval", "scrapeTimeout",
            "scheme", "honorLabels");

    private KubernetesSchemas() {}

    /** Throws with the offending field when the object does not match its kind's schema. */
    static void validate(Map<String, Object> object) throws Exception {
        String kind = (String) object.get("kind");
        String apiVersion = (String) object.get("apiVersion");
        JsonElement json = JsonParser.parseString(json(object));
        switch (apiVersion + " " + kind) {
            case "apps/v1 Deployment" -> V1Deployment.validateJsonElement(json);
            case "v1 Service" -> V1Service.validateJsonElement(json);
            case "v1 ConfigMap" -> V1ConfigMap.validateJsonElement(json);
            case "v1 Secret" -> V1Secret.validateJsonElement(json);
            case "autoscaling/v2 HorizontalPodAutoscaler" -> V2HorizontalPodAutoscaler.validateJsonElement(json);
            case "policy/v1 PodDisruptionBudget" -> V1PodDisruptionBudget.validateJsonElement(json);
            case "networking.k8s.io/v1 NetworkPolicy" -> V1NetworkPolicy.validateJsonElement(json);
            case "monitoring.coreos.com/v1 ServiceMonitor" -> validateServiceMonitor(object);
            default -> throw new IllegalArgumentException("no schema known for " + apiVersion + " " + kind);
        }
    }

    @SuppressWarnings("unchecked")
    private static void validateServiceMonitor(Map<String, Object> object) throws Exception {
        onlyKeys("ServiceMonitor", object.keySet(), Set.of("apiVersion", "kind", "metadata", "spec"));
        V1ObjectMeta.validateJsonElement(JsonParser.parseString(json(object.get("metadata"))));
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        onlyKeys("ServiceMonitor.spec", spec.keySet(), SERVICE_MONITOR_SPEC);
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
        if (endpoints == null || endpoints.isEmpty()) {
            throw new IllegalArgumentException("ServiceMonitor.spec.endpoints is required");
        }
        for (Map<String, Object> e : endpoints) {
            onlyKeys("ServiceMonitor.spec.endpoints[]", e.keySet(), SERVICE_MONITOR_ENDPOINT);
        }
        io.kubernetes.client.openapi.models.V1LabelSelector.validateJsonElement(
                JsonParser.parseString(json(spec.get("selector"))));
    }

    private static void onlyKeys(String where, Set<String> keys, Set<String> allowed) {
        for (String k : keys) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("The field `" + k + "` is not defined in " + where);
            }
        }
    }

    private static String json(Object o) throws JsonProcessingException {
        return JSON.writeValueAsString(o);
    }
}
