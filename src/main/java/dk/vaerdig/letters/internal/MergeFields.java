package dk.vaerdig.letters.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merge fields in a template: {@code {{fornavn}}}, {@code {{mødetid}}} … replaced by their values when a letter is
 * sent. A field without a value makes the letter unsendable rather than sending "{{mødetid}}" to a candidate.
 */
public final class MergeFields {

	/** The fields a template may use, in the order the editor lists them. */
	public static final List<String> FIELDS = List.of("fornavn", "efternavn", "sagsbehandler", "sagsbehandler_telefon",
			"sagsbehandler_email", "dato", "mødetid", "mødested", "frist");

	/** The fields as a writer types them: "{{fornavn}}, {{efternavn}}, …". */
	public static String listed() {
		return String.join(", ", FIELDS.stream().map(f -> "{{" + f + "}}").toList());
	}

	private MergeFields() {
	}

	public record Merged(String text, Set<String> missing) {
	}

	public static Merged merge(String template, Map<String, String> values) {
		StringBuilder out = new StringBuilder(template.length() + 64);
		Set<String> missing = new LinkedHashSet<>();
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf("{{", i);
			int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
			if (open < 0 || close < 0) {
				out.append(template, i, template.length());
				break;
			}
			out.append(template, i, open);
			String name = template.substring(open + 2, close).trim().toLowerCase(Locale.ROOT);
			String value = values.get(name);
			if (value == null || value.isBlank()) {
				missing.add(name);
				out.append(template, open, close + 2);
			}
			else {
				out.append(value);
			}
			i = close + 2;
		}
		return new Merged(out.toString(), missing);
	}

	/** The fields a text uses. */
	public static List<String> used(String template) {
		return new ArrayList<>(merge(template, Map.of()).missing());
	}
}
