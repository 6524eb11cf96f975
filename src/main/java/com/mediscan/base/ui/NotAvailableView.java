package com.mediscan.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for a page that does not exist and for one the user may not open: both read the same,
 * so a refusal does not confirm that the page or record is there.
 */
@AnonymousAllowed
public class NotAvailableView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public static final String TITLE = "Not available";

    public NotAvailableView() {
        addClassName("not-available-view");
        add(new H2(TITLE),
                new Paragraph("This page does not exist or is not available to your account."),
                new Anchor("/", "Go to my home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
