package echobench.models.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import echobench.models.Float16;
import echobench.reports.io.InputException;
import echobench.reports.io.PositionalRead;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a> format: an
 * 8-byte little-endian header length, a JSON header mapping each tensor name to its {@code dtype},
 * {@code shape} and {@code data_offsets}, then the raw little-endian data. No code is ever executed
 * on load (unlike a pickled {@code .pt}).
 *
 * <p>Writing produces float32 tensors in the given order. Reading accepts {@code F32}, {@code F16}
 * and {@code BF16} (converted to float32) and checks every offset and size against the file.
 */
public final class SafeTensors {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final long MAX_HEADER = 100L << 20;
  /** Most elements in one tensor: what one Java array holds. */
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private SafeTensors() {}

  /** Writes {@code tensors} (any float type, converted to float32) to {@code file}. */
  public static void write(Path file, Map<String, NDArray> tensors) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    long offset = 0;
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      Shape shape = e.getValue().getShape();
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", "F32");
      var dims = entry.putArray("shape");
      for (long d : shape.getShape()) {
        dims.add(d);
      }
      long end = offset + 4 * shape.size();
      entry.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putLong(padded).put(json);
    while (prefix.hasRemaining()) {
      prefix.put((byte) ' ');
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(prefix.array());
      for (NDArray array : tensors.values()) {
        float[] values = array.toType(DataType.FLOAT32, false).toFloatArray();
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        out.write(data.array());
      }
    }
  }

  /**
   * Reads every tensor of {@code file} as float32 arrays in {@code manager}, in file order.
   *
   * <p>The header is checked whole before any data is read, as the reference loader does: every
   * shape holds non-negative integers whose product fits in an array, every tensor's byte range
   * matches its shape and dtype, and the ranges, in order, tile the data exactly (no gap, no
   * overlap, nothing outside the file). Duplicate names are refused.
   *
   * @throws InputException naming the file when it is not valid safetensors or holds a dtype
   *     other than F32/F16/BF16
   */
  public static Map<String, NDArray> read(Path file, NDManager manager) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": not a safetensors file (" + (Files.isDirectory(file)
          ? "a folder" : "no such file") + ")");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0, file);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > fileSize) {
        throw new InputException(file + ": not a safetensors file (bad header length)");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
      readFully(channel, headerBytes, 8, file);
      JsonNode header =
          JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8).strip());
      if (header == null || !header.isObject()) {
        throw new InputException(file + ": not a safetensors file (the header is not a JSON"
            + " object)");
      }
      long dataStart = 8 + headerLength;
      List<TensorEntry> entries = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : header.properties()) {
        if (!e.getKey().equals("__metadata__")) {
          entries.add(TensorEntry.parse(file, e.getKey(), e.getValue()));
        }
      }
      requireTiled(file, entries, fileSize - dataStart);
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      for (TensorEntry entry : entries) {
        tensors.put(entry.name(), readTensor(channel, file, entry, dataStart, manager));
      }
      return tensors;
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": not a safetensors file (bad JSON header: "
          + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Checks that the byte ranges of {@code entries}, sorted by start, follow each other without gap
   * or overlap from 0 to {@code dataLength}.
   */
  private static void requireTiled(Path file, List<TensorEntry> entries, long dataLength) {
    List<TensorEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
    long expected = 0;
    for (TensorEntry entry : sorted) {
      if (entry.begin() != expected) {
        throw new InputException(file + ": tensor " + entry.name() + " has data_offsets ["
            + entry.begin() + ", " + entry.end() + "] " + (entry.begin() < expected
                ? "overlapping the previous tensor's" : "leaving a gap after byte " + expected));
      }
      expected = entry.end();
    }
    if (expected != dataLength) {
      throw new InputException(file + ": the tensors' data_offsets end at byte " + expected
          + " but the file holds " + dataLength + " bytes of data");
    }
  }

  private static NDArray readTensor(
      FileChannel channel, Path file, TensorEntry entry, long dataStart, NDManager manager)
      throws IOException {
    ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(entry.end() - entry.begin()))
        .order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, raw, dataStart + entry.begin(), file);
    raw.flip();
    float[] values = new float[Math.toIntExact(entry.elements())];
    if (entry.width() == 4) {
      FloatBuffer floats = raw.asFloatBuffer();
      floats.get(values);
    } else {
      for (int i = 0; i < values.length; i++) {
        int bits = raw.getShort() & 0xFFFF;
        values[i] = entry.dtype().equals("BF16")
            ? Float.intBitsToFloat(bits << 16) : Float16.toFloat(bits);
      }
    }
    return manager.create(values, new Shape(entry.shape()));
  }

  /** One tensor's header entry, checked: a known dtype, a sane shape and a matching byte range. */
  private record TensorEntry(
      String name, String dtype, int width, long[] shape, long elements, long begin, long end) {

    static TensorEntry parse(Path file, String name, JsonNode entry) {
      String dtype = entry.path("dtype").asText();
      int width =
          switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> throw new InputException(
                file + ": tensor " + name + " has unsupported dtype " + dtype);
          };
      JsonNode dims = entry.path("shape");
      JsonNode offsets = entry.path("data_offsets");
      if (!dims.isArray() || !offsets.isArray() || offsets.size() != 2) {
        throw new InputException(file + ": tensor " + name + " lacks shape or data_offsets");
      }
      long[] shape = new long[dims.size()];
      long elements = 1;
      for (int i = 0; i < shape.length; i++) {
        JsonNode dim = dims.get(i);
        if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.asLong() < 0) {
          throw new InputException(file + ": tensor " + name + " has shape " + dims
              + "; dimensions must be non-negative integers");
        }
        shape[i] = dim.asLong();
        elements *= shape[i];
        if (elements > MAX_ELEMENTS) {
          throw new InputException(file + ": tensor " + name + " has shape " + dims
              + ", more than " + MAX_ELEMENTS + " elements");
        }
      }
      for (JsonNode offset : offsets) {
        if (!offset.isIntegralNumber() || !offset.canConvertToLong()
            || offset.asLong() < 0) {
          throw new InputException(file + ": tensor " + name + " has data_offsets " + offsets
              + "; offsets must be non-negative integers");
        }
      }
      long begin = offsets.get(0).asLong();
      long end = offsets.get(1).asLong();
      if (end - begin != elements * width) {
        throw new InputException(file + ": tensor " + name + " has data_offsets " + offsets
            + " holding " + (end - begin) + " bytes, but its shape " + dims + " and dtype "
            + dtype + " need " + elements * width);
      }
      return new TensorEntry(name, dtype, width, shape, elements, begin, end);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position, Path file)
      throws IOException {
    if (!PositionalRead.fill(channel, into, position)) {
      throw new InputException(file + ": truncated safetensors file");
    }
  }
}
