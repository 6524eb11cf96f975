package com.mediscan.load;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
    /** As a browser keeps them: every cookie the server set (the session's and the remember-me sign-in's), by name. */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    ProtocolSession(URI base, HttpClient http, LoadErrors errors, String who) {
        this.base = base;
        this.http = http;
        this.errors = errors;
        this.who = who;
    }

    /**
     * What Chromium sends with each request beside the cookies, so that the server parses and checks
     * what it would for a person's browser (the content it answers is not compressed: no Accept-Encoding).
     */
    private static final Map<String, String> BROWSER_HEADERS = Map.of(
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
            "Accept", "*/*",
            "Accept-Language", "en-US,en;q=0.9",
            "sec-ch-ua", "\"Chromium\";v=\"142\", \"Not_A Brand\";v=\"24\"",
            "sec-ch-ua-mobile", "?0",
            "sec-ch-ua-platform", "\"Linux\"",
            "Sec-Fetch-Site", "same-origin",
            "Sec-Fetch-Mode", "cors",
            "Sec-Fetch-Dest", "empty");

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
        BROWSER_HEADERS.forEach(builder::header);
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    String cookieHeader() {
        return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
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
            for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
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
