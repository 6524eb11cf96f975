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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs a session out after {@link IdleTimeout} without user activity, with a warning dialog a
 * minute before. User activity is what Vaadin itself counts: any request from the browser except
 * heartbeats (VaadinSession.getLastRequestTimestamp). While a call is connected (session attribute
 * {@link SessionAttributes#CALL_ACTIVE}) the session counts as active, so Vaadin's own
 * closeIdleSessions does not end it either.
 * <p>
 * Each signed-in window is looked at only when something can be due: its warning (from the
 * session's last activity), its sign-out, or the renewal of its remember-me sign-in
 * ({@link #RENEWAL}); a look finds out when the next one is due. Looking at every window on a fixed
 * beat cost each of thousands of open windows a lock and a task every few seconds.
 *
 * <p>Vaadin closes a session whose only requests are heartbeats once the servlet session timeout has
 * passed (vaadin.close-idle-sessions, server.servlet.session.timeout = the idle timeout); this class
 * then also invalidates the HTTP session, so the person is really signed out and not silently
 * signed back into a fresh UI.
 */
@Component
public class IdleSessionWatcher implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSessionWatcher.class);
    /**
     * An active session's remember-me sign-in is renewed at least this often, so that it stays valid
     * for most of the idle timeout after the person's last activity should their node die.
     */
    static final Duration RENEWAL = Duration.ofMinutes(5);

    /** Session-wide warning state, guarded by the VaadinSession lock. */
    static final class IdleState {
        /** The activity time a warning was shown for: later requests (the dialog's own) do not count until "Stay signed in". */
        Instant warnedFor;
        boolean signingOut;
    }

    private final IdleTimeout idleTimeout;
    private final AuthenticationContext authentication;
    private final RememberMeSignIns rememberMe;
    /** The next look at each signed-in window. */
    private final Map<UI, ScheduledFuture<?>> nextLooks = new ConcurrentHashMap<>();
    private volatile boolean serverStopping;
    private final ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "mediscan-idle-sessions");
        thread.setDaemon(true);
        return thread;
    });

    public IdleSessionWatcher(IdleTimeout idleTimeout, AuthenticationContext authentication, RememberMeSignIns rememberMe) {
        this.idleTimeout = idleTimeout;
        this.authentication = authentication;
        this.rememberMe = rememberMe;
        ticker.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            if (authentication.isAuthenticated()) {
                // The first look finds out when the next is due (a window opened while the warning shows shows it too).
                lookAt(ui, idleTimeout.now());
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

    /** When the window is looked at next; empty when nothing is due any more (signing out, closed). */
    Instant nextLookAt(UI ui) {
        ScheduledFuture<?> next = nextLooks.get(ui);
        return next == null ? null : idleTimeout.now().plusMillis(next.getDelay(TimeUnit.MILLISECONDS));
    }

    /** Schedules the window's next look instead of any earlier one; the caller holds the window's session lock. */
    private void lookAt(UI ui, Instant when) {
        long delay = Math.max(0, Duration.between(idleTimeout.now(), when).toMillis());
        ScheduledFuture<?> previous = nextLooks.put(ui, ticker.schedule(() -> look(ui), delay, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        } else {
            ui.addDetachListener(detach -> forget(ui));
        }
    }

    private void look(UI ui) {
        try {
            ui.access(() -> check(ui));
        } catch (UIDetachedException detached) {
            forget(ui);
        } catch (RuntimeException unexpected) {
            log.warn("Idle check failed for a UI", unexpected);
        }
    }

    private void forget(UI ui) {
        ScheduledFuture<?> next = nextLooks.remove(ui);
        if (next != null) {
            next.cancel(false);
        }
    }

    /** One look at the UI's session, and when to look again; runs with the session locked. */
    void check(UI ui) {
        VaadinSession session = ui.getSession();
        IdleState state = stateOf(session);
        if (state.signingOut) {
            forget(ui);
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
                Instant renewal = idleTimeout.now().plus(RENEWAL);
                lookAt(ui, decision.changesAt().isBefore(renewal) ? decision.changesAt() : renewal);
            }
            case WARNING -> {
                state.warnedFor = lastActivity;
                IdleWarningDialog.showIn(ui, decision.signOutAt(), () -> stayedSignedIn(session), authentication::logout);
                lookAt(ui, decision.changesAt());
            }
            case EXPIRED -> signOut(ui, state);
        }
    }

    /** "Stay signed in" in one window: the warnings in the session's other windows close at once. */
    private void stayedSignedIn(VaadinSession session) {
        markActive(session);
        Instant now = idleTimeout.now();
        nextLooks.keySet().stream().filter(window -> window.getSession() == session).forEach(window -> lookAt(window, now));
    }

    private void markActive(VaadinSession session) {
        session.setLastRequestTimestamp(idleTimeout.now().toEpochMilli());
        stateOf(session).warnedFor = null;
    }

    private void signOut(UI ui, IdleState state) {
        state.signingOut = true;
        forget(ui);
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
