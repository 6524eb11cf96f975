package com.mediscan.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.consultation.service.IceServerProperties;
import com.mediscan.consultation.service.IceServers;
import com.mediscan.consultation.service.IceServers.IceServer;
import com.mediscan.support.Coturn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The coturn configuration README.md recommends, run in a real coturn (moved onto loopback, TLS
 * left out): it loads without complaint, takes MediScan's credentials, and refuses to relay to
 * loopback and private addresses while relaying to the internet.
 */
@EnabledIf("com.mediscan.support.Coturn#isInstalled")
class ReadmeCoturnConfigurationTest {

    private static final String INTRODUCTION = "A matching `/etc/turnserver.conf`";

    @Test
    void refusesLoopbackAndPrivatePeersButNotPublicOnes() throws Exception {
        List<String> configuration = readmeConfiguration();
        assertThat(configuration).contains("use-auth-secret", "tls-listening-port=443")
                .noneMatch(line -> line.contains("allow-loopback-peers"));

        try (Coturn coturn = Coturn.startWith(configuration, "readme-secret")) {
            var properties = new IceServerProperties(null, List.of(coturn.turnUrl()), coturn.secret(), Duration.ofMinutes(5), false);
            IceServer turn = new IceServers(properties, Clock.systemUTC()).forAccount(42).iceServers().getFirst();

            for (String peer : List.of("127.0.0.1", "0.0.0.0", "10.1.2.3", "100.64.0.1", "169.254.1.1", "172.16.5.4", "192.168.1.1")) {
                assertThat(coturn.refusesPeer(peer, turn.username(), turn.credential())).as("relay to %s refused", peer).isTrue();
            }
            // A documentation address (TEST-NET-3): public, so allowed, and routed nowhere.
            assertThat(coturn.refusesPeer("203.0.113.7", turn.username(), turn.credential())).isFalse();
            assertThat(coturn.log()).doesNotContain("Bad configuration format");
        }
    }

    /** The lines of the first code block after the introduction in README.md. */
    private static List<String> readmeConfiguration() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int introduction = readme.stream().filter(line -> line.startsWith(INTRODUCTION)).findFirst().map(readme::indexOf).orElseThrow();
        int open = readme.subList(introduction, readme.size()).indexOf("```") + introduction;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        return readme.subList(open + 1, close);
    }
}
