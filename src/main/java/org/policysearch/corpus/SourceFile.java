package org.policysearch.corpus;

import java.nio.file.Path;

/**
 * One document file of the corpus.
 *
 * @param path absolute path
 * @param source path relative to the corpus folder, with '/' separators (the document's address)
 * @param docId readable, unique slug of the source path
 * @param size bytes
 */
public record SourceFile(Path path, String source, String docId, long size) {}
