/** Analysis: one factory for every indexed field's analyser, shared by indexing, tagging and querying. */
package org.policysearch.analysis;
