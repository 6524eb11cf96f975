package com.mediscan.load;

import com.mediscan.load.LoadMetrics.Kind;
import com.mediscan.load.ProtocolSession.LoadFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A doctor or patient in a consultation, driven through MediScan's real views as a person in a
 * browser would: the sign-in form, the forced password change of a new account, the consultation
 * route, the patient's check-in, the check before joining ("Join now"), the call element's {@code @ClientCallable} methods
 * for signals, and the chat panel ("Toggle chat", the "Message" box, "Send"). Elements are found
 * by accessible name and callables by name, never by node id.
 * <p>
 * Latency is measured against the peer: before sending, a unique token is registered with the
 * receiving participant, which takes the time when a message carrying it is applied from its push.
 */
final class Participant {

    static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    /**
     * From the last keystroke to the click on Send: a person's hand moves to the button, and a browser sends the
     * click in a request of its own after the text. 400 ms: a quick hand, and time for ChatLatencyHonestyCheck's
     * two browsers to draw the typing notice the text sent before the click reaches the server's cores (at 100 ms
     * they could still be at it; the check's runs did not show that this closes its gap).
     */
    static final Duration MOVE_TO_SEND = Duration.ofMillis(400);
    private static final AtomicInteger TOKENS = new AtomicInteger();

    final String name;
    final boolean doctor;
    private final ProtocolSession session;
    private final LoadMetrics metrics;
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private volatile boolean peerConnected;
    private volatile int signalsReceived;
    private FlowUi ui;
    private UiNodes.Node call;
    private UiNodes.Node joinNow;

    private record Expected(Kind kind, long sentNanos) {
    }

    Participant(String name, boolean doctor, ProtocolSession session, LoadMetrics metrics) {
        this.name = name;
        this.doctor = doctor;
        this.session = session;
        this.metrics = metrics;
    }

    /**
     * A new account's first visit: signs in with the administrator's temporary password, chooses a new
     * one on the page MediScan leads to, and signs out from the home page it lands on.
     */
    void signInFirstTime(String email, String temporaryPassword, String newPassword) throws IOException, InterruptedException {
        session.signIn(email, temporaryPassword);
        FlowUi first = session.open("");
        UiNodes.Node current = first.await("Current password field", STEP_TIMEOUT,
                nodes -> nodes.shownNamed("vaadin-password-field", "Current password"));
        first.send(concat(first, current, "value", temporaryPassword,
                "New password", newPassword, "Repeat new password", newPassword));
        UiNodes.Node change = first.await("Change password button", STEP_TIMEOUT,
                nodes -> nodes.shownNamed("vaadin-button", "Change password"));
        first.click(change);
        UiNodes.Node signOut = first.await("Sign out on the home page", STEP_TIMEOUT,
                nodes -> nodes.shownNamed("vaadin-button", "Change password").isPresent() ? Optional.empty()
                        : nodes.shownNamed("vaadin-button", "Sign out"));
        first.clickToEndSession(signOut);
    }

    void signIn(String email, String password) throws IOException, InterruptedException {
        session.signIn(email, password);
    }

    private static List<ObjectNode> concat(FlowUi ui, UiNodes.Node first, String property, String value, String... more)
            throws InterruptedException {
        List<ObjectNode> rpcs = new ArrayList<>(ui.propertySync(first, property, StringNode.valueOf(value)));
        for (int i = 0; i < more.length; i += 2) {
            String label = more[i];
            UiNodes.Node field = ui.await(label, STEP_TIMEOUT, nodes -> nodes.shownNamed("vaadin-password-field", label));
            rpcs.addAll(ui.propertySync(field, property, StringNode.valueOf(more[i + 1])));
        }
        return rpcs;
    }

    /**
     * Opens the consultation, checks in on the page if it asks (a patient; see {@link CheckInByProtocol}),
     * presses "Join now" and opens the chat panel.
     */
    void enter(long appointmentId, LocalDate dateOfBirth) throws IOException, InterruptedException {
        open(appointmentId, dateOfBirth);
        join();
    }

    /** Opens the consultation and checks in on the page if it asks, up to the check before joining. */
    void open(long appointmentId, LocalDate dateOfBirth) throws IOException, InterruptedException {
        ui = session.open("video-consultation/" + appointmentId);
        ui.onMessage(this::received);
        joinNow = CheckInByProtocol.checkInIfAsked(ui, dateOfBirth, STEP_TIMEOUT);
        call = ui.await("the call element", STEP_TIMEOUT, nodes -> nodes.withClientCallable("signal"));
    }

    /**
     * The doctor's offer and a dozen candidates, made while the doctor is alone (during the check before
     * joining, as the element does) and handed to the server side, which sends them when the patient is there.
     */
    void prepareOffer(Participant peer) throws IOException, InterruptedException {
        SignalPayload negotiation = negotiation("offer");
        for (String token : negotiation.tokens()) {
            peer.expect(token, Kind.SIGNAL);
            metrics.sent(Kind.SIGNAL);
        }
        ui.callServer(call, "prepared", 0, 1, negotiation.json());
    }

