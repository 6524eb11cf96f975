package com.mediscan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.support.DemoUsers;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running application over real HTTP and WebSocket, as deployed behind a reverse proxy on the
 * same machine (profile "proxy": forwarded headers from 127.0.0.1 are trusted).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "proxy"})
class WebHardeningHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext webContext;
    @Autowired
    AuditEventRepository auditEvents;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void pagesAndResourcesCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/styles.css", "/doctor")) {
            HttpHeaders headers = get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(headers.firstValue("Permissions-Policy")).as(path).hasValue(
                    "camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), geolocation=(), payment=(), usb=()");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'");
    }

    @Test
    void strictTransportSecurityWhenTheProxyServedHttps() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void pushWebSocketRefusesAForeignOrigin() throws Exception {
        get("/login");
        assertThatThrownBy(() -> openPush("https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(refused -> assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> openPush("http://localhost:" + (port + 1)))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThatThrownBy(() -> openPush(null)).as("no Origin at all")
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void pushWebSocketAcceptsTheApplicationsOwnOrigin() throws Exception {
        get("/login");
        WebSocket socket = openPush("http://localhost:" + port);
        assertThat(socket.isInputClosed() && socket.isOutputClosed()).isFalse();
        socket.abort();
    }

    @Test
    void anExpiredSessionIsAuditedWithTheClientsForwardedAddress() throws Exception {
        get("/login");
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.7")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(DemoUsers.ARJUN, StandardCharsets.UTF_8)
                        + "&password=" + DemoUsers.PATIENT_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN))
                .anyMatch(e -> e.getAction() == AuditAction.SIGN_IN && "203.0.113.7".equals(e.getRemoteAddress()));

        tomcatSession(sessionId()).expire();

        AuditEvent timeout = auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN).getLast();
        assertThat(timeout.getAction()).isEqualTo(AuditAction.SESSION_TIMEOUT);
        assertThat(timeout.getRemoteAddress()).isEqualTo("203.0.113.7");
        assertThat(timeout.getDetail()).startsWith("session expired after 15 minutes");
    }

    private WebSocket openPush(String origin) throws Exception {
        var builder = http.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create("ws://localhost:" + port
                        + "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=not-a-real-id&X-Atmosphere-Transport=websocket"),
                new WebSocket.Listener() { }).orTimeout(20, TimeUnit.SECONDS).join();
    }

    private Session tomcatSession(String id) throws Exception {
        var tomcat = ((TomcatWebServer) webContext.getWebServer()).getTomcat();
        Context context = (Context) tomcat.getHost().findChildren()[0];
        return context.getManager().findSession(id);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
