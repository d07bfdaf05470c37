package com.subscriptions.cluster.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Payara Micro's Data Grid: its Hazelcast member, found in JNDI. Created by name ({@link Cluster}), so that a server
 * without Hazelcast (WildFly) never loads this class. Maps and the topic carry names prefixed {@code subscriptions.}
 * beside Payara's own structures.
 *
 * <p>A map operation waits for the grid at most {@link #MAP_TIMEOUT}: a member that froze or vanished holds its
 * partitions until the grid declares it dead (a minute), and a login must not wait that long. Past the timeout (or
 * with every grid thread stuck) the operation is done on this instance's own copy instead, as if it ran alone, and
 * so are the operations of the next {@link #SUSPECT_FOR} (then the grid is tried again); a warning says so.
 */
final class HazelcastGrid implements Grid {

    static final Duration MAP_TIMEOUT = Duration.ofMillis(500);
    static final Duration SUSPECT_FOR = Duration.ofSeconds(5);
    private static final String PREFIX = "subscriptions.";
    private static final Logger LOG = Logger.getLogger(HazelcastGrid.class.getName());

    private final HazelcastInstance hazelcast;
    private final ITopic<String> topic;
    /** Few threads, a short queue: when the grid hangs, calls fall back at once instead of piling up. */
    private final ExecutorService mapCalls = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "subscriptions-grid-map");
                thread.setDaemon(true);
                return thread;
            });
    /** Until when (System.nanoTime()) map operations skip the grid: it just failed to answer. */
    private final AtomicLong suspectUntil = new AtomicLong(System.nanoTime());
    private UUID messageListener;
    private UUID membershipListener;
    private UUID lifecycleListener;

    HazelcastGrid(Object instance) {
        this.hazelcast = (HazelcastInstance) instance;
        if (!hazelcast.getLifecycleService().isRunning()) {
            throw new IllegalStateException("The Data Grid is not running");
        }
        this.topic = hazelcast.getTopic(PREFIX + "messages");
    }

    @Override
    public String localMemberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public List<ClusterMember> members() {
        return hazelcast.getCluster().getMembers().stream().map(HazelcastGrid::member).toList();
    }

    private static ClusterMember member(Member member) {
        return new ClusterMember(member.getUuid().toString(),
                member.getAddress().getHost() + ":" + member.getAddress().getPort(), member.localMember());
    }

    @Override
    public void publish(String message) {
        topic.publish(message);
    }

    @Override
    public void listen(Consumer<String> onMessage, Runnable onMembershipChange) {
        messageListener = topic.addMessageListener(message -> onMessage.accept(message.getMessageObject()));
        membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                onMembershipChange.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                onMembershipChange.run();
            }
        });
        // After a split brain heals, each side has missed the other's messages.
        lifecycleListener = hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                onMembershipChange.run();
            }
        });
    }

    @Override
    public SharedMap map(String name, Duration maxIdle) {
        String mapName = PREFIX + name;
        hazelcast.getConfig().addMapConfig(new MapConfig(mapName).setMaxIdleSeconds((int) maxIdle.toSeconds()));
        IMap<String, byte[]> map = hazelcast.getMap(mapName);
        SharedMap alone = LocalGrid.localMap(maxIdle);
        return new SharedMap() {
            @Override
            public byte[] get(String key) {
                return bounded(() -> map.get(key), () -> alone.get(key));
            }

            @Override
            public void put(String key, byte[] value) {
                bounded(() -> map.set(key, value), () -> alone.put(key, value));
            }

            @Override
            public boolean putIfAbsent(String key, byte[] value) {
                return bounded(() -> map.putIfAbsent(key, value) == null, () -> alone.putIfAbsent(key, value));
            }

            @Override
            public boolean replace(String key, byte[] expected, byte[] value) {
                return bounded(() -> map.replace(key, expected, value), () -> alone.replace(key, expected, value));
            }

            @Override
            public Map<String, byte[]> entries() {
                return bounded(() -> new HashMap<>(map), alone::entries);
            }
        };
    }

    private void bounded(Runnable onGrid, Runnable alone) {
        bounded(() -> {
            onGrid.run();
            return null;
        }, () -> {
            alone.run();
            return null;
        });
    }

    private <T> T bounded(Supplier<T> onGrid, Supplier<T> alone) {
        if (System.nanoTime() - suspectUntil.get() < 0) {
            return alone.get();
        }
        Future<T> call = null;
        try {
            call = mapCalls.submit(onGrid::get);
            return call.get(MAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return alone.get();
        } catch (Exception gridFailed) {
            if (call != null) {
                call.cancel(true);
            }
            suspect(gridFailed);
            return alone.get();
        }
    }

    private void suspect(Exception gridFailed) {
        long now = System.nanoTime();
        long until = suspectUntil.get();
        if (now - until >= 0 && suspectUntil.compareAndSet(until, now + SUSPECT_FOR.toNanos())) {
            LOG.warning("The Data Grid did not answer within " + MAP_TIMEOUT.toMillis() + " ms (" + gridFailed
                    + "): for " + SUSPECT_FOR.toSeconds() + " s rate limits and instance reports use this "
                    + "instance's own state");
        }
    }

    /** The grid outlives a redeployment: this deployment's listeners must not. */
    @Override
    public void leave() {
        if (messageListener != null) {
            topic.removeMessageListener(messageListener);
            hazelcast.getCluster().removeMembershipListener(membershipListener);
            hazelcast.getLifecycleService().removeLifecycleListener(lifecycleListener);
        }
        mapCalls.shutdownNow();
    }
}
