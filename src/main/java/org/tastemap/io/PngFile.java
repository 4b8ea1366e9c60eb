package org.tastemap.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an image as a PNG file atomically ({@link AtomicFileWrite}): a failed save leaves an existing file as it was. */
public final class PngFile {
    private PngFile() {
    }

    /**
     * Writes {@code argb} (row-major, {@code width * height} pixels, 0xAARRGGBB) to {@code target}.
     */
    public static void write(Path target, int width, int height, int[] argb) throws IOException {
        if (width <= 0 || height <= 0 || argb.length != (long) width * height) {
            throw new IllegalArgumentException("an image of " + width + " x " + height + " needs " + (long) width * height
                    + " pixels, not " + argb.length);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFileWrite.writeStream(target, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }
}
