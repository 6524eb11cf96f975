package com.mediscan.support;

import com.mediscan.security.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Acting as a demo user in service tests, as a signed-in session would. */
public final class SecurityTestSupport {

    private SecurityTestSupport() {
    }

    public static SignedInUser actAs(UserDetailsService users, String email) {
        SignedInUser user = (SignedInUser) users.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
