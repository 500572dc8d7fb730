package org.policysearch.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into {@link Block}s: one per block element, the page number taken
 * from Tika's {@code <div class="page">} markers. Text in {@code <head>}, scripts and styles is
 * dropped. Stops collecting (and says so) after {@code maxChars} characters.
 */
final class BlockHandler extends DefaultHandler {
  private static final Set<String> BLOCKS = Set.of("p", "div", "li", "dt", "dd", "td", "th", "pre", "blockquote",
      "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "caption", "address");

  private final boolean lineLayout;
  private final long maxChars;
  private final List<Block> blocks = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private Block.Kind kind = Block.Kind.PARAGRAPH;
  private int page;
  private int skipDepth;
  private long total;
  private boolean truncated;
  /** Depth inside Tika's {@code <div class="ocr">} (text Tesseract recognised), 0 outside. */
  private int ocrDepth;
  private final java.util.TreeSet<Integer> ocrPages = new java.util.TreeSet<>();

  /** @param lineLayout true when the format marks no paragraphs (plain text, Markdown, PDF) */
  BlockHandler(boolean lineLayout, long maxChars) {
    this.lineLayout = lineLayout;
    this.maxChars = maxChars;
  }

  List<Block> blocks() {
    flush();
    return blocks;
  }

  boolean truncated() {
    return truncated;
  }

  int pages() {
    return page;
  }

  /** The pages holding OCR'd text (0 for a file without pages, such as an image). */
  List<Integer> ocrPages() {
    return List.copyOf(ocrPages);
  }

  @Override
  public void startElement(String uri, String local, String qName, Attributes atts) {
    String name = local.isEmpty() ? qName : local;
    if (skipDepth > 0 || name.equals("head") || name.equals("script") || name.equals("style")) {
      skipDepth++;
      return;
    }
    if (name.equals("div") && "page".equals(atts.getValue("class"))) {
      flush();
      page++;
      return;
    }
    if (ocrDepth > 0) {
      // recognised text is lines, paragraphs between blank lines: one block, split later like a PDF page
      if (name.equals("br")) current.append('\n');
      if (name.equals("div")) ocrDepth++;
      return;
    }
    if (name.equals("div") && "ocr".equals(atts.getValue("class"))) {
      flush();
      ocrDepth = 1;
      ocrPages.add(page);
      return;
    }
    if (name.equals("br")) {
      current.append('\n');
      return;
    }
    if (BLOCKS.contains(name)) {
      flush();
      kind = name.charAt(0) == 'h' && name.length() == 2 ? Block.Kind.HEADING
          : name.equals("li") ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
    }
  }

  @Override
  public void endElement(String uri, String local, String qName) {
    String name = local.isEmpty() ? qName : local;
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (ocrDepth > 0) {
      if (name.equals("div") && --ocrDepth == 0) flushOcr();
      else if (BLOCKS.contains(name)) current.append('\n');
      return;
    }
    if (BLOCKS.contains(name)) {
      // PDF and plain text paragraphs are re-found from the lines; keep the block boundary as a line break
      if (lineLayout) current.append('\n');
      else flush();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (skipDepth > 0 || truncated) return;
    long room = maxChars - total;
    if (length > room) {
      length = (int) Math.max(0, room);
      truncated = true;
    }
    current.append(ch, start, length);
    total += length;
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    if (lineLayout) characters(ch, start, length);
  }

  private void flushOcr() {
    if (!current.toString().isBlank()) blocks.add(new Block(Ocr.tidy(current.toString()), page, Block.Kind.LINES));
    current.setLength(0);
    kind = Block.Kind.PARAGRAPH;
  }

  private void flush() {
    if (current.toString().isBlank()) {
      current.setLength(0);
      return;
    }
    blocks.add(new Block(current.toString(), Math.max(page, lineLayout && page > 0 ? page : 0),
        lineLayout ? Block.Kind.LINES : kind));
    current.setLength(0);
    kind = Block.Kind.PARAGRAPH;
  }
}
