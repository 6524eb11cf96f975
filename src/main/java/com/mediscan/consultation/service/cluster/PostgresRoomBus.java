package com.mediscan.consultation.service.cluster;

import com.mediscan.consultation.service.InProcessRoomBus;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomResync;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;

/**
 * The room bus of nodes sharing one PostgreSQL: an event reaches this node's views at once (as on
 * one node) and the other nodes through {@code NOTIFY} on a channel of the database schema. One
 * dedicated autocommit connection per node listens, with a finite wait, a liveness check and a
 * fresh {@code LISTEN} after every reconnect; as NOTIFY is at-most-once, every reconnect tells the
 * open rooms to re-read what they show ({@link RoomResync}). Payloads over {@link #MAX_NOTIFY_BYTES}
 * (PostgreSQL refuses 8,000 bytes) go into {@code room_event_overflow}, and the notification carries
 * the row's id.
 * <p>
 * Publishing runs in the caller's transaction when there is one: other nodes then hear of the event
 * when it commits, never of a rolled-back one.
 */
public class PostgresRoomBus implements RoomBus, AutoCloseable {

    static final int MAX_NOTIFY_BYTES = 7_900;
    private static final Duration OVERFLOW_KEPT = Duration.ofMinutes(10);
    private static final int WAIT_MILLIS = 500;
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(3);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PostgresRoomBus.class);

    /** Opens a new connection for listening (not from the pool: it is held for the node's lifetime). */
    @FunctionalInterface
    public interface ListenerConnections {
        Connection open() throws SQLException;
    }

    private final InProcessRoomBus local = new InProcessRoomBus();
    private final RoomEventCodec codec = new RoomEventCodec();
    private final JdbcTemplate jdbc;
    private final ListenerConnections connections;
    private final String nodeId;
    private final String channel;
    private final Timer deliveryLatency;
    private final Counter reconnects;
    private final Counter overflowed;
    private final Thread listener;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection listeningConnection;

    public PostgresRoomBus(DataSource dataSource, ListenerConnections connections, String nodeId, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.connections = connections;
        this.nodeId = nodeId;
        this.channel = channelOf(jdbc.queryForObject("select current_schema()", String.class));
        this.deliveryLatency = Timer.builder("mediscan.room.bus.delivery")
                .description("From publishing a room event on another node to its arrival here")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.reconnects = Counter.builder("mediscan.room.bus.reconnects")
                .description("Times the listening connection was lost and opened again").register(meters);
        this.overflowed = Counter.builder("mediscan.room.bus.overflowed")
                .description("Events too large for a notification, passed through room_event_overflow").register(meters);
        meters.gauge("mediscan.room.bus.listening", this, bus -> bus.isListening() ? 1 : 0);
        listener = Thread.ofPlatform().daemon().name("mediscan-room-bus").start(this::listenUntilClosed);
    }

    /** Waits until the node listens (at start-up), so that nothing published after it is missed. */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && listening;
    }

    /** Whether other nodes' events reach this node now (the readiness check). */
    public boolean isListening() {
        return listening;
    }

    public String channel() {
        return channel;
    }

    @Override
    public AutoCloseable subscribe(long appointmentId, Consumer<RoomEvent> listener) {
        return local.subscribe(appointmentId, listener);
    }

    @Override
    public void publish(RoomEvent event) {
        local.publish(event);
        long sentMicros = epochMicros(Instant.now());
        try {
            String payload = codec.envelope(nodeId, sentMicros, event);
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_NOTIFY_BYTES) {
                Long id = jdbc.queryForObject("insert into room_event_overflow (payload, created_at) values (?, now()) returning id",
                        Long.class, payload);
                payload = codec.overflowReference(nodeId, sentMicros, id);
                overflowed.increment();
            }
            jdbc.query("select pg_notify(?, ?)", resultSet -> null, channel, payload);
        } catch (DataAccessException | JacksonException failure) {
            // The views on this node have it; those on other nodes re-read the room when they reload or their bus reconnects.
            log.warn("A room event of appointment {} did not reach the other nodes: {}", event.appointmentId(), failure.getMessage());
        }
    }

    @Override
    public void publishOnThisNode(RoomEvent event) {
        local.publish(event);
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        Connection connection = listeningConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing is all that is left to do with it.
            }
        }
        try {
            listener.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenUntilClosed() {
        long backoffMillis = 100;
        while (running) {
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                listeningConnection = connection;
                listening = true;
                firstListen.countDown();
                backoffMillis = 100;
                // Whatever other nodes published while nobody here listened is gone: the open rooms re-read.
                local.activeRooms().forEach(room -> local.publish(new RoomResync(room)));
                receiveUntilBroken(connection);
            } catch (SQLException | RuntimeException failure) {
                boolean wasListening = listening;
                listening = false;
                listeningConnection = null;
                if (!running) {
                    break;
                }
                if (wasListening) {
                    reconnects.increment();
                }
                log.warn("Room bus: listening connection lost ({}); reconnecting in {} ms", failure.getMessage(), backoffMillis);
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
        listening = false;
    }

    private void receiveUntilBroken(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long checkedAt = System.nanoTime();
        long prunedAt = 0;
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    receive(connection, notification.getParameter());
                }
            }
            long now = System.nanoTime();
            // A blocking wait does not notice a dead socket; a round trip does.
            if (now - checkedAt > LIVENESS_CHECK.toNanos()) {
                if (!connection.isValid(2)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                checkedAt = now;
            }
            if (now - prunedAt > PRUNE_EVERY.toNanos()) {
                pruneOverflow(connection);
                prunedAt = now;
            }
        }
    }

    private void receive(Connection connection, String payload) throws SQLException {
        RoomEventCodec.Envelope envelope;
        RoomEvent event;
        try {
            envelope = codec.read(payload);
            if (nodeId.equals(envelope.node())) {
                return;
            }
            if (envelope.overflowId() != null) {
                String stored = overflowPayload(connection, envelope.overflowId());
                if (stored == null) {
                    log.warn("Room bus: overflow event {} was pruned before it was read", envelope.overflowId());
                    return;
                }
                envelope = codec.read(stored);
            }
            event = codec.event(envelope);
        } catch (RuntimeException unreadable) {
            log.warn("Room bus: ignored an event it cannot read: {}", unreadable.getMessage());
            return;
        }
        deliveryLatency.record(Duration.of(Math.max(0, epochMicros(Instant.now()) - envelope.sentMicros()), ChronoUnit.MICROS));
        local.publish(event);
    }

    private static String overflowPayload(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select payload from room_event_overflow where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void pruneOverflow(Connection connection) throws SQLException {
        try (PreparedStatement prune = connection.prepareStatement(
                "delete from room_event_overflow where created_at < now() - make_interval(secs => ?)")) {
            prune.setLong(1, OVERFLOW_KEPT.toSeconds());
            prune.executeUpdate();
        }
    }

    /** One channel per schema: test schemas, or two clinics in one database, do not hear each other. */
    static String channelOf(String schema) {
        String name = "mediscan_rooms_" + schema.toLowerCase().replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            running = false;
        }
    }
}
