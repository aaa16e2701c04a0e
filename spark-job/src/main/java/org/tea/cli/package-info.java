/**
 * The tea command line (picocli): run, generate and report, with help on every command, exit codes 0, 1 and 2,
 * progress lines and the key-figure table.
 */
package org.tea.cli;
