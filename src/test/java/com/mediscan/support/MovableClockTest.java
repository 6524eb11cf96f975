package com.mediscan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@link MediScanSpringTest} (or on a {@link KaribuTest}): the demo clinic seeded at
 * {@link MovableClockConfig#START} with the clinic's working hours in UTC, and a clock the test
 * moves. All such test classes share one application context, so each resets the clock and
 * books at times no other class uses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(MovableClockConfig.class)
@TestPropertySource(properties = "mediscan.clinic.time-zone=UTC")
public @interface MovableClockTest {
}
