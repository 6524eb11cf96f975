package com.mediscan.consultation.ui;

import com.mediscan.consultation.service.IceServers.IceConfiguration;
import com.mediscan.consultation.service.RoomRegistry;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The server side of {@code <mediscan-call>} (frontend/mediscan-call.ts): camera, microphone,
 * screen sharing and the one RTCPeerConnection live in the browser; this class tells the element
 * what to do and hands what it reports (signals, connection and media state, shortcuts) to the
 * view. Calls from the element stay allowed while a modal dialog is open ({@link AllowInert}),
 * so a confirm dialog does not stall the call; shortcut events do not.
 */
@Tag("mediscan-call")
@JsModule("./mediscan-call.ts")
public class MediaCall extends Component implements HasSize, HasStyle {

    /** The keyboard shortcuts of DESIGN.md, by the key the element reports. */
    public enum Shortcut {
        MUTE("Space"), VIDEO("V"), CHAT("C"), END("Escape"), HELP("?");

        private final String key;

        Shortcut(String key) {
            this.key = key;
        }

        static Optional<Shortcut> ofKey(String key) {
            return Arrays.stream(values()).filter(shortcut -> shortcut.key.equals(key)).findFirst();
        }
    }

    /** RTCPeerConnection.connectionState as the element reports it. */
    public enum ConnectionState {
        NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED;

        static Optional<ConnectionState> of(String state) {
            return Arrays.stream(values()).filter(value -> value.name().equalsIgnoreCase(state)).findFirst();
        }
    }

    public record MediaState(boolean microphoneOn, boolean cameraOn, boolean sharingScreen) {
    }

    /** A camera ("videoinput"), microphone ("audioinput") or speaker ("audiooutput") as the browser lists it. */
    public record MediaDevice(String kind, String deviceId, String label) {
    }

    /** The browser's devices and the ids of the camera and microphone in use (empty when none). */
    public record Devices(List<MediaDevice> all, String cameraId, String microphoneId) {
    }

    private SerializableConsumer<String> signalListener = payload -> { };
    private SerializableConsumer<ConnectionState> connectionListener = state -> { };
    private SerializableConsumer<MediaState> mediaStateListener = state -> { };
    private SerializableConsumer<String> mediaFailureListener = message -> { };
    private SerializableConsumer<Shortcut> shortcutListener = shortcut -> { };
    private SerializableConsumer<Devices> devicesListener = devices -> { };
    private SerializableConsumer<String> deviceSwitchListener = message -> { };

    /** Signals the element made before it had a peer (see {@link #prepared}). */
    private record Prepared(int number, String payload) {
    }

    private MediaState mediaState = new MediaState(true, true, false);
    private String peerSeatId;
    /** Counts the element's connect/disconnect orders, so signals prepared for a closed connection are never sent. */
    private int generation;
    private Prepared prepared;
    private boolean hungUp;
    private int arrivalsAnnounced;

    /**
     * @param polite     the patient's side yields in an offer collision (perfect negotiation), the doctor's does not
     * @param peerName   shown on the remote tile
     * @param ice        STUN/TURN servers (none: host candidates only) and whether to relay only
     */
    public MediaCall(boolean polite, String peerName, IceConfiguration ice) {
        addClassName("media-call");
        getElement().setProperty("polite", polite);
        getElement().setProperty("peerName", peerName);
        getElement().setPropertyList("iceServers", ice.iceServers());
        getElement().setProperty("relayOnly", ice.relayOnly());
        getElement().addEventListener("call-shortcut",
                        event -> Shortcut.ofKey(event.getEventData().path("event.detail.key").asString(""))
                                .ifPresent(shortcut -> shortcutListener.accept(shortcut)))
                .addEventData("event.detail.key");
        getElement().addEventListener("devices-changed", event -> devicesListener.accept(devices(event.getEventData())))
                .addEventData("event.detail.devices")
                .addEventData("event.detail.camera")
                .addEventData("event.detail.microphone")
                .allowInert();
    }

    private static Devices devices(JsonNode data) {
        List<MediaDevice> all = new ArrayList<>();
        for (JsonNode device : data.path("event.detail.devices")) {
            all.add(new MediaDevice(device.path("kind").asString(""), device.path("deviceId").asString(""),
                    device.path("label").asString("")));
        }
        return new Devices(List.copyOf(all), data.path("event.detail.camera").asString(""),
                data.path("event.detail.microphone").asString(""));
    }

    public void onSignal(SerializableConsumer<String> listener) {
        signalListener = listener;
    }

    public void onConnectionState(SerializableConsumer<ConnectionState> listener) {
        connectionListener = listener;
    }

    public void onMediaState(SerializableConsumer<MediaState> listener) {
        mediaStateListener = listener;
    }

    public void onMediaFailure(SerializableConsumer<String> listener) {
        mediaFailureListener = listener;
    }

