package com.mediscan.base;

/** A request the rules of the clinic refuse; its message is written for the person who asked. */
public class BusinessRuleException extends RuntimeException {

    public BusinessRuleException(String message) {
        super(message);
    }
}
