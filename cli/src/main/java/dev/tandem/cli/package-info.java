/**
 * The one entry point behind {@code ./tandem}: picocli commands ({@code validate}, {@code profile};
 * later {@code recommend}, {@code forecast}, {@code simulate}, {@code serve}). Starts without
 * Spring for every command that does not serve.
 */
package dev.tandem.cli;
