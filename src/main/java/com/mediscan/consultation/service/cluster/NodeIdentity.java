package com.mediscan.consultation.service.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the node a name before logging starts, so every log line can carry it
 * ({@code logging.pattern.level}): {@code MEDISCAN_NODE_ID} / {@code mediscan.cluster.node-id} when
 * set, else the host name and a random suffix (two nodes on one machine differ).
 */
public class NodeIdentity implements EnvironmentPostProcessor {

    static final String PROPERTY = "mediscan.cluster.node-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            String generated = hostName() + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
            environment.getPropertySources().addFirst(new MapPropertySource("mediscanNodeIdentity", Map.of(PROPERTY, generated)));
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "");
        } catch (UnknownHostException noName) {
            return "node";
        }
    }
}
