package dk.vaerdig.letters.internal;

/**
 * A phrase of a dictionary with its plain alternative. A word of the phrase that ends in {@code *} matches every word
 * beginning with it ("fremsend*" matches "fremsende", "fremsendes", "fremsendt").
 *
 * @param rule {@link Rule#OFFICIALESE}, {@link Rule#DISEMPOWERING} or {@link Rule#NOMINALISATION}
 * @param phrase the phrase, words separated by spaces, case does not matter
 * @param alternative the plain alternative ("" means: leave it out), or null where none fits every case
 * @param note an explanation in Danish, or null
 */
public record PhraseEntry(Rule rule, String phrase, String alternative, String note) {
}
