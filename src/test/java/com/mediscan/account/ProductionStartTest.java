package com.mediscan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.Application;
import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccountRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile seeds nothing and will not start without a way to administer the clinic. */
class ProductionStartTest {

    /** Command-line arguments, as an operator would pass them; they outrank application-prod.properties. */
    private ConfigurableApplicationContext startProd(String adminEmail, String adminPassword) {
        return new SpringApplicationBuilder(Application.class).profiles("prod").run(
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--server.port=0", "--spring.main.banner-mode=off",
                "--mediscan.admin.email=" + adminEmail, "--mediscan.admin.password=" + adminPassword);
    }

    @Test
    void refusesToStartWithoutAnyAdministrator() {
        assertThatThrownBy(() -> startProd("", "").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MediScan has no administrator")
                .hasMessageContaining("MEDISCAN_ADMIN_EMAIL");
    }

    @Test
    void createsTheFirstAdministratorAndNoDemoData() {
        try (var context = startProd("head@clinic.example", "a-long-first-password")) {
            UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
            assertThat(accounts.findAll()).singleElement().satisfies(admin -> {
                assertThat(admin.getEmail()).isEqualTo("head@clinic.example");
                assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
            });
        }
    }
}
