package com.mediscan.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PRTokeniser;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentParser;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Reads back what a PDF made by MediScan holds, as a reader would find it: text, pictures, attached files. */
public final class PdfReading {

    /** An image a page draws, at its stored pixel size. */
    public record PageImage(int page, int width, int height) {
    }

    private PdfReading() {
    }

    /** The text of every page, glyph by glyph, pages separated by a newline. */
    public static String text(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }

    /** The ActualText of every marked-content span, in content order. */
    public static String actualText(byte[] pdf) throws Exception {
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(page)));
                List<PdfObject> operands = new ArrayList<>();
                while (!(operands = parser.parse(operands)).isEmpty()) {
                    if ("BDC".equals(operands.getLast().toString()) && operands.get(1) instanceof PdfDictionary properties
                            && properties.getAsString(PdfName.ACTUALTEXT) != null) {
                        text.append(properties.getAsString(PdfName.ACTUALTEXT).toUnicodeString());
                    }
                }
            }
        }
        return text.toString();
    }

    /** The image XObjects in the pages' resources (an image's soft mask is not counted apart). */
    public static List<PageImage> images(byte[] pdf) throws Exception {
        List<PageImage> images = new ArrayList<>();
        try (PdfReader reader = new PdfReader(pdf)) {
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                PdfDictionary xObjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
                if (xObjects == null) {
                    continue;
                }
                for (PdfName name : xObjects.getKeys()) {
                    if (PdfReader.getPdfObject(xObjects.get(name)) instanceof PdfDictionary object
                            && PdfName.IMAGE.equals(object.getAsName(PdfName.SUBTYPE))) {
                        images.add(new PageImage(page, object.getAsNumber(PdfName.WIDTH).intValue(),
                                object.getAsNumber(PdfName.HEIGHT).intValue()));
                    }
                }
            }
        }
        return images;
    }

    /** The files attached to the document (its EmbeddedFiles name tree), by file name. */
    public static Map<String, byte[]> attachedFiles(byte[] pdf) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfDictionary names = reader.getCatalog().getAsDict(PdfName.NAMES);
            PdfDictionary embedded = names == null ? null : names.getAsDict(PdfName.EMBEDDEDFILES);
            PdfArray entries = embedded == null ? null : embedded.getAsArray(PdfName.NAMES);
            if (entries == null) {
                return files;
            }
            for (int i = 0; i + 1 < entries.size(); i += 2) {
                PdfDictionary spec = (PdfDictionary) PdfReader.getPdfObject(entries.getPdfObject(i + 1));
                PdfString fileName = spec.getAsString(PdfName.UF) != null ? spec.getAsString(PdfName.UF) : spec.getAsString(PdfName.F);
                PRStream stream = (PRStream) PdfReader.getPdfObject(spec.getAsDict(PdfName.EF).get(PdfName.F));
                files.put(fileName.toUnicodeString(), PdfReader.getStreamBytes(stream));
            }
        }
        return files;
    }
}
