/** Terms: the bilingual glossary, the tagger that marks every mention in a passage with the same phrase queries search uses, and the concordance. */
package org.policysearch.terms;
