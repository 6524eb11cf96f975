package com.mediscan.security;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.account.domain.UserAccountRepository;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final LoginThrottle throttle;

    AccountUserDetailsService(UserAccountRepository accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        // Checked before the look-up, so locked and unknown addresses behave alike.
        if (throttle.isLocked(email)) {
            throw new LockedException("Too many failed sign-ins");
        }
        UserAccount account = accounts.findByEmail(UserAccount.normalizeEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
        return new SignedInUser(account.getId(), account.getEmail(), account.getFullName(), account.getRole(),
                account.getPasswordHash(), account.isActive());
    }
}
