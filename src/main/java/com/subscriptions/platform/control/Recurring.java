package com.subscriptions.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background jobs' schedules (outbox ticks, revocation poll, lifecycle job, purges, instance reports), each on a
 * thread of its own made by the container's thread factory, rather than EJB timers: Payara runs a timer's call in a
 * container transaction, even for a NOT_SUPPORTED method, whose commit can fail on a dead pooled connection out of the
 * method's reach, and after such failures it calls the timer no more (seen: the revocation poll stopped after a
 * frozen database). Nor on the container's managed scheduled executor: Payara Micro's default one has a core pool of
 * 0, that is one thread for every task, so that a long run of one job (the lifecycle job on a backlog, a mail batch
 * waiting for a slow SMTP server) would hold up all the others. A job here never fails: a failure is logged, and the
 * next run tries again.
 *
 * <p>Each bean has its own (a dependent object), which stops the bean's jobs when the bean is destroyed.
 *
 * <p>A job that reads through an entity manager outside a transaction must be called through its bean's business
 * view: the container serves such a read only within an invocation of a component.
 */
@Dependent
public class Recurring {

    private static final Logger LOG = Logger.getLogger(Recurring.class.getName());
    private static final Duration HOUR = Duration.ofHours(1);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Clock clock;

    private final List<Thread> jobs = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    /** Every period after the end of the last run, the first a period from now. */
    public void every(Duration period, String job, Runnable task) {
        start(job, period, period, task);
    }

    /** Every hour, the first at this minute: jobs given different minutes do not meet. */
    public void hourlyAt(int minute, String job, Runnable task) {
        start(job, untilMinuteOfHour(clock.instant(), minute), HOUR, task);
    }

    @PreDestroy
    void stopAll() {
        stopped = true;
        jobs.forEach(Thread::interrupt);
    }

    private void start(String job, Duration first, Duration period, Runnable task) {
        Runnable run = neverFailing(job, period, task);
        Thread thread = threads.newThread(() -> {
            for (Duration wait = first; !stopped && slept(wait); wait = period) {
                run.run();
            }
        });
        thread.setName(job);
        thread.setDaemon(true);
        jobs.add(thread);
        thread.start();
    }

    private static boolean slept(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
