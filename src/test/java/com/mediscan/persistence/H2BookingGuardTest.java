package com.mediscan.persistence;

import com.mediscan.support.MediScanSpringTest;

@MediScanSpringTest
class H2BookingGuardTest extends BookingGuardContract {

    @Override
    String sessionIdSql() {
        return "select session_id()";
    }

    @Override
    String waitingOnSql() {
        return "select count(*) from information_schema.sessions where blocker_id = ?";
    }
}
