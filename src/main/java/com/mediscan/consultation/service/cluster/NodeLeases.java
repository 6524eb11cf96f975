package com.mediscan.consultation.service.cluster;

import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.SeatLost;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each node renews its row in {@code cluster_node} every heartbeat; a node whose row is older
 * than the lease is taken for dead, and whichever survivor sweeps first releases its seats and
 * tells the rooms ({@link SeatLost}). A node that stops cleanly releases its own seats. Times are
 * the database's, so the nodes' clocks need not agree.
 */
public class NodeLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeLeases.class);

    private record ReleasedSeat(long appointmentId, long accountId) {
    }

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final RoomBus bus;
    private final Duration lease;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("mediscan-node-lease").factory());

    public NodeLeases(JdbcTemplate jdbc, String nodeId, RoomBus bus, Duration heartbeat, Duration lease) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.bus = bus;
        this.lease = lease;
        // Seats under this node's name are from its previous life (it crashed and came back before a sweep).
        releaseOwnSeats();
        renew();
        ticker.scheduleWithFixedDelay(this::renewAndSweep, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Releases the seats of nodes whose lease ran out; returns how many. */
    int sweep() {
        List<ReleasedSeat> released = jdbc.query("""
                delete from room_seat s where not exists (
                    select 1 from cluster_node n where n.node_id = s.node_id and n.heartbeat_at >= now() - make_interval(secs => ?))
                returning s.appointment_id, s.account_id""",
                (row, index) -> new ReleasedSeat(row.getLong(1), row.getLong(2)), lease.toMillis() / 1000.0);
        jdbc.update("delete from cluster_node where heartbeat_at < now() - make_interval(secs => ?)", lease.toMillis() / 1000.0);
        if (!released.isEmpty()) {
            log.info("Released {} seat(s) of nodes that stopped renewing their lease", released.size());
        }
        released.forEach(seat -> bus.publish(new SeatLost(seat.appointmentId(), seat.accountId())));
        return released.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            releaseOwnSeats();
            jdbc.update("delete from cluster_node where node_id = ?", nodeId);
        } catch (DataAccessException failure) {
            log.warn("Could not release this node's seats on shutdown; the other nodes will: {}", failure.getMessage());
        }
    }

    private void releaseOwnSeats() {
        jdbc.query("delete from room_seat where node_id = ? returning appointment_id, account_id",
                        (row, index) -> new ReleasedSeat(row.getLong(1), row.getLong(2)), nodeId)
                .forEach(seat -> bus.publish(new SeatLost(seat.appointmentId(), seat.accountId())));
    }

    private void renew() {
        jdbc.update("""
                insert into cluster_node (node_id, started_at, heartbeat_at) values (?, now(), now())
                on conflict (node_id) do update set heartbeat_at = now()""", nodeId);
    }

    private void renewAndSweep() {
        try {
            renew();
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Node lease renewal failed: {}", failure.getMessage());
        }
    }
}
