package com.subscriptions.cluster.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The grid of an instance that runs alone (WildFly, or Payara Micro with clustering off): one member, messages
 * go nowhere, maps live in this instance's memory. Public for the unit tests of what shares state through it.
 */
public final class LocalGrid implements Grid {

    /** Past this many entries in a map, the idle ones are dropped at the next write. */
    static final int TRIM_ABOVE = 100_000;

    private final String id = UUID.randomUUID().toString();

    @Override
    public String localMemberId() {
        return id;
    }

    @Override
    public List<ClusterMember> members() {
        return List.of(new ClusterMember(id, "local", true));
    }

    @Override
    public void publish(String message) {
        // No other member.
    }

    @Override
    public void listen(Consumer<String> onMessage, Runnable onMembershipChange) {
        // Nothing ever arrives.
    }

    @Override
    public SharedMap map(String name, Duration maxIdle) {
        return localMap(maxIdle);
    }

    /** A map in this instance's memory, whose entries go once untouched for {@code maxIdle}. */
    static SharedMap localMap(Duration maxIdle) {
        return new LocalMap(maxIdle.toNanos());
    }

    @Override
    public void leave() {
        // Nothing held.
    }

    /** A value and when it was last touched. */
    private record Stamped(byte[] value, long touchedNanos) {
    }

    private static final class LocalMap implements SharedMap {
        private final Map<String, Stamped> entries = new ConcurrentHashMap<>();
        private final long maxIdleNanos;

        LocalMap(long maxIdleNanos) {
            this.maxIdleNanos = maxIdleNanos;
        }

        @Override
        public byte[] get(String key) {
            Stamped stamped = entries.get(key);
            return stamped == null || idle(stamped, System.nanoTime()) ? null : stamped.value();
        }

        @Override
        public void put(String key, byte[] value) {
            trim();
            entries.put(key, new Stamped(value, System.nanoTime()));
        }

        @Override
        public boolean putIfAbsent(String key, byte[] value) {
            trim();
            long now = System.nanoTime();
            Stamped fresh = new Stamped(value, now);
            return entries.compute(key, (k, current) -> current == null || idle(current, now) ? fresh : current)
                    == fresh;
        }

        @Override
        public boolean replace(String key, byte[] expected, byte[] value) {
            long now = System.nanoTime();
            Stamped fresh = new Stamped(value, now);
            return entries.computeIfPresent(key, (k, current) -> Arrays.equals(current.value(), expected)
                    ? fresh : current) == fresh;
        }

        @Override
        public Map<String, byte[]> entries() {
            long now = System.nanoTime();
            return entries.entrySet().stream().filter(entry -> !idle(entry.getValue(), now))
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().value()));
        }

        private void trim() {
            if (entries.size() > TRIM_ABOVE) {
                long now = System.nanoTime();
                entries.values().removeIf(stamped -> idle(stamped, now));
            }
        }

        private boolean idle(Stamped stamped, long now) {
            return now - stamped.touchedNanos() > maxIdleNanos;
        }
    }
}
