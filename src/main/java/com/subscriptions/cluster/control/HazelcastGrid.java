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
import java.util.function.Consumer;

/**
 * Payara Micro's Data Grid: its Hazelcast member, found in JNDI. Created by name ({@link Cluster}), so that a server
 * without Hazelcast (WildFly) never loads this class. Maps and the topic carry names prefixed {@code subscriptions.}
 * beside Payara's own structures.
 */
final class HazelcastGrid implements Grid {

    private static final String PREFIX = "subscriptions.";

    private final HazelcastInstance hazelcast;
    private final ITopic<String> topic;

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
        topic.addMessageListener(message -> onMessage.accept(message.getMessageObject()));
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
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
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
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
        return new SharedMap() {
            @Override
            public byte[] get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, byte[] value) {
                map.set(key, value);
            }

            @Override
            public boolean putIfAbsent(String key, byte[] value) {
                return map.putIfAbsent(key, value) == null;
            }

            @Override
            public boolean replace(String key, byte[] expected, byte[] value) {
                return map.replace(key, expected, value);
            }

            @Override
            public Map<String, byte[]> entries() {
                return new HashMap<>(map);
            }
        };
    }
}
