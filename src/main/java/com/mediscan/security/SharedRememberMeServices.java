package com.mediscan.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * Remember-me for every sign-in (Vaadin's login form has no checkbox), stored in the shared
 * database so any node honours it. It differs from its parent in three ways:
 * <ul>
 * <li>The token is not rotated on use. Rotation exists to notice a stolen cookie, but when a node
 *     dies every tab of a person reloads at once with the same cookie; with rotation the second
 *     tab counts as theft and signs the person out everywhere. The token stays secret instead:
 *     an HttpOnly cookie, stored only as a SHA-256 hash, valid for the idle timeout after the last
 *     activity, and removed with its session ({@link RememberMeSignIns}).</li>
 * <li>The cookie lasts as long as the browser session; the database decides how long it is valid.</li>
 * <li>Signing out removes this browser's sign-in only, not the person's other devices.</li>
 * </ul>
 */
class SharedRememberMeServices extends PersistentTokenBasedRememberMeServices {

    private final RememberMeSignIns signIns;
    private final Counter remembered;

    SharedRememberMeServices(UserDetailsService users, RememberMeSignIns signIns, Duration idleTimeout, MeterRegistry meters) {
        super(UUID.randomUUID().toString(), users, signIns.tokens());
        this.signIns = signIns;
        this.remembered = Counter.builder("mediscan.signin.remembered")
                .description("Pages signed in again by remember-me: reloads after a lost node or session").register(meters);
        setAlwaysRemember(true);
        setTokenValiditySeconds((int) idleTimeout.toSeconds());
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication successfulAuthentication) {
        String series = generateSeriesData();
        String token = generateTokenData();
        Date now = new Date();
        signIns.tokens().createNewToken(new PersistentRememberMeToken(successfulAuthentication.getName(), series, hash(token), now));
        signIns.signedIn(request.getSession(), series, now.toInstant());
        setCookie(new String[] {series, token}, -1, request, response);
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request, HttpServletResponse response) {
        if (cookieTokens.length != 2) {
            throw new InvalidCookieException("Cookie token did not contain 2 tokens");
        }
        PersistentRememberMeToken stored = signIns.tokens().getTokenForSeries(cookieTokens[0]);
        if (stored == null) {
            throw new RememberMeAuthenticationException("No remember-me sign-in for this series (signed out, or expired)");
        }
        if (!MessageDigest.isEqual(stored.getTokenValue().getBytes(StandardCharsets.US_ASCII),
                hash(cookieTokens[1]).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidCookieException("Remember-me token does not match its series");
        }
        if (stored.getDate().getTime() + getTokenValiditySeconds() * 1000L < System.currentTimeMillis()) {
            throw new RememberMeAuthenticationException("Remember-me sign-in has expired");
        }
        Date now = new Date();
        signIns.tokens().updateToken(stored.getSeries(), stored.getTokenValue(), now);
        signIns.signedIn(request.getSession(), stored.getSeries(), now.toInstant());
        remembered.increment();
        return getUserDetailsService().loadUserByUsername(stored.getUsername());
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        cancelCookie(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            signIns.revoke(session);
        }
    }

    private static String hash(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
