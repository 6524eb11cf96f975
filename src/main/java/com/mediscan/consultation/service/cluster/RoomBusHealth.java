package com.mediscan.consultation.service.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness check ({@code /actuator/health/readiness}): a node whose bus does not
 * listen would miss the other nodes' signals, so the balancer should send nobody new to it.
 */
@Component("roomBusHealthIndicator")
@Conditional(ClusterMode.Shared.class)
class RoomBusHealth implements HealthIndicator {

    private final PostgresRoomBus bus;

    RoomBusHealth(PostgresRoomBus bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        return bus.isListening() ? Health.up().build() : Health.down().withDetail("listening", false).build();
    }
}
