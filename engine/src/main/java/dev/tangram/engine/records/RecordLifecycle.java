package dev.tangram.engine.records;

/**
 * Decides the status a new record starts in. Without flows every record is
 * {@value RecordService#ACTIVE}; the flows feature replaces this so that records of a form with a
 * published flow start {@code in_approval} (or {@value RecordService#DRAFT} when saved as a draft).
 */
public interface RecordLifecycle {

  RecordLifecycle WITHOUT_FLOWS = (app, form, draft) -> RecordService.ACTIVE;

  /** Called before the record is written; may throw a {@code ValidationException} to refuse it. */
  String initialStatus(String app, String form, boolean draft);
}
