package com.mediscan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Actuator as the balancer and the clinic's scraper see it: health (liveness, readiness) open
 * without signing in and without details, metrics only for the configured addresses (here not
 * this machine's), nothing else of Actuator at all. (ClusterFailoverBrowserIT reads a node's
 * metrics from its allowed loopback address.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mediscan.metrics.allowed-addresses=192.0.2.10")
@ActiveProfiles("test")
class OperationsHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsOpenAndTellsNoDetails() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            HttpResponse<String> health = get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        }
    }

    @Test
    void metricsOnlyForTheScraperAndNoOtherEndpoint() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator", "/actuator/env", "/actuator/beans",
                "/actuator/metrics", "/actuator/heapdump"}) {
            HttpResponse<String> refused = get(path);
            // Refused like any page for someone not signed in: sent to the sign-in page.
            assertThat(refused.statusCode()).as(path).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
            assertThat(refused.body()).as(path).doesNotContain("mediscan_", "jvm_");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
