/**
 * The command line: {@code dockwire run|shell|up|down|capture} parsed by picocli, their options,
 * exit statuses and output formatting (the human report and {@code --json}); the interactive
 * shell's JLine side (its line parser, Tab completer and banner). Nothing else: what a command
 * does lives in {@code run}, {@code host} and below.
 */
package dev.dockwire.cli;
