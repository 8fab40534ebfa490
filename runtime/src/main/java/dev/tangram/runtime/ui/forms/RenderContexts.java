package dev.tangram.runtime.ui.forms;

import dev.tangram.designer.render.RenderContext;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.records.FormCalculator;
import dev.tangram.engine.records.RecordService;
import dev.tangram.engine.rules.FormulaEngine;
import dev.tangram.runtime.ui.files.FileStore;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Makes the form renderer's context for an app and a user (end-user pages and the designer's preview alike). */
@Component
public class RenderContexts {

  private final RecordService records;
  private final OrgDirectory directory;
  private final FormCalculator calculator;
  private final FileStore files;
  private final Clock clock;

  RenderContexts(RecordService records, OrgDirectory directory, FormulaEngine formulas, FileStore files, Clock clock) {
    this.records = records;
    this.directory = directory;
    this.calculator = new FormCalculator(formulas);
    this.files = files;
    this.clock = clock;
  }

  public RenderContext forApp(String app, Actor actor) {
    return new EngineRenderContext(app, actor, records, directory, calculator, files, clock);
  }
}
