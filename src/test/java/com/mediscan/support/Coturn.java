package com.mediscan.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn (Debian's `turnserver`) on loopback with a shared secret, for tests that claim
 * TURN works. Loopback peers are allowed here only because everything runs on one machine; the
 * README's production configuration refuses them.
 */
public final class Coturn implements AutoCloseable {

    public static final String BINARY = "/usr/bin/turnserver";
    private static final int RELAY_PORTS = 60;

    private final Process process;
    private final int port;
    private final String secret;

    private Coturn(Process process, int port, String secret) {
        this.process = process;
        this.port = port;
        this.secret = secret;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(BINARY));
    }

    public static Coturn start(String secret) throws IOException, InterruptedException {
        int port = freePort();
        Path config = Files.createTempFile("coturn", ".conf");
        Files.write(config, List.of(
                "listening-ip=127.0.0.1", "relay-ip=127.0.0.1", "listening-port=" + port,
                "min-port=" + (port + 1), "max-port=" + (port + RELAY_PORTS),
                "use-auth-secret", "static-auth-secret=" + secret, "realm=mediscan.test", "fingerprint",
                "no-cli", "no-tls", "no-dtls", "allow-loopback-peers", "no-multicast-peers",
                "log-file=stdout", "simple-log"));
        Process process = new ProcessBuilder(BINARY, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("coturn", ".log").toFile())
                .start();
        Coturn coturn = new Coturn(process, port, secret);
        coturn.awaitListening();
        return coturn;
    }

    public int port() {
        return port;
    }

    public String secret() {
        return secret;
    }

    public String turnUrl() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    /** Whether {@code port} is one this server hands out as a relay address. */
    public boolean isRelayPort(int candidatePort) {
        return candidatePort >= port + 1 && candidatePort <= port + RELAY_PORTS;
    }

    /** Allocates a relay with coturn's own client; true when the server accepted the credential. */
    public boolean acceptsCredential(String username, String password) throws IOException, InterruptedException {
        Process client = new ProcessBuilder("/usr/bin/turnutils_uclient", "-u", username, "-w", password,
                "-p", String.valueOf(port), "-y", "-n", "1", "-m", "1", "-l", "100", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            return false;
        }
        return client.exitValue() == 0;
    }

    private void awaitListening() throws InterruptedException, IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("turnserver exited with " + process.exitValue());
            }
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("turnserver did not start listening on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
