package com.mediscan.audit.service;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.security.SessionAttributes;
import com.mediscan.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts the end of every signed-in session on the audit trail: a sign-out (Spring Security's
 * logout handlers run it, also for Vaadin's {@code AuthenticationContext.logout()}), an idle
 * sign-out by MediScan, or a session the server let expire.
 */
@Component
public class SessionEndAudit implements LogoutHandler, HttpSessionListener {

    /** Set on a session whose end is already recorded, so its invalidation is not recorded again. */
    static final String RECORDED = SessionEndAudit.class.getName() + ".recorded";

    private final AuditService audit;
    private volatile boolean serverStopping;

    SessionEndAudit(AuditService audit) {
        this.audit = audit;
    }

    /** Runs before Spring Security's own handler invalidates the session. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        HttpSession session = request.getSession(false);
        String reason = session == null ? null : endReason(session);
        audit.recordFor(user.accountId(), user.email(), reason == null ? AuditAction.SIGN_OUT : AuditAction.SESSION_TIMEOUT,
                AuditOutcome.ALLOWED, AuditService.Subject.none(), reason);
        if (session != null) {
            session.setAttribute(RECORDED, Boolean.TRUE);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        if (serverStopping || session.getAttribute(RECORDED) != null) {
            return;
        }
        SignedInUser user = signedInUser(session);
        if (user != null) {
            String reason = endReason(session);
            audit.recordFrom(ClientAddress.signInAddressOf(session), user.accountId(), user.email(), AuditAction.SESSION_TIMEOUT,
                    AuditOutcome.ALLOWED, AuditService.Subject.none(),
                    reason == null ? "session expired after " + session.getMaxInactiveInterval() / 60 + " minutes without requests" : reason);
        }
    }

    /** Sessions that end because the server stops were not timed out by anyone: nothing to record. */
    @EventListener
    void onShutdown(ContextClosedEvent event) {
        serverStopping = true;
    }

    private static String endReason(HttpSession session) {
        return session.getAttribute(SessionAttributes.END_REASON) instanceof String reason ? reason : null;
    }

    private static SignedInUser signedInUser(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext securityContext && securityContext.getAuthentication() != null
                && securityContext.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            return user;
        }
        return null;
    }
}
