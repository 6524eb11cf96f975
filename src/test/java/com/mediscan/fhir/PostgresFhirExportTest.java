package com.mediscan.fhir;

import com.mediscan.support.CleanDatabaseConfig;
import com.mediscan.support.PostgresDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on a real PostgreSQL, whenever one is reachable (127.0.0.1:5432 by default). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CleanDatabaseConfig.class)
@EnabledIf("com.mediscan.support.PostgresDatabase#isReachable")
class PostgresFhirExportTest extends FhirExportContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "mediscan_fhir");
    }
}
