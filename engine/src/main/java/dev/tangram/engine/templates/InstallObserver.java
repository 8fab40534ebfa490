package dev.tangram.engine.templates;

/**
 * Told after each step of an install, upgrade or uninstall, once the step is in the journal. The
 * runtime reports progress with it; tests use it to stop an install half-way as a crash would.
 */
@FunctionalInterface
public interface InstallObserver {

  InstallObserver NONE = (app, step, done, total) -> { };

  /** Called on the installing thread; an exception thrown here stops the operation where it is. */
  void stepDone(String app, String step, int done, int total);
}
