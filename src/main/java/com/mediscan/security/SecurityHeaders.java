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
     * The tightest policy Vaadin Flow runs under, found by trying variants in Chromium on the
     * production build (sign-in, dashboards, audit trail, sign-out; HardeningBrowserIT keeps
     * checking it): nothing is allowed unless listed. Vaadin needs script-src 'unsafe-inline' (its
     * bootstrap page starts the client engine with inline scripts) and 'unsafe-eval' (the engine
     * runs executeJs and event data expressions as constructed functions: without it sign-in
     * fails), style-src 'unsafe-inline' (components and Lumo apply inline styles) and font-src
     * data: (Lumo's fonts are data URLs). Images need only 'self'. connect-src 'self' covers the push
     * WebSocket (CSP 3 matches ws/wss of the page's own host). base-uri 'self' because Vaadin's page
     * carries a base element. Camera and microphone streams shown with srcObject are not subject
     * to media-src.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self'",
            "font-src 'self' data:",
            "media-src 'self'",
            "connect-src 'self'",
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
