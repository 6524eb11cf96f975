package com.mediscan.audit.service;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address the current request came from. Behind a reverse proxy this is the client's
 * address only once the proxy is trusted (server.forward-headers-strategy=native and
 * server.tomcat.remoteip.internal-proxies, see README "HTTPS"): then Tomcat replaces the
 * proxy's address with the one from X-Forwarded-For before any of this code runs.
 */
@Component
public class ClientAddress {

    /** Session attribute: the address of the request that signed the session in. */
    static final String SIGNED_IN_FROM = ClientAddress.class.getName() + ".signedInFrom";
    static final String INTERNAL = "internal";

    public String current() {
        VaadinRequest vaadinRequest = VaadinRequest.getCurrent();
        if (vaadinRequest != null) {
            return vaadinRequest.getRemoteAddr();
        }
        HttpServletRequest request = currentServletRequest();
        return request == null ? INTERNAL : request.getRemoteAddr();
    }

    /** Remembers where a sign-in came from, for events noticed later without a request (an expired session). */
    void rememberSignInAddress() {
        HttpServletRequest request = currentServletRequest();
        HttpSession session = request == null ? null : request.getSession(false);
        if (session != null) {
            session.setAttribute(SIGNED_IN_FROM, request.getRemoteAddr());
        }
    }

    static String signInAddressOf(HttpSession session) {
        return session.getAttribute(SIGNED_IN_FROM) instanceof String address ? address : INTERNAL;
    }

    private static HttpServletRequest currentServletRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
