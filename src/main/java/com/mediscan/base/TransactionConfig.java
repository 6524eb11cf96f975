package com.mediscan.base;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * A method that runs outside a transaction on purpose ({@code Propagation.NOT_SUPPORTED}, such as
 * sending a chat message) holds no database connection between its statements. With Spring's
 * default every such scope bound the first EntityManager and JDBC connection it used to the thread
 * until the method returned: a chat send kept a pooled connection and an audit connection through
 * its relay to the room, and then took a second pooled connection for the room bus's NOTIFY, so a
 * few concurrent sends could empty the pool.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> synchronizeOnlyRealTransactions() {
        return manager -> manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
    }
}
