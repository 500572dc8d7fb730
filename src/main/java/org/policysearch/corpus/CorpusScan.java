package org.policysearch.corpus;

import java.util.List;
import java.util.Map;

/** What a walk of the corpus folder found: the documents, per-file metadata and the paths it had to skip. */
public record CorpusScan(List<SourceFile> files, Map<String, SourceMetadata> metadata, List<ScanProblem> problems) {
  public SourceMetadata metadataFor(String source) {
    return metadata.getOrDefault(source, SourceMetadata.NONE);
  }
}
