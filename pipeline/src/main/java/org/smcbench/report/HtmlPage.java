package org.smcbench.report;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * A self-contained static page: inline CSS, images by relative path, so it opens from disk. All
 * text from the tables is escaped. A tiny inline script counts the images that failed to load
 * and writes the count into {@code #image-check} (shown to the reader, read by the browser test).
 */
final class HtmlPage {
  private static final String STYLE = """
      body { font-family: sans-serif; margin: 2em; color: #222; }
      h1, h2, h3 { font-weight: 600; }
      .note { color: #666; font-style: italic; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 0.85em; }
      th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; white-space: nowrap; }
      th { background: #f0f0f0; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      figure { display: inline-block; margin: 0.5em 1em 1em 0; }
      img { max-width: 100%; height: auto; }
      """;
  // No console output on purpose: the browser test treats any console message as an error.
  private static final String IMAGE_CHECK = """
      window.addEventListener('load', function () {
        var broken = 0;
        for (var i = 0; i < document.images.length; i++) {
          if (!document.images[i].complete || document.images[i].naturalWidth === 0) broken++;
        }
        var check = document.getElementById('image-check');
        check.setAttribute('data-images', document.images.length);
        check.setAttribute('data-broken', broken);
        check.textContent = broken === 0 ? document.images.length + ' charts loaded'
            : broken + ' of ' + document.images.length + ' charts failed to load';
      });
      """;

  private final String title;
  private final StringBuilder body = new StringBuilder();

  HtmlPage(String title) {
    this.title = title;
  }

  HtmlPage heading(int level, String text) {
    body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
    return this;
  }

  HtmlPage paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A section that has nothing to show says why. */
  HtmlPage note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** {@code src} relative to the page, e.g. {@code charts/x.png}. */
  HtmlPage image(String src, String caption, int width, int height) {
    body.append("<figure><img src=\"").append(escape(src)).append("\" alt=\"").append(escape(caption))
        .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">")
        .append("<figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    return this;
  }

  /** The rows as a table, one column per field; doubles to 4 decimals, nulls empty. */
  HtmlPage table(String[] columns, List<Row> rows) {
    body.append("<div class=\"scroll\"><table>\n<thead><tr>");
    for (String c : columns) {
      body.append("<th>").append(escape(c)).append("</th>");
    }
    body.append("</tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      body.append("<tr>");
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        body.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(escape(cell(v))).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody></table></div>\n");
    return this;
  }

  String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
        + "<p id=\"image-check\" class=\"note\">checking charts…</p>\n" + body
        + "<script>\n" + IMAGE_CHECK + "</script>\n</body>\n</html>\n";
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d.toString();
      }
      // As the CLI's tables: 4 decimals, tiny values (p-values) in scientific notation.
      return d != 0 && Math.abs(d) < 5e-5 ? String.format(Locale.ROOT, "%.2e", d)
          : String.format(Locale.ROOT, "%.4f", d);
    }
    return String.valueOf(v);
  }

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
