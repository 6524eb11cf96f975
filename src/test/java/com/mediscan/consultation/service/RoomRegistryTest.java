package com.mediscan.consultation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.consultation.service.RoomRegistry.RelayOutcome;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.TestAppointments;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The relay: only between the room's two participants, only from their current windows, bounded. */
@MediScanSpringTest
class RoomRegistryTest {

    @Autowired
    RoomRegistry rooms;
    @Autowired
    RoomBus bus;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    ApplicationContext context;

    private Appointment appointment;
    private final List<RoomEvent> published = new CopyOnWriteArrayList<>();
    private AutoCloseable listening;

    @BeforeEach
    void openRoom() {
        appointment = TestAppointments.checkedInNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        listening = bus.subscribe(appointment.getId(), published::add);
    }

    @AfterEach
    void closeRoom() throws Exception {
        listening.close();
    }

    private long account(String email) {
        return accounts.findByEmail(email).orElseThrow().getId();
    }

    private List<CallSignal> signals() {
        return published.stream().filter(CallSignal.class::isInstance).map(CallSignal.class::cast).toList();
    }

    @Test
    void participantsSeeEachOtherAndPresenceIsAnnounced() {
        Seat doctor = rooms.enter(appointment, account(DemoUsers.RAJESH));
        assertThat(rooms.peerOf(doctor)).isEmpty();
        Seat patient = rooms.enter(appointment, account(DemoUsers.KRIYA));

        assertThat(rooms.peerOf(doctor)).hasValueSatisfying(peer -> assertThat(peer.seat()).isEqualTo(patient));
        assertThat(rooms.peerOf(patient)).hasValueSatisfying(peer -> assertThat(peer.seat()).isEqualTo(doctor));
        assertThat(published).filteredOn(PresenceChanged.class::isInstance).hasSize(2);

        rooms.leave(patient);
        assertThat(rooms.peerOf(doctor)).isEmpty();
        assertThat(published).filteredOn(PresenceChanged.class::isInstance).hasSize(3);
    }

    @Test
    void nobodyElseGetsASeat() {
        assertThatThrownBy(() -> rooms.enter(appointment, account(DemoUsers.SNEHA))).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> rooms.enter(appointment, account(DemoUsers.ARJUN))).isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(published).isEmpty();
    }

    @Test
    void signalsGoOnlyToTheOtherParticipantsCurrentWindow() {
        Seat doctor = rooms.enter(appointment, account(DemoUsers.RAJESH));
        Seat patient = rooms.enter(appointment, account(DemoUsers.KRIYA));

        assertThat(rooms.relay(doctor, "{\"description\":{}}")).isEqualTo(RelayOutcome.RELAYED);
        assertThat(signals()).singleElement().satisfies(signal -> {
            assertThat(signal.senderSeatId()).isEqualTo(doctor.id());
            assertThat(signal.recipientSeatId()).isEqualTo(patient.id());
            assertThat(signal.payload()).isEqualTo("{\"description\":{}}");
        });

        Seat patientsSecondWindow = rooms.enter(appointment, account(DemoUsers.KRIYA));
        assertThat(rooms.relay(patient, "{}")).isEqualTo(RelayOutcome.NOT_IN_ROOM);
        assertThat(rooms.relay(doctor, "{\"candidate\":{}}")).isEqualTo(RelayOutcome.RELAYED);
        assertThat(signals()).last().satisfies(signal -> assertThat(signal.recipientSeatId()).isEqualTo(patientsSecondWindow.id()));
    }

    @Test
    void anOutsiderCannotRelayIntoTheRoom() {
        Seat doctor = rooms.enter(appointment, account(DemoUsers.RAJESH));
        rooms.enter(appointment, account(DemoUsers.KRIYA));
        Seat forged = new Seat(appointment.getId(), account(DemoUsers.ARJUN), doctor.id());
        Seat guessed = new Seat(appointment.getId(), account(DemoUsers.RAJESH), "guessed-window");

        assertThat(rooms.relay(forged, "{}")).isEqualTo(RelayOutcome.NOT_IN_ROOM);
        assertThat(rooms.relay(guessed, "{}")).isEqualTo(RelayOutcome.NOT_IN_ROOM);
        assertThat(signals()).isEmpty();
    }

    @Test
    void aWindowThatWasTakenOverLeavesTheCurrentOneSeated() {
        Seat first = rooms.enter(appointment, account(DemoUsers.KRIYA));
        Seat second = rooms.enter(appointment, account(DemoUsers.KRIYA));
        assertThat(rooms.isCurrent(first)).isFalse();

        rooms.leave(first);
        assertThat(rooms.isCurrent(second)).isTrue();
    }

    @Test
    void withoutAnotherParticipantNothingIsRelayed() {
        Seat doctor = rooms.enter(appointment, account(DemoUsers.RAJESH));
        assertThat(rooms.relay(doctor, "{}")).isEqualTo(RelayOutcome.NOBODY_TO_RECEIVE);
        assertThat(signals()).isEmpty();
    }

    @Test
    void oversizedSignalsAreDropped() {
        Seat doctor = rooms.enter(appointment, account(DemoUsers.RAJESH));
        rooms.enter(appointment, account(DemoUsers.KRIYA));

        assertThat(rooms.relay(doctor, "x".repeat(RoomRegistry.MAX_SIGNAL_CHARS + 1))).isEqualTo(RelayOutcome.TOO_LARGE);
        assertThat(signals()).isEmpty();
        assertThat(rooms.relay(doctor, "x".repeat(RoomRegistry.MAX_SIGNAL_CHARS))).isEqualTo(RelayOutcome.RELAYED);
    }

    @Test
    void aFloodIsCutOffAfterTheBurst() {
        Seat doctor = rooms.enter(appointment, account(DemoUsers.RAJESH));
        rooms.enter(appointment, account(DemoUsers.KRIYA));
        int sent = RoomRegistry.SIGNAL_BURST * 3;

        List<RelayOutcome> outcomes = java.util.stream.IntStream.range(0, sent).mapToObj(i -> rooms.relay(doctor, "{}")).toList();

        assertThat(outcomes.subList(0, RoomRegistry.SIGNAL_BURST)).containsOnly(RelayOutcome.RELAYED);
        assertThat(outcomes).contains(RelayOutcome.RATE_LIMITED);
        assertThat(signals()).hasSizeLessThan(sent);
    }
}
