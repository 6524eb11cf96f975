package com.mediscan.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** The response headers every page and resource carries. */
public final class SecurityHeaders {

    /**
     * The tightest policy Vaadin Flow runs under (checked in Chromium: no violations on sign-in and
     * dashboards, see ContentSecurityPolicyBrowserIT). Vaadin needs script-src 'unsafe-inline'
     * (its bootstrap page starts the client engine with an inline script) and 'unsafe-eval' (the
     * engine runs executeJs and event data expressions as constructed functions), and style-src
     * 'unsafe-inline' (components and themes inject style elements). Everything else comes from the
     * application's own origin: connect-src 'self' covers the push WebSocket (CSP 3 lets 'self'
     * match ws/wss on the same host), media and images may also be local blobs and data URLs
     * (camera previews, icons), and nothing may frame the application.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Camera, microphone and screen sharing for the application's own pages only; nothing else. */
    public static final String PERMISSIONS_POLICY = String.join(", ",
            "camera=(self)", "microphone=(self)", "display-capture=(self)", "fullscreen=(self)",
            "geolocation=()", "payment=()", "usb=()");

    /**
     * Vaadin serves its pages through a servlet forward, after which Tomcat completes the response
     * underneath Spring Security's wrapper, so headers written "on commit" never reach the page.
     * Written before the request is handled, they do; Vaadin then also keeps our X-Frame-Options
     * instead of adding its own SAMEORIGIN.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> WRITE_EAGERLY = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

    private SecurityHeaders() {
    }

    /**
     * Spring Security writes HSTS only on secure requests (HTTPS directly, or X-Forwarded-Proto
     * https from a trusted proxy), and X-Content-Type-Options nosniff by default.
     */
    static void apply(HeadersConfigurer<HttpSecurity> headers) {
        headers.withObjectPostProcessor(WRITE_EAGERLY)
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(contentType -> { })
                .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(false));
    }
}
