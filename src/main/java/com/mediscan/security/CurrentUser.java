package com.mediscan.security;

import com.mediscan.account.domain.Role;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The person behind the current request or UI access, as services need it to authorize. */
@Component
public class CurrentUser {

    public Optional<SignedInUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public SignedInUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Please sign in first."));
    }

    public SignedInUser requireRole(Role role) {
        SignedInUser user = require();
        if (!user.is(role)) {
            throw new AccessDeniedException("This action is not available to your account.");
        }
        return user;
    }
}
