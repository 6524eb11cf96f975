package com.mediscan.account.service;

import com.mediscan.base.InvalidFieldException;

/** What an administrator enters about a doctor. Field names match {@link InvalidFieldException#field()}. */
public record DoctorDetails(String fullName, String email, String specialty, String registrationNumber) {

    public static final String FULL_NAME = "fullName";
    public static final String EMAIL = "email";
    public static final String SPECIALTY = "specialty";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
}
