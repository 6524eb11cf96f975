package com.mediscan.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser's HTTP session with MediScan, without a browser: the session cookie, the real
 * sign-in form post, and the bootstrap of Vaadin UIs ({@code ?v-r=init}). All sessions share one
 * {@link HttpClient}; the cookie is sent by hand so that thousands of sessions need no cookie
 * store or selector thread of their own.
 */
final class ProtocolSession {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    final URI base;
    final HttpClient http;
    final LoadErrors errors;
    final String who;
    private volatile String sessionCookie;

    ProtocolSession(URI base, HttpClient http, LoadErrors errors, String who) {
        this.base = base;
        this.http = http;
        this.errors = errors;
        this.who = who;
    }

    /**
     * Push sockets open on a client of their own. The JDK's WebSocket handshake takes a pooled
     * keep-alive connection when one is free, and Tomcat answers the last request it allows on a
     * connection ({@code maxKeepAliveRequests}, 100) with {@code Connection: close}, on a 101 too
     * ({@code upgrade, close}), which the JDK refuses (3 of 2,000 push sockets in a 1,000-room ramp).
     * A browser opens each WebSocket on a new connection; so does this client, whose pool stays
     * empty because an upgraded connection never goes back to it.
     */
    private static final HttpClient WEB_SOCKETS = sharedClient();

    static HttpClient webSockets() {
        return WEB_SOCKETS;
    }

    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(REQUEST_TIMEOUT).build();
    }

    /** Posts the login form as Vaadin's login overlay does; the answer is a redirect and a new session id. */
    void signIn(String email, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw failure("signIn", "sign-in as " + email + " answered " + response.statusCode() + " → " + location);
        }
    }

    /** Bootstraps a UI the way Flow.ts does, opens its push socket and navigates it to the route. */
    FlowUi open(String route) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8)
                + "&query=").GET());
        if (response.statusCode() != 200 || !response.body().startsWith("{")) {
            throw failure("http", "init of " + route + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode appConfig = JSON.readTree(response.body()).path("appConfig");
        FlowUi ui = new FlowUi(this, appConfig.path("v-uiId").asInt(), appConfig.path("uidl"));
        ui.openPush();
        ui.navigate(route);
        return ui;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT);
        if (sessionCookie != null) {
            builder.header("Cookie", sessionCookie);
        }
        return builder;
    }

    String cookieHeader() {
        return sessionCookie;
    }

    String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** One request with the session cookie; a failed or timed-out request is counted as an HTTP error. */
    HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw failure("http", built.method() + " " + built.uri().getRawQuery() + " failed: " + failed);
        }
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            if (setCookie.startsWith("JSESSIONID=")) {
                sessionCookie = setCookie.substring(0, setCookie.indexOf(';') < 0 ? setCookie.length() : setCookie.indexOf(';'));
            }
        }
        return response;
    }

    LoadFailure failure(String kind, String detail) {
        errors.record(kind, who, detail);
        return new LoadFailure(kind + ": " + detail);
    }

    /** A step of a simulated participant that could not go on; already counted in {@link LoadErrors}. */
    static final class LoadFailure extends RuntimeException {
        LoadFailure(String message) {
            super(message);
        }
    }
}
