package com.mediscan.consultation.service;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.NotFoundOrDeniedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
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
 * the seat over, also on another node. Seats live in the {@link SeatStore} (shared when several
 * nodes share one PostgreSQL). Signals are bounded in size and rate, relayed only to the other
 * participant's current seat, and never stored.
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

    private final SeatStore seats;
    private final RoomBus bus;
    private final Clock clock;
    private final RoomAdmission admission;
    /** Rate limits of the windows this node serves: a window's signals always pass through its own node. */
    private final ConcurrentMap<String, SignalAllowance> allowances = new ConcurrentHashMap<>();
    private final Map<RelayOutcome, Counter> relayed = new EnumMap<>(RelayOutcome.class);
    private final Counter entered;

    public RoomRegistry(SeatStore seats, RoomBus bus, Clock clock, RoomAdmission admission, MeterRegistry meters) {
        this.seats = seats;
        this.bus = bus;
        this.clock = clock;
        this.admission = admission;
        for (RelayOutcome outcome : RelayOutcome.values()) {
            relayed.put(outcome, Counter.builder("mediscan.room.signals").description("Call signals handed to the relay, by outcome")
                    .tag("outcome", outcome.name().toLowerCase()).register(meters));
        }
        entered = Counter.builder("mediscan.room.entries").description("Windows seated in a consultation room (joins, reloads, takeovers)")
                .register(meters);
        meters.gauge("mediscan.room.seats", seats, SeatStore::seatCount);
        meters.gauge("mediscan.rooms.live", seats, SeatStore::roomCount);
        meters.gauge("mediscan.room.node.windows", allowances, Map::size);
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
        allowances.put(seat.id(), new SignalAllowance(SIGNAL_BURST, SIGNALS_PER_SECOND, now));
        seats.seat(seat, now);
        entered.increment();
        bus.publish(new PresenceChanged(seat.appointmentId(), accountId));
        return seat;
    }

    /** Frees the seat if it is still the account's current one; a window that was taken over changes nothing. */
    public void leave(Seat seat) {
        allowances.remove(seat.id());
        if (seats.unseat(seat)) {
            bus.publish(new PresenceChanged(seat.appointmentId(), seat.accountId()));
        }
    }

    public boolean isCurrent(Seat seat) {
        return isCurrent(seat, seats.occupants(seat.appointmentId()));
    }

    /** Since when the account is in the appointment's room, if it is (the doctor's queue asks this of patients). */
    public Optional<Instant> presentSince(long appointmentId, long accountId) {
        return seats.occupants(appointmentId).stream().filter(occupant -> occupant.seat().accountId() == accountId)
                .findFirst().map(Occupant::presentSince);
    }

    /** The other participant, when they are in the room. */
    public Optional<Occupant> peerOf(Seat seat) {
        return peerIn(seats.occupants(seat.appointmentId()), seat.accountId());
    }

    /** Passes a signal from a current seat to the other participant's current seat, within the limits. */
    public RelayOutcome relay(Seat from, String payload) {
        RelayOutcome outcome = tryRelay(from, payload);
        relayed.get(outcome).increment();
        return outcome;
    }

    private RelayOutcome tryRelay(Seat from, String payload) {
        if (payload == null || payload.length() > MAX_SIGNAL_CHARS) {
            log.warn("Dropped a signal of {} characters in room {}", payload == null ? 0 : payload.length(), from.appointmentId());
            return RelayOutcome.TOO_LARGE;
        }
        List<Occupant> occupants = seats.occupants(from.appointmentId());
        SignalAllowance allowance = allowances.get(from.id());
        if (allowance == null || !isCurrent(from, occupants)) {
            return RelayOutcome.NOT_IN_ROOM;
        }
        Instant now = clock.instant();
        boolean allowed;
        synchronized (allowance) {
            allowed = allowance.tryTake(now);
        }
        if (!allowed) {
            log.warn("Dropped a signal over the rate limit in room {}", from.appointmentId());
            return RelayOutcome.RATE_LIMITED;
        }
        Optional<Occupant> recipient = peerIn(occupants, from.accountId());
        if (recipient.isEmpty()) {
            return RelayOutcome.NOBODY_TO_RECEIVE;
        }
        String recipientSeat = recipient.get().seat().id();
        CallSignal signal = new CallSignal(from.appointmentId(), from.accountId(), from.id(), recipientSeat, payload);
        if (allowances.containsKey(recipientSeat)) {
            bus.publishOnThisNode(signal); // the recipient's window is served here: no NOTIFY, no echo to decode
        } else {
            bus.publish(signal);
        }
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

    private static boolean isCurrent(Seat seat, List<Occupant> occupants) {
        return occupants.stream().anyMatch(occupant -> occupant.seat().equals(seat));
    }

    private static Optional<Occupant> peerIn(List<Occupant> occupants, long accountId) {
        return occupants.stream().filter(occupant -> occupant.seat().accountId() != accountId).findFirst();
    }
}
