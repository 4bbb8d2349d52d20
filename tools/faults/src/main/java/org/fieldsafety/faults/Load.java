package org.fieldsafety.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.fieldsafety.infra.Waits;
import org.fieldsafety.local.Demo;
import org.fieldsafety.local.FieldReport;

/**
 * Sends field reports to intake over {@link #CONNECTIONS} connections as a well-behaved device fleet does:
 * each report with its own {@code Idempotency-Key}, retried with the SAME key after a 503, a 429, any
 * other 5xx or a connection failure, until intake answers 202. A 202 means the report is kept; the id it
 * names is the one every later stage must show exactly once. With several intake instances, report i goes
 * to instance i modulo their number, and each retry to the next instance, as a load balancer does.
 *
 * <p>Either at a fixed rate (open model: report i is due at start + i / rate, and reports that fell due
 * while intake could not answer go as soon as it can again), so that a fault's recovery is measured
 * against a system that keeps up, or as fast as intake answers, which is the pipeline's throughput.
 */
final class Load {

    static final int CONNECTIONS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<URI> reportsUrls;
    private final String apiKey;
    private final String run;
    private final List<FieldReport> reports;
    private final String[] reportIds;
    private final long[] acceptedAt;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
    /** The time between two reports' due times; 0 for as fast as intake answers. */
    private final long nanosPerReport;

    private final Instant started;
    private final long startedNanos;
    private volatile Instant finished;

    private Load(List<String> intakeUrls, String apiKey, String run, int count, long nanosPerReport) {
        this.reportsUrls = intakeUrls.stream()
                .map(url -> URI.create(url + "/api/v1/field-reports"))
                .toList();
        this.apiKey = apiKey;
        this.run = run;
        this.reports = Demo.reports(Instant.now(), count, run.hashCode());
        this.reportIds = new String[count];
        this.acceptedAt = new long[count];
        this.nanosPerReport = nanosPerReport;
        this.started = Instant.now();
        this.startedNanos = System.nanoTime();
    }

    /**
     * Starts sending {@code count} reports in the background, {@code perSecond} of them a second;
     * {@code run} makes the keys unique.
     */
    static Load paced(List<String> intakeUrls, String apiKey, String run, int count, int perSecond) {
        return start(new Load(intakeUrls, apiKey, run, count, 1_000_000_000L / perSecond));
    }

    /** Starts sending {@code count} reports in the background, as fast as intake answers. */
    static Load saturating(List<String> intakeUrls, String apiKey, String run, int count) {
        return start(new Load(intakeUrls, apiKey, run, count, 0));
    }

    private static Load start(Load load) {
        AtomicInteger running = new AtomicInteger(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            load.workers.execute(() -> {
                load.work();
                if (running.decrementAndGet() == 0) {
                    load.finished = Instant.now();
                }
            });
        }
        load.workers.shutdown();
        return load;
    }

    /** Waits until every report was answered 202 (or refused for good). */
    void await() {
        try {
            if (!workers.awaitTermination(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("The load did not finish within 2 h");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean finished() {
        return finished != null;
    }

    int accepted() {
        return accepted.get();
    }

    int size() {
        return reports.size();
    }

    Instant started() {
        return started;
    }

    /** The time from the first request to the last 202. */
    Duration duration() {
        return Duration.between(started, Objects.requireNonNullElseGet(finished, Instant::now));
    }

    /** The ids intake answered with a 202. */
    List<String> acceptedIds() {
        return Arrays.stream(reportIds).filter(Objects::nonNull).toList();
    }

    /** 202 answers per second over the last {@code window}. */
    double rate(Duration window) {
        long since = System.nanoTime() - window.toNanos();
        long count = Arrays.stream(acceptedAt).filter(at -> at > since).count();
        return count * 1e9 / window.toNanos();
    }

    /** Why requests were retried, with counts ("HTTP 503", "connection: ConnectException"). */
    Map<String, Long> retries() {
        return counts(retries);
    }

    /** Reports refused for good (a 4xx other than 429): a valid report must never be. */
    Map<String, Long> refusals() {
        return counts(refusals);
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < reports.size(); i = next.getAndIncrement()) {
            long due = startedNanos + i * nanosPerReport;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send(i);
        }
    }

    private void send(int index) {
        byte[] body = json(reports.get(index));
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(reportsUrls.get((index + attempt) % reportsUrls.size()))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-API-Key", apiKey)
                    .header("Idempotency-Key", run + "-" + index)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    reportIds[index] =
                            JSON.readTree(response.body()).path("reportId").asText();
                    acceptedAt[index] = System.nanoTime();
                    accepted.incrementAndGet();
                    return;
                }
                if (status != 429 && status < 500) {
                    refusals.computeIfAbsent("HTTP " + status + " " + response.body(), k -> new LongAdder())
                            .increment();
                    return;
                }
                retries.computeIfAbsent("HTTP " + status, k -> new LongAdder()).increment();
            } catch (IOException e) {
                retries.computeIfAbsent("connection: " + e.getClass().getSimpleName(), k -> new LongAdder())
                        .increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Waits.pause();
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        adders.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /**
     * Sends the first {@code sample} accepted reports again with their keys and counts the answers that are
     * not a 202 with the same id: the retry contract, checked after the faults.
     */
    long idMismatches(int sample) {
        long mismatches = 0;
        for (int i = 0, checked = 0; i < reportIds.length && checked < sample; i++) {
            if (reportIds[i] == null) {
                continue;
            }
            checked++;
            String first = reportIds[i];
            reportIds[i] = null;
            send(i);
            if (!first.equals(reportIds[i])) {
                mismatches++;
            }
            reportIds[i] = first;
        }
        return mismatches;
    }
}
