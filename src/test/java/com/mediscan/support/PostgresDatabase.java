package com.mediscan.support;

import java.sql.DriverManager;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that database tests run against when it is reachable: MEDISCAN_TEST_PG_URL, or
 * the local server of these machines. Each test class gets its own schema, emptied first.
 */
public final class PostgresDatabase {

    private static final String URL = System.getenv().getOrDefault("MEDISCAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("MEDISCAN_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("MEDISCAN_TEST_PG_PASSWORD", "");

    private PostgresDatabase() {
    }

    public static boolean isReachable() {
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return connection.isValid(2);
        } catch (Exception unreachable) {
            System.out.println("[database tests] PostgreSQL not reachable at " + URL + ": " + unreachable.getMessage());
            return false;
        }
    }

    /**
     * A new, empty database on the test server (dropped first if an earlier run left it), for
     * tests that start whole nodes of their own; returns its JDBC URL. Its name comes from
     * MEDISCAN_TEST_PG_SCRATCH_DATABASE, or {@code fallbackName}.
     */
    public static String freshDatabase(String fallbackName) throws java.sql.SQLException {
        String name = System.getenv().getOrDefault("MEDISCAN_TEST_PG_SCRATCH_DATABASE", fallbackName);
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD); var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return URL.substring(0, URL.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public static void register(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.clean-disabled", () -> "false");
        registry.add("mediscan.test.clean-database", () -> "true");
        // Spring keeps every test context open: each database test class's pool would otherwise hold
        // ten connections to the shared server for the rest of the run, and eight classes reach its limit.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }
}
