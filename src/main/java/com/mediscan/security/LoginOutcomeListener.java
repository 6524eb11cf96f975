package com.mediscan.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds sign-in outcomes to the throttle. */
@Component
class LoginOutcomeListener {

    private final LoginThrottle throttle;

    LoginOutcomeListener(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        throttle.recordSuccess(event.getAuthentication().getName());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        throttle.recordFailure(event.getAuthentication().getName());
    }
}