    /** Presses "Join now" and opens the chat panel. */
    void join() throws IOException, InterruptedException {
        ui.click(joinNow);
        UiNodes.Node toggleChat = ui.await("Toggle chat", STEP_TIMEOUT, nodes -> nodes.shownNamed("vaadin-button", "Toggle chat"));
        ui.click(toggleChat);
        ui.await("the Message box", STEP_TIMEOUT, nodes -> nodes.shownNamed("vaadin-text-area", "Message"));
    }

    /** The room told this side's element to connect to the other participant's window. */
    void awaitPeer() throws InterruptedException {
        ui.await("the peer to connect to", STEP_TIMEOUT, nodes -> peerConnected ? Optional.of(true) : Optional.empty());
    }

    void awaitSignals(int count) throws InterruptedException {
        ui.await(count + " signals", STEP_TIMEOUT, nodes -> signalsReceived >= count ? Optional.of(true) : Optional.empty());
    }

    /**
     * An answer of a real SDP's size and a dozen ICE candidates, as the patient's element sends them at
     * join: the answer alone, then its candidates one call each as they are gathered (the doctor's offer
     * went ahead: {@link #prepareOffer}).
     */
    void sendNegotiation(Participant peer, String type) throws IOException, InterruptedException {
        for (SignalPayload single : negotiationSignals(type)) {
            signal(peer, single);
        }
    }

    private SignalPayload negotiation(String type) {
        return Signals.together(negotiationSignals(type));
    }

    private List<SignalPayload> negotiationSignals(String type) {
        List<SignalPayload> negotiation = new ArrayList<>();
        negotiation.add(Signals.description(type, token()));
        for (int i = 0; i < 12; i++) {
            negotiation.add(Signals.candidate(i, token()));
        }
        return negotiation;
    }

    void reportConnection(String state) throws IOException, InterruptedException {
        ui.callServer(call, "connectionStateChanged", state);
    }

    void sendState(Participant peer, boolean microphoneOn) throws IOException, InterruptedException {
        signal(peer, Signals.state(microphoneOn, token()));
    }

    private void signal(Participant peer, SignalPayload payload) throws IOException, InterruptedException {
        for (String token : payload.tokens()) {
            peer.expect(token, Kind.SIGNAL);
            metrics.sent(Kind.SIGNAL);
        }
        ui.callServer(call, "signal", payload.json());
    }

    /**
     * Types a message (the panel reports typing to the other side), then presses Send. As in a browser, the
     * box's whole text goes to the server in a request of its own (the box synchronizes its value as it
     * changes) and the click in another one, {@link #MOVE_TO_SEND} later; the latency runs from that click's request.
     */
    void chat(Participant peer, String text, Duration typingTime) throws IOException, InterruptedException {
        UiNodes.Node box = ui.await("the Message box", STEP_TIMEOUT, nodes -> nodes.shownNamed("vaadin-text-area", "Message"));
        String token = token();
        String message = text + " " + token;
        int steps = 3;
        for (int step = 1; step < steps; step++) {
            peer.expect(token + "typing" + step, Kind.TYPING);
            ui.send(ui.propertySync(box, "value", StringNode.valueOf(message.substring(0, message.length() * step / steps))));
            Thread.sleep(typingTime.toMillis() / steps);
        }
        UiNodes.Node send = ui.await("Send", STEP_TIMEOUT, nodes -> nodes.shownNamed("vaadin-button", "Send"));
        ui.send(ui.propertySync(box, "value", StringNode.valueOf(message)));
        Thread.sleep(MOVE_TO_SEND.toMillis());
        peer.expect(token, Kind.CHAT);
        metrics.sent(Kind.CHAT);
        ui.click(send);
    }

    void heartbeat() throws IOException, InterruptedException {
        ui.heartbeat();
    }

    /** The tab closes. */
    void leave() {
        if (ui != null) {
            ui.close();
        }
    }

    boolean isGone() {
        return ui == null || ui.isEnded();
    }

    /** Whether a message from the peer is still on its way. */
    boolean isAwaiting() {
        return !expected.isEmpty();
    }

    /** Messages from the peer that never arrived, older than the limit; each is counted as lost. */
    void countLost(Duration olderThan) {
        long limit = System.nanoTime() - olderThan.toNanos();
        expected.forEach((token, what) -> {
            if (what.sentNanos() < limit && expected.remove(token, what)) {
                if (what.kind() != Kind.TYPING) {
                    session.errors.record("lost" + what.kind(), name, token + " sent " + (System.nanoTime() - what.sentNanos()) / 1_000_000 + " ms ago never arrived");
                }
            }
        });
    }

    private void expect(String token, Kind kind) {
        if (kind == Kind.TYPING) {
            return; // typing notices are throttled by the server (one per 2 s): counted, not timed
        }
        expected.put(token, new Expected(kind, System.nanoTime()));
    }

