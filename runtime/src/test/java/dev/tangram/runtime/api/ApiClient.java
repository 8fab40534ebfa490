package dev.tangram.runtime.api;

import dev.tangram.engine.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** A real HTTP client for the API under test, with JSON written in single quotes for readability. */
public final class ApiClient {

  public record Response(int status, JsonNode body, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String token;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public ApiClient login(String username, String password) {
    Response r = send("POST", "/api/v1/auth/login", "{'username':'" + username + "','password':'" + password + "'}");
    this.token = r.body().get("token").asString();
    return this;
  }

  public ApiClient withToken(String token) {
    this.token = token;
    return this;
  }

  public Response send(String method, String path, String singleQuotedJson, String... headers) {
    return sendRaw(method, path, singleQuotedJson == null ? null : singleQuotedJson.replace('\'', '"'), headers);
  }

  public Response sendRaw(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    boolean typed = java.util.Arrays.asList(headers).contains("Content-Type");
    if (body != null && !typed) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
      return new Response(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs raw bytes, e.g. an .xlsx file. */
  public Response postBytes(String path, byte[] body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), Json.MAPPER.readTree(response.body()), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GETs a non-JSON resource (e.g. an SVG): the text is in {@code raw().body()}, {@code body()} is null. */
  public Response getText(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), Json.MAPPER.nullNode(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response get(String path) {
    return send("GET", path, null);
  }
}
