package org.fieldsafety.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.Waits;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.Service;

/**
 * Faults that take a process away under load: a service killed with SIGKILL, the Kafka broker killed with
 * SIGKILL, PostgreSQL stopped in fast mode, each restarted at once; or, on a cluster, one Kafka node or one
 * instance of a service killed for good, the rest carrying on without it. After each, the
 * time until the system is back in steady state, meaning: the process answers again, intake accepts at
 * least 80 % of the reports per second it accepted before the fault (or the load is over), and no consumer
 * group lags more than before the fault (plus 10 %, at least 500 records); for an instance left down, also
 * its consumer groups have fewer members than before, so its partitions went to the instances left.
 */
final class Kills {

    static final Duration STEADY_TARGET = Duration.ofSeconds(30);
    private static final Duration STEADY_BOUND = Duration.ofMinutes(3);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(2);

    /** A consumer stage: its service, consumer group and input topic. */
    record Stage(Service service, String group, String topic) {}

    static final List<Stage> STAGES = List.of(
            new Stage(Service.TRIAGE, "triage-service", Topics.REPORTS),
            new Stage(Service.FSCA, "fsca-service", Topics.TRIAGE),
            new Stage(Service.CHANGE_CONTROL, "change-control-service", Topics.TRIAGE));

    /**
     * One fault: what it does to the system, which stages it disturbs (all, for Kafka and PostgreSQL), the
     * readiness URL of the process it restarts (null when LocalSystem waits for it itself, or when it leaves
     * the process down), whether it restarts the process, and whether the disturbed stages lose a consumer
     * for good.
     */
    record Fault(
            String name,
            Runnable inject,
            List<Stage> disturbed,
            boolean disturbsIntake,
            String health,
            boolean restarts,
            boolean losesConsumers) {

        static Fault kill(LocalSystem system, Service service) {
            return new Fault(
                    "kill -9 " + service.module(),
                    () -> {
                        system.kill(service);
                        system.restart(service);
                    },
                    STAGES.stream().filter(stage -> stage.service() == service).toList(),
                    service == Service.INTAKE,
                    system.managementUrl(service) + "/q/health/ready",
                    true,
                    false);
        }

        static Fault killKafka(LocalSystem system) {
            return new Fault(
                    "kill -9 Kafka broker",
                    () -> {
                        system.killKafka(0);
                        system.restartKafka(0);
                    },
                    STAGES,
                    true,
                    null,
                    true,
                    false);
        }

        /** Kafka node {@code index} of a cluster killed and left down: the others must carry its partitions. */
        static Fault killKafkaNode(LocalSystem system, int index) {
            return new Fault(
                    "kill -9 Kafka node " + (index + 1) + " of " + system.kafkaNodes() + ", left down",
                    () -> system.killKafka(index),
                    STAGES,
                    true,
                    null,
                    false,
                    false);
        }

        /** Instance {@code index} of a service killed and left down: the others must take over its work. */
        static Fault killInstance(LocalSystem system, Service service, int index) {
            return new Fault(
                    "kill -9 " + service.module() + " instance " + (index + 1) + " of " + system.instances(service)
                            + ", left down",
                    () -> system.kill(service, index),
                    STAGES.stream().filter(stage -> stage.service() == service).toList(),
                    service == Service.INTAKE,
                    null,
                    false,
                    true);
        }

        static Fault restartPostgres(LocalSystem system) {
            return new Fault("fast stop + start PostgreSQL", system::restartPostgres, STAGES, true, null, true, false);
        }

        static Fault crashPostgres(LocalSystem system) {
            return new Fault("kill -9 PostgreSQL + start", system::crashPostgres, STAGES, true, null, true, false);
        }
    }

    /**
     * What one fault cost: the process back after {@code restart} (for a fault that restarts it), the system
     * steady after {@code steady}; {@code lastWait} is the condition that held it last (null when it was
     * steady at the first look), so a slow recovery says what was slow.
     */
    record Recovery(String fault, Duration restart, Duration steady, boolean steadyWithinBound, String lastWait) {

