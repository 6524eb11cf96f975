package com.mediscan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.Application;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The README's one-line self-signed start: keytool's keystore, the "tls" profile, a real HTTPS request. */
class TlsStartTest {

    private static final String PASSWORD = "change-me-now";

    @Test
    void servesHttpsFromTheSslBundleWithStrictTransportSecurity(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("mediscan-tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mediscan", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "365",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-dname", "CN=mediscan.local", "-ext", "SAN=dns:localhost,ip:127.0.0.1")
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(keytoolOutput).isZero();

        try (var context = new SpringApplicationBuilder(Application.class).profiles("test", "tls").run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.ssl.bundle.jks.mediscan.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.mediscan.keystore.password=" + PASSWORD)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

            HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(login.headers().firstValue("Set-Cookie")).get().asString().contains("Secure").contains("HttpOnly");
        }
    }

    /** Trusts exactly the generated certificate, as a device that imported it would. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
