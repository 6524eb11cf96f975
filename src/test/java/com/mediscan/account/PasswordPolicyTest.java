package com.mediscan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.service.PasswordPolicy;
import com.mediscan.base.BusinessRuleException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void needsTwelveCharacters() {
        assertThat(policy.problemWith("elevenchars")).hasValue("A password needs at least 12 characters.");
        assertThat(policy.problemWith(null)).isPresent();
        assertThat(policy.problemWith("violet-otter-lamp")).isEmpty();
        assertThat(policy.problemWith("twelve chars")).isEmpty();
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.problemWith("ünïcödé-wörd")).as("12 characters, more bytes").isEmpty();
    }

    @Test
    void refusesBundledCommonPasswordsWhateverTheirCase() {
        for (String common : new String[] {"qwerty123456", "1qaz2wsx3edc", "QwErTy123456", "leavemealone", "123456789012"}) {
            assertThat(policy.problemWith(common)).as(common)
                    .hasValue("This password is on a list of commonly used passwords. Choose another one.");
        }
    }

    @Test
    void refusesWhatBcryptCannotHash() {
        assertThat(policy.problemWith("a".repeat(73))).get().asString().contains("at most 72 bytes");
        assertThat(policy.problemWith("correct horse battery staple, " + "x".repeat(42))).isEmpty();
    }

    @Test
    void refusesOnlySpaces() {
        assertThat(policy.problemWith(" ".repeat(14))).hasValue("A password cannot be only spaces.");
    }

    @Test
    void checkThrowsTheMessageForThePerson() {
        assertThatThrownBy(() -> policy.check("short")).isInstanceOf(BusinessRuleException.class)
                .hasMessage("A password needs at least 12 characters.");
    }
}
