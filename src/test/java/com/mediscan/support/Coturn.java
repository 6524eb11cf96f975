package com.mediscan.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn (Debian's `turnserver`) on loopback with a shared secret, for tests that claim
 * TURN works: the tests' own configuration ({@link #start}), or another one such as README's moved
 * onto loopback ({@link #startWith}). Loopback peers are allowed only in the tests' own, because
 * there everything runs on one machine; the README's production configuration refuses them.
 */
public final class Coturn implements AutoCloseable {

    public static final String BINARY = "/usr/bin/turnserver";
    private static final int RELAY_PORTS = 60;
    /** Settings this class decides: where coturn listens and relays, its ports, secret and log. */
    private static final List<String> OWN_SETTINGS = List.of("listening-ip", "relay-ip", "external-ip", "listening-port",
            "tls-listening-port", "min-port", "max-port", "static-auth-secret", "cert", "pkey", "log-file");

    private final Process process;
    private final Path log;
    private final int port;
    private final String secret;

    private Coturn(Process process, Path log, int port, String secret) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.secret = secret;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** The test server: REST secret, no TLS, and loopback peers allowed so two browsers on this machine can meet. */
    public static Coturn start(String secret) throws IOException, InterruptedException {
        return startWith(List.of("use-auth-secret", "realm=mediscan.test", "fingerprint",
                "no-cli", "allow-loopback-peers", "no-multicast-peers", "simple-log"), secret);
    }

    /**
     * coturn with the given configuration file lines, moved onto loopback: its addresses, ports,
     * secret, certificate and log are replaced by this machine's, and TLS is left out.
     */
    public static Coturn startWith(List<String> configuration, String secret) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("coturn", ".log");
        List<String> lines = new ArrayList<>(configuration.stream()
                .filter(line -> OWN_SETTINGS.stream().noneMatch(setting -> line.strip().startsWith(setting)))
                .toList());
        lines.addAll(List.of("listening-ip=127.0.0.1", "relay-ip=127.0.0.1", "listening-port=" + port,
                "min-port=" + (port + 1), "max-port=" + (port + RELAY_PORTS), "static-auth-secret=" + secret,
                "no-tls", "no-dtls", "log-file=stdout"));
        Path config = Files.createTempFile("coturn", ".conf");
        Files.write(config, lines);
        Process process = new ProcessBuilder(BINARY, "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Coturn coturn = new Coturn(process, log, port, secret);
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
        return client(username, password, "-y").exitCode() == 0;
    }

    /** Allocates a relay and asks it to send to {@code peer}; true when coturn refuses that address (403 Forbidden IP). */
    public boolean refusesPeer(String peer, String username, String password) throws IOException, InterruptedException {
        return client(username, password, "-e", peer).output().contains("Forbidden IP");
    }

    /** What coturn has logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private record ClientRun(int exitCode, String output) {
    }

    private ClientRun client(String username, String password, String... target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/turnutils_uclient", "-u", username, "-w", password,
                "-p", String.valueOf(port), "-n", "1", "-m", "1", "-l", "100"));
        command.addAll(List.of(target));
        command.add("127.0.0.1");
        Path output = Files.createTempFile("turnutils", ".log");
        Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            return new ClientRun(-1, Files.readString(output));
        }
        return new ClientRun(client.exitValue(), Files.readString(output));
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
