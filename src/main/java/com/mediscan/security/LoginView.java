package com.mediscan.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · MediScan")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm loginForm = new LoginForm();

    public LoginView(LoginThrottle throttle) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        // One message for every failure: wrong password, unknown address, locked or deactivated
        // account all read the same, so the form reveals nothing about which accounts exist.
        i18n.getErrorMessage().setMessage("Check your email and password and try again. After "
                + "repeated failures sign-in is paused for " + throttle.lockDuration().toMinutes() + " minutes.");
        loginForm.setI18n(i18n);
        loginForm.setAction("login");
        loginForm.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("MediScan");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("Private video consultations with your clinic");
        tagline.addClassName("login-tagline");
        Div card = new Div(brand, tagline, loginForm);
        card.addClassNames("glass-card", "login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        loginForm.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
