package com.mediscan.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import io.micrometer.core.instrument.Metrics;
import org.atmosphere.cpr.AtmosphereResource;

/**
 * Vaadin's push connection, counting in {@code mediscan.push.reconnects} each time a page's push
 * channel connects again after its first connection (a dropped socket, a network change). Vaadin
 * finds this factory through {@code META-INF/services} and builds it with {@code new}, outside
 * Spring, so it counts in Micrometer's global registry, to which Spring Boot binds its own.
 */
public class PushReconnects implements PushConnectionFactory {

    public static final String METER = "mediscan.push.reconnects";

    @Override
    public PushConnection apply(UI ui) {
        return new CountingPushConnection(ui);
    }

    private static final class CountingPushConnection extends AtmospherePushConnection {

        private boolean connectedBefore;

        CountingPushConnection(UI ui) {
            super(ui);
        }

        @Override
        public void connect(AtmosphereResource resource) {
            if (connectedBefore) {
                Metrics.counter(METER).increment();
            }
            connectedBefore = true;
            super.connect(resource);
        }
    }
}
