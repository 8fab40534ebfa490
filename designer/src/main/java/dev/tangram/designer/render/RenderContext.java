package dev.tangram.designer.render;

import dev.tangram.engine.records.FormCalculator;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the renderer needs from the server around one form of one app, for one user: live
 * calculation, relation search, the org directory's users and departments, file storage and the
 * serial number preview. The runtime implements it on the engine's services and permissions.
 */
public interface RenderContext {

  /** A value to pick and the text shown for it. */
  record Choice(String value, String label) {}

  FormCalculator calculator();

  /** Records of {@code targetForm} whose display field contains {@code text}, at most {@code limit}. */
  List<Choice> searchRecords(String targetForm, @Nullable String displayField, String text, int limit);

  /** The label of one record of {@code targetForm}, if the user may see it. */
  Optional<String> recordLabel(String targetForm, @Nullable String displayField, String id);

  List<Choice> users();

  List<Choice> departments();

  /** Stores an uploaded file; returns its value {@code {name, url, size, contentType}}. */
  ObjectNode storeFile(String fileName, String contentType, InputStream content);

  /** The number a serial pattern would give next, e.g. {@code EXP-20261123-0001}, shown before saving. */
  String serialPreview(String pattern);
}
