package org.fieldsafety.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A manifest read into the typed model of its apiVersion and kind, strictly: the built-in kinds into
 * fabric8's Kubernetes model (generated from the Kubernetes OpenAPI schema), Strimzi's into Strimzi's own
 * API classes (from which its CRD schemas are generated). Both models keep a field they do not know in additionalProperties instead
 * of failing, so {@link #problems} walks the whole object and reports every such field by its path, every
 * quantity (CPU, memory, storage) that does not parse, and every deprecated field set: Strimzi's classes
 * serve its v1beta2 and v1 APIs at once, and the fields v1 dropped are the deprecated ones.
 */
final class StrictModel {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The class of each apiVersion and kind the manifests use; CloudNativePG's have none. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1 ConfigMap", ConfigMap.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            // one class per kind serves Strimzi's versions v1beta2 and v1: a field of either is known
            "kafka.strimzi.io/v1 Kafka", Kafka.class,
            "kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1 KafkaUser", KafkaUser.class);

    private StrictModel() {}

    /** The manifest as its typed model, or null for a kind without one here (CloudNativePG's). */
    static HasMetadata typed(ObjectNode document) {
        Class<? extends HasMetadata> type = KINDS.get(document.path("apiVersion")
                        .asText() + " " + document.path("kind").asText());
        if (type == null) {
            return null;
        }
        try {
            return MAPPER.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e.getOriginalMessage(), e);
        }
    }

    /** Unknown fields and unparsable quantities of a typed manifest, each with its path. */
    static List<String> problems(Object resource) {
        List<String> problems = new ArrayList<>();
        walk(resource, resource.getClass().getSimpleName(), problems, 0);
        return problems.stream().distinct().toList();
    }

    private static void walk(Object value, String path, List<String> problems, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, problems, depth + 1));
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", problems, depth + 1);
            }
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                quantity.getNumericalAmount();
            } catch (IllegalArgumentException e) {
                problems.add(path + ": not a quantity: " + quantity);
            }
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.kubernetes.api.model") && !packageName.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.isAnnotationPresent(Deprecated.class) && present(child)) {
                problems.add(path + "." + property(getter.getName()) + ": deprecated, not in the v1 API");
            } else if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown fields " + unknown.keySet());
                }
            } else {
                walk(child, path + "." + property(getter.getName()), problems, depth + 1);
            }
        }
    }

    private static boolean present(Object value) {
        return value != null
                && !(value instanceof Collection<?> items && items.isEmpty())
                && !(value instanceof Map<?, ?> map && map.isEmpty());
    }

    private static String property(String getter) {
        String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