    public void onShortcut(SerializableConsumer<Shortcut> listener) {
        shortcutListener = listener;
    }

    /** Called with the browser's devices once camera and microphone are open, and whenever one comes or goes. */
    public void onDevices(SerializableConsumer<Devices> listener) {
        devicesListener = listener;
    }

    /** Called when a device went away mid-call and the element moved to another one. */
    public void onDeviceSwitched(SerializableConsumer<String> listener) {
        deviceSwitchListener = listener;
    }

    /** The check before joining: the own camera full size, with a microphone level meter. */
    public void setPreview(boolean preview) {
        getElement().callJsFunction("setPreview", preview);
    }

    /** Asks the browser for camera and microphone again (after the person allowed or plugged them in). */
    public void retryMedia() {
        getElement().callJsFunction("retryMedia");
    }

    /** Moves the call to another camera, microphone or speaker without renegotiating. */
    public void useDevice(MediaDevice device) {
        getElement().callJsFunction("useDevice", device.kind(), device.deviceId());
    }

    /** No video either way, for a weak connection. */
    public void setAudioOnly(boolean audioOnly) {
        getElement().callJsFunction("setAudioOnly", audioOnly);
    }

    /** Opens camera and microphone for the local preview. */
    public void startMedia() {
        getElement().callJsFunction("startMedia");
    }

    /**
     * Starts a fresh peer connection to the other participant's window (replacing one to an older window).
     * What the element prepared while alone (the doctor's offer and its candidates) goes to that window from
     * here at once, instead of after a trip to the browser and back; the element is told which of its signals
     * have left.
     */
    public void connectTo(String peerSeatId) {
        this.peerSeatId = peerSeatId;
        generation++;
        Prepared sending = prepared;
        prepared = null;
        if (sending != null) {
            signalListener.accept(sending.payload());
        }
        getElement().callJsFunction("connect", peerSeatId, generation, sending == null ? -1 : sending.number());
    }

    /** The other participant left: closes the peer connection, keeps camera and microphone. */
    public void disconnectPeer() {
        peerSeatId = null;
        generation++;
        prepared = null;
        getElement().callJsFunction("disconnect", generation);
    }

    /** A signal from the other participant's current window. */
    public void deliver(String payload) {
        getElement().callJsFunction("receiveSignal", payload);
    }

    public void setMicrophoneOn(boolean on) {
        mediaState = new MediaState(on, mediaState.cameraOn(), mediaState.sharingScreen());
        getElement().callJsFunction("setMicrophoneEnabled", on);
    }

    public void setCameraOn(boolean on) {
        mediaState = new MediaState(mediaState.microphoneOn(), on, mediaState.sharingScreen());
        getElement().callJsFunction("setCameraEnabled", on);
    }

    /** Stops and releases camera, microphone, screen capture and the peer connection. */
    public void hangUp() {
        hungUp = true;
        peerSeatId = null;
        prepared = null;
        getElement().callJsFunction("hangUp");
    }

    /** A chime and, where the browser allows it, a system notification. */
    public void announceArrival(String title, String body) {
        arrivalsAnnounced++;
        getElement().callJsFunction("announce", title, body);
    }

    public MediaState mediaState() {
        return mediaState;
    }

    /** The window the element was last told to connect to; empty while alone or after hanging up. */
    public Optional<String> peerSeatId() {
        return Optional.ofNullable(peerSeatId);
    }

    public boolean isHungUp() {
        return hungUp;
    }

    int arrivalsAnnounced() {
        return arrivalsAnnounced;
    }

    @ClientCallable
    @AllowInert
    void signal(String payload) {
        signalListener.accept(payload);
    }

    /**
     * The signals of a connection made before the other participant was there, kept until {@link #connectTo}.
     * Only the latest set of the element's current connection counts: {@code generation} is the last one the
     * element was given, and a set that crossed a connect or disconnect order on its way is dropped.
     */
    @ClientCallable
    @AllowInert
    void prepared(int generation, int number, String payload) {
        if (generation == this.generation && peerSeatId == null && !hungUp && payload != null
                && payload.length() <= RoomRegistry.MAX_SIGNAL_CHARS) {
            prepared = new Prepared(number, payload);
        }
    }

    @ClientCallable
    @AllowInert
    void connectionStateChanged(String state) {
        ConnectionState.of(state).ifPresent(connectionListener);
    }

    @ClientCallable
    @AllowInert
    void mediaStateChanged(boolean microphoneOn, boolean cameraOn, boolean sharingScreen) {
        mediaState = new MediaState(microphoneOn, cameraOn, sharingScreen);
        mediaStateListener.accept(mediaState);
    }

    @ClientCallable
    @AllowInert
    void mediaFailed(String message) {
        mediaFailureListener.accept(message);
    }

    @ClientCallable
    @AllowInert
    void deviceSwitched(String message) {
        deviceSwitchListener.accept(message);
    }
}
