package com.mediscan.consultation.service.cluster;

import com.mediscan.consultation.service.RoomEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Room events as JSON for other nodes. Every feature's events are records implementing
 * {@link RoomEvent} (a call signal, a chat message, a prescription notice…); the JSON names the
 * record's class, and only such records are ever read back, so a feature's new event crosses
 * nodes without this package knowing it.
 */
final class RoomEventCodec {

    /** What goes into one notification: the event, or the id of the row that holds an oversized one. */
    record Envelope(String node, long sentMicros, String type, JsonNode event, Long overflowId) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String envelope(String node, long sentMicros, RoomEvent event) {
        return json.writeValueAsString(new Envelope(node, sentMicros, event.getClass().getName(), json.valueToTree(event), null));
    }

    String overflowReference(String node, long sentMicros, long overflowId) {
        return json.writeValueAsString(new Envelope(node, sentMicros, null, null, overflowId));
    }

    Envelope read(String text) {
        return json.readValue(text, Envelope.class);
    }

    RoomEvent event(Envelope envelope) {
        return json.treeToValue(envelope.event(), eventClass(envelope.type()));
    }

    private static Class<? extends RoomEvent> eventClass(String type) {
        Class<?> found;
        try {
            found = Class.forName(type, false, RoomEventCodec.class.getClassLoader());
        } catch (ClassNotFoundException unknown) {
            // Another node runs a newer version with an event this one does not know.
            throw new IllegalArgumentException("Unknown room event type " + type, unknown);
        }
        if (!found.isRecord() || !RoomEvent.class.isAssignableFrom(found)) {
            throw new IllegalArgumentException(type + " is not a room event record");
        }
        return found.asSubclass(RoomEvent.class);
    }
}
