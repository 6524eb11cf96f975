package com.mediscan.consultation.service;

import com.mediscan.consultation.service.cluster.ClusterMode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** The bus of one node (H2); the cluster bus delivers to its own node's views through one of these. */
@Component
@Conditional(ClusterMode.SingleNode.class)
public class InProcessRoomBus implements RoomBus {

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

    /** The rooms someone on this node listens to. */
    public Set<Long> activeRooms() {
        return Set.copyOf(listenersByRoom.keySet());
    }
}
