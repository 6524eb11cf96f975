package com.mediscan.consultation.service.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Rooms are shared by all nodes when the database is PostgreSQL (several nodes may point at it);
 * on H2, which one process owns, they stay in the node's memory. {@code mediscan.cluster.enabled=false}
 * keeps a PostgreSQL deployment to one node's memory.
 */
public final class ClusterMode {

    private ClusterMode() {
    }

    static boolean shared(ConditionContext context) {
        var environment = context.getEnvironment();
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")
                && environment.getProperty("mediscan.cluster.enabled", Boolean.class, true);
    }

    /** Several nodes may share the rooms through PostgreSQL. */
    public static final class Shared implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return shared(context);
        }
    }

    /** One node holds the rooms in memory. */
    public static final class SingleNode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !shared(context);
        }
    }
}
