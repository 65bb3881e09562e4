package echobench.harness.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of tasks a study may name in its {@code task} key: one line per task in {@link
 * #ALL}. A new task is one {@link EchoTask} class and one line here.
 */
public final class EchoTasks {
  /** Every registered task, the default first. */
  public static final List<EchoTask> ALL = List.of(
      new LvefTask(),
      new ViewTask(),
      new BiplaneLvefTask());

  private EchoTasks() {}

  /** The task of a study that names none. */
  public static EchoTask defaultTask() {
    return ALL.get(0);
  }

  /** The task named {@code id} (case-insensitive), if registered. */
  public static Optional<EchoTask> byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(t -> t.id().equals(wanted)).findFirst();
  }

  /** The registered ids, comma-separated, for messages. */
  public static String ids() {
    return String.join(", ", ALL.stream().map(EchoTask::id).toList());
  }

  /**
   * Reads a config's {@code task} value; an unknown name is a bad value at its line, listing the
   * registered ids.
   */
  public static final class Reader extends StdDeserializer<EchoTask> {
    public Reader() {
      super(EchoTask.class);
    }

    @Override
    public EchoTask deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = parser.getValueAsString();
      if (text == null) {
        return (EchoTask) context.handleUnexpectedToken(EchoTask.class, parser);
      }
      return byId(text).orElseThrow(() -> InvalidFormatException.from(parser,
          "unknown task '" + text + "' (known: " + ids() + ")", text, EchoTask.class));
    }
  }
}
