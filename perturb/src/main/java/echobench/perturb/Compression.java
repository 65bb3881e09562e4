package echobench.perturb;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * {@code compression}: lossy JPEG re-encoding of every frame, as when echo loops are exported from a
 * PACS or a scanner at a low quality setting.
 *
 * <p>Each frame is quantised to 8 bits, encoded with the JDK's baseline JPEG writer
 * ({@code javax.imageio}) at the severity's quality (the writer's 0..1 scale), decoded again and
 * scaled back to {@code [0,1]}. Grey clips are encoded as one-component JPEG, RGB clips as colour
 * JPEG (YCbCr with the writer's default chroma subsampling). Pixels outside the scan mask are
 * restored to their input values. Deterministic: no random draw.
 *
 * <table>
 *   <caption>JPEG quality per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>quality</th><td>0.50</td><td>0.30</td><td>0.15</td><td>0.08</td><td>0.04</td></tr>
 * </table>
 */
public final class Compression extends GradedPerturbation {
  private static final float[] QUALITY = {1, 0.50f, 0.30f, 0.15f, 0.08f, 0.04f};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "compression",
          5,
          "lossy JPEG re-encoding of every frame at falling quality",
          s -> String.format(Locale.ROOT, "JPEG quality=%.2f (javax.imageio scale 0..1)", QUALITY[s]),
          Compression::new);


  private Compression(int severity) {
    super(SPEC.name(), severity);
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    SectorPixels sector = SectorPixels.of(mask);
    int h = clip.height();
    int w = clip.width();
    int plane = clip.planeSize();
    int type = clip.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
    BufferedImage frame = new BufferedImage(w, h, type);
    WritableRaster raster = frame.getRaster();
    int[] samples = new int[plane];
    float[] in = clip.data();
    float[] out = in.clone();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY[severity()]);
      for (int t = 0; t < clip.frames(); t++) {
        for (int c = 0; c < clip.channels(); c++) {
          int off = (c * clip.frames() + t) * plane;
          for (int p = 0; p < plane; p++) {
            samples[p] = Math.round(in[off + p] * 255);
          }
          raster.setSamples(0, 0, w, h, c, samples);
        }
        BufferedImage decoded = roundTrip(frame, writer, param, reader);
        for (int c = 0; c < clip.channels(); c++) {
          int off = (c * clip.frames() + t) * plane;
          decoded.getRaster().getSamples(0, 0, w, h, c, samples);
          for (int i = 0; i < sector.count(); i++) {
            int p = sector.pixel(i);
            out[off + p] = samples[p] / 255f;
          }
        }
      }
    } finally {
      writer.dispose();
      reader.dispose();
    }
    return clip.withData(out);
  }

  private static BufferedImage roundTrip(
      BufferedImage frame, ImageWriter writer, ImageWriteParam param, ImageReader reader) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream sink = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(sink);
        writer.write(null, new IIOImage(frame, null, null), param);
      }
      try (MemoryCacheImageInputStream source =
          new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        reader.setInput(source);
        return reader.read(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory JPEG re-encoding failed", e);
    }
  }
}
