package com.mediscan.support;

import com.github.mvysny.fakeservlet.FakeResponse;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.net.URI;

/** In a Karibu test: what following a download anchor answers, its handler run as the browser's request would run it. */
public final class KaribuDownloads {

    /** The status and body of the answer. */
    public record Answer(int status, byte[] body) {
    }

    private KaribuDownloads() {
    }

    public static Answer follow(Anchor anchor) throws Exception {
        VaadinSession session = VaadinSession.getCurrent();
        var resource = session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(anchor.getHref())).orElseThrow();
        FakeResponse fake = new FakeResponse();
        resource.getElementRequestHandler().handleRequest(VaadinRequest.getCurrent(),
                new VaadinServletResponse(fake, (VaadinServletService) VaadinService.getCurrent()), session, resource.getOwner());
        return new Answer(fake.getStatus(), fake.getBuffer().toByteArray());
    }
}
