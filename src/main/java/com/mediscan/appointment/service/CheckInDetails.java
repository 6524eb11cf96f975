package com.mediscan.appointment.service;

/**
 * What a patient tells at check-in besides their date of birth: where they are now (a country and,
 * where the clinic lists them, a region; free text for the rest), and optionally an updated reason
 * for the visit and a number to call back on if the call drops.
 */
public record CheckInDetails(String countryCode, String regionCode, String locationDetail, String reason,
                             String callbackPhone) {

    public static final String COUNTRY = "country";
    public static final String REGION = "region";
    public static final String LOCATION_DETAIL = "locationDetail";
    public static final String REASON = "reason";
    public static final String CALLBACK_PHONE = "callbackPhone";
}
