package com.mediscan.consultation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The page's state machine, phase by phase, for every way of reaching the page. */
class CallStateTest {

    private static final Instant ARRIVED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-12-01T09:01:00Z");

    @Test
    void aFirstEntryChecksWaitsConnectsAndEnds() {
        CallState state = CallState.entering(false, null);
        assertThat(state.phase()).isEqualTo(CallPhase.CHECKING);
        assertThat(state.peerIs(null, null)).isFalse();
        assertThat(state.phase()).as("presence before joining changes nothing").isEqualTo(CallPhase.CHECKING);

        assertThat(state.join()).isTrue();
        assertThat(state.phase()).isEqualTo(CallPhase.WAITING);
        assertThat(state.join()).as("a second Join now").isFalse();

        assertThat(state.peerIs("patient-1", ARRIVED)).isTrue();
        assertThat(state.phase()).isEqualTo(CallPhase.CONNECTING);
        state.connection(true);
        assertThat(state.phase()).isEqualTo(CallPhase.CONNECTED);
        state.callStarted(STARTED);

        state.connection(false);
        assertThat(state.phase()).isEqualTo(CallPhase.RECONNECTING);
        state.connection(true);
        state.ended();
        assertThat(state.phase()).isEqualTo(CallPhase.ENDED);
        assertThat(state.join()).isFalse();
    }

    @Test
    void aRunningCallIsEnteredWithoutTheCheck() {
        // Reload, a new browser, a server restart: the call's start is recorded and it is not over.
        CallState state = CallState.entering(true, STARTED);
        assertThat(state.phase()).isEqualTo(CallPhase.WAITING);
        assertThat(state.join()).as("Join now has nothing left to do").isFalse();

        state.peerIs("doctor-2", ARRIVED);
        assertThat(state.phase()).isEqualTo(CallPhase.RECONNECTING);
        state.connection(true);
        assertThat(state.phase()).isEqualTo(CallPhase.CONNECTED);
    }

    @Test
    void aCallInProgressWhoseStartIsNotRecordedStillChecksFirst() {
        assertThat(CallState.entering(true, null).phase()).isEqualTo(CallPhase.CHECKING);
    }

    @Test
    void thePeerInANewWindowNeedsANewConnection() {
        CallState state = CallState.entering(true, STARTED);
        state.peerIs("patient-1", ARRIVED);
        state.connection(true);

        assertThat(state.peerIs("patient-1", ARRIVED)).as("same window").isFalse();
        assertThat(state.phase()).isEqualTo(CallPhase.CONNECTED);
        assertThat(state.peerIs("patient-2", ARRIVED)).isTrue();
        assertThat(state.phase()).isEqualTo(CallPhase.RECONNECTING);

        assertThat(state.peerIs(null, null)).isTrue();
        assertThat(state.phase()).isEqualTo(CallPhase.WAITING);
        state.connection(true);
        assertThat(state.phase()).as("no peer, no connection").isEqualTo(CallPhase.WAITING);
    }

    @Test
    void aNewerWindowTakesOverFromAnyPhase() {
        CallState checking = CallState.entering(false, null);
        checking.takenOver();
        assertThat(checking.phase()).isEqualTo(CallPhase.TAKEN_OVER);

        CallState connected = CallState.entering(true, STARTED);
        connected.peerIs("doctor-1", ARRIVED);
        connected.connection(true);
        connected.takenOver();
        assertThat(connected.phase()).isEqualTo(CallPhase.TAKEN_OVER);
        assertThat(connected.phase().isOver()).isTrue();
        assertThat(connected.phase().inRoom()).isFalse();
    }
}
