package dev.tangram.engine.views;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.records.AggregateResult;
import dev.tangram.engine.records.RecordPage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one widget shows to one viewer: an aggregate (count, sum, group), rows (list), or the
 * errors that keep it from showing (a form not yet published, a form the viewer may not view),
 * so one broken widget does not hide the rest of a dashboard.
 */
public record WidgetData(@Nullable AggregateResult aggregate, @Nullable RecordPage rows, List<FieldError> errors) {

  public WidgetData {
    errors = List.copyOf(errors);
  }
}
