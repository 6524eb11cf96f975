package com.mediscan.consultation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a consultation is open in a window of this session (waiting room or connected call).
 * The session attribute {@value #SESSION_ATTRIBUTE} holds {@code Boolean.TRUE} while one is, so
 * that an idle sign-out can leave a person in a call alone without depending on this package.
 * Callers hold the session lock, as in attach and detach.
 */
public final class CallActivity {

    public static final String SESSION_ATTRIBUTE = "mediscan.call.active";
    private static final String WINDOWS_ATTRIBUTE = CallActivity.class.getName() + ".windows";

    private CallActivity() {
    }

    public static boolean isActive(VaadinSession session) {
        return Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE));
    }

    static void started(UI ui) {
        Set<Integer> windows = windows(ui.getSession());
        windows.add(ui.getUIId());
        update(ui.getSession(), windows);
    }

    static void stopped(UI ui) {
        Set<Integer> windows = windows(ui.getSession());
        boolean wasActive = !windows.isEmpty();
        windows.remove(ui.getUIId());
        update(ui.getSession(), windows);
        if (wasActive && windows.isEmpty()) {
            // The session counted as active all through the call: the idle time starts when it ends,
            // not at the idle watcher's last look during it (a look is due only every few minutes).
            ui.getSession().setLastRequestTimestamp(System.currentTimeMillis());
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Integer> windows(VaadinSession session) {
        Object stored = session.getAttribute(WINDOWS_ATTRIBUTE);
        return stored instanceof Set<?> set ? new HashSet<>((Set<Integer>) set) : new HashSet<>();
    }

    // One window leaving must not clear the flag while a call goes on in another.
    private static void update(VaadinSession session, Set<Integer> windows) {
        session.setAttribute(WINDOWS_ATTRIBUTE, windows.isEmpty() ? null : windows);
        session.setAttribute(SESSION_ATTRIBUTE, windows.isEmpty() ? null : Boolean.TRUE);
    }
}
