package com.mediscan.consultation.service.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes sharing one database, as every log line shows it
 * ({@code mediscan.cluster.node-id}, set by {@link NodeIdentity} when not configured).
 */
@Component
public class ClusterNode {

    private final String id;

    public ClusterNode(@Value("${mediscan.cluster.node-id}") String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
