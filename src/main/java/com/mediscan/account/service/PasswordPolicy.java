package com.mediscan.account.service;

import com.mediscan.base.BusinessRuleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least 12 characters, at most what bcrypt hashes (72 bytes),
 * and not one of the commonly used passwords of the bundled list (resources/passwords, from
 * leaked-password research). Applied to every password a person or an administrator sets; the
 * demo clinic's published passwords are seeded around it.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "/passwords/common-passwords.txt";

    private final Set<String> commonPasswords;

    public PasswordPolicy() {
        this.commonPasswords = load();
    }

    /** Why the password is refused, written for the person choosing it; empty when it is acceptable. */
    public Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("A password can have at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " plain letters).");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is on a list of commonly used passwords. Choose another one.");
        }
        return Optional.empty();
    }

    public void check(String password) {
        problemWith(password).ifPresent(problem -> {
            throw new BusinessRuleException(problem);
        });
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS);
            }
            Set<String> passwords = new HashSet<>(64_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().filter(line -> !line.isEmpty()).map(line -> line.toLowerCase(Locale.ROOT)).forEach(passwords::add);
            }
            return Set.copyOf(passwords);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
