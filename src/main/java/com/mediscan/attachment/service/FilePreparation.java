package com.mediscan.attachment.service;

import com.mediscan.attachment.domain.Attachment;
import com.mediscan.attachment.domain.StoredType;
import com.mediscan.base.BusinessRuleException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Checks a received file by its content and turns it into what is stored. Images are decoded to
 * pixels and encoded afresh: nothing of the original file survives but the picture, so EXIF
 * (camera, time, GPS location), comments and anything appended to make a polyglot file are gone;
 * a JPEG's EXIF orientation is applied to the pixels first, so a portrait photo stays upright.
 * PDFs are kept as sent, after a check that they are complete.
 */
@Component
class FilePreparation {

    /** Larger images are refused before decoding: 40 megapixels is above any phone camera and caps memory use. */
    static final long MAX_PIXELS = 40_000_000L;
    static final int THUMBNAIL_EDGE = 320;
    private static final float JPEG_QUALITY = 0.92f;
    private static final int PDF_TRAILER_WINDOW = 1024;

    PreparedFile prepare(String receivedName, byte[] content) {
        String name = displayName(receivedName);
        return switch (ReceivedFormat.sniff(content)) {
            case JPEG -> reencoded(name, content, "jpeg", false);
            case PNG -> reencoded(name, content, "png", true);
            case WEBP -> reencoded(name, content, "webp", true);
            case PDF -> checkedPdf(name, content);
            case HEIC -> throw new BusinessRuleException("“" + name + "” is a HEIC photo, which this server cannot read yet. "
                    + "Please send it as JPEG: on an iPhone choose Settings → Camera → Formats → Most Compatible, "
                    + "or use Take photo in the call.");
            case UNKNOWN -> throw new BusinessRuleException("“" + name + "” is not a JPEG, PNG or WebP photo or a PDF "
                    + "(MediScan checks what the file contains, not its name), so it was not sent.");
        };
    }

    private PreparedFile reencoded(String name, byte[] content, String format, boolean keepLossless) {
        BufferedImage image = decode(name, content, format);
        if (format.equals("jpeg")) {
            image = ExifOrientation.upright(image, ExifOrientation.of(content));
        }
        boolean png = keepLossless && (format.equals("png") || image.getColorModel().hasAlpha());
        StoredType type = png ? StoredType.PNG : StoredType.JPEG;
        byte[] stored = png ? png(image) : jpeg(flattened(image, image.getWidth(), image.getHeight()));
        return new PreparedFile(renamed(name, type), type, stored, jpeg(thumbnail(image)), image.getWidth(), image.getHeight());
    }

    private static BufferedImage decode(String name, byte[] content, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        AtomicReference<String> warning = new AtomicReference<>();
        reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(input, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new BusinessRuleException("“" + name + "” is " + reader.getWidth(0) + " × " + reader.getHeight(0)
                        + " pixels; photos can have at most 40 megapixels. Please send a smaller version.");
            }
            BufferedImage image = reader.read(0);
            if (image == null || warning.get() != null) {
                throw damaged(name);
            }
            return image;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof BusinessRuleException refusal) {
                throw refusal;
            }
            throw damaged(name);
        } finally {
            reader.dispose();
        }
    }

    private static PreparedFile checkedPdf(String name, byte[] content) {
        int from = Math.max(0, content.length - PDF_TRAILER_WINDOW);
        String trailer = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
        if (!trailer.contains("%%EOF")) {
            throw new BusinessRuleException("“" + name + "” is an incomplete PDF (its end is missing), so it was not sent. "
                    + "Please save or download it again and send the new copy.");
        }
        return new PreparedFile(renamed(name, StoredType.PDF), StoredType.PDF, content, null, null, null);
    }

    private static BusinessRuleException damaged(String name) {
        return new BusinessRuleException("“" + name + "” could not be read as an image: the file is damaged or incomplete, "
                + "so it was not sent. Please take or export the photo again.");
    }

    private static BufferedImage thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMBNAIL_EDGE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return flattened(image, width, height);
    }

    /** The picture drawn on white in plain RGB at the given size: what a JPEG can hold. */
    private static BufferedImage flattened(BufferedImage image, int width, int height) {
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static byte[] jpeg(BufferedImage rgb) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), parameters);
        } catch (IOException impossible) {
            throw new IllegalStateException("Encoding a JPEG in memory failed", impossible);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = plain.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(plain, "png", bytes);
        } catch (IOException impossible) {
            throw new IllegalStateException("Encoding a PNG in memory failed", impossible);
        }
        return bytes.toByteArray();
    }

    /** The name as sent, without any folder part or control characters, and never longer than the column. */
    static String displayName(String receivedName) {
        String name = receivedName == null ? "" : receivedName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > Attachment.FILE_NAME_MAX - 5 ? name.substring(0, Attachment.FILE_NAME_MAX - 5) : name;
    }

    /** The stored file's name carries the extension of what is stored: a WebP kept as JPEG is "….jpg". */
    private static String renamed(String name, StoredType type) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "." + type.extension();
    }
}
