/** CLI: the picocli commands, exit codes, and the only place that wires components together from flags. */
package org.policysearch.cli;
