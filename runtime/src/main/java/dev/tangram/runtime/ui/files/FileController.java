package dev.tangram.runtime.ui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /files/{id}/{name}} for logged-in users of the browser UI. Images are shown inline;
 * everything else is sent as a download, and never sniffed, so an uploaded HTML file cannot run
 * as a page of the app.
 */
@Controller
class FileController {

  private final FileStore files;

  FileController(FileStore files) {
    this.files = files;
  }

  @GetMapping("/files/{id}/{name}")
  ResponseEntity<FileSystemResource> get(@PathVariable String id, @PathVariable String name) throws IOException {
    Path file = files.find(id, name).orElse(null);
    if (file == null) {
      return ResponseEntity.notFound().build();
    }
    MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
    boolean image = "image".equals(type.getType()) && !type.getSubtype().contains("svg");
    return ResponseEntity.ok()
        .contentType(image ? type : MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(Files.size(file))
        .header(HttpHeaders.CONTENT_DISPOSITION, (image ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new FileSystemResource(file));
  }
}
