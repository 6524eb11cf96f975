package com.mediscan.account.service;

import com.mediscan.base.InvalidFieldException;
import java.time.LocalDate;

/** What an administrator enters about a patient. Field names match {@link InvalidFieldException#field()}. */
public record PatientDetails(String fullName, String email, LocalDate dateOfBirth, String phone) {

    public static final String FULL_NAME = "fullName";
    public static final String EMAIL = "email";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String PHONE = "phone";
}
