package com.mediscan.consultation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the waiting room says in each phase, for the doctor and for the patient. */
class WaitingRoomTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:10:00Z");

    @Test
    void theDoctorSeesWhoIsAwaitedAndForHowLong() {
        WaitingRoom room = new WaitingRoom(true, "Kriya Mehta");
        CallState state = CallState.entering(false, null);
        room.show(state.phase(), state, NOW);
        assertThat(room.isVisible()).as("hidden during the check").isFalse();

        state.join();
        room.show(state.phase(), state, NOW);
        assertThat(room.isVisible()).isTrue();
        assertThat(room.title.getText()).isEqualTo("Waiting for Kriya Mehta");
        assertThat(room.detail.getText()).isEqualTo("Kriya Mehta has not joined yet.");

        state.peerIs("patient", NOW.minus(Duration.ofMinutes(3)));
        room.show(state.phase(), state, NOW);
        assertThat(room.title.getText()).isEqualTo("Kriya Mehta is waiting");
        assertThat(room.detail.getText()).isEqualTo("Waiting for 3 minutes · Connecting…");
        assertThat(room.hasClassName("peer-present")).isTrue();
        room.tick(state.phase(), state, NOW.plus(Duration.ofMinutes(1)));
        assertThat(room.detail.getText()).isEqualTo("Waiting for 4 minutes · Connecting…");

        state.connection(true);
        room.show(state.phase(), state, NOW);
        assertThat(room.isVisible()).isFalse();
    }

    @Test
    void onlyTheDoctorsCountOfWaitedMinutesIsDueLaterAndOnlyOnTheMinute() {
        WaitingRoom doctorsRoom = new WaitingRoom(true, "Kriya Mehta");
        CallState state = CallState.entering(false, null);
        state.join();
        assertThat(doctorsRoom.nextChange(state.phase(), state, NOW)).as("nobody to wait for yet").isEmpty();

        Instant arrived = NOW.minus(Duration.ofMinutes(3)).minusSeconds(20);
        state.peerIs("patient", arrived);
        assertThat(doctorsRoom.nextChange(state.phase(), state, NOW)).contains(arrived.plus(Duration.ofMinutes(4)));
        assertThat(new WaitingRoom(false, "Dr. Rajesh Patel").nextChange(state.phase(), state, NOW))
                .as("the patient's card names no time").isEmpty();

        state.connection(true);
        assertThat(doctorsRoom.nextChange(state.phase(), state, NOW)).isEmpty();
        state.connection(false);
        state.callStarted(NOW);
        assertThat(doctorsRoom.nextChange(state.phase(), state, NOW)).as("reconnecting names no time").isEmpty();
    }

    @Test
    void thePatientSeesTheDoctorLeaveAndComeBack() {
        WaitingRoom room = new WaitingRoom(false, "Dr. Rajesh Patel");
        CallState state = CallState.entering(true, NOW.minus(Duration.ofMinutes(5)));
        room.show(state.phase(), state, NOW);
        assertThat(room.title.getText()).isEqualTo("Dr. Rajesh Patel left the call");
        assertThat(room.detail.getText()).isEqualTo("Waiting for them to rejoin…");

        state.peerIs("doctor", NOW);
        room.show(state.phase(), state, NOW);
        assertThat(room.title.getText()).isEqualTo("Reconnecting to Dr. Rajesh Patel");
        assertThat(room.detail.getText()).isEqualTo("Connecting…");
    }

    @Test
    void thePatientIsToldWhenTheDoctorsNodeWasLostUntilTheDoctorIsBack() {
        WaitingRoom room = new WaitingRoom(false, "Dr. Rajesh Patel");
        CallState state = CallState.entering(true, NOW.minus(Duration.ofMinutes(5)));
        state.peerIs("doctor", NOW);
        state.connection(true);

        state.peerIs(null, null);
        state.peerConnectionLost();
        room.show(state.phase(), state, NOW);
        assertThat(room.title.getText()).isEqualTo("The doctor's connection was lost");
        assertThat(room.detail.getText()).isEqualTo("Waiting for Dr. Rajesh Patel to come back…");

        state.peerIs("doctor-through-another-node", NOW);
        room.show(state.phase(), state, NOW);
        assertThat(room.title.getText()).isEqualTo("Reconnecting to Dr. Rajesh Patel");
        state.peerIs(null, null);
        room.show(state.phase(), state, NOW);
        assertThat(room.title.getText()).as("a later, ordinary leave").isEqualTo("Dr. Rajesh Patel left the call");
    }

    @Test
    void aMediaProblemStaysReadableWhileConnected() {
        WaitingRoom room = new WaitingRoom(false, "Dr. Rajesh Patel");
        CallState state = CallState.entering(true, NOW);
        state.peerIs("doctor", NOW);
        state.connection(true);
        room.showMediaProblem("Your camera is not available: no camera or microphone was found.");
        room.show(state.phase(), state, NOW);
        assertThat(room.isVisible()).isTrue();
        assertThat(room.mediaProblem.getText()).contains("no camera");
    }

    @Test
    void waitedTimeReadsPlainly() {
        assertThat(WaitingRoom.formatWaited(Duration.ofSeconds(59))).isEqualTo("less than a minute");
        assertThat(WaitingRoom.formatWaited(Duration.ofSeconds(61))).isEqualTo("1 minute");
        assertThat(WaitingRoom.formatWaited(Duration.ofMinutes(12))).isEqualTo("12 minutes");
    }
}
