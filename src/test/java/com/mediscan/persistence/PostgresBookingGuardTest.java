package com.mediscan.persistence;

import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.PostgresDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same guard on a real PostgreSQL, whenever one is reachable (127.0.0.1:5432 by default). */
@MediScanSpringTest
@EnabledIf("com.mediscan.support.PostgresDatabase#isReachable")
class PostgresBookingGuardTest extends BookingGuardContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "mediscan_booking_guard");
    }

    @Override
    String sessionIdSql() {
        return "select pg_backend_pid()";
    }

    @Override
    String waitingOnSql() {
        return "select count(*) from pg_stat_activity where ?::integer = any(pg_blocking_pids(pid))";
    }
}
