package com.mediscan.account.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, makes sure someone can administer the clinic: creates the first admin from
 * MEDISCAN_ADMIN_EMAIL / MEDISCAN_ADMIN_PASSWORD, or stops the start when there is no admin at all.
 */
@Component
@Profile("prod")
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accountService;
    private final String email;
    private final String password;

    AdminBootstrap(AccountService accountService,
                   @Value("${mediscan.admin.email:}") String email,
                   @Value("${mediscan.admin.password:}") String password) {
        this.accountService = accountService;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accountService.hasActiveAdmin()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            throw new IllegalStateException("MediScan has no administrator. Set MEDISCAN_ADMIN_EMAIL and "
                    + "MEDISCAN_ADMIN_PASSWORD for the first start so one can be created.");
        }
        accountService.createAdmin(email, "Administrator", password);
        log.info("Created the first administrator account {}", email);
    }
}
