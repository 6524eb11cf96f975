package com.mediscan.audit.service;

import com.vaadin.flow.server.VaadinRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address the current request came from. Behind a proxy it is the client's address once
 * forwarded headers are trusted (server.forward-headers-strategy).
 */
@Component
public class ClientAddress {

    public String current() {
        VaadinRequest vaadinRequest = VaadinRequest.getCurrent();
        if (vaadinRequest != null) {
            return vaadinRequest.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "internal";
    }
}
