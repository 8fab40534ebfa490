package dev.tangram.engine.templates;

import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.rules.ScriptSandbox;
import dev.tangram.engine.templates.internal.PackageChecker;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Template services on an embedded store, with the test packages under {@code templates/market}. */
final class TemplateTesting {

  private static ScriptSandbox sandbox;

  private TemplateTesting() {}

  static synchronized ScriptSandbox sandbox() {
    if (sandbox == null) {
      sandbox = ScriptSandbox.create();
    }
    return sandbox;
  }

  static Path resources(String dir) {
    try {
      return Path.of(TemplateTesting.class.getResource("/dev/tangram/engine/templates/" + dir).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static PackageChecker checker(EmbeddedMongo mongo) {
    return new PackageChecker(mongo.forms, sandbox(), new PluginRegistry(List.of()));
  }

  static TemplateService service(EmbeddedMongo mongo) {
    return service(mongo, "market");
  }

  static TemplateService service(EmbeddedMongo mongo, String folder) {
    TemplateCatalog catalog = new TemplateCatalog(TemplateTesting.class.getClassLoader(), List.of(resources(folder)),
        mongo.database, checker(mongo), Clock.systemDefaultZone());
    return new TemplateService(catalog, mongo.apps, mongo.forms, mongo.records, mongo.database, Clock.systemDefaultZone());
  }
}
