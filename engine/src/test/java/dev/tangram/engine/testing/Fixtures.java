package dev.tangram.engine.testing;

import dev.tangram.engine.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/** JSON fixtures from the test class path and inline JSON with single quotes for readability. */
public final class Fixtures {

  private Fixtures() {}

  public static JsonNode json(String singleQuoted) {
    return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }

  public static JsonNode resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + path);
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
