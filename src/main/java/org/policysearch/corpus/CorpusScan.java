package org.policysearch.corpus;

import java.util.List;
import java.util.Map;

/** What a walk of the corpus folder found: the documents, per-file metadata and the paths it had to skip. */
public record CorpusScan(List<SourceFile> files, Map<String, SourceMetadata> metadata, List<ScanProblem> problems) {
  /** The files at or under these paths (relative, '/' between names): a run that looks at them alone. */
  public CorpusScan under(java.util.Set<String> paths) {
    List<SourceFile> kept = new java.util.ArrayList<>();
    for (SourceFile f : files) {
      for (String p : paths) {
        if (f.source().equals(p) || f.source().startsWith(p + "/")) {
          kept.add(f);
          break;
        }
      }
    }
    return new CorpusScan(kept, metadata, problems);
  }

  public SourceMetadata metadataFor(String source) {
    return metadata.getOrDefault(source, SourceMetadata.NONE);
  }
}
