package com.subscriptions.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background jobs' schedules (outbox ticks, revocation poll, lifecycle job, purges), on the container's managed
 * scheduled executor rather than EJB timers: Payara runs a timer's call in a container transaction, even for a
 * NOT_SUPPORTED method, whose commit can fail on a dead pooled connection out of the method's reach, and after such
 * failures it calls the timer no more (seen: the revocation poll stopped after a frozen database). A task here is run
 * again as long as it does not throw, and it never throws: a failure is logged and the next run tries again.
 *
 * <p>Each bean has its own (a dependent object), which cancels the bean's schedules when the bean is destroyed.
 *
 * <p>A job that reads through an entity manager outside a transaction must be called through its bean's business
 * view: the container serves such a read only within an invocation of a component.
 */
@Dependent
public class Recurring {

    private static final Logger LOG = Logger.getLogger(Recurring.class.getName());
    private static final Duration HOUR = Duration.ofHours(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();

    /** Every period after the end of the last run, the first a period from now. */
    public void every(Duration period, String job, Runnable task) {
        schedules.add(scheduler.scheduleWithFixedDelay(neverFailing(job, period, task), period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Every hour at this minute: jobs given different minutes do not meet. */
    public void hourlyAt(int minute, String job, Runnable task) {
        schedules.add(scheduler.scheduleAtFixedRate(neverFailing(job, HOUR, task),
                untilMinuteOfHour(clock.instant(), minute).toMillis(), HOUR.toMillis(), TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void cancelAll() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }

    static Runnable neverFailing(String job, Duration period, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, job + " failed; next try in " + period.toSeconds() + " s: " + e);
            }
        };
    }

    /** From now to the next start of this minute of an hour. */
    static Duration untilMinuteOfHour(Instant now, int minute) {
        ZonedDateTime start = now.atZone(ZoneOffset.UTC);
        ZonedDateTime next = start.truncatedTo(ChronoUnit.HOURS).withMinute(minute);
        return Duration.between(start, next.isBefore(start) ? next.plusHours(1) : next);
    }
}
