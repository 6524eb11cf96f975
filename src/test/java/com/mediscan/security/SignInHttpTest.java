package com.mediscan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.support.DemoUsers;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Sign-in over real HTTP through Spring Security's filters, as a browser's form post does it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInHttpTest {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void signInIssuesANewSessionIdAndRedirectsHome() throws Exception {
        get("/login");
        String before = sessionId();
        assertThat(before).isNotNull();

        HttpResponse<String> response = postLogin(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(postLogin(DemoUsers.SNEHA, "wrong-password").headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        assertThat(postLogin(DemoUsers.SNEHA, DemoUsers.DOCTOR_PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
    }

    @Test
    void unknownAndKnownAccountsFailAlike() throws Exception {
        get("/login");
        var unknown = postLogin("nobody@mediscan.com", "whatever-it-is");
        var known = postLogin(DemoUsers.ARJUN, "whatever-it-is");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(known.headers().firstValue("Location"));
        assertThat(unknown.body()).isEqualTo(known.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String email, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
