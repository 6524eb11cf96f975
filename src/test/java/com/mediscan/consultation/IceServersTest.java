package com.mediscan.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.consultation.service.IceServerProperties;
import com.mediscan.consultation.service.IceServers;
import com.mediscan.support.Coturn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class IceServersTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void offersNoServersByDefault() {
        var configuration = new IceServers(new IceServerProperties(null, null, null, null, false), clock).forAccount(7);
        assertThat(configuration.iceServers()).isEmpty();
        assertThat(configuration.relayOnly()).isFalse();
    }

    @Test
    void turnCredentialFollowsCoturnRestFormat() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        var properties = new IceServerProperties(List.of("stun:turn.clinic.example:3478"),
                List.of("turn:turn.clinic.example:3478"), "s3cret", Duration.ofHours(1), true);

        var configuration = new IceServers(properties, fixed).forAccount(42);

        assertThat(configuration.iceServers()).hasSize(2);
        var turn = configuration.iceServers().get(1);
        long expiry = Instant.parse("2026-11-25T11:00:00Z").getEpochSecond();
        assertThat(turn.username()).isEqualTo(expiry + ":42");
        // openssl: printf '1795604400:42' | openssl dgst -binary -sha1 -hmac s3cret | base64
        assertThat(turn.credential()).isEqualTo("yja7dTEqnp9NHtQHEVMXsDl8/LY=");
        assertThat(configuration.relayOnly()).isTrue();
    }

    @Test
    @EnabledIf("com.mediscan.support.Coturn#isInstalled")
    void realCoturnAcceptsTheCredentialAndRefusesAForgedOne() throws Exception {
        try (Coturn coturn = Coturn.start("a-shared-secret")) {
            var properties = new IceServerProperties(null, List.of(coturn.turnUrl()), coturn.secret(), Duration.ofMinutes(5), false);
            var turn = new IceServers(properties, clock).forAccount(42).iceServers().getFirst();

            assertThat(coturn.acceptsCredential(turn.username(), turn.credential())).isTrue();
            assertThat(coturn.acceptsCredential(turn.username(), "Zm9yZ2VkLXBhc3N3b3Jk")).isFalse();
        }
    }
}
