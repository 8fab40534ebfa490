package dev.tangram.engine.records;

import dev.tangram.engine.forms.FormDefinition;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Sees every record write after validation and formulas, before anything is stored, and may
 * refuse it by throwing a {@code ValidationException} (the triggers feature's {@code before} rules).
 */
public interface RecordInterceptor {

  /**
   * @param type   {@code record.created}, {@code record.updated} or {@code record.deleted}
   * @param after  the stored data about to be written (null for a deletion)
   * @param before the stored data now (null for a creation)
   */
  record PendingWrite(String app, String form, FormDefinition definition, String type, String recordId,
      @Nullable Document after, @Nullable Document before, String status, String actor) {}

  void beforeWrite(PendingWrite write);
}
