package com.mediscan.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** On a shared server a test schema may hold an earlier run's rows: start each context empty. */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty("mediscan.test.clean-database")
public class CleanDatabaseConfig {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
