package com.mediscan.consultation.service;

import com.mediscan.consultation.service.RoomRegistry.Occupant;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.consultation.service.cluster.ClusterMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Seats in this node's memory: the store of a single node (H2). */
@Component
@Conditional(ClusterMode.SingleNode.class)
public class InMemorySeatStore implements SeatStore {

    private final Map<Long, Map<Long, Occupant>> rooms = new HashMap<>();

    @Override
    public synchronized void seat(Seat seat, Instant now) {
        Map<Long, Occupant> occupants = rooms.computeIfAbsent(seat.appointmentId(), id -> new HashMap<>());
        Occupant previous = occupants.get(seat.accountId());
        // A person who moves to another window has not just arrived: keep when they came.
        occupants.put(seat.accountId(), new Occupant(seat, previous == null ? now : previous.presentSince()));
    }

    @Override
    public synchronized boolean unseat(Seat seat) {
        Map<Long, Occupant> occupants = rooms.get(seat.appointmentId());
        Occupant current = occupants == null ? null : occupants.get(seat.accountId());
        if (current == null || !current.seat().equals(seat)) {
            return false;
        }
        occupants.remove(seat.accountId());
        if (occupants.isEmpty()) {
            rooms.remove(seat.appointmentId());
        }
        return true;
    }

    @Override
    public synchronized List<Occupant> occupants(long appointmentId) {
        Map<Long, Occupant> occupants = rooms.get(appointmentId);
        return occupants == null ? List.of() : List.copyOf(occupants.values());
    }

    @Override
    public synchronized int seatCount() {
        return rooms.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public synchronized int roomCount() {
        return rooms.size();
    }
}
