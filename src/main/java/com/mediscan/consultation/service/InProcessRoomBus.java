package com.mediscan.consultation.service;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class InProcessRoomBus implements RoomBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessRoomBus.class);

    private final ConcurrentMap<Long, List<Consumer<RoomEvent>>> listenersByRoom = new ConcurrentHashMap<>();

    @Override
    public AutoCloseable subscribe(long appointmentId, Consumer<RoomEvent> listener) {
        listenersByRoom.computeIfAbsent(appointmentId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listenersByRoom.computeIfPresent(appointmentId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    @Override
    public void publish(RoomEvent event) {
        for (Consumer<RoomEvent> listener : listenersByRoom.getOrDefault(event.appointmentId(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException failure) {
                // One broken view must not keep the event from the others in the room.
                log.warn("Room listener failed for appointment {}", event.appointmentId(), failure);
            }
        }
    }
}
