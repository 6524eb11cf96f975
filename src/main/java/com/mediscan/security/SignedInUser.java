package com.mediscan.security;

import com.mediscan.account.domain.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** What the session keeps of a signed-in person: enough to authorize, never the clinical record. */
public record SignedInUser(Long accountId, String email, String fullName, Role role, String passwordHash,
                           boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Name as others should see it: doctors are addressed with their title. */
    public String displayName() {
        return role == Role.DOCTOR ? "Dr. " + fullName : fullName;
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + accountId + ", " + role + "]";
    }
}
