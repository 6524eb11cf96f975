package com.mediscan.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.chat.service.ChatService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.SecurityTestSupport;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.messages.MessageListItem;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The chat of a finished consultation as its record shows it. */
class ChatTranscriptTest extends KaribuTest {

    @Autowired
    ChatPanelFactory chatPanels;
    @Autowired
    ChatService chatService;
    @Autowired
    UserDetailsService users;

    private ChatTestAppointments testAppointments;
    private Appointment appointment;

    @BeforeEach
    void finishedConsultationWithAChat() {
        testAppointments = new ChatTestAppointments(applicationContext);
        appointment = testAppointments.scheduled(DemoUsers.SNEHA, DemoUsers.KRIYA);
        SecurityTestSupport.actAs(users, DemoUsers.SNEHA);
        chatService.send(appointment.getId(), UUID.randomUUID(), "Apply the cream twice a day.");
        SecurityTestSupport.actAs(users, DemoUsers.KRIYA);
        chatService.send(appointment.getId(), UUID.randomUUID(), "<script>alert('x')</script> For how long?");
        SecurityTestSupport.actAs(users, DemoUsers.SNEHA);
        chatService.send(appointment.getId(), UUID.randomUUID(), "Two weeks.");
        testAppointments.complete(appointment);
        SecurityTestSupport.signOut();
    }

    @AfterEach
    void removeConsultations() {
        testAppointments.removeCreated();
    }

    private ChatTranscript transcriptFor(String email) {
        signIn(email);
        ChatTranscript transcript = chatPanels.transcriptOf(appointment.getId());
        UI.getCurrent().add(transcript);
        return transcript;
    }

    @Test
    void thePatientReadsTheWholeChatInOrderAsText() {
        ChatTranscript transcript = transcriptFor(DemoUsers.KRIYA);

        assertThat(transcript.messages.getItems()).extracting(MessageListItem::getText).containsExactly(
                "Apply the cream twice a day.", "<script>alert('x')</script> For how long?", "Two weeks.");
        assertThat(transcript.messages.getItems()).extracting(MessageListItem::getUserName)
                .containsExactly("Dr. Sneha Shah", "Kriya Mehta", "Dr. Sneha Shah");
        assertThat(transcript.messages.isMarkdown()).isFalse();
        assertThat(transcript.emptyNote.isVisible()).isFalse();
    }

    @Test
    void theDoctorReadsItToo() {
        assertThat(transcriptFor(DemoUsers.SNEHA).messages.getItems()).hasSize(3);
    }

    @Test
    void nobodyElseReadsIt() {
        for (String outsider : new String[] {DemoUsers.ARJUN, DemoUsers.RAJESH, DemoUsers.ADMIN}) {
            ChatTranscript transcript = transcriptFor(outsider);
            assertThat(transcript.messages.getItems()).isEmpty();
            assertThat(transcript.emptyNote.getText()).isEqualTo("This record does not exist or you do not have access to it.");
            UI.getCurrent().remove(transcript);
        }
    }

    @Test
    void aConsultationWithoutChatSaysSo() {
        appointment = testAppointments.scheduled(DemoUsers.SNEHA, DemoUsers.KRIYA);
        ChatTranscript transcript = transcriptFor(DemoUsers.KRIYA);
        assertThat(transcript.emptyNote.isVisible()).isTrue();
        assertThat(transcript.emptyNote.getText()).isEqualTo("No chat messages were exchanged in this consultation.");
    }
}
