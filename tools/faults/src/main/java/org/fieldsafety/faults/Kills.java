package org.fieldsafety.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.Waits;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.Service;

/**
 * Faults that take a process away under load and bring it back: a service killed with SIGKILL, the Kafka
 * broker killed with SIGKILL, PostgreSQL stopped in fast mode; each restarted at once. After each, the
 * time until the system is back in steady state, meaning: the process answers again, intake accepts at
 * least 80 % of the reports per second it accepted before the fault (or the load is over), and no consumer
 * group lags more than before the fault (plus 10 %, at least 500 records).
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
     * One fault: what it does to the system, which stages it disturbs (all, for Kafka and PostgreSQL), and
     * the readiness URL of the process it restarts (null when LocalSystem waits for it itself).
     */
    record Fault(String name, Runnable inject, List<Stage> disturbed, boolean disturbsIntake, String health) {

        static Fault kill(LocalSystem system, Service service) {
            return new Fault(
                    "kill -9 " + service.module(),
                    () -> {
                        system.kill(service);
                        system.restart(service);
                    },
                    STAGES.stream().filter(stage -> stage.service() == service).toList(),
                    service == Service.INTAKE,
                    system.managementUrl(service) + "/q/health/ready");
        }

        static Fault killKafka(LocalSystem system) {
            return new Fault(
                    "kill -9 Kafka broker",
                    () -> {
                        system.killKafka();
                        system.restartKafka();
                    },
                    STAGES,
                    true,
                    null);
        }

        static Fault restartPostgres(LocalSystem system) {
            return new Fault("fast stop + start PostgreSQL", system::restartPostgres, STAGES, true, null);
        }
    }

    /** What one fault cost: the process back after {@code restart}, the system steady after {@code steady}. */
    record Recovery(String fault, Duration restart, Duration steady, boolean steadyWithinBound) {

        String describe() {
            return fault + ": back after " + FaultSuite.seconds(restart) + ", steady after "
                    + (steadyWithinBound ? FaultSuite.seconds(steady) : "> " + FaultSuite.seconds(steady))
                    + (steadyWithinBound && steady.compareTo(STEADY_TARGET) <= 0 ? " (within 30 s)" : " (OVER 30 s)");
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
        Map<Stage, Long> lagBefore = new java.util.HashMap<>();
        for (Stage stage : fault.disturbed()) {
            lagBefore.put(stage, kafka.lag(stage.group(), stage.topic()));
        }
        Instant injected = Instant.now();
        try {
            fault.inject().run();
        } catch (IllegalStateException slowStart) {
            // not ready within LocalSystem's bound, yet still starting: steady() waits on
            FaultSuite.log("  " + fault.name() + ": "
                    + slowStart.getMessage().lines().findFirst().orElse(""));
        }
        Duration restart = Duration.between(injected, Instant.now());
        Instant bound = injected.plus(STEADY_BOUND);
        while (!steady(load, fault, rateBefore, lagBefore)) {
            if (Instant.now().isAfter(bound)) {
                return new Recovery(fault.name(), restart, STEADY_BOUND, false);
            }
            Waits.pause();
        }
        return new Recovery(fault.name(), restart, Duration.between(injected, Instant.now()), true);
    }

    private boolean steady(Load load, Fault fault, double rateBefore, Map<Stage, Long> lagBefore) {
        if (fault.health() != null && !ready(fault.health())) {
            return false;
        }
        if (fault.disturbsIntake() && !load.finished() && load.rate(RATE_WINDOW) < 0.8 * rateBefore) {
            return false;
        }
        try {
            for (Stage stage : fault.disturbed()) {
                long allowed = Math.max((long) (lagBefore.get(stage) * 1.1), 500);
                if (kafka.lag(stage.group(), stage.topic()) > allowed) {
                    return false;
                }
            }
            return true;
        } catch (IllegalStateException brokerNotBackYet) {
            return false;
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
