package com.mediscan.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs a session out after {@link IdleTimeout} without user activity, with a warning dialog a
 * minute before. User activity is what Vaadin itself counts: any request from the browser except
 * heartbeats (VaadinSession.getLastRequestTimestamp). While a call is connected (session attribute
 * {@link SessionAttributes#CALL_ACTIVE}) the session counts as active, so Vaadin's own
 * closeIdleSessions does not end it either.
 *
 * <p>Vaadin closes a session whose only requests are heartbeats once the servlet session timeout has
 * passed (vaadin.close-idle-sessions, server.servlet.session.timeout = the idle timeout); this class
 * then also invalidates the HTTP session, so the person is really signed out and not silently
 * signed back into a fresh UI.
 */
@Component
public class IdleSessionWatcher implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSessionWatcher.class);

    /** Session-wide warning state, guarded by the VaadinSession lock. */
    static final class IdleState {
        /** The activity time a warning was shown for: later requests (the dialog's own) do not count until "Stay signed in". */
        Instant warnedFor;
        boolean signingOut;
    }

    private final IdleTimeout idleTimeout;
    private final AuthenticationContext authentication;
    private final RememberMeSignIns rememberMe;
    private final Set<UI> watched = ConcurrentHashMap.newKeySet();
    private volatile boolean serverStopping;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mediscan-idle-sessions");
        thread.setDaemon(true);
        return thread;
    });

    public IdleSessionWatcher(IdleTimeout idleTimeout, AuthenticationContext authentication, RememberMeSignIns rememberMe,
                              @Value("${mediscan.session.idle-check-interval:PT10S}") Duration checkInterval) {
        this.idleTimeout = idleTimeout;
        this.authentication = authentication;
        this.rememberMe = rememberMe;
        ticker.scheduleWithFixedDelay(this::checkAll, checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            if (authentication.isAuthenticated()) {
                watched.add(ui);
                ui.addDetachListener(detach -> watched.remove(ui));
            }
        });
        event.getSource().addSessionDestroyListener(destroy -> endHttpSession(destroy.getSession()));
    }

    /**
     * A stopping server unbinds every Vaadin session while Tomcat persists the sessions: that is
     * no idle end, and the sign-in must stay for the restart.
     */
    @EventListener
    void onShutdown(ContextClosedEvent event) {
        serverStopping = true;
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    private void checkAll() {
        for (UI ui : watched) {
            try {
                ui.access(() -> check(ui));
            } catch (UIDetachedException detached) {
                watched.remove(ui);
            } catch (RuntimeException unexpected) {
                log.warn("Idle check failed for a UI", unexpected);
            }
        }
    }

    /** One look at the UI's session; runs with the session locked. */
    void check(UI ui) {
        VaadinSession session = ui.getSession();
        IdleState state = stateOf(session);
        if (state.signingOut) {
            return;
        }
        boolean inCall = Boolean.TRUE.equals(session.getAttribute(SessionAttributes.CALL_ACTIVE));
        if (inCall) {
            markActive(session);
        }
        Instant lastActivity = state.warnedFor != null ? state.warnedFor : Instant.ofEpochMilli(session.getLastRequestTimestamp());
        IdleTimeout.Decision decision = idleTimeout.decide(lastActivity, inCall);
        switch (decision.stage()) {
            case ACTIVE -> {
                IdleWarningDialog.closeIn(ui);
                rememberMe.renew(session.getSession(), lastActivity);
            }
            case WARNING -> {
                state.warnedFor = lastActivity;
                IdleWarningDialog.showIn(ui, decision.signOutAt(), () -> markActive(session), authentication::logout);
            }
            case EXPIRED -> signOut(ui, state);
        }
    }

    private void markActive(VaadinSession session) {
        session.setLastRequestTimestamp(idleTimeout.now().toEpochMilli());
        stateOf(session).warnedFor = null;
    }

    private void signOut(UI ui, IdleState state) {
        state.signingOut = true;
        WrappedSession httpSession = ui.getSession().getSession();
        if (httpSession != null) {
            httpSession.setAttribute(SessionAttributes.END_REASON, idleReason());
        }
        IdleWarningDialog.closeIn(ui);
        authentication.logout();
    }

    private void endHttpSession(VaadinSession session) {
        WrappedSession httpSession = session.getSession();
        if (httpSession == null || serverStopping) {
            return;
        }
        try {
            if (httpSession.getAttribute(SessionAttributes.END_REASON) == null) {
                httpSession.setAttribute(SessionAttributes.END_REASON, idleReason() + " (only heartbeats)");
            }
            httpSession.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // The HTTP session ended first (sign-out or expiry) and took the Vaadin session with it.
        }
    }

    private String idleReason() {
        Duration timeout = idleTimeout.timeout();
        String length = timeout.toSecondsPart() == 0 ? timeout.toMinutes() + " minutes" : timeout.toSeconds() + " seconds";
        return "signed out after " + length + " without activity";
    }

    static IdleState stateOf(VaadinSession session) {
        IdleState state = session.getAttribute(IdleState.class);
        if (state == null) {
            state = new IdleState();
            session.setAttribute(IdleState.class, state);
        }
        return state;
    }
}
