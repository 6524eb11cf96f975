package com.mediscan.consultation.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The RTCPeerConnection configuration handed to one participant: configured STUN servers and,
 * when a TURN secret is set, a time-limited credential in coturn's REST format (username
 * {@code expiry:accountId}, password {@code base64(HMAC-SHA1(secret, username))}).
 */
@Service
@EnableConfigurationProperties(IceServerProperties.class)
public class IceServers {

    /** One entry of RTCConfiguration.iceServers; credential fields are null for STUN. */
    public record IceServer(List<String> urls, String username, String credential) {
    }

    /** What the call element needs to build its RTCPeerConnection. */
    public record IceConfiguration(List<IceServer> iceServers, boolean relayOnly) {
    }

    private final IceServerProperties properties;
    private final Clock clock;

    public IceServers(IceServerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public IceConfiguration forAccount(long accountId) {
        List<IceServer> servers = new ArrayList<>();
        if (!properties.stunUrls().isEmpty()) {
            servers.add(new IceServer(properties.stunUrls(), null, null));
        }
        if (properties.offersTurn()) {
            String username = clock.instant().plus(properties.credentialTtl()).getEpochSecond() + ":" + accountId;
            servers.add(new IceServer(properties.turnUrls(), username, restPassword(properties.turnSecret(), username)));
        }
        return new IceConfiguration(List.copyOf(servers), properties.relayOnly() && properties.offersTurn());
    }

    static String restPassword(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", impossible);
        }
    }
}
