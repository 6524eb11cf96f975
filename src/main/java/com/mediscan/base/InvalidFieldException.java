package com.mediscan.base;

/** A refused value that belongs to one field of a form, so the form can show the message beside it. */
public class InvalidFieldException extends BusinessRuleException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
