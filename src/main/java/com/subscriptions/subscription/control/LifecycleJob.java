package com.subscriptions.subscription.control;

import com.subscriptions.platform.control.Recurring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends trials, renews, cancels and expires subscriptions whose period has ended, every
 * {@code lifecycle.interval-seconds} (0: never), in batches of {@code lifecycle.batch-size} until none is due.
 * Runs may overlap (bean-managed concurrency; another instance is no different): the batches' row claims keep
 * them apart.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LifecycleJob {

    private static final Logger LOG = Logger.getLogger(LifecycleJob.class.getName());

    @Inject
    Recurring recurring;

    @Resource
    SessionContext context;

    @Inject
    LifecycleBatch batch;

    @Inject
    MeterRegistry metrics;

    @Inject
    Event<LifecycleRan> ran;

    @Inject
    @ConfigProperty(name = "lifecycle.interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "lifecycle.batch-size", defaultValue = "500")
    int batchSize;

    @PostConstruct
    void schedule() {
        if (intervalSeconds > 0) {
            LifecycleJob throughTheContainer = context.getBusinessObject(LifecycleJob.class);
            recurring.every(Duration.ofSeconds(intervalSeconds), "Lifecycle job", throughTheContainer::runOnSchedule);
        }
    }

    /** For the schedule only: outside a transaction (each batch has its own). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runOnSchedule() {
        int changed = runUntilDone();
        if (changed > 0) {
            LOG.info(() -> "Lifecycle job: " + changed + " subscriptions changed state");
        }
    }

    /** @return how many subscriptions changed state */
    public int runUntilDone() {
        int total = 0;
        int changed;
        do {
            changed = batch.advanceDue(batchSize);
            total += changed;
        } while (changed >= batchSize);
        Counter.builder("lifecycle_runs").description("Runs of the lifecycle job").register(metrics).increment();
        Counter.builder("lifecycle_transitions").description("Subscriptions whose state the lifecycle job changed")
                .register(metrics).increment(total);
        try {
            ran.fire(new LifecycleRan());
        } catch (RuntimeException e) {
            // What follows the run (the trial reminders) must not fail the run: it tries again after the next.
            LOG.log(Level.WARNING, "A job after the lifecycle run failed: " + e);
        }
        return total;
    }
}
