package com.subscriptions.admin.control;

import com.subscriptions.caching.control.CacheStatistics;
import com.subscriptions.cluster.control.ClusterMember;
import com.subscriptions.pool.control.PoolStatistics;

import java.time.Instant;
import java.util.List;

/**
 * One instance as it last reported itself: {@code name} is its process ({@code pid@host}), {@code address} its
 * address in the cluster, {@code local} whether it is the instance that answers. An instance that has not reported
 * yet has only its id and address.
 */
public record InstanceReport(String id, String address, boolean local, String name, Instant startedAt,
                             String version, Instant reportedAt, PoolStatistics pool, List<CacheStatistics> caches) {

    InstanceReport as(ClusterMember member) {
        return new InstanceReport(id, member.address(), member.local(), name, startedAt, version, reportedAt, pool,
                caches);
    }

    static InstanceReport notYetReported(ClusterMember member) {
        return new InstanceReport(member.id(), member.address(), member.local(), null, null, null, null, null,
                List.of());
    }
}
