package com.mediscan.attachment.service;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * A phone stores a portrait photo as landscape pixels with an EXIF orientation saying how to turn
 * them. Re-encoding drops EXIF, so the turn is applied to the pixels first, or the photo would be
 * stored on its side.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The JPEG's EXIF orientation (1 to 8), or {@link #UPRIGHT} when it has none or it cannot be read. */
    static int of(byte[] jpeg) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            InputStream data = exif.getFirst().data();
            // After the identifier "Exif" and its NUL comes one padding byte, then the TIFF structure.
            if (data.read() < 0) {
                return UPRIGHT;
            }
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry orientation = directory.getEntryById(TIFF.TAG_ORIENTATION);
                int value = orientation != null && orientation.getValue() instanceof Number number ? number.intValue() : UPRIGHT;
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        } catch (IOException | RuntimeException unreadable) {
            // Damaged EXIF says nothing reliable about the turn; the picture is kept as its pixels lie.
            return UPRIGHT;
        }
    }

    /** The image turned and mirrored as the orientation says, so that it reads upright without EXIF. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int width = image.getWidth();
        int height = image.getHeight();
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
            default -> null;
        };
        if (turn == null) {
            return image;
        }
        boolean sideways = orientation >= 5;
        BufferedImage turned = new BufferedImage(sideways ? height : width, sideways ? width : height,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = turned.createGraphics();
        try {
            graphics.drawImage(image, turn, null);
        } finally {
            graphics.dispose();
        }
        return turned;
    }
}
