package com.mediscan.security;

import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.stereotype.Component;

/**
 * The remember-me sign-ins in {@code persistent_logins}, one per browser session: they let a page
 * that another node reloads (its own node died) sign in again without a password, and no longer.
 * A sign-in stays valid for the idle timeout after the person's last activity (renewed while they
 * are active, see {@link IdleSessionWatcher}), and is removed when its session ends: at sign-out,
 * at idle sign-out, when the session expires. Only a stopping server keeps them: its users are
 * about to move to another node.
 */
@Component
public class RememberMeSignIns implements HttpSessionListener {

    /** The session's remember-me series (the key of its row). */
    static final String SERIES = RememberMeSignIns.class.getName() + ".series";
    /** The activity time last written to the row, so that most checks need no database. */
    private static final String RENEWED_FOR = RememberMeSignIns.class.getName() + ".renewedFor";
    private static final Duration RENEW_AFTER = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
    private volatile boolean serverStopping;

    RememberMeSignIns(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        tokens.setDataSource(dataSource);
        tokens.afterPropertiesSet();
    }

    JdbcTokenRepositoryImpl tokens() {
        return tokens;
    }

    /**
     * The session signed in with (or by) the series, whose row was just stamped {@code at}: the first
     * renewal is due {@link #RENEW_AFTER} later, not at the first look of the idle watcher.
     */
    void signedIn(HttpSession session, String series, Instant at) {
        session.setAttribute(SERIES, series);
        session.setAttribute(RENEWED_FOR, at);
    }

    /** The person was active at {@code lastActivity}: their sign-in stays valid for the idle timeout from then. */
    void renew(WrappedSession session, Instant lastActivity) {
        if (session == null || !(session.getAttribute(SERIES) instanceof String series)) {
            return;
        }
        if (session.getAttribute(RENEWED_FOR) instanceof Instant renewed && lastActivity.isBefore(renewed.plus(RENEW_AFTER))) {
            return;
        }
        jdbc.update("update persistent_logins set last_used = ? where series = ? and last_used < ?",
                Timestamp.from(lastActivity), series, Timestamp.from(lastActivity));
        session.setAttribute(RENEWED_FOR, lastActivity);
    }

    void revoke(HttpSession session) {
        if (session.getAttribute(SERIES) instanceof String series) {
            jdbc.update("delete from persistent_logins where series = ?", series);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (!serverStopping) {
            revoke(event.getSession());
        }
    }

    @EventListener
    void onShutdown(ContextClosedEvent event) {
        serverStopping = true;
    }
}
