package com.mediscan.consultation.ui;

import com.mediscan.chat.ui.ChatPanel;
import com.vaadin.flow.component.Component;
import java.util.function.Supplier;

/**
 * The panels beside the call, chat for both and the prescription for the doctor, one open at a
 * time; the control bar's chat and prescription buttons show which is open and the unread count.
 */
class SidePanels {

    final SidePanel chat = new SidePanel("Chat", "Close chat", "The chat will appear here.", this::toggleChat);
    final SidePanel prescription = new SidePanel("Prescription", "Close prescription",
            "The prescription form will appear here.", this::togglePrescription);

    private final boolean forDoctor;
    private final CallControls controls;
    private ChatPanel chatPanel;
    /** Makes the prescription form when the doctor first opens it: many calls end without one. */
    private Supplier<? extends Component> prescriptionPanel;

    SidePanels(boolean forDoctor, CallControls controls) {
        this.forDoctor = forDoctor;
        this.controls = controls;
        controls.chat.addClickListener(click -> toggleChat());
        controls.prescription.addClickListener(click -> togglePrescription());
    }

    /** The chat goes in closed; it counts unread messages on the chat button until opened. */
    void setChat(ChatPanel panel) {
        chatPanel = panel;
        panel.setPanelOpen(false);
        panel.addUnreadCountListener(controls::setUnreadChatCount);
        chat.setContent(panel);
    }

    void setPrescription(Supplier<? extends Component> panel) {
        prescriptionPanel = panel;
    }

    void toggleChat() {
        showChat(!chat.isVisible());
        if (chat.isVisible() && prescription.isVisible()) {
            prescription.setVisible(false);
            controls.showPrescriptionOpen(false);
        }
    }

    void togglePrescription() {
        if (!forDoctor) {
            return;
        }
        boolean open = !prescription.isVisible();
        if (open && prescriptionPanel != null) {
            prescription.setContent(prescriptionPanel.get());
            prescriptionPanel = null;
        }
        prescription.setVisible(open);
        controls.showPrescriptionOpen(open);
        if (open && chat.isVisible()) {
            showChat(false);
        }
    }

    private void showChat(boolean open) {
        chat.setVisible(open);
        controls.showChatOpen(open);
        if (chatPanel != null) {
            chatPanel.setPanelOpen(open);
        }
    }
}
