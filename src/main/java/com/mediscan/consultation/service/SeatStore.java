package com.mediscan.consultation.service;

import com.mediscan.consultation.service.RoomRegistry.Occupant;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import java.time.Instant;
import java.util.List;

/**
 * Who sits in which room: in this node's memory on one node, a shared table when several nodes
 * share one PostgreSQL. One seat per participant and room; a newer window replaces it.
 */
public interface SeatStore {

    /** Seats the window, replacing a seat the same participant held in another window (on any node), who keeps their arrival time. */
    void seat(Seat seat, Instant now);

    /** Frees the seat if it is still the participant's current one; true when it was. */
    boolean unseat(Seat seat);

    /** The room's current occupants (at most its doctor and its patient). */
    List<Occupant> occupants(long appointmentId);

    /** Seats taken in all rooms (of every node sharing the store), for the metrics. */
    int seatCount();

    /** Rooms with someone in them, for the metrics. */
    int roomCount();
}
