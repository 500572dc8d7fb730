/** Search: query semantics ({@link org.policysearch.search.PolicyQueryParser}), the searcher over one SearcherManager, snippets with match offsets, facets, and the JSON response records shared by the CLI and the web API. */
package org.policysearch.search;
