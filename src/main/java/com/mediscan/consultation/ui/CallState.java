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
 *   CHECKING ──join──▶ WAITING ──peer here──▶ CONNECTING ──connected──▶ CONNECTED
 *                         ▲                        │                       │ connection lost / peer left
 *                         └────── peer left ───────┴──── RECONNECTING ◀────┘
 *   any phase ──ended──▶ ENDED          any phase ──newer window──▶ TAKEN_OVER
 * </pre>
 * A call that is already running (its start recorded, not completed) skips the check: the page
 * enters the room at once, as after a reload, and the check is never shown over it.
 */
final class CallState {

    private boolean joined;
    private boolean ended;
    private boolean takenOver;
    private boolean connected;
    private String peerSeatId;
    private Instant peerPresentSince;
    private Instant callStartedAt;

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
            return CallPhase.CHECKING;
        }
        if (connected) {
            return CallPhase.CONNECTED;
        }
        if (peerPresentSince == null) {
            return CallPhase.WAITING;
        }
        return callStartedAt != null ? CallPhase.RECONNECTING : CallPhase.CONNECTING;
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
