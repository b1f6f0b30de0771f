/**
 * The text tools people pipe into ({@code sed}, {@code awk}, {@code grep}, {@code cut}, {@code tr},
 * {@code sort}, {@code uniq}, ...): one class per tool behind {@link dev.dockwire.text.TextTool},
 * reading lines from stdin or from the caller's file view ({@link dev.dockwire.text.TextFiles}).
 * Behaviour is shared; the texts of usage errors follow the {@link dev.dockwire.text.Flavour}
 * (GNU coreutils/sed and mawk on a Debian host, BusyBox in alpine). Pure: depends on nothing of ours.
 */
package dev.dockwire.text;