        String describe() {
            return fault + ": " + (restart == null ? "" : "back after " + FaultSuite.seconds(restart) + ", ")
                    + "steady after "
                    + (steadyWithinBound ? FaultSuite.seconds(steady) : "> " + FaultSuite.seconds(steady))
                    + (steadyWithinBound && steady.compareTo(STEADY_TARGET) <= 0 ? " (within 30 s)" : " (OVER 30 s)")
                    + (lastWait == null ? "" : "; last waited on " + lastWait);
        }
    }

    private final KafkaProbe kafka;
    private final ApiClient api = new ApiClient();

    Kills(KafkaProbe kafka) {
        this.kafka = kafka;
    }

    /**
     * Injects the faults one after another while {@code load} runs, fault i once the load has had
     * (i + 1) / (faults + 1) of its reports accepted, so that the faults spread over the run.
     */
    List<Recovery> during(Load load, List<Fault> faults) {
        List<Recovery> recoveries = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            int due = (int) ((long) load.size() * (i + 1) / (faults.size() + 1));
            while (!load.finished() && load.accepted() < due) {
                Waits.pause();
            }
            recoveries.add(inject(load, faults.get(i)));
            FaultSuite.log("  " + recoveries.get(i).describe());
        }
        return recoveries;
    }

    private Recovery inject(Load load, Fault fault) {
        double rateBefore = load.rate(RATE_WINDOW);
        Map<Stage, Long> lagBefore = new HashMap<>();
        Map<String, Integer> membersBefore = new HashMap<>();
        for (Stage stage : fault.disturbed()) {
            lagBefore.put(stage, kafka.lag(stage.group(), stage.topic()));
            if (fault.losesConsumers()) {
                membersBefore.put(stage.group(), kafka.members(stage.group()));
            }
        }
        Instant injected = Instant.now();
        try {
            fault.inject().run();
        } catch (IllegalStateException slowStart) {
            // not ready within LocalSystem's bound, yet still starting: steady() waits on
            FaultSuite.log("  " + fault.name() + ": "
                    + slowStart.getMessage().lines().findFirst().orElse(""));
        }
        Duration restart = fault.restarts() ? Duration.between(injected, Instant.now()) : null;
        Instant bound = injected.plus(STEADY_BOUND);
        String lastWait = null;
        String wait;
        while ((wait = unsteady(load, fault, rateBefore, lagBefore, membersBefore)) != null) {
            lastWait = wait;
            if (Instant.now().isAfter(bound)) {
                return new Recovery(fault.name(), restart, STEADY_BOUND, false, lastWait);
            }
            Waits.pause();
        }
        return new Recovery(fault.name(), restart, Duration.between(injected, Instant.now()), true, lastWait);
    }

    /** What keeps the system from steady state now, or null when it is steady. */
    private String unsteady(
            Load load, Fault fault, double rateBefore, Map<Stage, Long> lagBefore, Map<String, Integer> membersBefore) {
        if (fault.health() != null && !ready(fault.health())) {
            return "the restarted process's readiness";
        }
        if (fault.disturbsIntake() && !load.finished()) {
            double rate = load.rate(RATE_WINDOW);
            if (rate < 0.8 * rateBefore) {
                return String.format("intake's rate, %.0f/s against %.0f/s before", rate, rateBefore);
            }
        }
        try {
            for (Map.Entry<String, Integer> group : membersBefore.entrySet()) {
                int members = kafka.members(group.getKey());
                if (members >= group.getValue()) {
                    return group.getKey() + "'s members, " + members + " as before";
                }
            }
            for (Stage stage : fault.disturbed()) {
                long allowed = Math.max((long) (lagBefore.get(stage) * 1.1), 500);
                long lag = kafka.lag(stage.group(), stage.topic());
                if (lag > allowed) {
                    return stage.group() + "'s lag, " + lag + " records against at most " + allowed;
                }
            }
            return null;
        } catch (IllegalStateException brokerNotBackYet) {
            return "the broker";
        }
    }

    private boolean ready(String health) {
        try {
            return api.get(health, Map.of()).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
