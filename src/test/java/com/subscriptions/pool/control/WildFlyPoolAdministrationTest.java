package com.subscriptions.pool.control;

import com.subscriptions.platform.entity.NotSupportedHere;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WildFly's pool as this JVM's MBean server would show it: resources of WildFly's management model stood in for by
 * MBeans of the names and attribute types WildFly's JMX subsystem gives them (INT as Integer, LONG as Long,
 * undefined as null).
 */
class WildFlyPoolAdministrationTest {

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();
    private static final String DATA_SOURCE = "jboss.as:subsystem=datasources,data-source=SubscriptionsDS";

    private final WildFlyPoolAdministration wildFly = new WildFlyPoolAdministration();
    private final Resource dataSource = new Resource();
    private final Resource statistics = new Resource();

    /** One resource: its attributes, and the operations invoked on it with what they answer. */
    static class Resource implements DynamicMBean {
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, Object> answers = new HashMap<>();
        final List<String> invoked = new ArrayList<>();

        @Override
        public Object getAttribute(String name) throws AttributeNotFoundException {
            if (!attributes.containsKey(name)) {
                throw new AttributeNotFoundException(name);
            }
            return attributes.get(name);
        }

        @Override
        public void setAttribute(Attribute attribute) {
            attributes.put(attribute.getName(), attribute.getValue());
        }

        @Override
        public AttributeList getAttributes(String[] names) {
            AttributeList list = new AttributeList();
            for (String name : names) {
                list.add(new Attribute(name, attributes.get(name)));
            }
            return list;
        }

        @Override
        public AttributeList setAttributes(AttributeList list) {
            list.asList().forEach(this::setAttribute);
            return list;
        }

        @Override
        public Object invoke(String operation, Object[] parameters, String[] signature) {
            invoked.add(operation);
            return answers.get(operation);
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(Resource.class.getName(), "a resource of the management model", null, null, null,
                    null);
        }
    }

    private void register() throws JMException {
        dataSource.attributes.put("minPoolSize", null);
        dataSource.attributes.put("maxPoolSize", 32);
        dataSource.attributes.put("blockingTimeoutWaitMillis", 5000L);
        statistics.attributes.putAll(Map.of("statisticsEnabled", true, "InUseCount", 3, "IdleCount", 2,
                "MaxUsedCount", 7, "AverageGetTime", 4L, "CreatedCount", 9, "DestroyedCount", 4, "WaitCount", 11));
        MBEANS.registerMBean(dataSource, new ObjectName(DATA_SOURCE));
        MBEANS.registerMBean(statistics, new ObjectName(DATA_SOURCE + ",statistics=pool"));
    }

    @AfterEach
    void unregister() throws JMException {
        for (String name : new String[]{DATA_SOURCE, DATA_SOURCE + ",statistics=pool"}) {
            if (MBEANS.isRegistered(new ObjectName(name))) {
                MBEANS.unregisterMBean(new ObjectName(name));
            }
        }
    }

    @Test
    void availableWhereWildFlyShowsTheDataSource() throws JMException {
        assertThat(wildFly.available()).isFalse();
        register();
        assertThat(wildFly.available()).isTrue();
    }

    @Test
    void statisticsAreThePoolsFiguresAndTheDataSourcesSettings() throws JMException {
        register();
        assertThat(wildFly.statistics()).isEqualTo(new PoolStatistics(3, 2, 0, 7, 4, 9, 4, null, 0, 32, 5000));
        assertThat(dataSource.invoked).containsExactly("dumpQueuedThreadsInPool");
    }

    @Test
    void waitingAreTheThreadsQueuedNow() throws JMException {
        register();
        dataSource.answers.put("dumpQueuedThreadsInPool", "[\"Queued thread: default task-7\\n\\tat java.base/"
                + "jdk.internal.misc.Unsafe.park(Native Method)\", \"Queued thread: default task-9\\n\"]");
        assertThat(wildFly.statistics().waiting()).isEqualTo(2);
    }

    @Test
    void withoutStatisticsEnabledThereAreNoFigures() throws JMException {
        register();
        statistics.attributes.put("statisticsEnabled", false);
        assertThatThrownBy(wildFly::statistics).isInstanceOf(NotSupportedHere.class)
                .hasMessageContaining("statistics-enabled=true");
    }

    @Test
    void theWaitIsWrittenAsALongAndTheFlushFlushesAll() throws JMException {
        register();
        wildFly.setMaxWaitMillis(8000);
        assertThat(dataSource.attributes.get("blockingTimeoutWaitMillis")).isEqualTo(8000L);
        wildFly.flush();
        assertThat(dataSource.invoked).containsExactly("flushAllConnectionInPool");
    }

    @Test
    void sizesAreRefusedAndNotWritten() throws JMException {
        register();
        assertThatThrownBy(() -> wildFly.setMaxPoolSize(40)).isInstanceOf(NotSupportedHere.class)
                .hasMessageContaining("reload");
        assertThatThrownBy(() -> wildFly.setSteadyPoolSize(4)).isInstanceOf(NotSupportedHere.class);
        assertThat(dataSource.attributes).containsEntry("maxPoolSize", 32).containsEntry("minPoolSize", null);
    }

    @Test
    void freeIsNeverBelowZeroAndUndefinedSettingsAreIronJacamarsDefaults() {
        Map<String, Object> figures = new HashMap<>(Map.of("InUseCount", 5, "IdleCount", -1));
        Map<String, Object> settings = new HashMap<>();
        settings.put("minPoolSize", null);
        PoolStatistics pool = WildFlyPoolAdministration.statisticsOf(figures, settings, 1);
        assertThat(pool.inUse()).isEqualTo(5);
        assertThat(pool.free()).isZero();
        assertThat(pool.waiting()).isEqualTo(1);
        assertThat(pool.acquired()).isNull();
        assertThat(List.of(pool.steadyPoolSize(), pool.maxPoolSize(), pool.maxWaitMillis()))
                .containsExactly(0L, 20L, 30_000L);
    }
}
