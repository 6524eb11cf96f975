package com.mediscan.load;

import com.mediscan.load.ProtocolSession.LoadFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Vaadin UI (a browser tab) spoken to over Flow's client protocol: UIDL requests with the UI's
 * CSRF token and the {@code clientId} the server expects next, server messages applied strictly in
 * {@code syncId} order whether they come as HTTP answers or over the push WebSocket, and the state
 * tree they build ({@link UiNodes}). Like the real client it keeps one request in flight and never
 * writes on the push socket (the server's push configuration says {@code alwaysXhrToServer}).
 * Application errors, session expiry, HTTP errors and unexpected socket closes are counted in
 * {@link LoadErrors} and end the UI.
 */
final class FlowUi {

    /** A server message as applied, with the instant ({@link System#nanoTime}) it was applied. */
    record Received(String raw, JsonNode json, long appliedNanos, boolean push) {

        /** The JavaScript calls of the message: each entry's last element is the expression, the others its arguments. */
        JsonNode execute() {
            return json.path("execute");
        }
    }

    private static final Duration OUT_OF_ORDER_LIMIT = Duration.ofSeconds(5);

    final int uiId;
    private final ProtocolSession session;
    private final String csrfToken;
    private final String pushId;
    private final UiNodes nodes = new UiNodes();
    private final Map<String, JsonNode> constants = new HashMap<>();
    private final TreeMap<Integer, Held> held = new TreeMap<>();
    private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock inFlight = new ReentrantLock();
    private final PushFrames frames = new PushFrames();

    private int nextSyncId;
    private int lastSyncId;
    private long gapNoticedNanos;
    private volatile int nextClientId;
    private volatile boolean ended;
    private volatile boolean closing;
    private volatile String endedBecause;
    private WebSocket push;
    private final CompletableFuture<Void> pushHandshake = new CompletableFuture<>();

    private record Held(String raw, JsonNode json, boolean push, long arrivedNanos) {
    }

    FlowUi(ProtocolSession session, int uiId, JsonNode uidl) {
        this.session = session;
        this.uiId = uiId;
        this.csrfToken = uidl.path("Vaadin-Security-Key").asString();
        this.pushId = uidl.path("Vaadin-Push-ID").asString();
        receive(uidl.toString(), uidl, false);
    }

    void onMessage(Consumer<Received> listener) {
        listeners.add(listener);
    }

    // ---- push -------------------------------------------------------------------------------

    void openPush() throws InterruptedException {
        String query = "v-r=push&v-uiId=" + uiId + "&v-pushId=" + URLEncoder.encode(pushId, StandardCharsets.UTF_8)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true";
        URI base = session.base;
        URI uri = URI.create((base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getAuthority()
                + "/VAADIN/push?" + query);
        try {
            push = ProtocolSession.webSockets().newWebSocketBuilder()
                    .header("Cookie", session.cookieHeader())
                    .header("Origin", session.origin())
                    .connectTimeout(ProtocolSession.REQUEST_TIMEOUT)
                    .buildAsync(uri, new PushListener()).get(ProtocolSession.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            pushHandshake.get(ProtocolSession.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            throw end("pushOpen", "push socket did not open: " + handshakeAnswer(failed.getCause()));
        } catch (java.util.concurrent.TimeoutException failed) {
            throw end("pushOpen", "push socket did not open: " + failed);
        }
    }

    /** The JDK's handshake failure hides the server's answer; it is what tells a full node from a refused upgrade. */
    private static String handshakeAnswer(Throwable failure) {
        if (failure instanceof WebSocketHandshakeException refused) {
            HttpResponse<?> answer = refused.getResponse();
            return "handshake answered " + answer.statusCode() + " " + answer.headers().map() + " " + answer.body();
        }
        return String.valueOf(failure);
    }

    private final class PushListener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            try {
                for (String message : frames.add(data)) {
                    if (message.startsWith("{")) {
                        receive(message, ProtocolSession.JSON.readTree(message), true);
                    } else if (!pushHandshake.isDone()) {
                        pushHandshake.complete(null); // "<uuid>|0|X|": Atmosphere's handshake
                    }
                    // Anything else is Atmosphere's "X" keep-alive.
                }
            } catch (RuntimeException broken) {
                end("pushParse", broken.toString());
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            if (!closing && !ended) {
                end("pushClosed", "push socket closed " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            if (!closing && !ended) {
                end("pushError", error.toString());
            }
        }
    }

    // ---- server messages ----------------------------------------------------------------------

    private synchronized void receive(String raw, JsonNode json, boolean viaPush) {
        if (ended) {
            return;
        }
        JsonNode meta = json.path("meta");
        if (closing) {
            return; // signing out or closing: the session's end is what was asked for
        }
        if (meta.path("sessionExpired").asBoolean(false)) {
            end("sessionExpired", raw);
            return;
        }
        if (meta.has("appError")) {
            end("appError", meta.path("appError").toString());
            return;
        }
        if (json.has("clientId")) {
            nextClientId = Math.max(nextClientId, json.path("clientId").asInt());
        }
        if (!json.has("syncId")) {
            if (!json.isEmpty()) {
                session.errors.record("noSyncId", session.who, raw);
            }
            return;
        }
        int syncId = json.path("syncId").asInt();
        if (json.path("resynchronize").asBoolean(false)) {
            nodes.clear();
            held.clear();
            nextSyncId = syncId;
        }
        if (syncId < nextSyncId) {
            session.errors.record("staleSyncId", session.who, "syncId " + syncId + " after " + (nextSyncId - 1));
            return;
        }
        held.put(syncId, new Held(raw, json, viaPush, System.nanoTime()));
        int missing = nextSyncId;
        while (!held.isEmpty() && held.firstKey() == nextSyncId) {
            Held next = held.pollFirstEntry().getValue();
            apply(next);
        }
        if (gapNoticedNanos != 0 && nextSyncId > missing) {
            session.errors.record("syncGapFilled", session.who, String.format(Locale.ROOT,
                    "syncId %d arrived %.1f s after the gap was counted", missing, (System.nanoTime() - gapNoticedNanos) / 1e9));
            gapNoticedNanos = 0;
        }
        // The missing message may be the answer to this UI's own request, still on its way: only a
        // gap with nothing in flight counts (the browser would ask for a resync after 5 s). The UI
        // goes on holding, so that the run tells a late push (syncGapFilled) from one never sent.
        if (gapNoticedNanos == 0 && !held.isEmpty() && !inFlight.isLocked()
                && System.nanoTime() - held.firstEntry().getValue().arrivedNanos() > OUT_OF_ORDER_LIMIT.toNanos()) {
            gapNoticedNanos = System.nanoTime();
            session.errors.record("syncGap", session.who, "waited over 5 s for syncId " + nextSyncId + " (holding " + held.keySet() + ")");
        }
    }

    private void apply(Held message) {
        JsonNode json = message.json();
        JsonNode newConstants = json.path("constants");
        newConstants.propertyNames().forEach(key -> constants.put(key, newConstants.path(key)));
        nodes.apply(json.path("changes"));
        lastSyncId = json.path("syncId").asInt();
        nextSyncId = lastSyncId + 1;
        Received received = new Received(message.raw(), json, System.nanoTime(), message.push());
        for (Consumer<Received> listener : listeners) {
            listener.accept(received);
        }
        notifyAll();
    }

    /** Counts the error and ends the UI; the failure is for the caller to throw. */
    LoadFailure end(String kind, String detail) {
        synchronized (this) {
            if (!ended) {
                ended = true;
                endedBecause = kind + ": " + detail;
                session.errors.record(kind, session.who, detail);
                notifyAll();
            }
        }
        if (push != null) {
            push.abort();
        }
        return new LoadFailure(kind + ": " + detail);
    }

    boolean isEnded() {
        return ended;
    }

    /** Waits until the tree holds what {@code finder} looks for. */
    synchronized <T> T await(String what, Duration timeout, Function<UiNodes, Optional<T>> finder) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ended) {
                throw new LoadFailure("UI ended while waiting for " + what + " (" + endedBecause + ")");
            }
            Optional<T> found = finder.apply(nodes);
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw end("timeout", "no " + what + " within " + timeout.toSeconds() + " s");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized <T> Optional<T> look(Function<UiNodes, Optional<T>> finder) {
        return finder.apply(nodes);
    }

    // ---- requests ------------------------------------------------------------------------------

    ObjectNode event(int node, String event, ObjectNode data) {
        ObjectNode rpc = ProtocolSession.JSON.createObjectNode().put("type", "event").put("node", node).put("event", event);
        if (data != null) {
            rpc.set("data", data);
        }
        return rpc;
    }

    /** The router's navigation as Flow.ts sends it on a page load. */
    void navigate(String route) throws IOException, InterruptedException {
        ObjectNode data = ProtocolSession.JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle", "")
                .put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        send(List.of(event(1, "ui-navigate", data)));
    }

    void click(UiNodes.Node node) throws IOException, InterruptedException {
        send(List.of(clickEvent(node)));
    }

    ObjectNode clickEvent(UiNodes.Node node) {
        ObjectNode data = ProtocolSession.JSON.createObjectNode().put("event.button", 0).put("event.detail", 1)
                .put("event.shiftKey", false).put("event.altKey", false).put("event.ctrlKey", false).put("event.metaKey", false);
        return event(node.id, "click", data);
    }

    /**
     * Types into a field as the browser does: the DOM event whose listener synchronizes the property
     * (a {@code }property} expression in its constant) is sent with an {@code mSync} of the new value
     * first, and with the debounce phase the listener asks for.
     */
    List<ObjectNode> propertySync(UiNodes.Node node, String property, JsonNode value) {
        String eventType = null;
        String phase = null;
        synchronized (this) {
            Map<String, Object> listenerMap = node.maps.getOrDefault(UiNodes.LISTENERS, Map.of());
            for (Map.Entry<String, Object> listener : listenerMap.entrySet()) {
                JsonNode settings = constants.get(((JsonNode) listener.getValue()).asString());
                if (settings != null && settings.has("}" + property)) {
                    eventType = listener.getKey();
                    phase = debouncePhase(settings);
                    if (phase == null) {
                        break;
                    }
                }
            }
        }
        if (eventType == null) {
            throw end("noSync", node + " synchronizes no property " + property);
        }
        ObjectNode sync = ProtocolSession.JSON.createObjectNode().put("type", "mSync").put("node", node.id)
                .put("feature", UiNodes.PROPERTIES).put("property", property);
        sync.set("value", value);
        ObjectNode data = ProtocolSession.JSON.createObjectNode();
        if (phase != null) {
            data.put("for", phase);
        }
        return List.of(sync, event(node.id, eventType, data));
    }

    /**
     * A web component's own change as the browser reports it: the properties it set, each as an
     * {@code mSync}, then the DOM events it fired, in that order. Each property must be one that a
     * listener of those events synchronizes (a {@code }property} expression in its constant), as the
     * server takes no other; an event with no listener on the node is left out, as the client sends
     * none for it.
     */
    List<ObjectNode> componentChange(UiNodes.Node node, Map<String, JsonNode> properties, String... events) {
        List<ObjectNode> rpcs = new ArrayList<>();
        List<ObjectNode> fired = new ArrayList<>();
        synchronized (this) {
            Map<String, Object> listenerMap = node.maps.getOrDefault(UiNodes.LISTENERS, Map.of());
            Set<String> synced = new HashSet<>();
            for (String eventType : events) {
                Object constantKey = listenerMap.get(eventType);
                if (constantKey == null) {
                    continue;
                }
                JsonNode settings = constants.getOrDefault(((JsonNode) constantKey).asString(), ProtocolSession.JSON.createObjectNode());
                settings.propertyNames().forEach(expression -> {
                    if (expression.startsWith("}")) {
                        synced.add(expression.substring(1));
                    }
                });
                ObjectNode data = ProtocolSession.JSON.createObjectNode();
                String phase = debouncePhase(settings);
                if (phase != null) {
                    data.put("for", phase);
                }
                fired.add(event(node.id, eventType, data));
            }
            for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                if (!synced.contains(property.getKey())) {
                    throw end("noSync", node + " synchronizes no property " + property.getKey() + " on " + List.of(events)
                            + " (listeners " + listenerMap.keySet() + ")");
                }
                ObjectNode sync = ProtocolSession.JSON.createObjectNode().put("type", "mSync").put("node", node.id)
                        .put("feature", UiNodes.PROPERTIES).put("property", property.getKey());
                sync.set("value", property.getValue());
                rpcs.add(sync);
            }
        }
        rpcs.addAll(fired);
        return rpcs;
    }

    /** The first debounce phase of a listener's settings ({@code [[timeout, "leading", ...]]}), or none. */
    private static String debouncePhase(JsonNode settings) {
        for (JsonNode setting : settings) {
            if (setting.isArray()) {
                for (JsonNode debounce : setting) {
                    if (debounce.isArray() && debounce.size() > 1) {
                        return debounce.path(1).asString();
                    }
                }
            }
        }
        return null;
    }

    /** Calls a {@code @ClientCallable} of the node as {@code this.$server.method(...)} does. */
    void callServer(UiNodes.Node node, String method, Object... args) throws IOException, InterruptedException {
        send(List.of(serverCall(node, method, args)));
    }

    ObjectNode serverCall(UiNodes.Node node, String method, Object... args) {
        ObjectNode rpc = ProtocolSession.JSON.createObjectNode().put("type", "publishedEventHandler").put("node", node.id)
                .put("templateEventMethodName", method);
        ArrayNode arguments = rpc.putArray("templateEventMethodArgs");
        for (Object arg : args) {
            arguments.add(ProtocolSession.JSON.valueToTree(arg));
        }
        return rpc;
    }

    /** One UIDL request; waits for (and applies) its answer. One request per UI is in flight at a time. */
    void send(List<ObjectNode> rpcs) throws IOException, InterruptedException {
        sendBody(body(rpcs, false));
    }

    private ObjectNode body(List<ObjectNode> rpcs, boolean unload) {
        ObjectNode body = ProtocolSession.JSON.createObjectNode().put("csrfToken", csrfToken);
        body.putArray("rpc").addAll(rpcs);
        synchronized (this) {
            body.put("syncId", lastSyncId);
        }
        body.put("clientId", nextClientId);
        if (unload) {
            body.put("UNLOAD", true);
        }
        return body;
    }

    private void sendBody(ObjectNode body) throws IOException, InterruptedException {
        if (ended) {
            throw new LoadFailure("UI already ended (" + endedBecause + ")");
        }
        inFlight.lock();
        try {
            body.put("clientId", nextClientId);
            HttpResponse<String> response = session.send(session.request("/?v-r=uidl&v-uiId=" + uiId)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (response.statusCode() != 200) {
                throw end("http", "UIDL answered " + response.statusCode());
            }
            String text = response.body();
            if (!text.isBlank()) {
                receive(text, ProtocolSession.JSON.readTree(text), false);
            }
        } catch (LoadFailure failed) {
            throw end("http", failed.getMessage());
        } finally {
            inFlight.unlock();
        }
        if (ended) {
            throw new LoadFailure(endedBecause);
        }
    }

    void heartbeat() throws IOException, InterruptedException {
        HttpResponse<String> response = session.send(session.request("/?v-r=heartbeat&v-uiId=" + uiId)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            if (ended) {
                session.errors.record("heartbeat", session.who, "heartbeat of an ended UI answered " + response.statusCode());
            } else {
                end("heartbeat", "heartbeat answered " + response.statusCode());
            }
        }
    }

    /** Presses a control that ends the session (such as "Sign out"): the expiry that follows is no error. */
    void clickToEndSession(UiNodes.Node node) throws IOException, InterruptedException {
        closing = true;
        try {
            click(node);
        } finally {
            ended = true;
            if (push != null) {
                push.abort();
            }
        }
    }

    /** The tab closes: Vaadin's unload beacon closes the UI, and its socket goes. */
    void close() {
        if (ended) {
            return;
        }
        closing = true;
        inFlight.lock();
        try {
            HttpResponse<String> response = session.send(session.request("/?v-r=uidl&v-uiId=" + uiId)
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body(List.of(), true).toString())));
            if (response.statusCode() != 200) {
                session.errors.record("unload", session.who, "unload answered " + response.statusCode());
            }
        } catch (LoadFailure alreadyCounted) {
            // the HTTP error is counted
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.unlock();
            ended = true;
            if (push != null) {
                push.abort();
            }
        }
    }
}
