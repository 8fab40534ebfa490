package dev.tangram.runtime.ui.forms;

import dev.tangram.designer.render.RenderContext;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.Department;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.fields.SerialPattern;
import dev.tangram.engine.records.FormCalculator;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.ui.files.FileStore;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The renderer's server side for one app and one user: every read goes through the record service's permissions. */
final class EngineRenderContext implements RenderContext {

  private final String app;
  private final Actor actor;
  private final RecordService records;
  private final OrgDirectory directory;
  private final FormCalculator calculator;
  private final FileStore files;
  private final Clock clock;

  EngineRenderContext(String app, Actor actor, RecordService records, OrgDirectory directory, FormCalculator calculator,
      FileStore files, Clock clock) {
    this.app = app;
    this.actor = actor;
    this.records = records;
    this.directory = directory;
    this.calculator = calculator;
    this.files = files;
    this.clock = clock;
  }

  @Override
  public FormCalculator calculator() {
    return calculator;
  }

  @Override
  public List<Choice> searchRecords(String targetForm, @Nullable String displayField, String text, int limit) {
    List<RecordQuery.Filter> filters = displayField == null || text.isBlank() ? List.of()
        : List.of(new RecordQuery.Filter(displayField, "contains", Json.MAPPER.getNodeFactory().stringNode(text.trim())));
    try {
      return records.query(app, targetForm, new RecordQuery(filters, List.of(), 0, Math.min(limit, RecordQuery.MAX_SIZE)), actor)
          .items().stream().map(r -> new Choice(r.id(), label(r, displayField))).toList();
    } catch (TangramException e) {
      return List.of(); // no permission or no published target: nothing to pick
    }
  }

  @Override
  public Optional<String> recordLabel(String targetForm, @Nullable String displayField, String id) {
    try {
      return Optional.of(label(records.get(app, targetForm, id, actor), displayField));
    } catch (TangramException e) {
      return Optional.empty();
    }
  }

  private static String label(Record record, @Nullable String displayField) {
    JsonNode shown = displayField == null ? null : record.data().get(displayField);
    return shown == null || shown.isNull() ? record.id() : shown.isString() ? shown.asString() : shown.toString();
  }

  @Override
  public List<Choice> users() {
    return directory.users().stream().filter(DirectoryUser::enabled)
        .map(u -> new Choice(u.username(), u.displayName() + " (" + u.username() + ")")).toList();
  }

  @Override
  public List<Choice> departments() {
    return directory.departments().stream().map((Department d) -> new Choice(d.id(), d.name())).toList();
  }

  @Override
  public ObjectNode storeFile(String fileName, String contentType, InputStream content) {
    return files.store(fileName, contentType, content);
  }

  @Override
  public String serialPreview(String pattern) {
    return SerialPattern.of(pattern).render(LocalDate.now(clock), 1);
  }
}
