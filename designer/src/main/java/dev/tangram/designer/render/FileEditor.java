package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code attachment} and {@code image}: upload files, list them (images as thumbnails), remove them. */
final class FileEditor implements FieldEditor {

  private static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

  private final boolean images;
  private final RenderContext context;
  private final List<ObjectNode> files = new ArrayList<>();
  private final Div list = new Div();
  private final Upload upload;
  private final LabelledBlock block;
  private final List<Runnable> listeners = new ArrayList<>();
  private boolean readOnly;

  FileEditor(FieldDefinition field, RenderContext context) {
    this.images = "image".equals(field.type());
    this.context = context;
    list.addClassName(images ? "image-list" : "file-list");
    upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
      ObjectNode stored = context.storeFile(metadata.fileName(), metadata.contentType() == null ? "application/octet-stream" : metadata.contentType(),
          new ByteArrayInputStream(bytes));
      UI ui = UI.getCurrent();
      Runnable add = () -> {
        files.add(stored);
        refresh();
        listeners.forEach(Runnable::run);
      };
      if (ui != null) {
        ui.access(add::run);
      } else {
        add.run();
      }
    }));
    upload.setMaxFileSize(MAX_FILE_BYTES);
    upload.setMaxFiles(field.maxItems() != null ? field.maxItems() : 10);
    if (images) {
      upload.setAcceptedFileTypes("image/*");
    }
    Div content = new Div(list, upload);
    block = new LabelledBlock(field.displayName(), field.help(), field.required(), content);
  }

  private void refresh() {
    list.removeAll();
    for (ObjectNode file : files) {
      Div item = new Div();
      item.addClassName("file-item");
      String url = file.path("url").asString();
      String name = file.path("name").asString();
      if (images) {
        Image thumbnail = new Image(url, name);
        thumbnail.addClassName("thumbnail");
        item.add(thumbnail);
      }
      Anchor link = new Anchor(url, name);
      link.setTarget("_blank");
      item.add(link);
      if (!readOnly) {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
          files.remove(file);
          refresh();
          listeners.forEach(Runnable::run);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        item.add(remove);
      }
      list.add(item);
    }
  }

  @Override
  public Component component() {
    return block;
  }

  @Override
  public @Nullable JsonNode value() {
    if (files.isEmpty()) {
      return null;
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    files.forEach(array::add);
    return array;
  }

  @Override
  public void setValue(@Nullable JsonNode value) {
    files.clear();
    if (value != null && value.isArray()) {
      value.forEach(f -> {
        if (f.isObject()) {
          files.add((ObjectNode) f);
        }
      });
    }
    refresh();
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
    upload.setVisible(!readOnly);
    refresh();
  }

  @Override
  public void showError(String path, String message) {
    block.showError(message);
  }

  @Override
  public void clearErrors() {
    block.clearError();
  }
}
