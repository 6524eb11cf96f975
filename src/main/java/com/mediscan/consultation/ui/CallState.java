package com.mediscan.consultation.ui;

import java.time.Instant;
import java.util.Objects;

/**
 * The state machine of one participant's consultation page. It holds the facts (joined, the
 * other participant's presence, the peer connection, the recorded call start, ended, taken over)
 * and derives the {@link CallPhase} from them, so every way of reaching the page (first entry,
 * reload, a new browser, a second window, a server restart) ends in the same phase for the same
 * facts:
 * <pre>
 *   CHECKING_IN ──checked in──▶ CHECKING ──join──▶ WAITING ──peer here──▶ CONNECTING ──connected──▶ CONNECTED
 *                         ▲                        │                       │ connection lost / peer left
 *                         └────── peer left ───────┴──── RECONNECTING ◀────┘
 *   any phase ──ended──▶ ENDED          any phase ──newer window──▶ TAKEN_OVER
 * </pre>
 * A call that is already running (its start recorded, not completed) skips the check: the page
 * enters the room at once, as after a reload, and the check is never shown over it. A patient
 * who has not checked in for the appointment starts at CHECKING_IN ({@link #checkInFirst}), and
 * returns there when the room refuses them ({@link #refusedEntry}).
 */
final class CallState {

    private boolean joined;
    private boolean checkingIn;
    private boolean ended;
    private boolean takenOver;
    private boolean connected;
    private String peerSeatId;
    private Instant peerPresentSince;
    private Instant callStartedAt;
    /** The peer's node stopped and their seat was released: they did not leave, their connection was lost. */
    private boolean peerConnectionLost;

    private CallState(boolean joined, Instant callStartedAt) {
        this.joined = joined;
        this.callStartedAt = callStartedAt;
    }

    /** A page opened on an appointment whose call started at {@code callStartedAt} (null: not yet). */
    static CallState entering(boolean callRunning, Instant callStartedAt) {
        return new CallState(callRunning && callStartedAt != null, callStartedAt);
    }

    CallPhase phase() {
        if (takenOver) {
            return CallPhase.TAKEN_OVER;
        }
        if (ended) {
            return CallPhase.ENDED;
        }
        if (!joined) {
            return checkingIn ? CallPhase.CHECKING_IN : CallPhase.CHECKING;
        }
        if (connected) {
            return CallPhase.CONNECTED;
        }
        if (peerPresentSince == null) {
            return CallPhase.WAITING;
        }
        return callStartedAt != null ? CallPhase.RECONNECTING : CallPhase.CONNECTING;
    }

    /** The patient has still to check in; the check before joining comes after it. */
    void checkInFirst() {
        if (!joined) {
            checkingIn = true;
        }
    }

    void checkedIn() {
        checkingIn = false;
    }

    /** The room refused the patient (their check-in is not complete any more): back to checking in. */
    void refusedEntry() {
        joined = false;
        checkingIn = true;
    }

    /** The person confirmed the check; true if that took them into the room now. */
    boolean join() {
        if (phase() != CallPhase.CHECKING) {
            return false;
        }
        joined = true;
        return true;
    }

    /**
     * Who is in the other seat now (null: nobody). True when that is another window than before,
     * which needs a new peer connection; the old one no longer counts as connected.
     */
    boolean peerIs(String seatId, Instant presentSince) {
        peerPresentSince = seatId == null ? null : presentSince;
        peerConnectionLost &= seatId == null;
        if (Objects.equals(seatId, peerSeatId)) {
            return false;
        }
        peerSeatId = seatId;
        connected = false;
        return true;
    }

    void connection(boolean nowConnected) {
        connected = nowConnected && peerSeatId != null;
    }

    /** The node serving the peer's window stopped; they are expected back (their page reloads through another node). */
    void peerConnectionLost() {
        peerConnectionLost = true;
    }

    boolean isPeerConnectionLost() {
        return peerConnectionLost && peerPresentSince == null;
    }

    void callStarted(Instant startedAt) {
        callStartedAt = startedAt;
    }

    void ended() {
        ended = true;
        connected = false;
    }

    void takenOver() {
        takenOver = true;
        connected = false;
    }

    Instant callStartedAt() {
        return callStartedAt;
    }

    Instant peerPresentSince() {
        return peerPresentSince;
    }
}
