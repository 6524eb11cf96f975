package com.mediscan.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** One browser-like HTTP session against the running application: cookies kept, redirects not followed. */
public final class SignedInHttp {

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private SignedInHttp(int port) {
        this.port = port;
    }

    public static SignedInHttp anonymous(int port) {
        return new SignedInHttp(port);
    }

    /** Signs in through the login form, as a browser does; fails unless the sign-in succeeded. */
    public static SignedInHttp as(int port, String email, String password) throws Exception {
        SignedInHttp session = new SignedInHttp(port);
        session.get("/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = session.http.send(HttpRequest.newBuilder(session.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as " + email + " failed: " + response.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
