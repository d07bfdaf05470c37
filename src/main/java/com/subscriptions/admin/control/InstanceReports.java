package com.subscriptions.admin.control;

import com.subscriptions.caching.control.CacheAdministration;
import com.subscriptions.cluster.control.Cluster;
import com.subscriptions.cluster.control.ClusterMember;
import com.subscriptions.cluster.control.SharedMap;
import com.subscriptions.pool.control.ConnectionPool;
import com.subscriptions.platform.control.Recurring;
import com.subscriptions.pool.control.PoolStatistics;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every instance writes its report into a map the cluster shares, every {@link #INTERVAL_SECONDS} seconds and when
 * asked for the list; the list shows one entry per member now in the cluster, each as fresh as its
 * {@code reported_at}. A member that left stops reporting; its entry goes after {@link #KEEP}.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InstanceReports {

    static final int INTERVAL_SECONDS = 5;
    static final Duration KEEP = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(InstanceReports.class.getName());

    @Inject
    Cluster cluster;

    @Inject
    ConnectionPool pool;

    @Inject
    CacheAdministration caches;

    @Inject
    Clock clock;

    @Inject
    Recurring recurring;

    @Inject
    @ConfigProperty(name = "service.version", defaultValue = "unknown")
    String version;

    private final Jsonb json = JsonbBuilder.create();
    private SharedMap reports;

    @PostConstruct
    void connect() {
        reports = cluster.map("instances", KEEP);
        recurring.every(Duration.ofSeconds(INTERVAL_SECONDS), "Reporting this instance", this::reportQuietly);
    }

    /** A report missed now and then is no news: the next comes within seconds. */
    private void reportQuietly() {
        try {
            report();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not report this instance", e);
        }
    }

    /** Every member of the cluster, this instance's report fresh. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<InstanceReport> all() {
        report();
        Map<String, byte[]> stored = reports.entries();
        return cluster.members().stream().map(member -> stored.containsKey(member.id())
                ? parse(stored.get(member.id())).as(member) : InstanceReport.notYetReported(member)).toList();
    }

    public boolean clustered() {
        return cluster.isClustered();
    }

    private void report() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        InstanceReport own = new InstanceReport(cluster.localMemberId(), null, true, runtime.getName(),
                Instant.ofEpochMilli(runtime.getStartTime()), version, clock.instant(), poolStatistics(),
                caches.all());
        reports.put(own.id(), json.toJson(own).getBytes(StandardCharsets.UTF_8));
    }

    /** None where the server does not show its pool. */
    private PoolStatistics poolStatistics() {
        return pool.available() ? pool.statistics() : null;
    }

    private InstanceReport parse(byte[] stored) {
        return json.fromJson(new String(stored, StandardCharsets.UTF_8), InstanceReport.class);
    }
}
