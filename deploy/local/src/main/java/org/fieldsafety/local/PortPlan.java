package org.fieldsafety.local;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fieldsafety.infra.Ports;

/**
 * The ports of one LocalSystem; {@code services} also says which services it runs, and {@code management}
 * holds each one's management interface (health, metrics, OpenAPI).
 */
public record PortPlan(
        int kafka,
        int kafkaController,
        int postgres,
        int keycloak,
        Map<Service, Integer> services,
        Map<Service, Integer> management) {

    public PortPlan {
        services = ordered(services);
        management = ordered(management);
        if (!management.keySet().equals(services.keySet())) {
            throw new IllegalArgumentException("Every service needs a management port: " + management);
        }
    }

    /**
     * The fixed ports of a local run: the services' 8081-8084 with their management interfaces 1000 above
     * (9081-9084), Kafka 19092/19093, PostgreSQL 15432, Keycloak 8180.
     */
    public static PortPlan local() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        Map<Service, Integer> management = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, service.localPort());
            management.put(service, service.localPort() + 1000);
        }
        return new PortPlan(19092, 19093, 15432, 8180, services, management);
    }

    /** Distinct free ports, for tests. */
    public static PortPlan free(Collection<Service> services) {
        Set<Integer> taken = new HashSet<>();
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        services.forEach(service -> {
            servicePorts.put(service, distinctFree(taken));
            managementPorts.put(service, distinctFree(taken));
        });
        return new PortPlan(
                distinctFree(taken),
                distinctFree(taken),
                distinctFree(taken),
                distinctFree(taken),
                servicePorts,
                managementPorts);
    }

    public List<Integer> all() {
        return Stream.of(
                        Stream.of(kafka, kafkaController, postgres, keycloak),
                        services.values().stream(),
                        management.values().stream())
                .flatMap(ports -> ports)
                .toList();
    }

    private static Map<Service, Integer> ordered(Map<Service, Integer> ports) {
        Map<Service, Integer> ordered = new EnumMap<>(Service.class);
        ordered.putAll(ports);
        return Collections.unmodifiableMap(ordered);
    }

    private static int distinctFree(Set<Integer> taken) {
        while (true) {
            int port = Ports.free();
            if (taken.add(port)) {
                return port;
            }
        }
    }
}
