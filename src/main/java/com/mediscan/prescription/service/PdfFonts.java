package com.mediscan.prescription.service;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.LayoutProcessor;
import org.springframework.stereotype.Component;

/**
 * The fonts a PDF sets its text in, embedded (subset): Noto Sans, whose Google Fonts build covers
 * Latin, Greek, Cyrillic and Devanagari, then Noto Sans Tamil. Each character takes the first
 * font that has it, so a line mixing scripts is set in several fonts. Devanagari and Tamil need shaping
 * (conjuncts, vowel signs placed before their consonant): OpenPDF's LayoutProcessor lays the text
 * out with Java's font layout engine and writes the original text beside the glyphs (ActualText),
 * so the PDF reads and copies as what was written.
 */
@Component
public class PdfFonts {

    /** One text style of a PDF: size, weight and colour. */
    public record Style(float size, boolean bold, Color color) {
    }

    static final String FOLDER = "META-INF/resources/assets/fonts/";
    static final List<String> FAMILIES = List.of("NotoSans", "NotoSansTamil");

    private final List<BaseFont> regular;
    private final List<BaseFont> bold;

    public PdfFonts() {
        // Global to OpenPDF, and only for the fonts loaded into it below.
        LayoutProcessor.enable();
        LayoutProcessor.setWriteActualText();
        regular = load("Regular");
        bold = load("Bold");
    }

    /** The text in the style, each character in the first font that has it. */
    public Phrase phrase(String text, Style style) {
        FontSelector selector = new FontSelector();
        for (BaseFont font : style.bold() ? bold : regular) {
            selector.addFont(new Font(font, style.size(), Font.NORMAL, style.color()));
        }
        return selector.process(text);
    }

    private static List<BaseFont> load(String weight) {
        return FAMILIES.stream().map(family -> {
            String resource = FOLDER + family + "-" + weight + ".ttf";
            try {
                BaseFont font = BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                LayoutProcessor.loadFont(font, resource);
                return font;
            } catch (IOException missing) {
                throw new UncheckedIOException("PDF font " + resource + " not on the class path", missing);
            }
        }).toList();
    }
}
