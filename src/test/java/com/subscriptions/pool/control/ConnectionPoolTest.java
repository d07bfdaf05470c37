package com.subscriptions.pool.control;

import com.subscriptions.audit.control.AuditTrail;
import com.subscriptions.platform.control.Caller;
import com.subscriptions.platform.entity.InvalidInput;
import com.subscriptions.platform.entity.NotSupportedHere;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's pool chosen once, and tuned in an order that never puts steady above max. */
class ConnectionPoolTest {

    private static final Caller ADMIN = new Caller(1L, "admin", true, "127.0.0.1", "request-1");

    private final List<String> changes = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final ConnectionPool pool = new ConnectionPool();
    private final Server server = new Server(true);

    /** A server whose pool has steady 0, max 32 and a 5000 ms wait, and that records what it is told. */
    class Server implements PoolAdministration {
        private final boolean available;
        long steady = 0;
        long max = 32;
        long maxWait = 5000;

        Server(boolean available) {
            this.available = available;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public PoolStatistics statistics() {
            return new PoolStatistics(0, 0, 0, 0, 0, 0, 0, null, steady, max, maxWait);
        }

        @Override
        public void setSteadyPoolSize(int size) {
            changes.add("steady=" + size);
            steady = size;
        }

        @Override
        public void setMaxPoolSize(int size) {
            changes.add("max=" + size);
            max = size;
        }

        @Override
        public void setMaxWaitMillis(int millis) {
            changes.add("wait=" + millis);
            maxWait = millis;
        }

        @Override
        public void flush() {
            changes.add("flush");
        }
    }

    /** Like WildFly: sizes only after a reload. */
    class ServerWithFixedSizes extends Server {
        ServerWithFixedSizes() {
            super(true);
        }

        @Override
        public void setSteadyPoolSize(int size) {
            throw new NotSupportedHere("steady");
        }

        @Override
        public void setMaxPoolSize(int size) {
            throw new NotSupportedHere("max");
        }
    }

    @BeforeEach
    void wire() {
        pool.audit = new AuditTrail() {
            @Override
            public void record(String action, String target, Caller caller) {
                audited.add(action + " " + target);
            }
        };
        pool.administration = Optional.of(server);
    }

    @Test
    void theServerIsTheImplementationThatFindsItselfAvailable() {
        Server elsewhere = new Server(false);
        assertThat(ConnectionPool.ofThisServer(Stream.of(elsewhere, server))).containsSame(server);
        assertThat(ConnectionPool.ofThisServer(Stream.of(server, elsewhere))).containsSame(server);
        assertThat(ConnectionPool.ofThisServer(Stream.of(elsewhere))).isEmpty();
    }

    @Test
    void withoutAServerNothingIsSupported() {
        pool.administration = Optional.empty();
        assertThat(pool.available()).isFalse();
        assertThatThrownBy(pool::statistics).isInstanceOf(NotSupportedHere.class);
        assertThatThrownBy(() -> pool.tune(null, 40, null, ADMIN)).isInstanceOf(NotSupportedHere.class);
        assertThatThrownBy(pool::flush).isInstanceOf(NotSupportedHere.class);
    }

    @Test
    void growingRaisesTheMaximumFirstAndAppliesOnlyWhatChanges() {
        PoolStatistics tuned = pool.tune(40, 48, 5000, ADMIN);
        assertThat(changes).containsExactly("max=48", "steady=40");
        assertThat(tuned.steadyPoolSize()).isEqualTo(40);
        assertThat(tuned.maxPoolSize()).isEqualTo(48);
        assertThat(audited).containsExactly("pool_tuned pool:jdbc/subscriptions max_pool_size=48 steady_pool_size=40");
    }

    @Test
    void shrinkingLowersSteadyFirst() {
        server.steady = 8;
        pool.tune(2, 10, 2000, ADMIN);
        assertThat(changes).containsExactly("steady=2", "max=10", "wait=2000");
    }

    @Test
    void steadyAboveMaxIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> pool.tune(33, null, 1000, ADMIN)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> pool.tune(20, 10, null, ADMIN)).isInstanceOf(InvalidInput.class);
        assertThat(changes).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aServerThatCannotResizeLiveRefusesBeforeTheWaitIsChanged() {
        pool.administration = Optional.of(new ServerWithFixedSizes());
        assertThatThrownBy(() -> pool.tune(null, 40, 6000, ADMIN)).isInstanceOf(NotSupportedHere.class);
        assertThat(changes).isEmpty();
        assertThat(audited).isEmpty();

        pool.tune(0, 32, 6000, ADMIN);
        assertThat(changes).containsExactly("wait=6000");
        assertThat(audited).containsExactly("pool_tuned pool:jdbc/subscriptions max_wait_millis=6000");
    }

    @Test
    void theFlushIsTheServers() {
        pool.flush();
        assertThat(changes).containsExactly("flush");
    }
}
