package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import echobench.models.Float16;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import echobench.reports.io.PositionalRead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The frozen features of one split in one file, read back a few samples at a time: what the
 * probes train on and what a resumed run reuses.
 *
 * <p>Layout: a {@value #HEADER_BYTES}-byte header (the magic line {@value #MAGIC}, then one JSON
 * {@link Header}: layout, task, sample count, dtype, byte counts and the fingerprint of what
 * produced the features, space-padded), the token blocks of every sample one after the other,
 * little-endian float16 or float32, and the index (JSON ids, labels and views present). A file is
 * written under {@code <name>.partial} and moved into place when whole. Opening checks the magic,
 * the fingerprint against the expected one, the dtype, the layout and every size against the
 * file's length, so a truncated or foreign file is refused with one line naming it.
 *
 * <p>Reads are positional ({@link FileChannel#read(ByteBuffer, long)}) into one reused buffer: the
 * process holds one batch, never the file, and nothing mapped stays resident (pages of a mapped
 * file count towards the process's resident set until unmapped, which Java cannot do on demand).
 * A store is not safe for use by several threads at once.
 */
public final class FeatureStore implements FeatureSource, AutoCloseable {
  /** The first line of every store file. */
  static final String MAGIC = "ECHOBENCH-FEATURES 1\n";
  /** Bytes before the first token. */
  static final int HEADER_BYTES = 4096;
  /** The suffix of a store being written. */
  static final String PARTIAL = ".partial";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How token values are stored. */
  public enum Dtype {
    /** IEEE binary16, 2 bytes: half the disk, about 3 significant decimal digits. */
    FLOAT16(2),
    /** IEEE binary32, 4 bytes: exactly the encoder's values. */
    FLOAT32(4);

    private final int bytes;

    Dtype(int bytes) {
      this.bytes = bytes;
    }

    /** Bytes per value. */
    public int bytes() {
      return bytes;
    }

    /** The name written in configs and headers: {@code float16} or {@code float32}. */
    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dtype named {@code name}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Dtype parse(String name) {
      for (Dtype d : values()) {
        if (d.toString().equals(name)) {
          return d;
        }
      }
      throw new IllegalArgumentException("dtype must be float16 or float32, not " + name);
    }
  }

  /**
   * The JSON header.
   *
   * @param fingerprint what produced the features (encoder, data, sampling, split, condition)
   * @param dtype {@code float16} or {@code float32}
   * @param layout the shape of one sample
   * @param task what the labels are
   * @param samples the number of samples
   * @param dataBytes bytes of token blocks: {@code samples × layout floats × dtype bytes}
   * @param indexBytes bytes of the JSON index after them
   */
  record Header(String fingerprint, String dtype, FeatureLayout layout, ProbeTask task,
      int samples, long dataBytes, long indexBytes) {}

  /** The ids, labels and views present of the samples, in order. */
  record Index(List<String> ids, float[] labels, List<boolean[]> views) {}

  private final Path file;
  private final FileChannel channel;
  private final Header header;
  private final Dtype dtype;
  private final Index index;
  private final long sampleBytes;
  private ByteBuffer buffer = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);

  private FeatureStore(Path file, FileChannel channel, Header header, Dtype dtype, Index index) {
    this.file = file;
    this.channel = channel;
    this.header = header;
    this.dtype = dtype;
    this.index = index;
    this.sampleBytes = (long) header.layout().sampleFloats() * dtype.bytes();
  }

  /** Starts writing a store to {@code file} (replacing it once finished). */
  public static Writer create(Path file, FeatureLayout layout, ProbeTask task, Dtype dtype,
      String fingerprint) throws IOException {
    return new Writer(file, layout, task, dtype, fingerprint);
  }

  /**
   * Opens the store {@code file}, checking that it is whole and was produced by {@code
   * fingerprint}.
   *
   * @throws InputException naming the file when it is unreadable, truncated, of another
   *     format or produced by something else
   */
  public static FeatureStore open(Path file, String fingerprint) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the feature store (" + e + ")", e);
    }
    try {
      Header header = readHeader(file, channel);
      if (!fingerprint.equals(header.fingerprint())) {
        throw refused(file, "it holds the features of " + header.fingerprint()
            + ", not of " + fingerprint);
      }
      Dtype dtype = parseDtype(file, header.dtype());
      long dataBytes = (long) header.samples() * header.layout().sampleFloats() * dtype.bytes();
      if (header.samples() < 1 || header.dataBytes() != dataBytes || header.indexBytes() < 2) {
        throw refused(file, "its header's sizes disagree with its layout");
      }
      long expected = HEADER_BYTES + dataBytes + header.indexBytes();
      if (channel.size() != expected) {
        throw refused(file, "it is " + channel.size() + " bytes, its header says " + expected
            + " (truncated or overwritten)");
      }
      if (header.indexBytes() > Integer.MAX_VALUE) {
        throw refused(file, "its index is too large");
      }
      ByteBuffer indexBytes = ByteBuffer.allocate((int) header.indexBytes());
      readFully(file, channel, indexBytes, HEADER_BYTES + dataBytes);
      Index index = JSON.readValue(indexBytes.array(), Index.class);
      if (index.ids() == null || index.labels() == null || index.views() == null
          || index.ids().size() != header.samples() || index.labels().length != header.samples()
          || index.views().size() != header.samples()) {
        throw refused(file, "its index does not list " + header.samples() + " samples");
      }
      for (int s = 0; s < header.samples(); s++) {
        boolean[] views = index.views().get(s);
        if (views == null || views.length != header.layout().views()) {
          throw refused(file, "sample " + index.ids().get(s) + " flags the wrong number of views");
        }
        header.task().checkLabel(index.ids().get(s), index.labels()[s]);
      }
      return new FeatureStore(file, channel, header, dtype, index);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof InputException m) {
        throw m;
      }
      throw refused(file, "unreadable (" + firstLine(e) + ")");
    }
  }

  private static Header readHeader(Path file, FileChannel channel) throws IOException {
    if (channel.size() < HEADER_BYTES) {
      throw refused(file, "it is " + channel.size() + " bytes, shorter than a header");
    }
    ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES);
    readFully(file, channel, bytes, 0);
    String text = new String(bytes.array(), StandardCharsets.UTF_8);
    if (!text.startsWith(MAGIC)) {
      throw refused(file, "not an EchoBench feature store");
    }
    Header header = JSON.readValue(text.substring(MAGIC.length()).strip(), Header.class);
    if (header == null || header.fingerprint() == null || header.layout() == null
        || header.task() == null || header.dtype() == null) {
      throw refused(file, "its header lacks fingerprint, dtype, layout or task");
    }
    return header;
  }

  private static Dtype parseDtype(Path file, String name) {
    try {
      return Dtype.parse(name);
    } catch (IllegalArgumentException e) {
      throw refused(file, e.getMessage());
    }
  }

  private static InputException refused(Path file, String why) {
    return new InputException(file + ": feature store refused: " + why
        + "; delete it or run without --resume");
  }

  @Override
  public FeatureLayout layout() {
    return header.layout();
  }

  @Override
  public ProbeTask task() {
    return header.task();
  }

  @Override
  public int size() {
    return header.samples();
  }

  @Override
  public String id(int index) {
    return this.index.ids().get(index);
  }

  @Override
  public float label(int index) {
    return this.index.labels()[index];
  }

  @Override
  public boolean[] viewPresent(int index) {
    return this.index.views().get(index).clone();
  }

  /** How the values are stored. */
  public Dtype dtype() {
    return dtype;
  }

  /** The fingerprint of what produced the features. */
  public String fingerprint() {
    return header.fingerprint();
  }

  @Override
  public void read(int index, int offset, float[] into, int at, int count) {
    if (index < 0 || index >= size() || offset < 0 || count < 0
        || (long) offset + count > layout().sampleFloats()) {
      throw new IndexOutOfBoundsException("sample " + index + " floats " + offset + "+" + count);
    }
    int bytes = count * dtype.bytes();
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
    buffer.clear().limit(bytes);
    try {
      readFully(file, channel, buffer, HEADER_BYTES + index * sampleBytes
          + (long) offset * dtype.bytes());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the feature store (" + e + ")", e);
    }
    buffer.flip();
    if (dtype == Dtype.FLOAT32) {
      buffer.asFloatBuffer().get(into, at, count);
    } else {
      for (int i = 0; i < count; i++) {
        into[at + i] = Float16.toFloat(buffer.getShort(2 * i));
      }
    }
  }

  /** Bytes of the file. */
  public long fileBytes() {
    return HEADER_BYTES + header.dataBytes() + header.indexBytes();
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void readFully(Path file, FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    if (!PositionalRead.fill(channel, into, position)) {
      throw refused(file, "it ends early (truncated)");
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was written through a read channel; a failed close loses nothing.
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  /**
   * Writes a store one sample at a time: token blocks go straight to the partial file, only ids
   * and labels are kept until {@link #finish()}. Closing an unfinished writer deletes the partial
   * file.
   */
  public static final class Writer implements AutoCloseable {
    private final Path file;
    private final Path partial;
    private final FeatureLayout layout;
    private final ProbeTask task;
    private final Dtype dtype;
    private final String fingerprint;
    private final FileChannel channel;
    private final ByteBuffer block;
    private final List<String> ids = new ArrayList<>();
    private final List<Float> labels = new ArrayList<>();
    private final List<boolean[]> views = new ArrayList<>();
    private boolean finished;

    private Writer(Path file, FeatureLayout layout, ProbeTask task, Dtype dtype,
        String fingerprint) throws IOException {
      long bytes = (long) layout.sampleFloats() * dtype.bytes();
      if (bytes > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("one sample of layout " + layout + " exceeds 2 GB");
      }
      this.file = file;
      this.partial = file.resolveSibling(file.getFileName() + PARTIAL);
      this.layout = layout;
      this.task = task;
      this.dtype = dtype;
      this.fingerprint = fingerprint;
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.channel = FileChannel.open(partial, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      this.block = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
      channel.position(HEADER_BYTES);
    }

    /** The number of samples added so far. */
    public int size() {
      return ids.size();
    }

    /** The labels added so far, in order. */
    public float[] labels() {
      float[] out = new float[labels.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = labels.get(i);
      }
      return out;
    }

    /**
     * Appends a sample.
     *
     * @throws IllegalArgumentException naming the sample if its shape or label does not fit
     */
    public void add(FeatureSample sample) throws IOException {
      if (sample.tokens().length != layout.sampleFloats()
          || sample.viewPresent().length != layout.views()) {
        throw new IllegalArgumentException("sample " + sample.id() + " has "
            + sample.tokens().length + " feature values and " + sample.viewPresent().length
            + " views; layout " + layout + " needs " + layout.sampleFloats() + " and "
            + layout.views());
      }
      task.checkLabel(sample.id(), sample.label());
      block.clear();
      float[] tokens = sample.tokens();
      if (dtype == Dtype.FLOAT32) {
        block.asFloatBuffer().put(tokens);
      } else {
        for (int i = 0; i < tokens.length; i++) {
          block.putShort(2 * i, Float16.fromFloat(tokens[i]));
        }
      }
      block.position(0).limit(block.capacity());
      while (block.hasRemaining()) {
        channel.write(block);
      }
      ids.add(sample.id());
      labels.add(sample.label());
      views.add(sample.viewPresent().clone());
    }

    /**
     * Writes the index and header and moves the file into place.
     *
     * @throws IllegalArgumentException if no sample was added
     */
    public void finish() throws IOException {
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("a feature store needs at least one sample");
      }
      long dataBytes = (long) ids.size() * block.capacity();
      byte[] index = JSON.writeValueAsBytes(new Index(ids, labels(), views));
      writeFully(ByteBuffer.wrap(index), HEADER_BYTES + dataBytes);
      Header header = new Header(fingerprint, dtype.toString(), layout, task, ids.size(),
          dataBytes, index.length);
      byte[] json = (MAGIC + JSON.writeValueAsString(header)).getBytes(StandardCharsets.UTF_8);
      if (json.length >= HEADER_BYTES) {
        throw new IllegalArgumentException("feature store header exceeds " + HEADER_BYTES
            + " bytes");
      }
      byte[] padded = new byte[HEADER_BYTES];
      Arrays.fill(padded, (byte) ' ');
      System.arraycopy(json, 0, padded, 0, json.length);
      padded[HEADER_BYTES - 1] = '\n';
      writeFully(ByteBuffer.wrap(padded), 0);
      channel.force(false);
      channel.close();
      AtomicFiles.publish(partial, file);
      finished = true;
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
      long at = position;
      while (bytes.hasRemaining()) {
        at += channel.write(bytes, at);
      }
    }

    /** Closes the file; an unfinished store's partial file is deleted. */
    @Override
    public void close() throws IOException {
      if (!finished) {
        channel.close();
        Files.deleteIfExists(partial);
      }
    }
  }
}
