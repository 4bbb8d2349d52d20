package org.fieldsafety.kafkabroker;

/**
 * Starts the Apache Kafka broker (KRaft) in this JVM and stops it when the JVM that launched it dies,
 * so a killed test run or local run never leaves an orphan broker holding its port and data.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(0)));
        kafka.Kafka.main(args);
    }
}
