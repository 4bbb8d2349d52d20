package org.fieldsafety.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.fieldsafety.infra.KafkaCluster;
import org.junit.jupiter.api.Test;

class PortPlanTest {

    @Test
    void theLocalRunHasOneBrokerAndOneInstanceOfEachServiceOnTheDocumentedPorts() {
        PortPlan plan = PortPlan.local();

        assertEquals(List.of(new KafkaCluster.Node(19092, 19093)), plan.kafka());
        assertEquals(
                List.of(new PortPlan.InstancePorts(8081, 9081)), plan.services().get(Service.INTAKE));
        assertEquals(
                List.of(new PortPlan.InstancePorts(8084, 9084)), plan.services().get(Service.CHANGE_CONTROL));
        assertDistinct(plan);
    }

    @Test
    void theLocalClusterHasThreeBrokersAndTwoInstancesOfEachServiceOnDistinctPorts() {
        PortPlan plan = PortPlan.localCluster();

        assertEquals(3, plan.kafka().size());
        assertEquals(new KafkaCluster.Node(19096, 19097), plan.kafka().get(2));
        assertEquals("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096", KafkaCluster.bootstrapServers(plan.kafka()));
        assertEquals(
                List.of(new PortPlan.InstancePorts(8083, 9083), new PortPlan.InstancePorts(8093, 9093)),
                plan.services().get(Service.FSCA));
        assertDistinct(plan);
    }

    @Test
    void freePortsForAClusterAreDistinct() {
        PortPlan plan = PortPlan.free(EnumSet.allOf(Service.class), 3, 2);

        assertEquals(3, plan.kafka().size());
        plan.services().values().forEach(instances -> assertEquals(2, instances.size()));
        assertDistinct(plan);
    }

    @Test
    void aServiceWithoutAnInstanceIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PortPlan(List.of(new KafkaCluster.Node(1, 2)), 3, 4, Map.of(Service.INTAKE, List.of())));
    }

    private static void assertDistinct(PortPlan plan) {
        assertEquals(plan.all().size(), new HashSet<>(plan.all()).size(), "ports " + plan.all());
    }
}
