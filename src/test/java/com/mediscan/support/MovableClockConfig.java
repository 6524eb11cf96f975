package com.mediscan.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock with one that starts at {@link #START} and moves only when told. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfig {

    /** A Wednesday morning in the clinic's zone (UTC in these tests): a working day with its hours still ahead. */
    public static final Instant START = Instant.parse("2030-01-09T08:00:00Z");

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(START);
    }
}
