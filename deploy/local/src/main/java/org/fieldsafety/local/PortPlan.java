package org.fieldsafety.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fieldsafety.infra.KafkaCluster;
import org.fieldsafety.infra.Ports;

/**
 * The ports of one LocalSystem, which also say its shape: how many Kafka nodes it runs, which services and
 * how many instances of each. Each instance has an HTTP port and a management port (health, metrics,
 * OpenAPI).
 */
public record PortPlan(
        List<KafkaCluster.Node> kafka, int postgres, int keycloak, Map<Service, List<InstancePorts>> services) {

    /** One instance's ports. */
    public record InstancePorts(int http, int management) {}

    public PortPlan {
        kafka = List.copyOf(kafka);
        Map<Service, List<InstancePorts>> ordered = new EnumMap<>(Service.class);
        services.forEach((service, instances) -> ordered.put(service, List.copyOf(instances)));
        services = Collections.unmodifiableMap(ordered);
        if (kafka.isEmpty() || services.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("Every part needs a port: " + kafka + ", " + services);
        }
    }

    /**
     * The fixed ports of a local run: the services' 8081-8084 with their management interfaces 1000 above
     * (9081-9084), Kafka 19092/19093, PostgreSQL 15432, Keycloak 8180.
     */
    public static PortPlan local() {
        return local(1, 1);
    }

    /**
     * The local cluster run's: three Kafka nodes on 19092/19093, 19094/19095 and 19096/19097, and a second
     * instance of every service on 8091-8094 (management 9091-9094); the rest as {@link #local()}.
     */
    public static PortPlan localCluster() {
        return local(3, 2);
    }

    private static PortPlan local(int brokers, int instances) {
        List<KafkaCluster.Node> kafka = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            kafka.add(new KafkaCluster.Node(19092 + 2 * i, 19093 + 2 * i));
        }
        Map<Service, List<InstancePorts>> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<InstancePorts> ports = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                int http = service.localPort() + 10 * i;
                ports.add(new InstancePorts(http, http + 1000));
            }
            services.put(service, ports);
        }
        return new PortPlan(kafka, 15432, 8180, services);
    }

    /** Distinct free ports for one Kafka node and one instance of each of {@code services}, for tests. */
    public static PortPlan free(Collection<Service> services) {
        return free(services, 1, 1);
    }

    /** Distinct free ports for {@code brokers} Kafka nodes and {@code instances} of each of {@code services}. */
    public static PortPlan free(Collection<Service> services, int brokers, int instances) {
        Set<Integer> taken = new HashSet<>();
        List<KafkaCluster.Node> kafka = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            kafka.add(new KafkaCluster.Node(distinctFree(taken), distinctFree(taken)));
        }
        Map<Service, List<InstancePorts>> servicePorts = new EnumMap<>(Service.class);
        services.forEach(service -> {
            List<InstancePorts> ports = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                ports.add(new InstancePorts(distinctFree(taken), distinctFree(taken)));
            }
            servicePorts.put(service, ports);
        });
        return new PortPlan(kafka, distinctFree(taken), distinctFree(taken), servicePorts);
    }

    public List<Integer> all() {
        return Stream.of(
                        kafka.stream().flatMap(node -> Stream.of(node.port(), node.controllerPort())),
                        Stream.of(postgres, keycloak),
                        services.values().stream()
                                .flatMap(List::stream)
                                .flatMap(instance -> Stream.of(instance.http(), instance.management())))
                .flatMap(ports -> ports)
                .toList();
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
