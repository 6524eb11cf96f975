package com.mediscan.consultation.service;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.NotFoundOrDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is in which consultation room, which window ("seat") is the current one for each
 * participant, and the signal relay between the two participants of a room. Only a window that
 * entered through a checked appointment holds a seat; a newer window of the same person takes
 * the seat over. Signals are bounded in size and rate, relayed only to the other participant's
 * current seat, and never stored.
 */
@Component
public class RoomRegistry {

    /** Largest signal passed on, in characters: an SDP offer with audio and video is about 6 000. */
    public static final int MAX_SIGNAL_CHARS = 32 * 1024;
    /** Signals a window may send at once, and then per second. */
    public static final int SIGNAL_BURST = 60;
    public static final int SIGNALS_PER_SECOND = 10;

    private static final Logger log = LoggerFactory.getLogger(RoomRegistry.class);

    /** One window of one participant in one room. */
    public record Seat(long appointmentId, long accountId, String id) {
    }

    /** A participant who is in the room, in the window {@code seat}, since {@code presentSince}. */
    public record Occupant(Seat seat, Instant presentSince) {
    }

    public enum RelayOutcome { RELAYED, TOO_LARGE, RATE_LIMITED, NOT_IN_ROOM, NOBODY_TO_RECEIVE }

    private final ConcurrentMap<Long, Room> rooms = new ConcurrentHashMap<>();
    private final RoomBus bus;
    private final Clock clock;
    private final RoomAdmission admission;

    public RoomRegistry(RoomBus bus, Clock clock, RoomAdmission admission) {
        this.bus = bus;
        this.clock = clock;
        this.admission = admission;
    }

    /**
     * Seats the account in the appointment's room (the appointment comes from a checked
     * {@code openConsultation}); a seat the same account held in another window is taken over.
     * {@link RoomAdmission} refuses a patient who has not checked in.
     */
    public Seat enter(Appointment appointment, long accountId) {
        if (!appointment.involves(accountId)) {
            throw new NotFoundOrDeniedException();
        }
        admission.requireAdmitted(appointment, accountId);
        Seat seat = new Seat(appointment.getId(), accountId, UUID.randomUUID().toString());
        Instant now = clock.instant();
        rooms.compute(appointment.getId(), (id, room) -> {
            Room seated = room != null ? room
                    : new Room(appointment.getDoctor().getAccount().getId(), appointment.getPatient().getAccount().getId());
            seated.seat(seat, now);
            return seated;
        });
        bus.publish(new PresenceChanged(seat.appointmentId(), accountId));
        return seat;
    }

    /** Frees the seat if it is still the account's current one; a window that was taken over changes nothing. */
    public void leave(Seat seat) {
        boolean[] left = {false};
        rooms.computeIfPresent(seat.appointmentId(), (id, room) -> {
            left[0] = room.unseat(seat);
            return room.isEmpty() ? null : room;
        });
        if (left[0]) {
            bus.publish(new PresenceChanged(seat.appointmentId(), seat.accountId()));
        }
    }

    public boolean isCurrent(Seat seat) {
        Room room = rooms.get(seat.appointmentId());
        return room != null && room.isCurrent(seat);
    }

    /** Since when the account is in the appointment's room, if it is (the doctor's queue asks this of patients). */
    public Optional<Instant> presentSince(long appointmentId, long accountId) {
        Room room = rooms.get(appointmentId);
        return room == null ? Optional.empty() : Optional.ofNullable(room.occupantOf(accountId)).map(Occupant::presentSince);
    }

    /** The other participant, when they are in the room. */
    public Optional<Occupant> peerOf(Seat seat) {
        Room room = rooms.get(seat.appointmentId());
        return room == null ? Optional.empty() : Optional.ofNullable(room.otherThan(seat.accountId()));
    }

    /** Passes a signal from a current seat to the other participant's current seat, within the limits. */
    public RelayOutcome relay(Seat from, String payload) {
        if (payload == null || payload.length() > MAX_SIGNAL_CHARS) {
            log.warn("Dropped a signal of {} characters in room {}", payload == null ? 0 : payload.length(), from.appointmentId());
            return RelayOutcome.TOO_LARGE;
        }
        Room room = rooms.get(from.appointmentId());
        if (room == null) {
            return RelayOutcome.NOT_IN_ROOM;
        }
        Instant now = clock.instant();
        Occupant recipient;
        synchronized (room) {
            if (!room.isCurrent(from)) {
                return RelayOutcome.NOT_IN_ROOM;
            }
            if (!room.allowanceOf(from, now).tryTake(now)) {
                log.warn("Dropped a signal over the rate limit in room {}", from.appointmentId());
                return RelayOutcome.RATE_LIMITED;
            }
            recipient = room.otherThan(from.accountId());
        }
        if (recipient == null) {
            return RelayOutcome.NOBODY_TO_RECEIVE;
        }
        bus.publish(new CallSignal(from.appointmentId(), from.accountId(), from.id(), recipient.seat().id(), payload));
        return RelayOutcome.RELAYED;
    }

    /** Tells the room that the call's start was recorded; only a current seat may. */
    public void announceCallStarted(Seat from, Instant startedAt) {
        if (isCurrent(from)) {
            bus.publish(new CallStarted(from.appointmentId(), from.accountId(), startedAt));
        }
    }

    /** Tells the room that this participant ended the call; only a current seat may. */
    public void announceCallEnded(Seat from, Instant startedAt, Instant endedAt, boolean completed) {
        if (isCurrent(from)) {
            bus.publish(new CallEnded(from.appointmentId(), from.accountId(), startedAt, endedAt, completed));
        }
    }

    private static final class Room {

        private final long doctorAccountId;
        private final long patientAccountId;
        private final Map<Long, Occupant> occupants = new HashMap<>();
        private final Map<String, SignalAllowance> allowances = new HashMap<>();

        Room(long doctorAccountId, long patientAccountId) {
            this.doctorAccountId = doctorAccountId;
            this.patientAccountId = patientAccountId;
        }

        synchronized void seat(Seat seat, Instant now) {
            Occupant previous = occupants.get(seat.accountId());
            if (previous != null) {
                allowances.remove(previous.seat().id());
            }
            // A person who moves to another window has not just arrived: keep when they came.
            occupants.put(seat.accountId(), new Occupant(seat, previous == null ? now : previous.presentSince()));
        }

        synchronized boolean unseat(Seat seat) {
            if (!isCurrent(seat)) {
                return false;
            }
            occupants.remove(seat.accountId());
            allowances.remove(seat.id());
            return true;
        }

        synchronized boolean isCurrent(Seat seat) {
            Occupant occupant = occupants.get(seat.accountId());
            return occupant != null && occupant.seat().equals(seat);
        }

        synchronized Occupant occupantOf(long accountId) {
            return occupants.get(accountId);
        }

        synchronized Occupant otherThan(long accountId) {
            if (accountId == doctorAccountId) {
                return occupants.get(patientAccountId);
            }
            if (accountId == patientAccountId) {
                return occupants.get(doctorAccountId);
            }
            return null;
        }

        synchronized SignalAllowance allowanceOf(Seat seat, Instant now) {
            return allowances.computeIfAbsent(seat.id(), id -> new SignalAllowance(SIGNAL_BURST, SIGNALS_PER_SECOND, now));
        }

        synchronized boolean isEmpty() {
            return occupants.isEmpty();
        }
    }
}
