package com.mediscan.base;

/**
 * Thrown when a record does not exist or the caller may not see it. The two cases share one
 * exception and one message on purpose: a refused user must not learn that the record exists.
 */
public class NotFoundOrDeniedException extends RuntimeException {

    public NotFoundOrDeniedException() {
        super("This record does not exist or you do not have access to it.");
    }
}
