package org.smcbench.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a local page in headless Chromium and returns the DOM after the load event and the
 * console messages. Chromium (156, Debian) logs every console message to stderr as
 * {@code INFO:CONSOLE:<line>] "<text>", source: ...} whatever its level (log, warn, error and
 * uncaught exceptions look alike), so callers treat any console message as a failure. A broken
 * file:// image logs nothing; the page's own image check, read from the DOM, covers that.
 */
final class HeadlessChromium {
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[(:]");
  private static final Pattern IMAGE_CHECK = Pattern.compile(
      "id=\"image-check\"[^>]*?data-images=\"(\\d+)\"[^>]*?data-broken=\"(\\d+)\"");
  private static final long TIMEOUT_SECONDS = 60;

  record Page(String dom, List<String> consoleMessages) {
    /** (images, broken) as the page's load handler wrote them, or empty when it never ran. */
    Optional<int[]> imageCheck() {
      Matcher m = IMAGE_CHECK.matcher(dom);
      return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
          : Optional.empty();
    }
  }

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The first {@code chromium} or {@code chromium-browser} on PATH. */
  static Optional<HeadlessChromium> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(new HeadlessChromium(candidate));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code work}: a throwaway folder for the profile and the captured output. */
  Page load(Path page, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path dom = work.resolve("dom.html");
    Path log = work.resolve("stderr.log");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--user-data-dir=" + work.resolve("profile"), "--enable-logging=stderr", "--v=0",
        "--dump-dom", page.toUri().toString())
        .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("chromium exited with " + p.exitValue() + ":\n" + Files.readString(log));
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> CONSOLE.matcher(line).find()).toList();
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
  }
}
