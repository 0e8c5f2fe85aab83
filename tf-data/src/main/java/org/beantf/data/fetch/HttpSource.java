package org.beantf.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.beantf.data.DataFile;
import org.beantf.data.DatasetId;

/**
 * The dataset's canonical download addresses: one gzip file per data file (MNIST, Fashion-MNIST),
 * or one tar.gz archive holding them all (CIFAR-10).
 */
final class HttpSource implements DatasetSource {
  private final List<URI> addresses;
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(20))
          .build();

  /** Per-file addresses ("…/train-images-idx3-ubyte.gz") or a single ".tar.gz" archive. */
  HttpSource(List<URI> addresses) {
    this.addresses = addresses;
  }

  /** One gzip file per data file of {@code id}, under {@code base} (which ends with "/"). */
  static HttpSource perFile(DatasetId id, String base) {
    return new HttpSource(
        id.files().stream().map(f -> URI.create(base + f.name() + ".gz")).toList());
  }

  @Override
  public String describe() {
    return "download from " + addresses.get(0).getHost();
  }

  @Override
  public Map<String, Path> provide(DatasetId id, Path staging, Consumer<String> log)
      throws SourceUnavailableException, IOException {
    Map<String, Path> staged = new LinkedHashMap<>();
    for (URI address : addresses) {
      String fileName = address.getPath().substring(address.getPath().lastIndexOf('/') + 1);
      Path target = staging.resolve(fileName);
      download(id, address, target, log);
      if (fileName.endsWith(".tar.gz")) {
        staged.putAll(Staging.extractTarGz(id, target, staging));
        Files.delete(target);
      } else {
        DataFile file = FileNames.match(id, fileName);
        if (file != null) {
          staged.put(file.name(), target);
        }
      }
    }
    return staged;
  }

  private void download(DatasetId id, URI address, Path target, Consumer<String> log)
      throws SourceUnavailableException, IOException {
    log.accept(id + ": downloading " + address);
    HttpRequest request =
        HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(10)).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new SourceUnavailableException(address + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailableException("interrupted while downloading " + address);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new SourceUnavailableException(address + ": HTTP " + response.statusCode());
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        body.transferTo(out);
      }
    } catch (IOException e) {
      throw new SourceUnavailableException(address + ": " + describe(e));
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
