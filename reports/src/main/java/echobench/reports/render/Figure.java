package echobench.reports.render;

/**
 * A PNG figure: its file name under {@code figures/}, a caption, and the encoded image.
 *
 * @param fileName a plain name such as {@code severity-adult-mae-depth-exp.png}
 */
public record Figure(String fileName, String caption, byte[] png) implements Block {
  /** @throws IllegalArgumentException for a name that is not a plain {@code .png} file name */
  public Figure {
    if (!fileName.matches("[A-Za-z0-9._-]+\\.png")) {
      throw new IllegalArgumentException("not a plain PNG file name: " + fileName);
    }
    png = png.clone();
  }

  /** A copy of the PNG bytes. */
  @Override
  public byte[] png() {
    return png.clone();
  }
}
