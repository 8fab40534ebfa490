package dev.tangram.engine.records.internal;

/**
 * Collection names. Keys cannot contain '.', so {@code records.<app>.<form>} never collides
 * between apps (an underscore could: app {@code a_b} form {@code c} vs app {@code a} form {@code b_c}).
 */
public final class RecordCollections {

  private RecordCollections() {}

  public static String records(String app, String form) {
    return "records." + app + "." + form;
  }

  public static String history(String app, String form) {
    return "history." + app + "." + form;
  }

  public static String recordsPrefix(String app) {
    return "records." + app + ".";
  }

  public static String historyPrefix(String app) {
    return "history." + app + ".";
  }
}
