package dev.taskflow.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's figures: printed as one table, and written as JSON and Markdown (latest and dated). */
final class Results {

  /** One operation. Latencies in ms; {@code baselineValue} in the baseline's unit (per second or ms). */
  record Row(String name, double rate, double p50, double p95, double p99, long errors, String baseline,
      Double baselineValue, Double ratio, String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final Instant started = Instant.now();
  private final String machine;
  private final int tasks;
  private final int users;
  private double maxRssMb;

  Results(String machine, int tasks, int users) {
    this.machine = machine;
    this.tasks = tasks;
    this.users = users;
  }

  void add(Row row) {
    rows.add(row);
    Bench.log("  %s", format(row));
  }

  void serverRss(double mb) {
    maxRssMb = mb;
  }

  static Double ratio(double ours, double baseline) {
    return baseline > 0 && !Double.isNaN(ours) ? Math.round(ours / baseline * 100.0) / 100.0 : null;
  }

  private static String num(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }

  private static String format(Row r) {
    return String.format(Locale.ROOT, "%-21s %8s %8s %8s %8s %6d   %-44s %9s %6s  %s", r.name(), num(r.rate()),
        num(r.p50()), num(r.p95()), num(r.p99()), r.errors(), r.baseline() == null ? "-" : r.baseline(),
        r.baselineValue() == null ? "-" : num(r.baselineValue()), r.ratio() == null ? "-" : num(r.ratio()),
        r.note() == null ? "" : r.note());
  }

  String table() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-21s %8s %8s %8s %8s %6s   %-44s %9s %6s  %s%n",
        "operation", "rate/s", "p50 ms", "p95 ms", "p99 ms", "errors", "baseline", "value", "ratio", "note"));
    rows.forEach(r -> out.append(format(r)).append('\n'));
    out.append(String.format(Locale.ROOT, "server resident memory, max during the run: %.0f MB%n", maxRssMb));
    return out.toString();
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Benchmark " + started + "\n\nMachine: " + machine + ". Data set: "
        + String.format(Locale.ROOT, "%,d tasks, %,d users", tasks, users) + ". Server RSS max: "
        + String.format(Locale.ROOT, "%.0f MB", maxRssMb) + ".\n\n"
        + "| operation | rate/s | p50 ms | p95 ms | p99 ms | errors | baseline | baseline value | ratio | note |\n"
        + "|---|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
    for (Row r : rows) {
      md.append("| ").append(r.name()).append(" | ").append(num(r.rate())).append(" | ").append(num(r.p50()))
          .append(" | ").append(num(r.p95())).append(" | ").append(num(r.p99())).append(" | ").append(r.errors())
          .append(" | ").append(r.baseline() == null ? "" : r.baseline()).append(" | ")
          .append(r.baselineValue() == null ? "" : num(r.baselineValue())).append(" | ")
          .append(r.ratio() == null ? "" : num(r.ratio())).append(" | ").append(r.note() == null ? "" : r.note())
          .append(" |\n");
    }
    return md.toString();
  }

  String json() {
    JsonArrayBuilder operations = Json.createArrayBuilder();
    for (Row r : rows) {
      JsonObjectBuilder op = Json.createObjectBuilder().add("name", r.name());
      number(op, "rate", r.rate());
      number(op, "p50_ms", r.p50());
      number(op, "p95_ms", r.p95());
      number(op, "p99_ms", r.p99());
      op.add("errors", r.errors());
      if (r.baseline() == null) {
        op.addNull("baseline").addNull("baseline_value").addNull("ratio");
      } else {
        op.add("baseline", r.baseline());
        if (r.baselineValue() == null) {
          op.addNull("baseline_value");
        } else {
          op.add("baseline_value", round(r.baselineValue()));
        }
        if (r.ratio() == null) {
          op.addNull("ratio");
        } else {
          op.add("ratio", r.ratio());
        }
      }
      if (r.note() != null) {
        op.add("note", r.note());
      }
      operations.add(op);
    }
    var doc = Json.createObjectBuilder()
        .add("machine", machine)
        .add("started", started.toString())
        .add("dataset", Json.createObjectBuilder().add("tasks", tasks).add("users", users))
        .add("server_rss_max_mb", round(maxRssMb))
        .add("operations", operations)
        .build();
    StringWriter text = new StringWriter();
    JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    writers.createWriter(text).write(doc);
    return text.toString().strip() + "\n";
  }

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  private static void number(JsonObjectBuilder op, String name, double value) {
    if (Double.isNaN(value)) {
      op.addNull(name);
    } else {
      op.add(name, round(value));
    }
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC).format(started);
    Files.writeString(dir.resolve("latest.json"), json());
    Files.writeString(dir.resolve(stamp + ".json"), json());
    Files.writeString(dir.resolve("latest.md"), markdown());
    Files.writeString(dir.resolve(stamp + ".md"), markdown());
  }
}
