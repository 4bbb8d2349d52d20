package org.fieldsafety.eventstore.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fieldsafety.platform.telemetry.Meter;
import org.jboss.logging.Logger;

/**
 * Verifies every aggregate's audit chain on a schedule ({@code fieldsafety.audit-chain.verify-every},
 * hourly by default) and raises the alert when one is broken: the gauge {@value #GAUGE} is 1 until a run
 * finds every chain intact again, and the broken aggregates are logged as errors. A chain breaks only when
 * someone changed the database behind the services' back.
 */
@Startup
@Singleton
public class AuditChainMonitor {

    /** {@code audit_chain_broken} in Prometheus' terms: 1 while any chain is broken. */
    static final String GAUGE = Meter.AUDIT_CHAIN_BROKEN.meterName();

    private static final Logger LOG = Logger.getLogger(AuditChainMonitor.class);

    private final AuditTrail trail;
    private final AtomicInteger broken = new AtomicInteger();

    AuditChainMonitor(AuditTrail trail, MeterRegistry metrics) {
        this.trail = trail;
        Gauge.builder(GAUGE, broken, AtomicInteger::get)
                .description(Meter.AUDIT_CHAIN_BROKEN.description())
                .register(metrics);
    }

    @Scheduled(
            every = "{fieldsafety.audit-chain.verify-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        verify();
    }

    /** Verifies every chain now; the aggregates whose chain is broken. */
    public List<String> verify() {
        List<String> brokenChains = trail.brokenChains();
        broken.set(brokenChains.isEmpty() ? 0 : 1);
        if (!brokenChains.isEmpty()) {
            LOG.errorf(
                    "The audit chain of %d records is broken: an event or its link was changed, removed or"
                            + " inserted in the database (GET .../audit of each shows where): %s",
                    brokenChains.size(), brokenChains);
        }
        return brokenChains;
    }
}
