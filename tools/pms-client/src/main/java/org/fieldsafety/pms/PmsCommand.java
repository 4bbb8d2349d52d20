package org.fieldsafety.pms;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code tools/pms-client/pms}: the reference PMS client on the command line. {@code follow} prints one
 * JSON line per new event until Ctrl-C; {@code send-complaint} sends one complaint and prints where Kafka
 * stored it. Errors go to stderr, exit code 2 for a usage error, 1 for a failure.
 */
public final class PmsCommand {

    /** The Kafka of a local run (deploy/local/start). */
    static final String LOCAL_KAFKA = "127.0.0.1:19092";

    static final String DEFAULT_GROUP = "pms-reference-client";

    static final String USAGE =
            """
            usage: pms [--bootstrap HOST:PORT] follow [--from-beginning] [--group GROUP]
                   pms [--bootstrap HOST:PORT] send-complaint --id ID --product PRODUCT_ID [--software-version V]
                       [--occurred-at ISO_INSTANT] [--aware-at ISO_INSTANT] [--follow-up-of COMPLAINT_ID]
                       [--udi-di X] [--serial X] [--software-item X] [--fault-code X] [--country CC]
                       [--patient-outcome OUTCOME] [--description TEXT] [--reporter-type X]

              --bootstrap      Kafka bootstrap servers (default %s, the local run's)
              follow           prints every new event as one JSON line, deduplicated by ce_id, from
                               %s;
                               --from-beginning starts a group without committed offsets at the topics' start
                               (use a new --group to read everything again); default group %s
              send-complaint   sends one complaint to pms.complaints.v1; what is not known is left out
            """
                    .formatted(LOCAL_KAFKA, String.join(", ", PmsClient.OUTBOUND_TOPICS), DEFAULT_GROUP);

    private static final Set<String> FLAGS = Set.of("from-beginning");
    private static final Set<String> FOLLOW_OPTIONS = Set.of("bootstrap", "group", "from-beginning");
    private static final Set<String> COMPLAINT_OPTIONS = Set.of(
            "bootstrap",
            "id",
            "product",
            "software-version",
            "occurred-at",
            "aware-at",
            "follow-up-of",
            "udi-di",
            "serial",
            "software-item",
            "fault-code",
            "country",
            "patient-outcome",
            "description",
            "reporter-type");

    private PmsCommand() {}

    public static void main(String[] args) {
        try {
            Parsed parsed = parse(args);
            PmsClient client = new PmsClient(parsed.options().getOrDefault("bootstrap", LOCAL_KAFKA));
            if (parsed.command().equals("follow")) {
                follow(client, parsed.options());
            } else {
                sendComplaint(client, parsed.options(), System.out);
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("pms: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Follows until Ctrl-C or SIGTERM, then leaves the group cleanly before the JVM exits. */
    private static void follow(PmsClient client, Map<String, String> options) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.close();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            client.follow(
                    options.getOrDefault("group", DEFAULT_GROUP), options.containsKey("from-beginning"), event -> {
                        System.out.println(event.toJson());
                        System.out.flush();
                    });
        } finally {
            stopped.countDown();
        }
    }

    static void sendComplaint(PmsClient client, Map<String, String> options, PrintStream out) {
        Complaint complaint = complaint(options);
        try (client) {
            RecordMetadata sent = client.sendComplaint(complaint);
            out.printf(
                    "{\"complaintId\":\"%s\",\"topic\":\"%s\",\"partition\":%d,\"offset\":%d}%n",
                    complaint.complaintId(), sent.topic(), sent.partition(), sent.offset());
        }
    }

    static Complaint complaint(Map<String, String> options) {
        Instant occurredAt = instant(options, "occurred-at");
        Instant awareAt = instant(options, "aware-at");
        try {
            return new Complaint(
                    options.get("id"),
                    options.get("product"),
                    options.get("udi-di"),
                    options.get("serial"),
                    options.get("software-version"),
                    options.get("software-item"),
                    options.get("fault-code"),
                    occurredAt,
                    options.get("country"),
                    options.get("patient-outcome"),
                    options.get("description"),
                    options.get("reporter-type"),
                    awareAt,
                    options.get("follow-up-of"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--id, --product)");
        }
    }

    /** The option as an instant, or null when it is not given. */
    private static Instant instant(Map<String, String> options, String option) {
        try {
            return options.containsKey(option) ? Instant.parse(options.get(option)) : null;
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option + " is not an ISO-8601 instant: " + options.get(option));
        }
    }

    record Parsed(String command, Map<String, String> options) {}

    /** The command and its {@code --name value} options ({@code --from-beginning} takes no value). */
    static Parsed parse(String[] args) {
        String command = null;
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (!arg.startsWith("--")) {
                if (command != null) {
                    throw new UsageException("unexpected argument: " + arg);
                }
                command = arg;
            } else if (FLAGS.contains(arg.substring(2))) {
                options.put(arg.substring(2), "true");
            } else {
                if (rest.isEmpty()) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(arg.substring(2), rest.remove(0));
            }
        }
        Set<String> allowed;
        if ("follow".equals(command)) {
            allowed = FOLLOW_OPTIONS;
        } else if ("send-complaint".equals(command)) {
            allowed = COMPLAINT_OPTIONS;
        } else {
            throw new UsageException(command == null ? "no command" : "unknown command: " + command);
        }
        for (String option : options.keySet()) {
            if (!allowed.contains(option)) {
                throw new UsageException("unknown option for " + command + ": --" + option);
            }
        }
        return new Parsed(command, options);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
