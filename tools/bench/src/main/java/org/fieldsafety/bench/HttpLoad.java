package org.fieldsafety.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Non-blocking HTTP/1.1 load on intake over a fixed number of keep-alive connections (Vert.x's client
 * pool): a request finds a free connection or waits in the pool's queue, so a send time is never delayed
 * by the connections being busy (the waiting counts in the latency). Every request ends within
 * {@link #TIMEOUT} for a connection plus {@link #TIMEOUT} without an answer: one that gets no answer fails,
 * and is counted, instead of being waited on.
 */
final class HttpLoad implements AutoCloseable {

    /** Scenario 1's connections: one request in flight on each. */
    static final int CONNECTIONS = 32;

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A response: status and body. */
    record Reply(int status, Buffer body) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final int connections;
    private final URI base;
    private final String apiKey;

    HttpLoad(String baseUrl, String apiKey, int connections) {
        this.connections = connections;
        this.base = URI.create(baseUrl);
        this.apiKey = apiKey;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    CompletableFuture<Reply> post(String path, byte[] json) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(path)
                .setConnectTimeout(TIMEOUT.toMillis())
                .setIdleTimeout(TIMEOUT.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-API-Key", apiKey)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString());
        Future<Reply> reply = client.request(options)
                .recover(error -> Future.failedFuture(new NotSent(error)))
                .compose(request -> request.send(Buffer.buffer(json)))
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
        return reply.toCompletionStage().toCompletableFuture();
    }

    /**
     * Why a request failed, for the counts by reason: whether it never got a connection (it waited in the
     * client's own queue, so intake never saw it) or got no answer once sent, and the client's exception.
     */
    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        return cause instanceof NotSent notSent
                ? "not sent, no connection: " + notSent.getCause().getClass().getSimpleName()
                : "sent, no answer: " + cause.getClass().getSimpleName();
    }

    /** A request that failed before it had a connection to send on. */
    private static final class NotSent extends RuntimeException {
        NotSent(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Closed-model throughput: keeps one request per connection in flight for {@code duration} and counts
     * the reports intake accepted (202) per second. {@code body} builds request i's body; {@code reports}
     * is how many reports one request holds.
     */
    double saturate(String path, Duration duration, int reports, LongFunction<byte[]> body)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(connections);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        for (long i = 0; System.nanoTime() < end; i++) {
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            post(path, body.apply(i)).whenComplete((reply, error) -> {
                if (error == null && reply.status() == 202) {
                    accepted.addAndGet(reports);
                } else if (failed.incrementAndGet() <= 3) {
                    Bench.log("intake answered " + (error != null ? error : reply.status() + " " + reply.body()));
                }
                inFlight.release();
            });
        }
        inFlight.acquire(connections);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failed.get() > 0) {
            Bench.log(failed.get() + " requests failed");
        }
        return accepted.get() / seconds;
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
