package com.mediscan.summary;

import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.PostgresDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract on a real PostgreSQL, whenever one is reachable (127.0.0.1:5432 by default). */
@MediScanSpringTest
@EnabledIf("com.mediscan.support.PostgresDatabase#isReachable")
class PostgresVisitSummaryTest extends VisitSummaryContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "mediscan_visit_summary");
    }
}
