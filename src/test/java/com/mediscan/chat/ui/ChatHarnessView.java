package com.mediscan.chat.ui;

import com.mediscan.security.Roles;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Hosts the chat panel for {@link ChatBrowserIT} until the consultation view exists. It lives
 * with the tests, so it is never part of the application jar.
 */
@Route("test-harness/chat")
@RolesAllowed({Roles.DOCTOR, Roles.PATIENT})
public class ChatHarnessView extends VerticalLayout implements HasUrlParameter<Long> {

    private final ChatPanelFactory chatPanels;

    public ChatHarnessView(ChatPanelFactory chatPanels) {
        this.chatPanels = chatPanels;
        setHeight("90vh");
    }

    @Override
    public void setParameter(BeforeEvent event, Long appointmentId) {
        removeAll();
        ChatPanel panel = chatPanels.create(appointmentId);
        panel.setHeightFull();
        add(panel);
    }
}
