package com.mediscan.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A panel beside the call (chat, prescription): a column on a desktop, a full-screen sheet with
 * its own close button on a phone (consultation.css). It holds a placeholder until the feature's
 * panel is put in with {@link #setContent}.
 */
class SidePanel extends Aside {

    final Div content = new Div();
    final Button close;

    SidePanel(String title, String closeLabel, String placeholder, Runnable onClose) {
        addClassName("side-panel");
        getElement().setAttribute("aria-label", title);
        close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> onClose.run());
        close.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        close.setAriaLabel(closeLabel);
        close.setTooltipText(closeLabel);
        Div header = new Div(new H3(title), close);
        header.addClassName("side-panel-header");
        content.addClassName("side-panel-content");
        Paragraph placeholderText = new Paragraph(placeholder);
        placeholderText.addClassName("side-panel-placeholder");
        content.add(placeholderText);
        add(header, content);
        setVisible(false);
    }

    void setContent(Component panel) {
        content.removeAll();
        content.add(panel);
    }
}
