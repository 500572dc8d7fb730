package org.policysearch.corpus;

/** A path the scan could not use (symlink loop, unreadable folder), reported by name with its reason. */
public record ScanProblem(String source, String reason) {}
