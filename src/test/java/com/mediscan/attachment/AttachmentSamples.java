package com.mediscan.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Files as patients send them, good and bad, made in memory (WebP from test resources). */
public final class AttachmentSamples {

    /** The camera maker written into the sample's EXIF, to look for in what is stored. */
    public static final String EXIF_MAKE = "MediScanTestCam";
    public static final String HTML = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>";

    private AttachmentSamples() {
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(210, 140, 120));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(160, 40, 40));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encoded(picture(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encoded(picture(width, height), "png");
    }

    /**
     * A JPEG as a phone writes it: an APP1 Exif segment right after SOI with the camera maker and
     * a GPS position (51° 30' 26" N, 0° 7' 39" W).
     */
    public static byte[] jpegWithGps(int width, int height) {
        return withExif(jpeg(width, height), exifWithGps());
    }

    /** The JPEG with an APP1 segment holding the given EXIF right after its SOI marker. */
    private static byte[] withExif(byte[] plain, byte[] exif) {
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        return concat(Arrays.copyOfRange(plain, 0, 2), segment.array(), Arrays.copyOfRange(plain, 2, plain.length));
    }

    /**
     * A JPEG as a phone held upright writes it: the sensor's landscape pixels with an EXIF
     * orientation tag saying how to turn them (6: 90° clockwise, 8: 90° counter-clockwise, 3: 180°).
     * The picture is white with a red block in its top-left quarter, to tell where the turn took it.
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height / 2);
        graphics.dispose();
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        // Orientation (0x0112), SHORT, one value, held in the first two bytes of the value field.
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return withExif(encoded(image, "jpeg"), concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
    }

    /** A valid JPEG with an HTML page appended: a browser sniffing it could take it for HTML. */
    public static byte[] jpegHtmlPolyglot(int width, int height) {
        return concat(jpeg(width, height), HTML.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] truncatedJpeg() {
        byte[] whole = jpeg(400, 300);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** The first bytes of an iPhone HEIC photo: an ISO-BMFF "ftyp" box with brand "heic". */
    public static byte[] heicHeader() {
        return concat(new byte[] {0, 0, 0, 0x18}, "ftypheic".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 0},
                "mif1heic".getBytes(StandardCharsets.US_ASCII), new byte[64]);
    }

    public static byte[] html() {
        return HTML.getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal one-page PDF with its cross-reference table and trailer. */
    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n";
        String xref = "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n";
        return (body + xref + "trailer<</Size 4/Root 1 0 R>>\nstartxref\n" + body.length() + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A scanned lab report as a real PDF of about half a megabyte: one page with an image of noise,
     * which no compression shrinks, so an upload of it takes many network packets.
     */
    public static byte[] scannedPdf() {
        BufferedImage scan = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(16);
        for (int y = 0; y < scan.getHeight(); y++) {
            for (int x = 0; x < scan.getWidth(); x++) {
                scan.setRGB(x, y, noise.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        org.openpdf.text.Document document = new org.openpdf.text.Document();
        org.openpdf.text.pdf.PdfWriter.getInstance(document, bytes);
        document.open();
        try {
            document.add(new org.openpdf.text.Paragraph("Allergy panel, scanned"));
            document.add(org.openpdf.text.Image.getInstance(encoded(scan, "png")));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        document.close();
        return bytes.toByteArray();
    }

    public static byte[] resource(String name) {
        try (InputStream in = AttachmentSamples.class.getResourceAsStream("/attachments/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean hasJpegSegment(byte[] jpeg, int marker) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int type = jpeg[at + 1] & 0xFF;
            if (type == marker) {
                return true;
            }
            if (type == 0xDA) {
                return false;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return false;
    }

    private static byte[] exifWithGps() {
        byte[] make = (EXIF_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF, little-endian: IFD0 at 8 with Make and the GPS IFD pointer; the GPS IFD follows, then its values.
        int ifd0 = 8;
        int ifd0Size = 2 + 2 * 12 + 4;
        int gpsIfd = ifd0 + ifd0Size;
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int makeAt = gpsIfd + gpsIfdSize;
        int latitudeAt = makeAt + make.length;
        int longitudeAt = latitudeAt + 24;
        ByteBuffer tiff = ByteBuffer.allocate(longitudeAt + 24).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) 2);
        entry(tiff, 0x010F, 2, make.length, makeAt);
        entry(tiff, 0x8825, 4, 1, gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N');
        entry(tiff, 0x0002, 5, 3, latitudeAt);
        entry(tiff, 0x0003, 2, 2, 'W');
        entry(tiff, 0x0004, 5, 3, longitudeAt);
        tiff.putInt(0);
        tiff.put(make);
        tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(26).putInt(1);
        tiff.putInt(0).putInt(1).putInt(7).putInt(1).putInt(39).putInt(1);
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
