package com.mediscan.consultation.service;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's own STUN/TURN servers. None by default: host candidates suffice on one machine or
 * a LAN, and no third party learns that a call happens.
 *
 * @param stunUrls       for example {@code stun:turn.clinic.example:3478}
 * @param turnUrls       for example {@code turn:turn.clinic.example:3478?transport=udp}, {@code turns:turn.clinic.example:443?transport=tcp}
 * @param turnSecret     coturn's {@code static-auth-secret} ({@code use-auth-secret}); TURN is offered only when set
 * @param credentialTtl  how long a handed-out TURN credential stays valid
 * @param relayOnly      force every call through TURN ({@code iceTransportPolicy: relay}), for locked-down networks and tests
 */
@ConfigurationProperties("mediscan.ice")
public record IceServerProperties(List<String> stunUrls, List<String> turnUrls, String turnSecret,
                                  Duration credentialTtl, boolean relayOnly) {

    public IceServerProperties {
        stunUrls = stunUrls == null ? List.of() : List.copyOf(stunUrls);
        turnUrls = turnUrls == null ? List.of() : List.copyOf(turnUrls);
        credentialTtl = credentialTtl == null ? Duration.ofHours(2) : credentialTtl;
    }

    public boolean offersTurn() {
        return !turnUrls.isEmpty() && turnSecret != null && !turnSecret.isBlank();
    }
}
