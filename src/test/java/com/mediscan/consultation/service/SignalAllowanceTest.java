package com.mediscan.consultation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignalAllowanceTest {

    private final Instant start = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aBurstPassesThenTheRestWaitsForTheRate() {
        SignalAllowance allowance = new SignalAllowance(5, 2, start);
        assertThat(IntStream.range(0, 8).filter(i -> allowance.tryTake(start)).count()).isEqualTo(5);
        assertThat(allowance.tryTake(start.plusMillis(400))).isFalse();
        assertThat(allowance.tryTake(start.plusMillis(500))).isTrue();
        assertThat(allowance.tryTake(start.plusMillis(500))).isFalse();
    }

    @Test
    void aQuietWindowRefillsOnlyUpToTheBurst() {
        SignalAllowance allowance = new SignalAllowance(5, 2, start);
        Instant muchLater = start.plusSeconds(3600);
        assertThat(IntStream.range(0, 8).filter(i -> allowance.tryTake(muchLater)).count()).isEqualTo(5);
    }
}
