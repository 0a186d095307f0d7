package dev.tandem.profiles.model;

/**
 * Who a profile is and where its numbers came from.
 *
 * @param name a short identifier, for example {@code h200-llama-3.1-8b-fp8-tp1}
 * @param source free attribution text: the tool, repository, licence and any correction applied
 */
public record ProfileMetadata(String name, String source) {

  public ProfileMetadata {
    Require.text("metadata.name", name);
    source = source == null ? "" : source;
  }
}
