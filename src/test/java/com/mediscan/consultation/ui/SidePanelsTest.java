package com.mediscan.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The side panels open one at a time, and the control bar shows which is open and the unread count. */
class SidePanelsTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theDoctorsPanelsOpenOneAtATime() {
        CallControls controls = new CallControls(true);
        SidePanels panels = new SidePanels(true, controls);
        UI.getCurrent().add(panels.chat, panels.prescription, controls);
        Paragraph form = new Paragraph("form");
        panels.setPrescription(() -> form);
        assertThat(panels.prescription.content.getChildren()).as("the placeholder, until opened")
                .singleElement().isNotSameAs(form);

        _click(controls.prescription);
        assertThat(panels.prescription.isVisible()).isTrue();
        assertThat(panels.prescription.content.getChildren()).singleElement().isSameAs(form);
        assertThat(controls.prescription.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        _click(controls.chat);
        assertThat(panels.chat.isVisible()).isTrue();
        assertThat(panels.prescription.isVisible()).isFalse();
        assertThat(controls.prescription.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        _click(panels.chat.close);
        assertThat(panels.chat.isVisible()).isFalse();
        assertThat(controls.chat.getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void thePatientHasNoPrescriptionPanelAndSeesUnreadMessages() {
        CallControls controls = new CallControls(false);
        SidePanels panels = new SidePanels(false, controls);
        UI.getCurrent().add(panels.chat, controls);
        assertThat(controls.prescription.isVisible()).isFalse();
        panels.togglePrescription();
        assertThat(panels.prescription.isVisible()).isFalse();

        controls.setUnreadChatCount(3);
        assertThat(controls.unreadChatBadge.isVisible()).isTrue();
        assertThat(controls.unreadChatBadge.getText()).isEqualTo("3");
        assertThat(controls.chat.getTooltip().getText()).isEqualTo(CallControls.TOGGLE_CHAT + " (3 unread)");
        controls.setUnreadChatCount(0);
        assertThat(controls.unreadChatBadge.isVisible()).isFalse();
    }
}