    private void received(FlowUi.Received message) {
        for (JsonNode call : message.execute()) {
            String expression = call.path(call.size() - 1).asString("");
            if (expression.contains("$0.connect(")) {
                peerConnected = true;
            } else if (expression.contains("$0.receiveSignal(")) {
                String payload = call.path(1).asString("");
                signalsReceived += payload.startsWith("[") ? ProtocolSession.JSON.readTree(payload).size() : 1;
                took(payload, Kind.SIGNAL, message);
            }
        }
        if (!expected.isEmpty()) {
            for (Map.Entry<String, Expected> waiting : expected.entrySet()) {
                if (waiting.getValue().kind() == Kind.CHAT && message.raw().contains(waiting.getKey())) {
                    took(waiting.getKey(), Kind.CHAT, message);
                }
            }
        }
        if (message.push() && message.raw().contains(" is typing")) {
            metrics.record(Kind.TYPING, 0);
        }
    }

    private void took(String textWithToken, Kind kind, FlowUi.Received message) {
        for (Map.Entry<String, Expected> waiting : expected.entrySet()) {
            if (waiting.getValue().kind() == kind && textWithToken.contains(waiting.getKey())
                    && expected.remove(waiting.getKey(), waiting.getValue())) {
                metrics.record(kind, message.appliedNanos() - waiting.getValue().sentNanos());
                if (!message.push()) {
                    // The receiving session was busy with its own request: Vaadin ran the relay's
                    // ui.access at its end and answered it over HTTP, as it would to a browser.
                    metrics.record(Kind.IN_HTTP_ANSWER, 0);
                }
            }
        }
    }

    private String token() {
        return "#" + TOKENS.incrementAndGet() + "#";
    }

    /** One call's payload: a signal or a JSON array of them, with the token of each. */
    record SignalPayload(List<String> tokens, String json) {
    }

    /** Signals shaped like the ones frontend/mediscan-call.ts sends, of real sizes, each with a token to time it. */
    static final class Signals {

        static SignalPayload description(String type, String token) {
            StringBuilder sdp = new StringBuilder("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
                    .append("a=group:BUNDLE 0 1\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS ").append(token).append("\r\n");
            String[] media = {"audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 45 46 102 103 104"};
            for (int m = 0; m < media.length; m++) {
                sdp.append("m=").append(media[m]).append("\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n")
                        .append("a=ice-ufrag:Xk3v\r\na=ice-pwd:9Yq1h3lCwB2o0lUq7vK8sNn2\r\na=ice-options:trickle\r\n")
                        .append("a=fingerprint:sha-256 4F:1B:9C:2E:7A:60:D1:33:8E:5C:0F:AA:12:74:B9:3D:6E:81:C2:57:90:0B:EE:45:3A:16:D8:7F:29:64:C0:B5\r\n")
                        .append("a=setup:").append(type.equals("offer") ? "actpass" : "active").append("\r\na=mid:").append(m).append("\r\n");
                for (int pt = 0; pt < 14; pt++) {
                    sdp.append("a=rtpmap:").append(96 + pt).append(m == 0 ? " opus/48000/2" : " VP8/90000").append("\r\n")
                            .append("a=rtcp-fb:").append(96 + pt).append(" goog-remb\r\na=rtcp-fb:").append(96 + pt)
                            .append(" transport-cc\r\na=fmtp:").append(96 + pt).append(" minptime=10;useinbandfec=1\r\n");
                }
                sdp.append("a=ssrc:").append(1_000_000 + m).append(" cname:u8Vb2Qm0qT5yJ7wK\r\n");
            }
            ObjectNode signal = ProtocolSession.JSON.createObjectNode();
            signal.putObject("description").put("type", type).put("sdp", sdp.toString());
            return new SignalPayload(List.of(token), signal.toString());
        }

        /** Signals that leave in one call, as the element's outbox sends what waited in it. */
        static SignalPayload together(List<SignalPayload> signals) {
            List<String> tokens = signals.stream().flatMap(signal -> signal.tokens().stream()).toList();
            return new SignalPayload(tokens, signals.stream().map(SignalPayload::json).collect(Collectors.joining(",", "[", "]")));
        }

        static SignalPayload candidate(int index, String token) {
            ObjectNode signal = ProtocolSession.JSON.createObjectNode();
            signal.putObject("candidate")
                    .put("candidate", "candidate:" + (842163049 + index) + " 1 udp 2122260223 192.168.1." + (10 + index)
                            + " " + (50000 + index) + " typ host generation 0 ufrag Xk3v network-id 1 " + token)
                    .put("sdpMid", String.valueOf(index % 2)).put("sdpMLineIndex", index % 2).put("usernameFragment", "Xk3v");
            return new SignalPayload(List.of(token), signal.toString());
        }

        static SignalPayload state(boolean microphoneOn, String token) {
            ObjectNode signal = ProtocolSession.JSON.createObjectNode();
            signal.putObject("state").put("audio", microphoneOn).put("video", true).put("sharing", false).put("audioOnly", false)
                    .put("probe", token);
            return new SignalPayload(List.of(token), signal.toString());
        }
    }
}
