package com.mediscan.consultation.service.cluster;

import com.mediscan.consultation.service.RoomRegistry.Occupant;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.consultation.service.SeatStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seats in the shared table {@code room_seat}, tagged with the node that serves the window, so
 * that any node sees who is in a room and the survivors can release a dead node's seats
 * ({@link NodeLeases}).
 */
public class SharedSeatStore implements SeatStore {

    private final JdbcTemplate jdbc;
    private final String nodeId;

    public SharedSeatStore(JdbcTemplate jdbc, String nodeId) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
    }

    @Override
    public void seat(Seat seat, Instant now) {
        // A newer window replaces the row, whichever node served the old one; the arrival time stays.
        jdbc.update("""
                insert into room_seat (appointment_id, account_id, seat_id, node_id, present_since) values (?, ?, ?, ?, ?)
                on conflict (appointment_id, account_id) do update set seat_id = excluded.seat_id, node_id = excluded.node_id""",
                seat.appointmentId(), seat.accountId(), seat.id(), nodeId, Timestamp.from(now));
    }

    @Override
    public boolean unseat(Seat seat) {
        return jdbc.update("delete from room_seat where appointment_id = ? and account_id = ? and seat_id = ?",
                seat.appointmentId(), seat.accountId(), seat.id()) > 0;
    }

    @Override
    public List<Occupant> occupants(long appointmentId) {
        return jdbc.query("select account_id, seat_id, present_since from room_seat where appointment_id = ?",
                (row, index) -> new Occupant(new Seat(appointmentId, row.getLong(1), row.getString(2)),
                        row.getTimestamp(3).toInstant()),
                appointmentId);
    }

    @Override
    public int seatCount() {
        return jdbc.queryForObject("select count(*) from room_seat", Integer.class);
    }

    @Override
    public int roomCount() {
        return jdbc.queryForObject("select count(distinct appointment_id) from room_seat", Integer.class);
    }
}
