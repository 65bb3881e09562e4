package echobench.models.encoder;

/**
 * The 3-D grid of tubelet tokens of a clip: {@code frames} temporal positions by {@code rows} by
 * {@code columns}. Token ids run time-major, then row, then column (PyTorch's {@code flatten(2)} of
 * a Conv3d output), so id {@code = (t·rows + r)·columns + c}.
 */
public record TokenGrid(int frames, int rows, int columns) {
  /** Validates the grid. */
  public TokenGrid {
    if (frames <= 0 || rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("empty token grid " + frames + "×" + rows + "×" + columns);
    }
  }

  /** The number of tokens. */
  public int size() {
    return frames * rows * columns;
  }

  /** The number of tokens per temporal position. */
  public int spatialSize() {
    return rows * columns;
  }

  /** The temporal index of token {@code id}. */
  public int frameOf(int id) {
    return id / spatialSize();
  }

  /** The row of token {@code id}. */
  public int rowOf(int id) {
    return (id % spatialSize()) / columns;
  }

  /** The column of token {@code id}. */
  public int columnOf(int id) {
    return id % columns;
  }

  /** The id of the token at {@code (frame, row, column)}. */
  public int id(int frame, int row, int column) {
    return (frame * rows + row) * columns + column;
  }
}
