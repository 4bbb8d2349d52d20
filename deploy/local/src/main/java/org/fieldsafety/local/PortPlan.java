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

/** The ports of one LocalSystem; {@code services} also says which services it runs. */
public record PortPlan(int kafka, int kafkaController, int postgres, Map<Service, Integer> services) {

    public PortPlan {
        Map<Service, Integer> ordered = new EnumMap<>(Service.class);
        ordered.putAll(services);
        services = Collections.unmodifiableMap(ordered);
    }

    /** The fixed ports of a local run: the services' 8081-8084, Kafka 19092/19093, PostgreSQL 15432. */
    public static PortPlan local() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, service.localPort());
        }
        return new PortPlan(19092, 19093, 15432, services);
    }

    /** Distinct free ports, for tests. */
    public static PortPlan free(Collection<Service> services) {
        Set<Integer> taken = new HashSet<>();
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        services.forEach(service -> servicePorts.put(service, distinctFree(taken)));
        return new PortPlan(distinctFree(taken), distinctFree(taken), distinctFree(taken), servicePorts);
    }

    public List<Integer> all() {
        return Stream.concat(Stream.of(kafka, kafkaController, postgres), services.values().stream())
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
