package com.mediscan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a WebSocket handshake (Vaadin's push channel, /VAADIN/push) whose Origin is not the
 * application's own. Browsers send the session cookie with a cross-site WebSocket handshake and
 * WebSockets are not bound by CORS, so without this check another site could open the push
 * channel in a signed-in person's name (cross-site WebSocket hijacking).
 *
 * <p>The application's own origin is the scheme, host and port the request was addressed to; behind
 * a reverse proxy that is right once forwarded headers are trusted (server.forward-headers-strategy).
 * A deployment whose proxy rewrites the Host header lists its public origin in
 * {@code mediscan.security.allowed-origins}.
 */
public class WebSocketOriginFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketOriginFilter.class);

    private final Set<String> extraAllowedOrigins;

    public WebSocketOriginFilter(Set<String> extraAllowedOrigins) {
        this.extraAllowedOrigins = extraAllowedOrigins.stream()
                .map(String::strip).filter(origin -> !origin.isEmpty())
                .map(WebSocketOriginFilter::normalize).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (isAllowed(origin, request)) {
            chain.doFilter(request, response);
        } else {
            log.warn("Refused a WebSocket handshake to {} from origin {} ({})", request.getRequestURI(), origin, request.getRemoteAddr());
            // Not sendError: its error dispatch would pass Spring Security and turn into a redirect to sign-in.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Cross-origin WebSocket refused");
        }
    }

    /** Browsers always send Origin with a WebSocket handshake, so a missing one is refused as well. */
    boolean isAllowed(String origin, HttpServletRequest request) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        String normalized;
        try {
            normalized = normalize(origin);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return normalized.equals(ownOrigin(request)) || extraAllowedOrigins.contains(normalized);
    }

    static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    static String normalize(String origin) {
        URI uri = URI.create(origin.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an origin: " + origin);
        }
        return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    private static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(lowerScheme) && port == 80) || ("https".equals(lowerScheme) && port == 443);
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
