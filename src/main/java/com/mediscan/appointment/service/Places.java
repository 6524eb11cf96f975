package com.mediscan.appointment.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The places a patient picks from when saying where they are: every ISO 3166-1 country (names as the
 * JDK spells them in English) and, for the countries in {@code places/regions.tsv}, their ISO 3166-2
 * states, provinces or nations.
 */
@Component
public class Places {

    public record Country(String code, String name) {
    }

    public record Region(String code, String name) {
    }

    private static final String REGIONS = "/places/regions.tsv";

    private final List<Country> countries;
    private final Map<String, List<Region>> regionsByCountry;

    public Places() {
        countries = java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
                .sorted(Comparator.comparing(Country::name))
                .toList();
        regionsByCountry = loadRegions();
    }

    public List<Country> countries() {
        return countries;
    }

    public Optional<Country> country(String code) {
        return countries.stream().filter(country -> country.code().equals(code)).findFirst();
    }

    /** The country's regions to pick from; empty for a country the clinic has no list for. */
    public List<Region> regionsOf(String countryCode) {
        return regionsByCountry.getOrDefault(countryCode, List.of());
    }

    public Optional<Region> region(String countryCode, String regionCode) {
        return regionsOf(countryCode).stream().filter(region -> region.code().equals(regionCode)).findFirst();
    }

    /** "Maharashtra, India", or the country alone when no region was picked. */
    public String describe(String countryCode, String regionCode) {
        String country = country(countryCode).map(Country::name).orElse(countryCode);
        return region(countryCode, regionCode).map(region -> region.name() + ", " + country).orElse(country);
    }

    private static Map<String, List<Region>> loadRegions() {
        Map<String, List<Region>> byCountry = new LinkedHashMap<>();
        try (InputStream in = Places.class.getResourceAsStream(REGIONS)) {
            if (in == null) {
                throw new IllegalStateException(REGIONS + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                byCountry.computeIfAbsent(columns[0], code -> new ArrayList<>()).add(new Region(columns[1], columns[2]));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        byCountry.replaceAll((code, regions) -> regions.stream().sorted(Comparator.comparing(Region::name)).toList());
        return Map.copyOf(byCountry);
    }
}
