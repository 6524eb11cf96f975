package com.mediscan.security;

import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.session.ManagerBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * With {@code server.servlet.session.persistent}, Tomcat writes sessions to disk on shutdown and
 * reads them back on start, so people stay signed in across a restart. Only the sign-in itself
 * is written: Vaadin's session holds the UI with its Spring beans, which cannot be serialized,
 * and a failed attribute leaves a stream Tomcat cannot read back (every session is then lost).
 * The remember-me series goes with it, so the restored session still renews and ends its sign-in.
 */
@Component
class PersistedSessions implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** A regular expression of attribute names: the sign-in, and the remember-me series that belongs to it. */
    static final String PERSISTED_ATTRIBUTES = "SPRING_SECURITY_CONTEXT|" + Pattern.quote(RememberMeSignIns.SERIES);

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                onlySignIns((Context) event.getLifecycle());
            }
        }));
    }

    private static void onlySignIns(Context context) {
        if (context.getManager() instanceof ManagerBase manager) {
            manager.setSessionAttributeNameFilter(PERSISTED_ATTRIBUTES);
        }
    }
}
