package com.mediscan.chat.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.chat.domain.ChatMessage;
import com.mediscan.chat.domain.ChatMessageRepository;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The chat panel between two real browsers, hosted by the test-only {@link ChatHarnessView}
 * until the consultation view embeds it.
 */
class ChatBrowserIT extends BrowserTest {

    private static final String PAYLOAD = "<img src=x onerror=alert(1)>";
    /** Longer than the typing indicator's lifetime and Vaadin's reconnect interval (both a few seconds). */
    private static final double WAIT_FOR_TIMERS = 20_000;

    @Autowired
    ApplicationContext context;
    @Autowired
    ChatMessageRepository storedMessages;

    private ChatTestAppointments testAppointments;
    private Appointment appointment;

    @BeforeEach
    void consultation() {
        testAppointments = new ChatTestAppointments(context);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
    }

    @AfterEach
    void removeConsultation() {
        testAppointments.removeCreated();
    }

    private Page openChat(Page page) {
        page.navigate(url("/test-harness/chat/" + appointment.getId()));
        messageBox(page).waitFor();
        return page;
    }

    private static LocatorAssertions.HasCountOptions onceReconnected() {
        return new LocatorAssertions.HasCountOptions().setTimeout(WAIT_FOR_TIMERS);
    }

    private static Locator messageBox(Page page) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message"));
    }

    private static Locator sendButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"));
    }

    private static Locator messages(Page page) {
        return page.locator("vaadin-message-list vaadin-message");
    }

    private static Locator message(Page page, String text) {
        return messages(page).filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void doctorAndPatientChatAndAReloadShowsTheWholeHistory() {
        Page doctor = openChat(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD));
        Page patient = openChat(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        List<String> dialogs = new CopyOnWriteArrayList<>();
        patient.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });

        messageBox(doctor).fill("Hello Kriya, can you hear me?");
        messageBox(doctor).press("Enter");
        message(patient, "Hello Kriya, can you hear me?").waitFor();
        assertThat(messageBox(doctor)).hasValue("");

        messageBox(patient).pressSequentially("Yes, I can hear you.");
        assertThat(doctor.locator(".chat-typing")).hasText("Kriya Mehta is typing…");
        assertThat(patient.locator(".chat-counter")).hasText("20 / 2000");
        sendButton(patient).click();
        message(doctor, "Yes, I can hear you.").waitFor();
        assertThat(doctor.locator(".chat-typing")).isHidden();  // hidden at once by the arriving message

        messageBox(doctor).fill(PAYLOAD);
        sendButton(doctor).click();
        message(patient, PAYLOAD).waitFor();
        assertThat(patient.locator("vaadin-message-list img[src=x]")).hasCount(0);

        patient.reload();
        assertThat(messages(patient)).hasCount(3);
        assertThat(messages(patient)).containsText(new String[] {
                "Hello Kriya, can you hear me?", "Yes, I can hear you.", PAYLOAD});
        assertThat(patient.locator("vaadin-message-list img[src=x]")).hasCount(0);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void theTypingIndicatorGoesAFewSecondsAfterTypingStops() {
        Page doctor = openChat(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD));
        Page patient = openChat(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));

        messageBox(doctor).pressSequentially("Let me check your report");
        assertThat(patient.locator(".chat-typing")).hasText("Dr. Rajesh Patel is typing…");
        assertThat(patient.locator(".chat-typing")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(WAIT_FOR_TIMERS));
        assertThat(messageBox(doctor)).hasValue("Let me check your report");
    }

    /**
     * The worst case for doubling: the doctor's requests reach the server but its answers are
     * lost, so his browser believes nothing arrived and sends the same request again once the
     * line is back. Vaadin's client sends its requests over HTTP and receives pushes over a
     * WebSocket; the test drops the HTTP answers.
     */
    @Test
    void aMessageSentWhileTheConnectionIsDownArrivesExactlyOnce() {
        Page doctor = openChat(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD));
        Page patient = openChat(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        AtomicBoolean lineDown = new AtomicBoolean();
        AtomicInteger lostAnswers = new AtomicInteger();
        doctor.route(address -> address.contains("v-r=uidl"), route -> {
            if (lineDown.get()) {
                route.fetch();
                lostAnswers.incrementAndGet();
                route.abort("connectionreset");
            } else {
                route.resume();
            }
        });

        // The send itself is stored, but the doctor's browser never hears so and sends it again.
        messageBox(doctor).fill("Sent as the line went down");
        assertThat(doctor.locator(".chat-counter")).hasText("26 / 2000");
        lineDown.set(true);
        sendButton(doctor).click();
        doctor.waitForCondition(() -> storedMessages.findConversation(appointment.getId()).size() == 1);
        assertThat(message(patient, "Sent as the line went down")).hasCount(1);
        lineDown.set(false);
        assertThat(message(doctor, "Sent as the line went down")).hasCount(1, onceReconnected());
        assertThat(messageBox(doctor)).hasValue("");

        // Typed and sent while the browser is still trying to get through.
        lineDown.set(true);
        messageBox(doctor).fill("Typed during the reconnect");
        messageBox(doctor).press("Enter");
        doctor.waitForCondition(() -> lostAnswers.get() >= 2);
        lineDown.set(false);
        assertThat(message(doctor, "Typed during the reconnect")).hasCount(1, onceReconnected());
        assertThat(message(patient, "Typed during the reconnect")).hasCount(1);
        assertThat(messageBox(doctor)).hasValue("");

        assertThat(message(patient, "Sent as the line went down")).hasCount(1);
        assertThat(storedMessages.findConversation(appointment.getId())).extracting(ChatMessage::getText)
                .containsExactly("Sent as the line went down", "Typed during the reconnect");
        // Closing a context with a live route handler fails in Playwright Java 1.57.
        doctor.unrouteAll();
    }
}
