package com.mediscan.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Smaller read buffers for every push connection. Vaadin sets Atmosphere's
 * {@code org.atmosphere.websocket.bufferSize} to 16,384, and Atmosphere allocates that many chars
 * and bytes (48 KB) for each WebSocket up front, used only to read a message streamed from the
 * browser, which Vaadin's client never sends (and Atmosphere doubles the buffers when it must).
 * Measured in a heap dump under load: the largest item a participant costs after the view itself.
 * Tomcat's own per-connection message buffers are set small in application.properties
 * ({@code org.apache.tomcat.websocket.textBufferSize}); they grow to Atmosphere's limit for a
 * longer message.
 */
@Component
class PushBuffers implements VaadinServiceInitListener {

    static final String ATMOSPHERE_BUFFER_SIZE = "org.atmosphere.websocket.bufferSize";
    static final int READ_BUFFER = 1024;
    private static final Logger log = LoggerFactory.getLogger(PushBuffers.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service)) {
            return;
        }
        VaadinServlet servlet = service.getServlet();
        Object framework = servlet.getServletContext().getAttribute(JSR356WebsocketInitializer.getAttributeName(servlet.getServletName()));
        if (framework instanceof AtmosphereFramework atmosphere) {
            // Read for each new connection, after Vaadin's own value: this one wins.
            atmosphere.addInitParameter(ATMOSPHERE_BUFFER_SIZE, String.valueOf(READ_BUFFER));
        } else {
            log.info("No pre-initialized Atmosphere for servlet {}: push connections keep Vaadin's buffer size", servlet.getServletName());
        }
    }
}
